"""Bank holidays and the practice's closures are days off: no nudge, no check-in then."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.app.assembly import Assembly
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.week import DayPart
from tests.callers import caller, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS, ADMIN, SALARIED_GP

LONDON = "Europe/London"
CHRISTMAS_DAY = date(2026, 12, 25)  # a Friday
MONDAY_AFTER = date(2026, 12, 28)  # the Boxing Day substitute holiday in England and Wales
TUESDAY = date(2026, 12, 1)


def sent(fake: FakeSlack) -> int:
    return sum(len(fake.messages(fake.dm_channel(u))) for u in ACTIVE_HUMANS)


def run_jobs(assembly: Assembly) -> None:
    assembly.services.preferences.change(caller(SALARIED_GP), checkins_on=True)
    assembly.services.nudges.run()
    assembly.services.checkins.run()
    assembly.services.outbox.drain()


@pytest.mark.parametrize("day", [CHRISTMAS_DAY, MONDAY_AFTER])
def test_nothing_reaches_anyone_on_a_bank_holiday(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock, day: date
) -> None:
    synced(assembly)
    clock.set(at(day, time(12, 45), LONDON))  # lunchtime: a free moment on a working day
    run_jobs(assembly)
    assert sent(fake_slack) == 0
    assert assembly.services.nudges.run().closed == 1


def test_a_closed_afternoon_is_off_and_the_morning_is_not(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    assembly.services.protected_time.add_closure(
        caller(ADMIN), closure_day=TUESDAY, part=DayPart.PM, reason="plt"
    )
    clock.set(at(TUESDAY, time(13, 15), LONDON))  # the lunch gap, but the PLT afternoon
    run_jobs(assembly)
    assert sent(fake_slack) == 0
    clock.set(at(TUESDAY, time(12, 40), LONDON))  # still the morning: open
    run_jobs(assembly)
    assert sent(fake_slack) > 0


def test_the_same_lunchtime_on_an_ordinary_day_sends(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    clock.set(at(date(2026, 12, 22), time(12, 45), LONDON))  # a Tuesday before Christmas
    run_jobs(assembly)
    assert sent(fake_slack) > 0  # the control: the tests above can fail
