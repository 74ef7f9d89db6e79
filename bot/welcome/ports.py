"""What welcoming needs from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.core.ports import Tx
from bot.welcome.values import Welcome, WelcomeStatus


class WelcomeRepo(Protocol):
    def get(self, practice_id: int, user_id: str) -> Welcome | None: ...
    def started(self, practice_id: int) -> bool:
        """Whether the practice's first members have been recorded (so later ones are new)."""
        ...

    def settle(self, practice_id: int, user_id: str, now: datetime) -> None: ...
    def offer(self, practice_id: int, user_id: str, now: datetime) -> bool:
        """Mark them offered an introduction, once; False if they already were."""
        ...

    def answer(self, practice_id: int, user_id: str, status: WelcomeStatus, now: datetime) -> bool:
        """Offered -> accepted or declined, once."""
        ...

    def asked(self, practice_id: int, user_id: str, buddy: str, now: datetime) -> None: ...
    def buddy(self, practice_id: int, user_id: str, buddy: str, now: datetime) -> bool:
        """Record their buddy, once; False if they already have one."""
        ...


class WelcomeTx(Tx, Protocol):
    @property
    def welcomes(self) -> WelcomeRepo: ...
