"""Protected time through a simulated week: the right messages, at the right local times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.core.week import DayPart, SlotKind
from bot.protected_time.service import SlotRequest
from bot.protected_time.values import SlotAction
from tests.callers import caller
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import synced

LONDON = ZoneInfo("Europe/London")
TEN_MINUTES = timedelta(minutes=10)  # the reminder's lead, and the shortest phase's window


def add_slot(
    assembly: Assembly,
    weekday: int,
    *,
    every: int = 1,
    first: date | None = None,
    start: time = time(10, 30),
    minutes: int = 15,
) -> None:
    assembly.services.protected_time.add_slot(
        caller(ADMIN),
        request=SlotRequest(weekday, start, minutes, every, "C0RANTS", SlotKind.COFFEE, first),
    )


def ticks(
    start: datetime, end: datetime, step: timedelta, slot: time, minutes: int
) -> list[datetime]:
    """When to tick between `start` and `end`: every `step`, and on every day at each of the
    slot's phase moments (reminder, start, end; local time) and the minute before and after.

    Every phase may be sent for at least ten minutes after its moment (the reminder, ten
    minutes before a slot of fifteen, is the shortest), so a ten-minute step still meets every
    message the scheduler would send at any time on any day, and the ticks either side of each
    moment place a message to the minute (five-minute ticks placed it to five minutes)."""
    found: set[datetime] = set()
    moment = start
    while moment < end:
        found.add(moment)
        moment += step
    opens = datetime.combine(date(2000, 1, 1), slot)
    phases = [opens - TEN_MINUTES, opens, opens + timedelta(minutes=minutes)]
    day = start.astimezone(LONDON).date() - timedelta(days=1)
    while day <= end.astimezone(LONDON).date():
        for phase in phases:
            local = datetime.combine(day, phase.time(), tzinfo=LONDON)
            for offset in (-1, 0, 1):
                at = (local + timedelta(minutes=offset)).astimezone(UTC)
                if start <= at < end:
                    found.add(at)
        day += timedelta(days=1)
    return sorted(found)


def simulate(
    assembly: Assembly,
    fake: FakeSlack,
    clock: FixedClock,
    start: datetime,
    days: float,
    step: timedelta = TEN_MINUTES,
    slot: time = time(10, 30),
    minutes: int = 15,
) -> list[tuple[str, str]]:
    """Tick the scheduler; return (local time, first words) of each message as it appears."""
    seen: list[tuple[str, str]] = []
    before = len(fake.messages("C0RANTS"))
    for moment in ticks(start, start + timedelta(days=days), step, slot, minutes):
        clock.set(moment)
        assembly.services.protected_time.run()
        assembly.services.outbox.drain()
        for message in fake.messages("C0RANTS")[before + len(seen) :]:
            local = moment.astimezone(LONDON).strftime("%a %d %b %H:%M")
            seen.append((local, message["text"].split("*")[1]))
    return seen


def test_a_week_gives_reminder_starter_and_follow_up_at_local_times(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_slot(assembly, weekday=2)  # Wednesdays 10:30 for 15 minutes
    seen = simulate(assembly, fake_slack, clock, datetime(2026, 11, 23, tzinfo=UTC), 7)
    assert seen == [
        ("Wed 25 Nov 10:20", "Coffee in 10 minutes?"),
        ("Wed 25 Nov 10:30", "Protected coffee is starting."),
        ("Wed 25 Nov 10:45", "Did you get to take it?"),
    ]


@pytest.mark.parametrize(
    ("monday", "utc_reminder"),
    [(date(2026, 3, 30), time(9, 20)), (date(2026, 10, 26), time(10, 20))],
)
def test_the_clock_change_weeks(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock, monday: date, utc_reminder: time
) -> None:
    synced(assembly)
    add_slot(assembly, weekday=0, first=date(2026, 1, 5))  # Mondays 10:30, set up in winter
    start = datetime.combine(monday, time(8, 0), tzinfo=UTC)
    seen = simulate(assembly, fake_slack, clock, start, 0.25)
    assert [s[0][-5:] for s in seen] == ["10:20", "10:30", "10:45"]  # local: unchanged
    # ...which in UTC is an hour earlier in summer: nothing five minutes before, then the reminder.
    reminder = datetime.combine(monday, utc_reminder, tzinfo=UTC)
    fake_slack.clear()
    for moment, expected in ((reminder - timedelta(minutes=5), 0), (reminder, 1)):
        with assembly.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM outbox")  # replay the day from scratch
        clock.set(moment)
        assembly.services.protected_time.run()
        assembly.services.outbox.drain()
        assert len(fake_slack.calls("chat.postMessage")) == expected


def test_nothing_on_a_bank_holiday_or_a_closure(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_slot(assembly, weekday=0, first=date(2026, 3, 30))  # Mondays; 6 April is Easter Monday
    assembly.services.protected_time.add_closure(
        caller(ADMIN),
        closure_day=date(2026, 4, 13),
        part=DayPart.AM,
        reason="plt",
    )
    for monday in (date(2026, 4, 6), date(2026, 4, 13)):
        start = datetime.combine(monday, time(9, 0), tzinfo=UTC)
        assert simulate(assembly, fake_slack, clock, start, 0.2) == []
    start = datetime.combine(date(2026, 4, 20), time(9, 0), tzinfo=UTC)
    assert len(simulate(assembly, fake_slack, clock, start, 0.2)) == 3


def test_fortnightly_across_new_year_in_a_53_week_year(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_slot(assembly, weekday=3, every=2, first=date(2026, 12, 14))  # Thursdays, fortnightly
    hits = []
    for week in range(6):
        thursday = date(2026, 12, 17) + timedelta(weeks=week)
        start = datetime.combine(thursday, time(9, 0), tzinfo=UTC)
        if simulate(assembly, fake_slack, clock, start, 0.2, step=timedelta(minutes=10)):
            hits.append(thursday.isoformat())
    assert hits == ["2026-12-17", "2026-12-31", "2027-01-14"]


def test_missed_occurrences_are_caught_up_only_while_they_still_matter(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_slot(assembly, weekday=2)
    clock.set(datetime(2026, 11, 25, 10, 40, tzinfo=UTC))  # down until mid-slot
    assembly.services.protected_time.run()
    assembly.services.outbox.drain()
    texts = [m["text"] for m in fake_slack.messages("C0RANTS")]
    assert len(texts) == 1 and "starting" in texts[0]  # the reminder is no longer meaningful
    assembly.services.protected_time.run()
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_answers_are_stored_one_per_person(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    add_slot(assembly, weekday=2)
    service = assembly.services.protected_time
    (slot,) = service.slots(caller(ADMIN))
    value = f"{slot.id}:2026-11-25"
    for user, action in (
        (SALARIED_GP, SlotAction.IN),
        (TRAINEE, SlotAction.IN),
        (TRAINEE, SlotAction.OUT),
    ):
        service.answer(caller(user), action=action, value=value)
    with assembly.services.outbox.uow() as tx:
        assert tx.slot_answers.tally(slot.id, date(2026, 11, 25), "reminder") == {"in": 1, "out": 1}


def test_only_leads_configure_protected_time(assembly: Assembly) -> None:
    synced(assembly)
    with pytest.raises(Refused, match="Only the practice's leads"):
        assembly.services.protected_time.add_slot(
            caller(TRAINEE),
            request=SlotRequest(2, time(10, 30), 15, 1, "C0RANTS", SlotKind.COFFEE),
        )
    with assembly.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM protected_slots").scalar() == 0


def test_the_next_moment_is_the_next_reminder(assembly: Assembly, clock: FixedClock) -> None:
    synced(assembly)
    add_slot(assembly, weekday=2)
    found = assembly.services.protected_time.next_moment()
    assert found is not None
    at, phase, _slot = found
    assert (at.astimezone(LONDON).strftime("%a %H:%M"), phase) == ("Wed 10:20", "reminder")
