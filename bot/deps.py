"""What the peer-support services share: storage, practice rules, the outbox, sealing, time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.model import Member, Practice
from bot.outbox import Outbox
from bot.ports import Cipher, Clock, Tx, UnitOfWork
from bot.practices import Practices


@dataclass(frozen=True)
class Deps:
    """Injected once into each service that needs the lot."""

    uow: UnitOfWork
    practices: Practices
    outbox: Outbox
    cipher: Cipher
    clock: Clock


class PeerService:
    """The base of each peer-support service: its collaborators, from one Deps."""

    def __init__(self, deps: Deps) -> None:
        self.uow = deps.uow
        self.practices = deps.practices
        self.outbox = deps.outbox
        self.cipher = deps.cipher
        self.clock = deps.clock

    def each_member(self, consider: Callable[[Tx, Practice, Member, datetime], None]) -> None:
        """Call `consider` for every active member, one transaction per practice."""
        now = self.clock.now()
        with self.uow() as tx:
            practices = tx.practices.all()
        for practice in practices:
            with self.uow() as tx:
                for member in tx.members.active(practice.id):
                    consider(tx, practice, member, now)
