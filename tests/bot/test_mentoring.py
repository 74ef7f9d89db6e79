"""Mentoring: matches across seniority, preferring shared interests, never the mentee's line
manager; both say yes before anyone is named; a regular slot reminded at a moment free for both;
either side can end it without the other being told why."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.mentoring.matching import best_mentor, may_mentor
from bot.mentoring.values import MentorAction, MentorSlot, Profile
from bot.ui import flow
from bot.ui.forms import Raw
from tests.callers import caller, count, synced
from tests.connections import button, inbox, sent, texts
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE

YEARS = (0, 2, 5, 10, 20)
INTERESTS = ("career", "clinical", "teaching", "wellbeing")


def profiles(n: int) -> st.SearchStrategy[list[Profile]]:
    one = st.builds(
        Profile,
        practice_id=st.just(1),
        user_id=st.just(""),
        offering=st.booleans(),
        seeking=st.booleans(),
        years=st.sampled_from(YEARS),
        interests=st.lists(st.sampled_from(INTERESTS), unique=True).map(tuple),
        line_manager=st.sampled_from([f"gp{i}" for i in range(n)] + [""]),
    )
    return st.lists(one, min_size=n, max_size=n).map(
        lambda ps: [_with_id(p, f"gp{i}") for i, p in enumerate(ps)]
    )


def _with_id(p: Profile, user_id: str) -> Profile:
    return Profile(
        p.practice_id, user_id, p.offering, p.seeking, p.years, p.interests, p.line_manager
    )


@settings(max_examples=300, deadline=None)
@given(everyone=profiles(6), who=st.integers(0, 5))
def test_a_mentor_is_never_the_line_manager_and_always_more_senior(
    everyone: list[Profile], who: int
) -> None:
    mentee = everyone[who]
    chosen = best_mentor(mentee, everyone)
    if chosen is None:  # nobody fits: then truly nobody may mentor them
        assert not any(may_mentor(p, mentee) for p in everyone)
        return
    assert chosen.user_id != mentee.line_manager
    assert chosen.user_id != mentee.user_id
    assert chosen.offering and chosen.years > mentee.years
    shared = len(set(chosen.interests) & set(mentee.interests))
    assert all(
        len(set(p.interests) & set(mentee.interests)) <= shared
        for p in everyone
        if may_mentor(p, mentee)
    )


def test_the_line_manager_is_passed_over_even_as_the_only_fit() -> None:
    mentee = Profile(1, "trainee", False, True, 0, ("teaching",), line_manager="boss")
    boss = Profile(1, "boss", True, False, 20, ("teaching",))
    assert best_mentor(mentee, [mentee, boss]) is None
    other = Profile(1, "other", True, False, 10, ())
    assert best_mentor(mentee, [mentee, boss, other]) == other


def save(assembly: Assembly, user: str, wants: str, years: str, **more: Raw) -> str:
    raw = {"wants": wants, "years": years, **more}
    catalogue = assembly.services.catalogue
    outcome = flow.submit(catalogue, caller(user), "mentoring_form", {}, raw, f"k-{user}")
    assert isinstance(outcome, flow.Done), outcome
    return outcome.said.text.words()


def tap(assembly: Assembly, user: str, action: str, value: str) -> str:
    outcome = flow.tap(assembly.services.catalogue, caller(user), action, value)
    assert isinstance(outcome, flow.Done)
    return outcome.said.text.words()


def test_a_mentee_is_matched_never_with_their_line_manager_and_both_say_yes_first(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    save(assembly, TRAINEE, "seek", "0", interests=("teaching",), manager=PARTNER_OWNER)
    save(assembly, PARTNER_OWNER, "offer", "20", interests=("teaching",))  # the line manager
    save(assembly, ADMIN, "offer", "10", interests=("career",))
    found = tap(assembly, TRAINEE, MentorAction.FIND, "")
    assert found.startswith("I've found someone")
    sent(assembly)
    assert texts(fake_slack, PARTNER_OWNER) == []  # never asked: the line manager
    (to_mentor,) = texts(fake_slack, ADMIN)
    (to_mentee,) = texts(fake_slack, TRAINEE)
    assert "Would you mentor a colleague?" in to_mentor and TRAINEE not in to_mentor
    assert "A possible mentor" in to_mentee and ADMIN not in to_mentee  # nobody named yet
    action, match = button(inbox(fake_slack, TRAINEE)[0], "Yes")
    assert tap(assembly, TRAINEE, action, match).startswith("Thanks. I'll introduce you")
    sent(assembly)
    assert len(texts(fake_slack, TRAINEE)) == 1  # still no introduction
    assert tap(assembly, ADMIN, action, match) == "You both said yes: I've introduced you."
    assert (
        tap(assembly, ADMIN, action, match) == "That proposal has closed. Nothing more is needed."
    )
    sent(assembly)
    assert f"meet <@{ADMIN}>, your mentor" in texts(fake_slack, TRAINEE)[-1]
    assert f"meet <@{TRAINEE}>, your mentee" in texts(fake_slack, ADMIN)[-1]
    assert tap(assembly, TRAINEE, MentorAction.FIND, "").startswith("You already have a mentor")


def test_a_decline_is_not_explained_and_the_next_fit_is_asked(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    save(assembly, TRAINEE, "seek", "0", interests=("teaching",))
    save(assembly, PARTNER_OWNER, "offer", "20", interests=("teaching",))
    save(assembly, ADMIN, "offer", "10")
    tap(assembly, TRAINEE, MentorAction.FIND, "")
    sent(assembly)
    action, match = button(inbox(fake_slack, PARTNER_OWNER)[0], "Not this one")
    assert tap(assembly, PARTNER_OWNER, action, match) == "No problem: nobody will be told why."
    sent(assembly)
    told = texts(fake_slack, TRAINEE)[1:]
    (closed,) = [t for t in told if "didn't come together this time" in t]
    assert PARTNER_OWNER not in closed
    assert any("A possible mentor" in t for t in told)  # the next fit
    assert "Would you mentor a colleague?" in texts(fake_slack, ADMIN)[0]


def test_a_slot_is_reminded_at_a_moment_free_for_both_and_ending_is_graceful(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    save(assembly, TRAINEE, "seek", "0")
    save(assembly, SALARIED_GP, "offer", "5")
    tap(assembly, TRAINEE, MentorAction.FIND, "")
    sent(assembly)
    action, match = button(inbox(fake_slack, TRAINEE)[0], "Yes")
    tap(assembly, TRAINEE, action, match)
    tap(assembly, SALARIED_GP, action, match)
    wednesday = date(2026, 11, 25)
    slot = MentorSlot(wednesday.weekday(), time(13, 30), 30, 2, date(2026, 11, 23))
    said = assembly.services.mentoring.set_slot(caller(TRAINEE), match, slot)
    assert said.startswith("Saved: Wednesdays at 13:30 for 30 minutes, every fortnight")
    clock.set(datetime(2026, 11, 25, 11, 0, tzinfo=UTC))  # in morning surgery: not yet
    assert assembly.services.mentoring.run().reminded == 0
    clock.set(datetime(2026, 11, 25, 12, 45, tzinfo=UTC))  # lunchtime, before the slot
    assert assembly.services.mentoring.run().reminded == 2
    assert assembly.services.mentoring.run().reminded == 0  # once per occurrence
    clock.set(datetime(2026, 12, 2, 12, 45, tzinfo=UTC))  # the off week of a fortnight
    assert assembly.services.mentoring.run().reminded == 0
    assert tap(assembly, SALARIED_GP, MentorAction.END, match).startswith("Ended, gracefully")
    sent(assembly)
    ended = texts(fake_slack, TRAINEE)[-1]
    assert "has come to a close" in ended and "why" not in ended
    assert count(assembly, "mentor_matches", "status = 'ended'") == 1
    assert "isn't a mentoring match of yours" in tap(assembly, ADMIN, MentorAction.END, match)
