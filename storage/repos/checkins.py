"""Weekly check-ins: one a week per GP, answers theirs alone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.core.week import CheckIn
from storage.repos.common import insert_ignoring_duplicates
from storage.tables import (
    CheckinRow,
)


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

    def claimed(self, practice_id: int, week: str) -> set[str]:
        """Who has had this week's check-in already, in one query."""
        stmt = select(CheckinRow.user_id).where(
            CheckinRow.practice_id == practice_id, CheckinRow.week == week
        )
        return set(self.s.scalars(stmt))
