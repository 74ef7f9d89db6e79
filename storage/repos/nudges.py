"""Weekly nudges: one claimed per GP per week."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.repos.common import insert_ignoring_duplicates
from storage.tables import (
    NudgeRow,
)


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

    def last_kinds(self, practice_id: int) -> dict[str, str]:
        """Each member's most recent nudge kind, in one query."""
        stmt = (
            select(NudgeRow.user_id, NudgeRow.kind)
            .where(NudgeRow.practice_id == practice_id)
            .order_by(NudgeRow.week)
        )
        return {user: kind for user, kind in self.s.execute(stmt)}  # the latest week wins
