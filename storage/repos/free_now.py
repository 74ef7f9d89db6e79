"""Who is free now, until when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.core.free import Free
from storage.repos.common import utc
from storage.tables import FreeRow


class SqlFree:
    def __init__(self, session: Session) -> None:
        self.s = session

    def mark(self, free: Free, now: datetime) -> None:
        row = self.s.scalars(
            select(FreeRow).where(
                FreeRow.practice_id == free.practice_id, FreeRow.user_id == free.user_id
            )
        ).first()
        if row is None:
            row = FreeRow(practice_id=free.practice_id, user_id=free.user_id)
            self.s.add(row)
        row.until, row.updated_at = free.until, now
        self.s.flush()

    def clear(self, practice_id: int, user_id: str) -> bool:
        stmt = delete(FreeRow).where(FreeRow.practice_id == practice_id, FreeRow.user_id == user_id)
        return bool(getattr(self.s.execute(stmt), "rowcount", 0))

    def get(self, practice_id: int, user_id: str, now: datetime) -> Free | None:
        return next((f for f in self.current(practice_id, now) if f.user_id == user_id), None)

    def current(self, practice_id: int, now: datetime) -> list[Free]:
        stmt = select(FreeRow).where(FreeRow.practice_id == practice_id, FreeRow.until > now)
        return [Free(r.practice_id, r.user_id, utc(r.until)) for r in self.s.scalars(stmt)]
