"""Rants: who wrote one (sealed when anonymous) and when it leaves the shared space."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.rants.values import Rant, RantDestination
from storage.repos.common import utc
from storage.tables import RantRow


class SqlRants:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, rant: Rant) -> None:
        self.s.add(
            RantRow(
                id=rant.id,
                practice_id=rant.practice_id,
                destination=rant.destination,
                author=rant.author or None,
                author_sealed=rant.author_sealed or None,
                colleague=rant.colleague or None,
                created_at=rant.created_at,
                expires_at=rant.expires_at,
            )
        )
        self.s.flush()

    def get(self, rant_id: str) -> Rant | None:
        row = self.s.get(RantRow, rant_id)
        return _rant(row) if row and row.expired_at is None else None

    def expiring(self, now: datetime, limit: int) -> list[Rant]:
        stmt = (
            select(RantRow)
            .where(RantRow.expires_at <= now, RantRow.expired_at.is_(None))
            .limit(limit)
        )
        return [_rant(r) for r in self.s.scalars(stmt)]

    def purge(self, expired_before: datetime) -> int:
        stmt = delete(RantRow).where(RantRow.expired_at < expired_before)
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)

    def expire(self, rant_id: str, now: datetime) -> None:
        # Destroys the relay link: once expired, nobody can reach (or unmask) the author.
        stmt = (
            update(RantRow).where(RantRow.id == rant_id).values(author_sealed=None, expired_at=now)
        )
        self.s.execute(stmt)


def _rant(row: RantRow) -> Rant:
    return Rant(
        id=row.id,
        practice_id=row.practice_id,
        destination=RantDestination(row.destination),
        author=row.author or "",
        author_sealed=row.author_sealed or "",
        colleague=row.colleague or "",
        created_at=utc(row.created_at),
        expires_at=utc(row.expires_at),
    )
