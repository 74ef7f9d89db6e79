"""Retention: each capability forgets its own expired posts; the outbox and events are kept
only as long as they are useful. Runs as the `retention` job."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.core.ports import Clock, Tx, UnitOfWork

EVENT_MEMORY = timedelta(days=7)  # Slack retries for at most a day; a week is plenty
RECORD_MEMORY = timedelta(days=30)  # settled sends, and expired posts' bare records

# (now, forget records settled before this) -> (posts expired now, old records deleted)
Expirer = Callable[[datetime, datetime], tuple[int, int]]


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """What one pass removed (counts only)."""

    expired: dict[str, int] = field(default_factory=dict)  # by capability: 'rants', 'questions'
    events: int = 0
    forgotten: int = 0  # old records deleted outright

    @property
    def rants(self) -> int:
        return self.expired.get("rants", 0)

    @property
    def questions(self) -> int:
        return self.expired.get("questions", 0)


class Retention:
    """Safe to run often, and on several replicas at once."""

    def __init__(
        self, *, uow: UnitOfWork[Tx], clock: Clock, expirers: Mapping[str, Expirer]
    ) -> None:
        self.uow = uow
        self.clock = clock
        self.expirers = dict(expirers)  # each capability's own, named for the report

    def run(self) -> RetentionReport:
        now = self.clock.now()
        cutoff = now - RECORD_MEMORY
        expired: dict[str, int] = {}
        forgotten = 0
        for name, expire in self.expirers.items():
            expired[name], purged = expire(now, cutoff)
            forgotten += purged
        with self.uow() as tx:
            events = tx.events.forget_before(now - EVENT_MEMORY)
            forgotten += tx.outbox.purge(cutoff)
            # Leave that has ended (a day's grace for time zones) is no longer anyone's business.
            forgotten += tx.preferences.forget_leave_before(now.date() - timedelta(days=1))
        return RetentionReport(expired, events, forgotten)
