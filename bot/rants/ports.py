"""What rants need from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.core.ports import Tx
from bot.rants.values import Rant


class RantRepo(Protocol):
    def add(self, rant: Rant) -> None: ...
    def get(self, rant_id: str) -> Rant | None: ...
    def expiring(self, now: datetime, limit: int) -> list[Rant]: ...
    def expire(self, rant_id: str, now: datetime) -> None: ...
    def purge(self, expired_before: datetime) -> int: ...


class RantsTx(Tx, Protocol):
    """The repositories a rant touches."""

    @property
    def rants(self) -> RantRepo: ...
