"""Inbound events already handled, and the audit log of settings changes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.repos.common import insert_ignoring_duplicates, utc
from storage.tables import (
    AuditRow,
    ProcessedEventRow,
)


class SqlEvents:
    def __init__(self, session: Session) -> None:
        self.s = session

    def claim(self, key: str, now: datetime) -> bool:
        values = {"key": key, "processed_at": now}
        return insert_ignoring_duplicates(self.s, ProcessedEventRow, values)

    def forget_before(self, cutoff: datetime) -> int:
        stmt = delete(ProcessedEventRow).where(ProcessedEventRow.processed_at < cutoff)
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)


class SqlAudit:
    def __init__(self, session: Session) -> None:
        self.s = session

    def record(
        self, *, practice_id: int, actor: str, action: str, detail: dict[str, Any], now: datetime
    ) -> None:
        row = AuditRow(
            practice_id=practice_id,
            actor=actor,
            action=action,
            detail=json.dumps(detail, sort_keys=True),
            at=now,
        )
        self.s.add(row)
        self.s.flush()

    def recent(self, practice_id: int, limit: int) -> list[dict[str, Any]]:
        stmt = (
            select(AuditRow)
            .where(AuditRow.practice_id == practice_id)
            .order_by(AuditRow.id.desc())
            .limit(limit)
        )
        return [
            {"actor": r.actor, "action": r.action, "detail": json.loads(r.detail), "at": utc(r.at)}
            for r in self.s.scalars(stmt)
        ]
