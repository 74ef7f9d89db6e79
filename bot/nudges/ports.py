"""What the weekly nudge needs from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.core.ports import Tx


class NudgeRepo(Protocol):
    def claim(
        self, practice_id: int, user_id: str, week: str, kind: str, now: datetime
    ) -> bool: ...

    def users_in(self, practice_id: int, week: str) -> set[str]: ...
    def last_kind(self, practice_id: int, user_id: str) -> str | None: ...
    def last_kinds(self, practice_id: int) -> dict[str, str]: ...


class HelpersRepo(Protocol):
    def unthanked(self, practice_id: int, asker: str, since: datetime) -> list[str]:
        """Who answered `asker`'s questions since then and has not been thanked."""
        ...

    def unthanked_by_asker(self, practice_id: int, since: datetime) -> dict[str, list[str]]: ...


class NudgesTx(Tx, Protocol):
    """The repositories the weekly nudge reads and writes."""

    @property
    def nudges(self) -> NudgeRepo: ...
    @property
    def answers(self) -> HelpersRepo: ...
