"""Background work: the outbox worker thread and APScheduler's few fixed jobs.

APScheduler only ticks; the database decides what is due (its job stores can't be shared
between processes, and they pickle callables), so every job here is safe to run on several
replicas at once and safe to run again. Where the database can (PostgreSQL), one replica at a
time runs a given job's pass: the others skip that tick.

Under the fast simulated clock (development and tests) the ticks and the worker's poll run as
fast as the clock, keeping each job's share of the others, but the busiest (one-minute) job
never ticks more often than every MIN_TICK real seconds: a simulated week then takes a minute or
two of real time without the passes eating every core.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC

from apscheduler.schedulers.background import BackgroundScheduler

from bot.core.logs import log_failure
from bot.core.outbox import Outbox

log = logging.getLogger(__name__)

RECONCILE_EVERY = 30.0  # real seconds
MIN_TICK = 0.02  # real seconds: the least gap between two ticks of the one-minute job
POLL = 1.0  # seconds (of the clock) the outbox worker waits when nothing wakes it
SHUTDOWN_WAIT = 12.0  # real seconds for the send in flight (the platform's timeout, and some)

Exclusive = Callable[[str], AbstractContextManager[bool]]  # True inside: this process may run it


@dataclass(frozen=True)
class Job:
    """A named job: what it does, how often, and the function that does it once."""

    name: str
    description: str
    every_minutes: int
    run: Callable[[], object]
    upcoming: Callable[[], str] | None = None  # what it will do next, in words


def minute(speed: float) -> float:
    """How many real seconds the scheduler counts as a job's minute at `speed`."""
    return 60.0 if speed <= 1 else max(60.0 / speed, MIN_TICK)


def poll_for(speed: float) -> float:
    """The outbox worker's poll (real seconds) at `speed`: POLL of the clock, never busier."""
    return POLL if speed <= 1 else max(POLL / speed, MIN_TICK)


class OutboxWorker(threading.Thread):
    """Sends as soon as something is queued, and settles stale claims every half minute.

    `stop` makes it take no new row; the send in flight is finished (its outcome recorded),
    and what is still queued stays pending for the next start or another replica."""

    def __init__(self, outbox: Outbox, poll: float = POLL) -> None:
        super().__init__(name="outbox-worker", daemon=True)
        self.outbox = outbox
        self.poll = poll
        self.stopping = outbox.stopping  # one event: set, the outbox claims nothing new either

    def run(self) -> None:
        since_reconcile = RECONCILE_EVERY
        while not self.stopping.is_set():
            # A workspace being paced is due again sooner than the poll: go back then.
            pause = min(self.poll, self.outbox.pacer.remaining() or self.poll)
            self.outbox.wake.wait(pause)
            self.outbox.wake.clear()
            since_reconcile += pause
            try:
                if since_reconcile >= RECONCILE_EVERY and not self.stopping.is_set():
                    self.outbox.reconcile()
                    since_reconcile = 0.0
                if not self.stopping.is_set():
                    self.outbox.drain()
            except Exception as exc:  # noqa: BLE001 - the worker must outlive a bad pass
                log_failure(log, "outbox pass", exc)
                self.stopping.wait(self.poll)

    def halt(self) -> None:
        """Take no new row from now on (the send in flight goes on)."""
        self.stopping.set()
        self.outbox.wake.set()

    def stop(self, timeout: float | None = None) -> bool:
        """Take no new row, finish the send in flight; True when the thread has ended."""
        self.halt()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()


class Background:
    """The outbox worker and, unless another replica runs them, the scheduled jobs; `stop`
    takes no new send or tick, and waits for the running job and the send in flight."""

    def __init__(self, worker: OutboxWorker, scheduler: BackgroundScheduler | None) -> None:
        self.worker, self.scheduler = worker, scheduler

    def stop(self, timeout: float = SHUTDOWN_WAIT) -> None:
        self.worker.halt()
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=True)  # the job running now finishes; nothing new starts
        if not self.worker.stop(timeout):
            log.warning("outbox: a send was still in flight at shutdown; it will be reconciled")


def start_background(
    outbox: Outbox,
    jobs: list[Job] | None,
    *,
    speed: float = 1.0,
    exclusive: Exclusive | None = None,
) -> Background:
    """Start the outbox worker and (when `jobs` is not None) the scheduler, at the clock's speed."""
    worker = OutboxWorker(outbox, poll=poll_for(speed))
    worker.start()
    scheduler = None if jobs is None else start_scheduler(jobs, speed=speed, exclusive=exclusive)
    return Background(worker, scheduler)


def start_scheduler(
    jobs: list[Job], *, speed: float = 1.0, exclusive: Exclusive | None = None
) -> BackgroundScheduler:
    """Run each job on its interval, in UTC, with fixed ids so restarts don't add copies.
    `exclusive(name)` says whether this process may run that job's pass now (one replica at a
    time); `speed` is the clock's (1 for the real one)."""
    scheduler = BackgroundScheduler(timezone=UTC)
    if speed > 1:  # a fast clock: a tick missed or skipped while the last runs is expected
        logging.getLogger("apscheduler").setLevel(logging.ERROR)
    for job in jobs:
        scheduler.add_job(
            guarded(job, exclusive),
            "interval",
            seconds=job.every_minutes * minute(speed),
            id=job.name,
            name=job.name,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
        )
    scheduler.start()
    return scheduler


def guarded(job: Job, exclusive: Exclusive | None = None) -> Callable[[], None]:
    """`job.run`, logging a failure instead of raising, and skipped while another replica runs
    the same job."""
    only_one = exclusive or (lambda _name: nullcontext(True))

    def run() -> None:
        try:
            with only_one(job.name) as mine:
                if mine:
                    job.run()
        except Exception as exc:  # noqa: BLE001 - one failed tick must not stop the scheduler
            log_failure(log, f"job {job.name}", exc)

    return run
