"""The weekly check-in: opt-in, private, and a colleague asked without any answer disclosed."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

import pytest

from bot.app.assembly import Assembly
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.ui import flow
from tests.callers import caller
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS, ADMIN, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import synced

MONDAY = date(2026, 11, 23)


def opt_in(assembly: Assembly, user: str) -> None:
    assembly.services.preferences.change(caller(user), checkins_on=True)


def run(assembly: Assembly) -> None:
    assembly.services.checkins.run()
    assembly.services.outbox.drain()


def asked_at_monday_lunch(assembly: Assembly, clock: FixedClock, user: str) -> None:
    """A practice whose `user` opted in, and the check-in job run at Monday lunchtime."""
    synced(assembly)
    opt_in(assembly, user)
    clock.set(at(MONDAY, time(12, 45), "Europe/London"))
    run(assembly)


def checkin_value(fake: FakeSlack, user: str, score: int) -> str:
    message = fake.messages(fake.dm_channel(user))[0]
    return next(
        e["value"] for e in message["blocks"][-1]["elements"] if e["text"]["text"] == str(score)
    )


def test_only_those_who_opted_in_are_asked_once_a_week(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    asked_at_monday_lunch(assembly, clock, SALARIED_GP)
    run(assembly)
    asked = [u for u in ACTIVE_HUMANS if fake_slack.messages(fake_slack.dm_channel(u))]
    assert asked == [SALARIED_GP]
    (message,) = fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))
    assert "Only you will ever see your answer" in message["text"]
    labels = [e["text"]["text"] for e in message["blocks"][-1]["elements"]]
    assert labels == [*"12345", "Not this week"]


def test_not_this_week_saves_nothing(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    asked_at_monday_lunch(assembly, clock, SALARIED_GP)
    message = fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))[0]
    skip = message["blocks"][-1]["elements"][-1]
    outcome = flow.tap(assembly.services.catalogue, caller(SALARIED_GP), skip["action_id"], "")
    assert isinstance(outcome, flow.Done)
    assert outcome.said.text.words().startswith("No problem: nothing is saved this week.")
    assert assembly.services.preferences.trend(caller(SALARIED_GP)) == []  # no answer stored
    assert not fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))[1:]  # nothing follows


def test_an_answer_is_theirs_alone_and_a_colleague_is_asked_without_it(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    asked_at_monday_lunch(assembly, clock, SALARIED_GP)
    value = checkin_value(fake_slack, SALARIED_GP, 4)
    with pytest.raises(Refused, match="isn't yours"):
        assembly.services.checkins.answer(caller(TRAINEE), value=value)
    reply = assembly.services.checkins.answer(caller(SALARIED_GP), value=value)
    assert "Practitioner Health" in reply  # a 4 or 5 gets real help alongside
    checkin_id = int(value.split(":")[0])
    said = assembly.services.checkins.ask_colleague(
        caller(SALARIED_GP), checkin_id=checkin_id, colleague=ADMIN
    )
    assert said.startswith("Done: I've asked Dr Tom Okafor")
    assembly.services.outbox.drain()
    (asked,) = fake_slack.messages(fake_slack.dm_channel(ADMIN))
    assert f"<@{SALARIED_GP}> might appreciate a coffee" in asked["text"]
    assert not re.search(r"\b[1-5]\b", asked["text"])  # no score, in any form
    trend = assembly.services.preferences.trend(caller(SALARIED_GP))
    assert [(c.week, c.score) for c in trend] == [("2026-W48", 4)]


def test_the_bot_can_pick_a_willing_colleague(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    asked_at_monday_lunch(assembly, clock, TRAINEE)
    value = checkin_value(fake_slack, TRAINEE, 2)
    assembly.services.checkins.answer(caller(TRAINEE), value=value)
    said = assembly.services.checkins.ask_colleague(
        caller(TRAINEE), checkin_id=int(value.split(":")[0])
    )
    assembly.services.outbox.drain()
    helpers = [
        u
        for u in ACTIVE_HUMANS
        if u != TRAINEE
        and any(
            "might appreciate a coffee" in m["text"]
            for m in fake_slack.messages(fake_slack.dm_channel(u))
        )
    ]
    assert len(helpers) == 1 and said.startswith("Done: I've asked")
    (asked,) = fake_slack.messages(fake_slack.dm_channel(helpers[0]))
    assert not re.search(r"\b[1-5]\b", asked["text"])


def test_nobody_is_asked_while_on_leave_or_in_surgery(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    opt_in(assembly, SALARIED_GP)
    assembly.services.preferences.add_leave(
        caller(SALARIED_GP),
        starts=MONDAY,
        ends=MONDAY + timedelta(days=2),
    )
    for day, hour in ((0, 12), (3, 10)):  # Monday on leave; Thursday in surgery
        clock.set(at(MONDAY + timedelta(days=day), time(hour, 45), "Europe/London"))
        run(assembly)
    assert fake_slack.messages(fake_slack.dm_channel(SALARIED_GP)) == []
    clock.set(at(MONDAY + timedelta(days=3), time(13, 0), "Europe/London"))
    run(assembly)
    assert len(fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))) == 1
