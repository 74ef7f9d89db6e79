"""The weekly nudge: one a week at a free moment, never to the paused, away, off or busy."""

from __future__ import annotations

import threading
from datetime import date, time, timedelta

from bot.app.assembly import Assembly, build
from bot.app.settings import Settings
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.pacing import Pacer
from bot.core.week import SlotKind
from bot.protected_time.service import SlotRequest
from tests.callers import caller
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import (
    ACTIVE_HUMANS,
    ADMIN,
    DEACTIVATED,
    EXTERNAL,
    LOCUM_GUEST,
    OTHER_BOT,
    PARTNER_OWNER,
    SALARIED_GP,
    SALARIED_GP_2,
    SLACKBOT,
    TRAINEE,
)
from tests.handlers.slack_harness import synced

LONDON = "Europe/London"
MONDAY = date(2026, 11, 23)


def dms(fake: FakeSlack, user: str) -> list[dict]:
    return fake.messages(fake.dm_channel(user)) if user in ACTIVE_HUMANS else []


def nudge_once(assembly: Assembly) -> None:
    assembly.services.nudges.run()
    assembly.services.outbox.drain()


def add_wednesday_coffee(assembly: Assembly) -> None:
    assembly.services.protected_time.add_slot(
        caller(ADMIN),
        request=SlotRequest(2, time(10, 30), 20, 1, "C0RANTS", SlotKind.COFFEE),
    )


def set_up_the_week(assembly: Assembly) -> None:
    prefs = assembly.services.preferences
    prefs.change(caller(ADMIN), nudges_on=False)
    prefs.change(caller(SALARIED_GP_2), sessions="tue:am,pm thu:am")  # Mondays off
    prefs.add_leave(caller(LOCUM_GUEST), starts=MONDAY, ends=MONDAY + timedelta(days=4))
    prefs.change(caller(TRAINEE), paused_until=MONDAY + timedelta(days=7))


def test_run_twice_at_lunchtime_gives_each_free_gp_exactly_one(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    set_up_the_week(assembly)
    clock.set(at(MONDAY, time(10, 0), LONDON))  # everyone is in morning surgery
    nudge_once(assembly)
    assert fake_slack.calls("chat.postMessage") == []
    clock.set(at(MONDAY, time(12, 45), LONDON))
    nudge_once(assembly)
    nudge_once(assembly)
    got = {user: len(dms(fake_slack, user)) for user in ACTIVE_HUMANS}
    assert got == {
        PARTNER_OWNER: 1,
        ADMIN: 0,
        SALARIED_GP: 1,
        SALARIED_GP_2: 0,
        LOCUM_GUEST: 0,
        TRAINEE: 0,
    }
    targets = {c.body.get("users") for c in fake_slack.calls("conversations.open")}
    assert not targets & {DEACTIVATED, OTHER_BOT, SLACKBOT, EXTERNAL, "U0BOT"}
    lead_nudge = dms(fake_slack, PARTNER_OWNER)[0]["text"]
    assert "leads going first" in lead_nudge or "first to ask" in lead_nudge
    labels = [e["text"]["text"] for e in dms(fake_slack, SALARIED_GP)[0]["blocks"][-1]["elements"]]
    assert labels == ["Not now: 1 week", "Not now: 2 weeks", "Not now: 4 weeks", "Turn these off"]


def test_a_later_free_moment_in_the_same_week_catches_up(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    set_up_the_week(assembly)
    clock.set(at(MONDAY + timedelta(days=1), time(13, 0), LONDON))  # Tuesday lunch
    nudge_once(assembly)
    assert len(dms(fake_slack, SALARIED_GP_2)) == 1  # Monday was a day off; Tuesday is not


def test_protected_time_this_week_is_what_helps_most(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_wednesday_coffee(assembly)
    clock.set(at(MONDAY, time(12, 45), LONDON))
    nudge_once(assembly)
    (nudge,) = dms(fake_slack, SALARIED_GP)
    assert "protected coffee on Wednesday at 10:30 in #coffee-room" in nudge["text"]


def test_next_week_brings_a_different_kind_of_nudge(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_wednesday_coffee(assembly)
    clock.set(at(MONDAY, time(12, 45), LONDON))
    nudge_once(assembly)
    clock.set(at(MONDAY + timedelta(days=7), time(12, 45), LONDON))
    nudge_once(assembly)
    first, second = dms(fake_slack, SALARIED_GP)
    assert "protected coffee" in first["text"] and "protected coffee" not in second["text"]


def test_snoozed_and_turned_off_gps_are_left_alone(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    assembly.services.nudges.snooze(caller(SALARIED_GP), 2)
    assembly.services.nudges.turn_off(caller(TRAINEE))
    for week in range(3):
        clock.set(at(MONDAY + timedelta(weeks=week), time(12, 45), LONDON))
        nudge_once(assembly)
    assert len(dms(fake_slack, SALARIED_GP)) == 1  # only in the third week
    assert dms(fake_slack, TRAINEE) == []


def test_a_429_storm_during_the_fan_out_loses_and_doubles_nothing(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    clock.set(at(MONDAY, time(12, 45), LONDON))
    fake_slack.fail_next(
        "chat.postMessage", status=429, error="ratelimited", retry_after=1, times=4
    )
    fake_slack.fail_next("chat.postMessage", status=503, times=2)
    assembly.services.outbox.pacer = Pacer(lambda: clock.now().timestamp())  # the test's clock
    assembly.services.nudges.run()
    for _ in range(8):
        assembly.services.outbox.drain()
        clock.set(clock.now() + timedelta(seconds=30))
    assert {u: len(dms(fake_slack, u)) for u in ACTIVE_HUMANS} == dict.fromkeys(ACTIVE_HUMANS, 1)


def test_two_schedulers_on_one_database_send_each_nudge_once(
    assembly: Assembly, settings: Settings, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    clock.set(at(MONDAY, time(12, 45), LONDON))
    replica = build(settings, clock=clock, migrate=False)
    barrier = threading.Barrier(2)

    def tick(one: Assembly) -> None:
        barrier.wait()
        one.services.nudges.run()
        one.services.outbox.drain()

    threads = [threading.Thread(target=tick, args=(a,)) for a in (assembly, replica)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    replica.services.outbox.drain()
    replica.engine.dispose()
    assert {u: len(dms(fake_slack, u)) for u in ACTIVE_HUMANS} == dict.fromkeys(ACTIVE_HUMANS, 1)
