"""Protected-time slots, closures, and who took part."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.core.week import Closure, DayPart, Slot, SlotKind
from storage.repos.common import insert_ignoring_duplicates
from storage.tables import (
    ClosureRow,
    SlotAnswerRow,
    SlotRow,
)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _time(value: str) -> time:
    return time.fromisoformat(value)


class SqlSlots:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, slot: Slot, now: datetime) -> Slot:
        row = SlotRow(
            practice_id=slot.practice_id,
            channel_id=slot.channel_id,
            channel_name=slot.channel_name,
            kind=slot.kind,
            weekday=slot.weekday,
            start=_hhmm(slot.start),
            minutes=slot.minutes,
            every_weeks=slot.every_weeks,
            anchor=slot.anchor,
            active=True,
            created_at=now,
        )
        self.s.add(row)
        self.s.flush()
        return _slot(row)

    def active(self, practice_id: int | None = None) -> list[Slot]:
        stmt = (
            select(SlotRow).where(SlotRow.active.is_(True)).order_by(SlotRow.weekday, SlotRow.start)
        )
        if practice_id is not None:
            stmt = stmt.where(SlotRow.practice_id == practice_id)
        return [_slot(r) for r in self.s.scalars(stmt)]

    def get(self, slot_id: int) -> Slot | None:
        row = self.s.get(SlotRow, slot_id)
        return _slot(row) if row and row.active else None

    def remove(self, practice_id: int, slot_id: int) -> bool:
        stmt = (
            update(SlotRow)
            .where(SlotRow.id == slot_id, SlotRow.practice_id == practice_id, SlotRow.active)
            .values(active=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount)


def _slot(row: SlotRow) -> Slot:
    return Slot(
        row.id,
        row.practice_id,
        row.channel_id,
        row.channel_name,
        SlotKind(row.kind),
        row.weekday,
        _time(row.start),
        row.minutes,
        row.every_weeks,
        row.anchor,
    )


class SqlClosures:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, closure: Closure) -> bool:
        values = {
            "practice_id": closure.practice_id,
            "day": closure.day,
            "part": closure.part,
            "reason": closure.reason,
        }
        return insert_ignoring_duplicates(self.s, ClosureRow, values)

    def between(self, practice_id: int, first: date, last: date) -> list[Closure]:
        stmt = (
            select(ClosureRow)
            .where(
                ClosureRow.practice_id == practice_id,
                ClosureRow.day >= first,
                ClosureRow.day <= last,
            )
            .order_by(ClosureRow.day)
        )
        return [
            Closure(r.practice_id, r.day, DayPart(r.part), r.reason) for r in self.s.scalars(stmt)
        ]

    def remove(self, practice_id: int, day: date) -> int:
        stmt = delete(ClosureRow).where(
            ClosureRow.practice_id == practice_id, ClosureRow.day == day
        )
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)


class SqlSlotAnswers:
    def __init__(self, session: Session) -> None:
        self.s = session

    def record(
        self, *, slot_id: int, occurs_on: date, user_id: str, phase: str, answer: str, now: datetime
    ) -> None:
        stmt = select(SlotAnswerRow).where(
            SlotAnswerRow.slot_id == slot_id,
            SlotAnswerRow.occurs_on == occurs_on,
            SlotAnswerRow.user_id == user_id,
            SlotAnswerRow.phase == phase,
        )
        row = self.s.scalars(stmt).first()
        if row is None:
            row = SlotAnswerRow(slot_id=slot_id, occurs_on=occurs_on, user_id=user_id, phase=phase)
            self.s.add(row)
        row.answer, row.at = answer, now  # a changed mind replaces the earlier answer
        self.s.flush()

    def tally(self, slot_id: int, occurs_on: date, phase: str) -> dict[str, int]:
        stmt = select(SlotAnswerRow.answer).where(
            SlotAnswerRow.slot_id == slot_id,
            SlotAnswerRow.occurs_on == occurs_on,
            SlotAnswerRow.phase == phase,
        )
        counts: dict[str, int] = {}
        for answer in self.s.scalars(stmt):
            counts[answer] = counts.get(answer, 0) + 1
        return counts
