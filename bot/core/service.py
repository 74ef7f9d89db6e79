"""What the peer-support services share: storage, practice rules, the outbox, sealing, time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from bot.core.outbox import Outbox
from bot.core.people import People
from bot.core.ports import Cipher, Clock, Tx, UnitOfWork
from bot.core.values import Member, Practice


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

    def each_member(self, consider: Callable[[TxT, Practice, Member, datetime], None]) -> None:
        """Call `consider` for every active member, one transaction per practice."""
        now = self.clock.now()
        with self.uow() as tx:
            practices = tx.practices.all()
        for practice in practices:
            with self.uow() as tx:
                for member in tx.members.active(practice.id):
                    consider(tx, practice, member, now)
