"""Local time done carefully: clock changes, fortnights across a 53-week year, working weeks."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.calendar import (
    Region,
    WorkingPattern,
    at,
    format_sessions,
    is_bank_holiday,
    parse_sessions,
    recurs_on,
    week_of,
)

LONDON = "Europe/London"


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 3, 27), 10),  # Friday before the clocks go forward: GMT
        (date(2026, 3, 30), 9),  # Monday after: BST, so 10:30 local is 09:30 UTC
        (date(2026, 10, 23), 9),  # Friday before the clocks go back: BST
        (date(2026, 10, 26), 10),  # Monday after: GMT again
    ],
)
def test_half_past_ten_stays_half_past_ten_across_the_clock_changes(
    day: date, utc_hour: int
) -> None:
    moment = at(day, time(10, 30), LONDON)
    assert (moment.hour, moment.minute) == (utc_hour, 30)


def test_fortnightly_slots_alternate_cleanly_across_a_53_week_year() -> None:
    # 2026 has an ISO week 53; a week-number rule (week % 2) would hold twice in a row there.
    anchor = date(2026, 11, 30)  # a Monday
    mondays = [anchor + timedelta(weeks=i) for i in range(8)]
    hits = [recurs_on(d, weekday=0, every_weeks=2, anchor=anchor) for d in mondays]
    assert hits == [True, False] * 4
    assert date(2026, 12, 28).isocalendar().week == 53


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    st.integers(0, 6),
    st.sampled_from([1, 2]),
)
def test_a_slot_recurs_exactly_every_n_weeks_after_its_anchor(
    anchor: date, weekday: int, every: int
) -> None:
    days = [anchor + timedelta(days=i) for i in range(7 * 12)]
    hits = [d for d in days if recurs_on(d, weekday=weekday, every_weeks=every, anchor=anchor)]
    assert all(d.weekday() == weekday and d >= anchor for d in hits)
    assert all((b - a).days == 7 * every for a, b in itertools.pairwise(hits))
    assert hits and (hits[0] - anchor).days < 7


def test_weeks_run_monday_to_sunday_in_the_practice_zone() -> None:
    sunday_night = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # still Sunday in London
    assert week_of(sunday_night, LONDON) == (date(2026, 11, 23), "2026-W48")
    assert week_of(sunday_night, "Asia/Tokyo")[1] == "2026-W49"  # already Monday there


def test_bank_holidays_by_region() -> None:
    assert is_bank_holiday(date(2026, 8, 31), Region.ENGLAND_WALES)
    assert not is_bank_holiday(date(2026, 8, 31), Region.SCOTLAND)
    assert is_bank_holiday(date(2026, 8, 3), Region.SCOTLAND)
    assert is_bank_holiday(date(2026, 3, 17), Region.NORTHERN_IRELAND)  # St Patrick's Day


@pytest.mark.parametrize(
    ("local", "free"),
    [
        (datetime(2026, 11, 23, 12, 45), True),  # Monday lunchtime
        (datetime(2026, 11, 23, 10, 0), False),  # morning surgery
        (datetime(2026, 11, 23, 15, 0), False),  # afternoon surgery
        (datetime(2026, 11, 23, 19, 30), False),  # quiet hours
        (datetime(2026, 11, 28, 12, 45), False),  # Saturday
    ],
)
def test_the_default_week_leaves_lunchtime_free(local: datetime, free: bool) -> None:
    moment = at(local.date(), local.time(), LONDON)
    assert WorkingPattern().free_for_a_message(moment, LONDON) is free


def test_a_part_timer_is_left_alone_on_days_off_and_free_after_a_morning_session() -> None:
    pattern = WorkingPattern(sessions=parse_sessions("mon:am,pm tue:am thu:pm"))
    assert not pattern.free_for_a_message(at(date(2026, 11, 25), time(12, 45), LONDON), LONDON)
    assert pattern.free_for_a_message(at(date(2026, 11, 24), time(15, 0), LONDON), LONDON)
    assert format_sessions(pattern.sessions) == "mon:am,pm tue:am thu:pm"


def test_leave_and_pauses() -> None:
    pattern = WorkingPattern(leave=((date(2026, 11, 23), date(2026, 11, 27)),))
    assert pattern.on_leave(date(2026, 11, 25))
    assert not pattern.on_leave(date(2026, 11, 30))
    assert WorkingPattern(paused_until=date(2026, 12, 1)).on_leave(date(2026, 11, 30))


@pytest.mark.parametrize("bad", ["monday:am", "mon:evening", "xyz"])
def test_malformed_sessions_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_sessions(bad)
