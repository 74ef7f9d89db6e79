"""What pooling the work needs from storage."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.core.free import FreeTx
from bot.workload.values import Pool, Task, TaskKind


class PoolRepo(Protocol):
    def add(self, pool: Pool, tasks: list[tuple[TaskKind, int]]) -> list[Task]: ...
    def get(self, pool_id: str) -> Pool | None: ...
    def tasks(self, pool_id: str) -> list[Task]: ...
    def task(self, task_id: int) -> Task | None: ...
    def claim(self, task_id: int, user_id: str, now: datetime) -> bool:
        """Take a task if nobody has and it is not withdrawn: one conditional UPDATE, so of two
        colleagues at once exactly one gets it."""
        ...

    def thank(self, task_id: int) -> bool: ...
    def withdraw(self, pool_id: str, now: datetime) -> int:
        """Withdraw what nobody has taken; how many tasks that was."""
        ...


class WorkloadTx(FreeTx, Protocol):
    """The repositories a pool request touches."""

    @property
    def pools(self) -> PoolRepo: ...
