"""Welcomes: who was offered an introduction, who was asked to be their buddy, and who said yes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.welcome.values import Welcome, WelcomeStatus
from storage.repos.common import insert_ignoring_duplicates
from storage.tables import WelcomeRow


class SqlWelcomes:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _row(self, practice_id: int, user_id: str) -> WelcomeRow | None:
        stmt = select(WelcomeRow).where(
            WelcomeRow.practice_id == practice_id, WelcomeRow.user_id == user_id
        )
        return self.s.scalars(stmt.execution_options(populate_existing=True)).first()

    def get(self, practice_id: int, user_id: str) -> Welcome | None:
        row = self._row(practice_id, user_id)
        if row is None:
            return None
        asked = tuple(a for a in row.asked.split(",") if a)
        return Welcome(row.practice_id, row.user_id, WelcomeStatus(row.status), row.buddy, asked)

    def started(self, practice_id: int) -> bool:
        stmt = select(WelcomeRow.id).where(WelcomeRow.practice_id == practice_id).limit(1)
        return self.s.scalars(stmt).first() is not None

    def _insert(self, practice_id: int, user_id: str, status: WelcomeStatus, now: datetime) -> bool:
        values = {
            "practice_id": practice_id,
            "user_id": user_id,
            "status": status.value,
            "buddy": "",
            "asked": "",
            "updated_at": now,
        }
        return insert_ignoring_duplicates(self.s, WelcomeRow, values)

    def settle(self, practice_id: int, user_id: str, now: datetime) -> None:
        self._insert(practice_id, user_id, WelcomeStatus.SETTLED, now)

    def _move(self, practice_id: int, user_id: str, *where: Any, **values: Any) -> bool:
        stmt = (
            update(WelcomeRow)
            .where(WelcomeRow.practice_id == practice_id, WelcomeRow.user_id == user_id, *where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount == 1)

    def offer(self, practice_id: int, user_id: str, now: datetime) -> bool:
        if self._insert(practice_id, user_id, WelcomeStatus.OFFERED, now):
            return True
        settled = WelcomeRow.status == WelcomeStatus.SETTLED.value
        return self._move(
            practice_id, user_id, settled, status=WelcomeStatus.OFFERED.value, updated_at=now
        )

    def answer(self, practice_id: int, user_id: str, status: WelcomeStatus, now: datetime) -> bool:
        offered = WelcomeRow.status == WelcomeStatus.OFFERED.value
        return self._move(practice_id, user_id, offered, status=status.value, updated_at=now)

    def asked(self, practice_id: int, user_id: str, buddy: str, now: datetime) -> None:
        row = self._row(practice_id, user_id)
        if row is not None:
            row.asked = ",".join([a for a in row.asked.split(",") if a] + [buddy])
            row.updated_at = now
            self.s.flush()

    def buddy(self, practice_id: int, user_id: str, buddy: str, now: datetime) -> bool:
        unset = WelcomeRow.buddy == ""
        return self._move(practice_id, user_id, unset, buddy=buddy, updated_at=now)
