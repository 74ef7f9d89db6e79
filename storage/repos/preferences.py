"""Each GP's own preferences and leave."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from bot.core.calendar import WorkingPattern, format_sessions, parse_sessions
from bot.core.week import Preferences
from storage.repos.common import read
from storage.repos.protected_time import _hhmm, _time
from storage.tables import (
    LeaveRow,
    PreferenceRow,
)

# One GP's settings and leave, read on every tap that shows them (storage.repos.common.read).
_ONE = PreferenceRow.__table__.c
_PREFERENCES = select(PreferenceRow.__table__).where(
    _ONE.practice_id == bindparam("practice"), _ONE.user_id == bindparam("user")
)
_LEAVE = (
    select(LeaveRow.starts, LeaveRow.ends)
    .where(LeaveRow.practice_id == bindparam("practice"), LeaveRow.user_id == bindparam("user"))
    .order_by(LeaveRow.starts)
)


class SqlPreferences:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _row(self, practice_id: int, user_id: str) -> PreferenceRow | None:
        stmt = select(PreferenceRow).where(
            PreferenceRow.practice_id == practice_id, PreferenceRow.user_id == user_id
        )
        return self.s.scalars(stmt).first()

    def get(self, practice_id: int, user_id: str) -> Preferences:
        row = read(self.s, _PREFERENCES, practice=practice_id, user=user_id).first()
        leave = read(self.s, _LEAVE, practice=practice_id, user=user_id)
        return _preferences(practice_id, user_id, row, tuple((r.starts, r.ends) for r in leave))

    def of_practice(self, practice_id: int) -> dict[str, Preferences]:
        """Everyone's preferences in one practice, in two queries (whoever set none is absent)."""
        rows = {
            r.user_id: r
            for r in self.s.scalars(
                select(PreferenceRow).where(PreferenceRow.practice_id == practice_id)
            )
        }
        leave: dict[str, list[tuple[date, date]]] = {}
        stmt = select(LeaveRow).where(LeaveRow.practice_id == practice_id).order_by(LeaveRow.starts)
        for r in self.s.scalars(stmt):
            leave.setdefault(r.user_id, []).append((r.starts, r.ends))
        return {
            user: _preferences(practice_id, user, rows.get(user), tuple(leave.get(user, ())))
            for user in set(rows) | set(leave)
        }

    def forget_leave_before(self, day: date) -> int:
        """Leave that ended before `day` is no longer anyone's business."""
        result: Any = self.s.execute(delete(LeaveRow).where(LeaveRow.ends < day))
        return int(result.rowcount)

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

    def add_leave(self, practice_id: int, user_id: str, starts: date, ends: date) -> None:
        self.s.add(LeaveRow(practice_id=practice_id, user_id=user_id, starts=starts, ends=ends))
        self.s.flush()

    def clear_leave(self, practice_id: int, user_id: str) -> int:
        stmt = delete(LeaveRow).where(
            LeaveRow.practice_id == practice_id, LeaveRow.user_id == user_id
        )
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)


def _preferences(
    practice_id: int, user_id: str, row: Any, leave: tuple[tuple[date, date], ...]
) -> Preferences:
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
        own=True,
    )
