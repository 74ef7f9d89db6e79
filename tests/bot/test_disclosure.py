"""The small-number rule, as properties: no shown figure rests on fewer than 5 people, and no
pair of shown figures, subtracted, pins a group of 1 to 4 people down, including a week's
figures before and after one more member joins in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.leads.disclosure import BASE, THRESHOLD, rounded, shown
from bot.leads.insights import (
    ANSWER,
    CHECKIN,
    FIGURES,
    PROTECTED,
    QUESTION,
    RANT,
    insights,
    people,
    week,
)
from bot.leads.values import Activity

MONDAY = date(2026, 11, 23)
AT = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
KINDS = st.sampled_from([RANT, QUESTION, ANSWER, PROTECTED, CHECKIN])
VALUES = {PROTECTED: ("yes", "partly", "no"), CHECKIN: ("1", "2", "3", "4", "5")}


@st.composite
def activity(draw: st.DrawFn, who: st.SearchStrategy[str]) -> Activity:
    kind = draw(KINDS)
    anonymous = kind in (RANT, QUESTION, ANSWER) and draw(st.booleans())
    value = draw(st.sampled_from(VALUES[kind])) if kind in VALUES else ""
    return Activity(kind, "" if anonymous else draw(who), AT, value)


PEOPLE = st.sampled_from([f"U{i:02d}" for i in range(14)])
WEEKS_ACTIVITY = st.lists(activity(PEOPLE), max_size=60)


def behind(acts: list[Activity], key: str) -> int:
    """The people behind a figure, counted independently of the code under test."""
    if key == "active":
        return people(acts)
    _, kind, values, _, _ = next(f for f in FIGURES if f[0] == key)
    return people(a for a in acts if a.kind == kind and (values is None or a.value in values))


Display = Callable[[int, int], "int | None"]


def pins_a_small_group(a: int, b: int, display: Display = shown) -> bool:
    """Whether two shown figures, subtracted, leave only differences of 1 to 4 possible."""

    def could_be(v: int) -> list[int]:
        return [t for t in range(v - BASE, v + BASE + 1) if t >= THRESHOLD and display(t, t) == v]

    possible = {abs(x - y) for x in could_be(a) for y in could_be(b)}
    return bool(possible) and all(1 <= d < THRESHOLD for d in possible)


def test_the_rule_at_its_edges() -> None:
    assert [shown(n, n) for n in range(0, 5)] == [None] * 5
    assert [shown(n, n) for n in (5, 6, 7, 8, 12, 13)] == [5, 5, 5, 10, 10, 15]
    assert shown(40, 4) is None  # many rants, but from 4 people: not shown
    assert rounded(12) == 10 and rounded(13) == 15


def test_the_differencing_check_catches_suppression_without_rounding() -> None:
    """Exact counts over 5 would let a lead subtract 12 from 15 and find a group of 3."""

    def exact(count: int, people: int) -> int | None:
        return count if people >= THRESHOLD else None

    assert pins_a_small_group(15, 12, exact)
    assert not pins_a_small_group(15, 10)  # rounded: 15 and 10 could be 13 and 12, or 13 and 8


@settings(max_examples=300, deadline=None)
@given(WEEKS_ACTIVITY)
def test_no_shown_figure_rests_on_fewer_than_5_people(acts: list[Activity]) -> None:
    found = week(acts, MONDAY, members=14)
    for key, figure in found.figures.items():
        if figure.value is not None:
            assert behind(acts, key) >= THRESHOLD, key
            assert figure.value % BASE == 0 and figure.value >= THRESHOLD


@settings(max_examples=300, deadline=None)
@given(WEEKS_ACTIVITY, st.lists(activity(st.just("UNEW")), min_size=1, max_size=5))
def test_no_two_shown_figures_pin_down_a_small_group_even_when_one_member_joins(
    acts: list[Activity], newcomer: list[Activity]
) -> None:
    before = week(acts, MONDAY, members=14).figures
    after = week(acts + newcomer, MONDAY, members=15).figures
    values = [f.value for f in (*before.values(), *after.values()) if f.value is not None]
    for a, b in combinations(values, 2):
        assert not pins_a_small_group(a, b), (a, b)


def test_four_active_members_show_nothing_six_show_participation_and_check_ins() -> None:
    def answered(n: int) -> list[Activity]:
        return [Activity(CHECKIN, f"U{i}", AT, "2") for i in range(n)]

    four = insights(answered(4), MONDAY, "Europe/London", members=8).this_week
    assert four.figures["active"].value is None and four.figures["checkins"].value is None
    assert four.participation is None
    six = insights(answered(6), MONDAY, "Europe/London", members=8).this_week
    assert six.figures["active"].value == 5 and six.figures["checkins"].value == 5
    assert six.participation == 60  # from the rounded 5 of 8, never from the exact 6
    seven = insights(answered(7), MONDAY, "Europe/London", members=9).this_week
    assert seven.figures == six.figures  # the one who joined and answered: no trace


def test_anonymous_posts_never_count_as_more_than_one_person() -> None:
    acts = [Activity(RANT, "", AT) for _ in range(9)] + [
        Activity(RANT, f"U{i}", AT) for i in range(3)
    ]
    assert week(acts, MONDAY, members=10).figures["rants"].value is None  # 4 people at most


def test_moderators_are_addressed_only_by_5_people_in_the_last_4_weeks() -> None:
    old = [Activity(PROTECTED, f"U{i}", MONDAY - timedelta(weeks=6), "yes") for i in range(9)]
    now = [Activity(PROTECTED, f"U{i}", MONDAY, "yes") for i in range(5)]
    said_no = [Activity(PROTECTED, f"U{i}", MONDAY, "no") for i in range(9)]
    assert not insights(old, MONDAY, "Europe/London", 10).addressing["protected_time"]
    assert not insights(said_no, MONDAY, "Europe/London", 10).addressing["protected_time"]
    found = insights(now, MONDAY, "Europe/London", 10)
    assert found.addressing["protected_time"] and found.addressing["leadership"]
    assert not found.addressing["hierarchy"] and len(found.addressing) == 12
