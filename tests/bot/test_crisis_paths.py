"""Crisis help never misses a path: when the guard stops the words, in answers, and when the
words were only let out. Help is private, sent once per submission, and escalated to nobody."""

from __future__ import annotations

from typing import Any

import pytest

from bot.advice.service import QuestionRequest
from bot.app.assembly import Assembly
from bot.rants import wording as rant_words
from bot.rants.service import RantRequest
from bot.rants.values import RantDestination
from bot.safety.checks import Unsafe
from bot.ui import flow
from tests.callers import caller, count, every_value, set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS, SALARIED_GP, TRAINEE

CRISIS = "I can't see a way out of this and I want to end it all"
WITH_A_PATIENT = f"{CRISIS}. Mrs Jones, DOB 12/03/1961, complained again"
HELP = "0300 0303 300"


def dms(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    return fake.messages(fake.dm_channel(user))


def helped(assembly: Assembly, fake: FakeSlack) -> dict[str, int]:
    assembly.services.outbox.drain()
    found = {u: sum(HELP in m["text"] for m in dms(fake, u)) for u in ACTIVE_HUMANS}
    return {u: n for u, n in found.items() if n}


def test_help_reaches_them_even_when_the_guard_stops_the_words(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    request = RantRequest(WITH_A_PATIENT, RantDestination.SPACE)
    for _ in range(2):  # the form comes back, and they send it again unchanged
        with pytest.raises(Unsafe) as stopped:
            assembly.services.rants.submit(caller(TRAINEE), request=request, key="view-1")
        assert stopped.value.signposted
        assert HELP in stopped.value.explanation  # shown with the form, as well as by DM
    assert helped(assembly, fake_slack) == {TRAINEE: 1}  # once, to them alone
    assert fake_slack.messages("C0RANTS") == [] and count(assembly, "rants") == 0


def test_the_form_that_comes_back_carries_the_help_too(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    raw = {"text": WITH_A_PATIENT, "destination": "space", "colleague": ""}
    outcome = flow.submit(assembly.services.catalogue, caller(TRAINEE), "rant", {}, raw, "v-2")
    assert isinstance(outcome, flow.Again)
    assert HELP in outcome.form.notice.words()
    assert "12/03/1961" not in str(outcome.form.field("text").initial)  # type: ignore[union-attr]


def test_an_answer_that_speaks_of_crisis_gets_help_privately(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    question = QuestionRequest("Anyone prescribing the new GLP-1 for weight alone?")
    assembly.services.advice.ask(caller(TRAINEE), request=question, key="q")
    assembly.services.outbox.drain()
    question_id = fake_slack.messages("C0ADVICE")[0]["blocks"][-1]["elements"][0]["value"]
    receipt = assembly.services.advice.answer(
        caller(SALARIED_GP), question_id=question_id, text=CRISIS, anonymous=True, key="a"
    )
    assert HELP in receipt.words()
    assert helped(assembly, fake_slack) == {SALARIED_GP: 1}
    assert SALARIED_GP not in every_value(assembly)  # anonymous: the help's row is sealed too


def test_just_letting_it_out_gets_help_and_no_cheery_sign_off(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    raw = {"text": CRISIS, "destination": "just_out"}
    outcome = flow.submit(assembly.services.catalogue, caller(TRAINEE), "rant", {}, raw, "v-3")
    assert isinstance(outcome, flow.Done)
    said = outcome.said.text.words()
    assert said == rant_words.rant_done("just_out", "", signposted=True).words()
    assert "Hope that helped" not in said
    assert any(HELP in m.words() for m in outcome.said.more)
    assert helped(assembly, fake_slack) == {TRAINEE: 1}
    assert TRAINEE not in every_value(assembly)  # nothing kept that says who let it out
