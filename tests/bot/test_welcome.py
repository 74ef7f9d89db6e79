"""Welcome: someone who joins after Coffee Room met the practice, or who says they are a locum or
trainee, is asked (at a free moment) whether they would like an introduction; a yes introduces
them in the coffee-room channel and asks a colleague, privately and first, to be their buddy."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.values import Platform, PlatformUser, Role
from bot.ui import flow
from bot.welcome.values import WelcomeAction
from tests.callers import caller, set_up
from tests.connections import button, inbox, sent, texts
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS, LOCUM_GUEST, TEAM_ID, make_user

NEWCOMER = "U0NEWGP"


def tap(assembly: Assembly, user: str, action: str, value: str = "") -> str:
    outcome = flow.tap(assembly.services.catalogue, caller(user), action, value)
    assert isinstance(outcome, flow.Done)
    return outcome.said.text.words()


def joins(assembly: Assembly, fake_slack: FakeSlack) -> None:
    fake_slack.add_user(make_user(NEWCOMER, "farah", "Dr Farah Khan"))
    newcomer = PlatformUser(NEWCOMER, "Dr Farah Khan")
    assembly.services.practices.learn(Platform.SLACK, TEAM_ID, newcomer)


def test_the_first_run_welcomes_nobody_already_here(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    assert assembly.services.welcome.run() == 0
    sent(assembly)
    assert all(texts(fake_slack, user) == [] for user in ACTIVE_HUMANS[2:])


def test_a_newcomer_is_offered_at_a_free_moment_introduced_and_given_a_buddy(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    assembly.services.welcome.run()
    joins(assembly, fake_slack)
    clock.set(datetime(2026, 11, 24, 9, 30, tzinfo=UTC))  # in surgery: wait
    assert assembly.services.welcome.run() == 0
    clock.set(datetime(2026, 11, 24, 12, 45, tzinfo=UTC))
    assert assembly.services.welcome.run() == 1
    assert assembly.services.welcome.run() == 0  # asked once
    sent(assembly)
    offer = inbox(fake_slack, NEWCOMER)[0]
    assert "Would you like me to introduce you" in offer["text"]
    action, _ = button(offer, "Yes please")
    assert tap(assembly, NEWCOMER, action).startswith(
        "Done: I've said hello for you in coffee-room"
    )
    assert tap(assembly, NEWCOMER, action) == "That's already sorted, thanks."
    sent(assembly)
    (hello,) = texts(fake_slack, "C0RANTS")
    assert f"<@{NEWCOMER}> is with us as a colleague. Do say hello!" in hello
    asked = [u for u in ACTIVE_HUMANS if any("buddy" in t for t in texts(fake_slack, u))]
    assert len(asked) == 1 and asked[0] != LOCUM_GUEST
    (buddy,) = asked
    no, value = button(inbox(fake_slack, buddy)[-1], "Not this time")
    assert tap(assembly, buddy, no, value) == "No problem at all: I'll ask someone else."
    sent(assembly)
    second = [
        u for u in ACTIVE_HUMANS if u != buddy and any("buddy" in t for t in texts(fake_slack, u))
    ]
    assert len(second) == 1
    yes, value = button(inbox(fake_slack, second[0])[-1], "Happy to")
    assert tap(assembly, second[0], yes, value).startswith("Thank you: I've let them know")
    assert (
        tap(assembly, buddy, yes, value)
        == "Thank you: someone has already said yes, so they're in good hands."
    )
    sent(assembly)
    assert f"<@{second[0]}> will be your buddy" in texts(fake_slack, NEWCOMER)[-1]


def test_saying_you_are_a_locum_brings_the_offer_and_no_thanks_posts_nothing(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    assembly.services.welcome.run()
    assembly.services.preferences.set_role(caller(LOCUM_GUEST), role=Role.LOCUM)
    assert assembly.services.welcome.run() == 1
    sent(assembly)
    assert (
        tap(assembly, LOCUM_GUEST, WelcomeAction.NO) == "No problem. Nothing is posted about you."
    )
    sent(assembly)
    assert texts(fake_slack, "C0RANTS") == []
