"""Repositories for the practice's week: slots, closures, preferences, check-ins, nudges."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.calendar import WorkingPattern, format_sessions, parse_sessions
from bot.rhythm import CheckIn, Closure, DayPart, Preferences, Slot, SlotKind
from storage.repositories import insert_ignoring_duplicates
from storage.tables import (
    CheckinRow,
    ClosureRow,
    ContactRow,
    LeaveRow,
    NudgeRow,
    PreferenceRow,
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


class SqlPreferences:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _row(self, practice_id: int, user_id: str) -> PreferenceRow | None:
        stmt = select(PreferenceRow).where(
            PreferenceRow.practice_id == practice_id, PreferenceRow.user_id == user_id
        )
        return self.s.scalars(stmt).first()

    def get(self, practice_id: int, user_id: str) -> Preferences:
        row = self._row(practice_id, user_id)
        leave = self._leave(practice_id, user_id)
        if row is None:
            return Preferences(practice_id, user_id, WorkingPattern(leave=leave))
        pattern = WorkingPattern(
            sessions=parse_sessions(row.sessions)
            if row.sessions is not None
            else WorkingPattern().sessions,
            quiet=(_time(row.quiet_start), _time(row.quiet_end)),
            leave=leave,
            paused_until=row.paused_until,
        )
        return Preferences(
            practice_id,
            user_id,
            pattern,
            row.nudges_on,
            row.checkins_on,
            row.snoozed_until,
            row.sessions is not None,
        )

    def save(self, prefs: Preferences, now: datetime) -> None:
        row = self._row(prefs.practice_id, prefs.user_id)
        if row is None:
            row = PreferenceRow(practice_id=prefs.practice_id, user_id=prefs.user_id)
            self.s.add(row)
        pattern = prefs.pattern
        row.sessions = format_sessions(pattern.sessions) if prefs.customised else None
        row.quiet_start, row.quiet_end = _hhmm(pattern.quiet[0]), _hhmm(pattern.quiet[1])
        row.nudges_on, row.checkins_on = prefs.nudges_on, prefs.checkins_on
        row.paused_until, row.snoozed_until = pattern.paused_until, prefs.snoozed_until
        row.updated_at = now
        self.s.flush()

    def _leave(self, practice_id: int, user_id: str) -> tuple[tuple[date, date], ...]:
        stmt = (
            select(LeaveRow)
            .where(LeaveRow.practice_id == practice_id, LeaveRow.user_id == user_id)
            .order_by(LeaveRow.starts)
        )
        return tuple((r.starts, r.ends) for r in self.s.scalars(stmt))

    def add_leave(self, practice_id: int, user_id: str, starts: date, ends: date) -> None:
        self.s.add(LeaveRow(practice_id=practice_id, user_id=user_id, starts=starts, ends=ends))
        self.s.flush()

    def clear_leave(self, practice_id: int, user_id: str) -> int:
        stmt = delete(LeaveRow).where(
            LeaveRow.practice_id == practice_id, LeaveRow.user_id == user_id
        )
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)


class SqlCheckins:
    def __init__(self, session: Session) -> None:
        self.s = session

    def claim(self, practice_id: int, user_id: str, week: str, now: datetime) -> int | None:
        values = {"practice_id": practice_id, "user_id": user_id, "week": week, "created_at": now}
        if not insert_ignoring_duplicates(self.s, CheckinRow, values):
            return None
        return self._id(practice_id, user_id, week)

    def _id(self, practice_id: int, user_id: str, week: str) -> int:
        stmt = select(CheckinRow.id).where(
            CheckinRow.practice_id == practice_id,
            CheckinRow.user_id == user_id,
            CheckinRow.week == week,
        )
        return int(self.s.scalars(stmt).one())

    def get(self, checkin_id: int) -> CheckIn | None:
        row = self.s.get(CheckinRow, checkin_id)
        return CheckIn(row.id, row.practice_id, row.user_id, row.week, row.score) if row else None

    def answer(self, checkin_id: int, score: int) -> None:
        self.s.execute(update(CheckinRow).where(CheckinRow.id == checkin_id).values(score=score))

    def history(self, practice_id: int, user_id: str, limit: int) -> list[CheckIn]:
        stmt = (
            select(CheckinRow)
            .where(
                CheckinRow.practice_id == practice_id,
                CheckinRow.user_id == user_id,
                CheckinRow.score.is_not(None),
            )
            .order_by(CheckinRow.week.desc())
            .limit(limit)
        )
        return [
            CheckIn(r.id, r.practice_id, r.user_id, r.week, r.score) for r in self.s.scalars(stmt)
        ][::-1]


class SqlNudges:
    def __init__(self, session: Session) -> None:
        self.s = session

    def claim(self, practice_id: int, user_id: str, week: str, kind: str, now: datetime) -> bool:
        values = {
            "practice_id": practice_id,
            "user_id": user_id,
            "week": week,
            "kind": kind,
            "created_at": now,
        }
        return insert_ignoring_duplicates(self.s, NudgeRow, values)

    def users_in(self, practice_id: int, week: str) -> set[str]:
        stmt = select(NudgeRow.user_id).where(
            NudgeRow.practice_id == practice_id, NudgeRow.week == week
        )
        return set(self.s.scalars(stmt))

    def last_kind(self, practice_id: int, user_id: str) -> str | None:
        stmt = (
            select(NudgeRow.kind)
            .where(NudgeRow.practice_id == practice_id, NudgeRow.user_id == user_id)
            .order_by(NudgeRow.week.desc())
            .limit(1)
        )
        return self.s.scalars(stmt).first()


class SqlContacts:
    def __init__(self, session: Session) -> None:
        self.s = session

    def record(self, practice_id: int, one: str, other: str, now: datetime) -> None:
        if one == other:
            return
        a, b = sorted((one, other))
        insert_ignoring_duplicates(
            self.s, ContactRow, {"practice_id": practice_id, "a": a, "b": b, "at": now}
        )

    def of(self, practice_id: int, user_id: str) -> set[str]:
        stmt = select(ContactRow.a, ContactRow.b).where(
            ContactRow.practice_id == practice_id,
            (ContactRow.a == user_id) | (ContactRow.b == user_id),
        )
        return {b if a == user_id else a for a, b in self.s.execute(stmt)}
