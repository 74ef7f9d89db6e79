"""What the peer-support services share: storage, practice rules, the outbox, sealing, time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from bot.core.calendar import Region
from bot.core.outbox import Outbox
from bot.core.people import People
from bot.core.ports import Cipher, Clock, Tx, UnitOfWork
from bot.core.values import Member, Practice
from bot.core.week import closed


@dataclass(frozen=True)
class Deps:
    """Injected once into each service that needs the lot."""

    uow: UnitOfWork[Any]  # storage's, which serves every capability's Tx
    practices: People
    outbox: Outbox
    cipher: Cipher
    clock: Clock


TxT = TypeVar("TxT", bound=Tx)


class PeerService(Generic[TxT]):
    """The base of each peer-support service: its collaborators, from one Deps.

    `TxT` names the repositories the service needs (its capability's own Tx).
    """

    def __init__(self, deps: Deps) -> None:
        self.uow: UnitOfWork[TxT] = deps.uow
        self.practices = deps.practices
        self.outbox = deps.outbox
        self.cipher = deps.cipher
        self.clock = deps.clock

    def each_member(self, consider: Callable[[TxT, Practice, Member, datetime], None]) -> int:
        """Call `consider` for every active member of every practice open now, one transaction
        per practice. A practice on a bank holiday or a closed (half) day is passed over, so
        nothing reaches its GPs then; returns how many practices were."""
        now = self.clock.now()
        with self.uow() as tx:
            practices = tx.practices.all()
        shut = 0
        for practice in practices:
            with self.uow() as tx:
                if closed_now(tx, practice, now):
                    shut += 1
                    continue
                for member in tx.members.active(practice.id):
                    consider(tx, practice, member, now)
        return shut

    def open_practices(self, now: datetime) -> tuple[list[Practice], int]:
        """The practices open now (not on a bank holiday or a closed (half) day), read without
        taking a write lock, and how many were shut."""
        with self.uow.read() as tx:
            practices = tx.practices.all()
            open_now = [p for p in practices if not closed_now(tx, p, now)]
        return open_now, len(practices) - len(open_now)


def closed_now(tx: Tx, practice: Practice, now: datetime) -> bool:
    """Whether the practice is shut at `now`, in its own time zone."""
    local = now.astimezone(ZoneInfo(practice.timezone))
    closures = tx.closures.between(practice.id, local.date(), local.date())
    return closed(local.date(), local.time(), Region(practice.holiday_region), closures)
