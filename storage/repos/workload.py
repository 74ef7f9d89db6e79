"""Pooled work: requests and their tasks; a claim is one conditional UPDATE."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.workload.values import Due, Pool, Task, TaskKind
from storage.repos.common import utc
from storage.tables import PoolRow, PoolTaskRow


def _pool(row: PoolRow) -> Pool:
    return Pool(
        id=row.id,
        practice_id=row.practice_id,
        asker=row.asker,
        due=Due(row.due),
        created_at=utc(row.created_at),
        withdrawn=row.withdrawn_at is not None,
    )


def _task(row: PoolTaskRow) -> Task:
    return Task(
        id=row.id,
        pool_id=row.pool_id,
        kind=TaskKind(row.kind),
        how_many=row.how_many,
        claimed_by=row.claimed_by or "",
        thanked=row.thanked,
        withdrawn=row.withdrawn,
    )


class SqlPools:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, pool: Pool, tasks: list[tuple[TaskKind, int]]) -> list[Task]:
        self.s.add(
            PoolRow(
                id=pool.id,
                practice_id=pool.practice_id,
                asker=pool.asker,
                due=pool.due.value,
                created_at=pool.created_at,
            )
        )
        rows = [PoolTaskRow(pool_id=pool.id, kind=k.value, how_many=n) for k, n in tasks]
        self.s.add_all(rows)
        self.s.flush()
        return [_task(r) for r in rows]

    def get(self, pool_id: str) -> Pool | None:
        row = self.s.get(PoolRow, pool_id)
        return _pool(row) if row else None

    def tasks(self, pool_id: str) -> list[Task]:
        stmt = select(PoolTaskRow).where(PoolTaskRow.pool_id == pool_id).order_by(PoolTaskRow.id)
        return [_task(r) for r in self.s.scalars(stmt)]

    def task(self, task_id: int) -> Task | None:
        row = self.s.get(PoolTaskRow, task_id, populate_existing=True)
        return _task(row) if row else None

    def claim(self, task_id: int, user_id: str, now: datetime) -> bool:
        # The conditional UPDATE is the claim: of two colleagues at once, exactly one matches.
        stmt = (
            update(PoolTaskRow)
            .where(
                PoolTaskRow.id == task_id,
                PoolTaskRow.claimed_by.is_(None),
                PoolTaskRow.withdrawn.is_(False),
            )
            .values(claimed_by=user_id, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount == 1)

    def thank(self, task_id: int) -> bool:
        stmt = (
            update(PoolTaskRow)
            .where(PoolTaskRow.id == task_id, PoolTaskRow.thanked.is_(False))
            .values(thanked=True)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount == 1)

    def withdraw(self, pool_id: str, now: datetime) -> int:
        stmt = (
            update(PoolTaskRow)
            .where(
                PoolTaskRow.pool_id == pool_id,
                PoolTaskRow.claimed_by.is_(None),
                PoolTaskRow.withdrawn.is_(False),
            )
            .values(withdrawn=True)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        self.s.execute(
            update(PoolRow)
            .where(PoolRow.id == pool_id, PoolRow.withdrawn_at.is_(None))
            .values(withdrawn_at=now)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)
