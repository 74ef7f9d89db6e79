"""What protected time needs from storage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from bot.core.ports import Tx


class SlotAnswerRepo(Protocol):
    def record(
        self,
        *,
        slot_id: int,
        occurs_on: date,
        user_id: str,
        phase: str,
        answer: str,
        now: datetime,
    ) -> None: ...
    def tally(self, slot_id: int, occurs_on: date, phase: str) -> dict[str, int]: ...


class ProtectedTimeTx(Tx, Protocol):
    """The repositories protected time touches."""

    @property
    def slot_answers(self) -> SlotAnswerRepo: ...
