"""The fast simulated clock (development and tests only), the scheduler at its speed, and what
must stay real time however fast it runs: the outbox's lease on a send in flight."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from bot.app.assembly import Assembly, build
from bot.app.cli import clock_for
from bot.app.jobs import MIN_TICK, Job, guarded, minute, poll_for, start_scheduler
from bot.app.settings import Settings, SettingsError
from bot.core.clock import SimulatedClock, speed_of
from storage.locks import only_one
from tests.bot.test_outbox import queue
from tests.fakes.slack_api import FakeSlack

MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
AFTER_LUNCH = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # after the fixed clock queued the send
SIMULATED = {"COFFEEROOM_SIMULATED_START": "2026-11-23T08:00+00:00"}


class RealTime:
    """A stand-in for the wall clock that moves only when told."""

    def __init__(self) -> None:
        self.at = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at


def test_replicas_started_apart_share_one_simulated_timeline() -> None:
    real = RealTime()
    epoch = real.at
    first = SimulatedClock(MONDAY, 600, epoch, real=real)
    real.at += timedelta(seconds=4)  # the second replica starts four seconds later
    second = SimulatedClock(MONDAY, 600, epoch, real=real)
    assert first.now() == second.now() == MONDAY + timedelta(minutes=40)
    real.at += timedelta(seconds=6)
    assert first.now() == second.now() == MONDAY + timedelta(minutes=100)


def test_without_an_epoch_the_clock_starts_when_the_process_does() -> None:
    real = RealTime()
    clock = SimulatedClock(MONDAY, 60, real=real)
    assert clock.now() == MONDAY
    real.at += timedelta(seconds=90)
    assert clock.now() == MONDAY + timedelta(minutes=90)
    assert speed_of(clock) == 60


def test_the_settings_make_the_clock_in_development() -> None:
    env = {
        **SIMULATED,
        "COFFEEROOM_SIMULATED_SPEED": "600",
        "COFFEEROOM_SIMULATED_EPOCH": "2026-11-26T15:00+00:00",
        "COFFEEROOM_ENV": "development",
    }
    settings = Settings.from_env(env)
    assert settings.problems == ()
    clock = clock_for(None, settings)
    assert isinstance(clock, SimulatedClock)
    assert (clock.start, clock.speed, clock.epoch) == (
        MONDAY,
        600.0,
        datetime(2026, 11, 26, 15, 0, tzinfo=UTC),
    )


def test_the_simulated_clock_is_refused_in_production() -> None:
    settings = Settings.from_env({**SIMULATED, "COFFEEROOM_SIMULATED_SPEED": "600"})
    with pytest.raises(SettingsError) as refused:
        settings.check("run-http")
    assert (
        "COFFEEROOM_SIMULATED_START, COFFEEROOM_SIMULATED_SPEED: the simulated clock is for "
        "development and tests only" in str(refused.value)
    )
    assert not settings.simulated


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"COFFEEROOM_SIMULATED_SPEED": "600"}, "COFFEEROOM_SIMULATED_START should be a date"),
        ({**SIMULATED, "COFFEEROOM_SIMULATED_SPEED": "fast"}, "should be a number such as 600"),
        ({**SIMULATED, "COFFEEROOM_SIMULATED_SPEED": "0"}, "should be a number such as 600"),
        ({"COFFEEROOM_SIMULATED_START": "2026-11-23T08:00"}, "with its zone"),
        ({**SIMULATED, "COFFEEROOM_SIMULATED_EPOCH": "soon"}, "COFFEEROOM_SIMULATED_EPOCH should"),
    ],
)
def test_a_malformed_simulated_clock_is_named(env: dict[str, str], problem: str) -> None:
    settings = Settings.from_env({**env, "COFFEEROOM_ENV": "test"})
    assert any(problem in p for p in settings.problems), settings.problems
    assert not settings.simulated


def test_ticks_and_the_worker_poll_follow_the_clock_but_never_race() -> None:
    assert (minute(1), poll_for(1)) == (60.0, 1.0)  # the real clock: as ever
    assert (minute(600), poll_for(600)) == (0.1, MIN_TICK)  # ten minutes a second
    assert minute(10_080) == MIN_TICK  # a week a minute: the one-minute job at most this often
    jobs = [Job("often", "", 1, lambda: None), Job("weekly", "", 15, lambda: None)]
    scheduler = start_scheduler(jobs, speed=600)
    try:
        gaps = {job.id: job.trigger.interval for job in scheduler.get_jobs()}
    finally:
        scheduler.shutdown()
    assert gaps == {"often": timedelta(seconds=0.1), "weekly": timedelta(seconds=1.5)}


def test_a_pass_another_process_is_running_is_skipped(database_url: str) -> None:
    from storage.database import make_engine

    engine = make_engine(database_url)
    ran: list[str] = []
    job = guarded(
        Job("protected-time", "", 1, lambda: ran.append("ran")), lambda n: only_one(engine, n)
    )
    try:
        with only_one(engine, "protected-time") as mine:
            assert mine
            job()  # meanwhile, on another connection: another replica, as the database sees it
        job()  # and once the first pass has finished
    finally:
        engine.dispose()
    alone = engine.dialect.name != "postgresql"  # SQLite: one process runs the jobs
    assert ran == ["ran", "ran"] if alone else ran == ["ran"]


def test_a_send_in_flight_is_not_taken_for_lost_however_fast_the_clock(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    """A week a minute makes 60 real seconds' lease a few milliseconds of simulated time: a
    second replica's reconciler would have found the send 'stale', not found it on Slack yet,
    and sent it again."""
    queue(assembly, "k-in-flight", text="Coffee in 10 minutes?")
    epoch = datetime.now(UTC)
    sender, other = (
        build(assembly.settings, clock=SimulatedClock(AFTER_LUNCH, 10_080, epoch), migrate=False)
        for _ in range(2)
    )
    fake_slack.fail_next("chat.postMessage", delay=0.5)  # Slack is slow to answer
    try:
        sending = threading.Thread(target=sender.services.outbox.drain)
        sending.start()
        fake_slack.wait_for("chat.postMessage")  # in flight: over an hour of simulated time
        assert other.services.outbox.reconcile() == 0
        assert other.services.outbox.drain().sent == 0
        sending.join()
    finally:
        sender.engine.dispose()
        other.engine.dispose()
    assert len(fake_slack.calls("chat.postMessage")) == 1
    assert not fake_slack.calls("conversations.history")  # nothing looked up: nothing stale
