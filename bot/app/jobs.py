"""Background work: the outbox worker thread and APScheduler's few fixed jobs.

APScheduler only ticks; the database decides what is due (its job stores can't be shared
between processes, and they pickle callables), so every job here is safe to run on several
replicas at once and safe to run again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC

from apscheduler.schedulers.background import BackgroundScheduler

from bot.core.logs import log_failure
from bot.core.outbox import Outbox

log = logging.getLogger(__name__)

RECONCILE_EVERY = 30.0  # seconds


@dataclass(frozen=True)
class Job:
    """A named job: what it does, how often, and the function that does it once."""

    name: str
    description: str
    every_minutes: int
    run: Callable[[], object]
    upcoming: Callable[[], str] | None = None  # what it will do next, in words


class OutboxWorker(threading.Thread):
    """Sends as soon as something is queued, and settles stale claims every half minute."""

    def __init__(self, outbox: Outbox, poll: float = 1.0) -> None:
        super().__init__(name="outbox-worker", daemon=True)
        self.outbox = outbox
        self.poll = poll
        self.stopping = threading.Event()

    def run(self) -> None:
        since_reconcile = RECONCILE_EVERY
        while not self.stopping.is_set():
            self.outbox.wake.wait(self.poll)
            self.outbox.wake.clear()
            since_reconcile += self.poll
            try:
                if since_reconcile >= RECONCILE_EVERY:
                    self.outbox.reconcile()
                    since_reconcile = 0.0
                self.outbox.drain()
            except Exception as exc:  # noqa: BLE001 - the worker must outlive a bad pass
                log_failure(log, "outbox pass", exc)
                self.stopping.wait(self.poll)

    def stop(self) -> None:
        self.stopping.set()
        self.outbox.wake.set()


def start_scheduler(jobs: list[Job]) -> BackgroundScheduler:
    """Run each job on its interval, in UTC, with fixed ids so restarts don't add copies."""
    scheduler = BackgroundScheduler(timezone=UTC)
    for job in jobs:
        scheduler.add_job(
            _guarded(job),
            "interval",
            minutes=job.every_minutes,
            id=job.name,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
        )
    scheduler.start()
    return scheduler


def _guarded(job: Job) -> Callable[[], None]:
    def run() -> None:
        try:
            job.run()
        except Exception as exc:  # noqa: BLE001 - one failed tick must not stop the scheduler
            log_failure(log, f"job {job.name}", exc)

    return run
