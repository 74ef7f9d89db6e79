"""Who has been in touch with whom through Coffee Room (for 'a colleague you haven't met')."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.repos.common import insert_ignoring_duplicates
from storage.tables import (
    ContactRow,
)


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

    def all(self, practice_id: int) -> dict[str, set[str]]:
        """Who has been in touch with whom in a practice, in one query."""
        known: dict[str, set[str]] = {}
        stmt = select(ContactRow.a, ContactRow.b).where(ContactRow.practice_id == practice_id)
        for a, b in self.s.execute(stmt):
            known.setdefault(a, set()).add(b)
            known.setdefault(b, set()).add(a)
        return known
