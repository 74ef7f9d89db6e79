"""What the peer-support services share: storage, the practice rules, the outbox, sealing, time."""

from __future__ import annotations

from dataclasses import dataclass

from bot.outbox import Outbox
from bot.ports import Cipher, Clock, UnitOfWork
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
