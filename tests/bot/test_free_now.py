"""Free now, and 'run it past colleagues free now': a GP says they have a gap until a time; a
question reaches them first (privately, answers back to the asker), or the advice channel with
a kind word when nobody is free."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.advice.service import QuestionRequest
from bot.advice.values import Urgency
from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.free_now.values import FreeAction, Span
from bot.ui import flow
from tests.callers import caller, set_up, synced
from tests.connections import button, inbox, sent, texts
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import SALARIED_GP, SALARIED_GP_2, TRAINEE

QUESTION = "Would you switch a PPI to an H2 blocker for someone worried about long-term use?"


def said(assembly: Assembly, user: str, action: str, value: str = "") -> str:
    outcome = flow.tap(assembly.services.catalogue, caller(user), action, value)
    assert isinstance(outcome, flow.Done)
    return outcome.said.text.words()


@pytest.mark.parametrize(
    ("span", "until"),
    [(Span.HALF_HOUR, "13:15"), (Span.SESSION, "14:00"), (Span.TODAY, "19:00")],
)
def test_free_until_half_an_hour_the_next_surgery_or_the_end_of_the_day(
    assembly: Assembly, span: Span, until: str
) -> None:
    synced(assembly)
    assert f"free until {until}" in said(assembly, SALARIED_GP, FreeAction.MARK, span)
    assert assembly.services.free_now.until(caller(SALARIED_GP)).strftime("%H:%M") == until  # type: ignore[union-attr]


def test_stopping_and_the_end_of_the_day(assembly: Assembly, clock: FixedClock) -> None:
    synced(assembly)
    said(assembly, SALARIED_GP, FreeAction.MARK, Span.HALF_HOUR)
    assert said(assembly, SALARIED_GP, FreeAction.STOP) == "Done: you're no longer shown as free."
    assert said(assembly, SALARIED_GP, FreeAction.STOP).startswith("You weren't marked")
    clock.set(datetime(2026, 11, 23, 19, 30, tzinfo=UTC))
    with pytest.raises(Refused, match="working day is over"):
        assembly.services.free_now.mark(caller(SALARIED_GP), Span.TODAY)


def ask_free(assembly: Assembly, key: str = "q1", anonymous: bool = False) -> object:
    request = QuestionRequest(QUESTION, anonymous=anonymous, urgency=Urgency.NOW, free_now=True)
    outcome = assembly.services.advice.ask(caller(TRAINEE), request=request, key=key)
    sent(assembly)
    return outcome


def test_a_question_reaches_colleagues_free_now_and_their_answer_comes_back(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    assembly.services.free_now.mark(caller(SALARIED_GP), Span.HALF_HOUR)
    outcome = ask_free(assembly, anonymous=True)
    assert outcome.free == 1 and not outcome.fell_back  # type: ignore[attr-defined]
    assert inbox(fake_slack, "C0ADVICE") == [] and texts(fake_slack, SALARIED_GP_2) == []
    question = inbox(fake_slack, SALARIED_GP)[0]
    assert "You said you're free now" in str(question) and TRAINEE not in str(question)
    _, question_id = button(question, "Answer")
    receipt = assembly.services.advice.answer(
        caller(SALARIED_GP),
        question_id=question_id,
        text="Yes, reasonable.",
        anonymous=False,
        key="a1",
    )
    assert receipt.words().startswith("Thanks: your answer is on its way")
    sent(assembly)
    assert "Your question has an answer" in texts(fake_slack, TRAINEE)[-1]


def test_nobody_free_means_the_advice_channel_and_a_kind_word(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    outcome = ask_free(assembly)
    assert outcome.fell_back and outcome.where == "run-it-past"  # type: ignore[attr-defined]
    assert len(inbox(fake_slack, "C0ADVICE")) == 1
    reply = flow.submit(
        assembly.services.catalogue,
        caller(TRAINEE),
        "question",
        {},
        {"text": QUESTION, "urgency": "now", "free": "yes"},
        "q2",
    )
    assert isinstance(reply, flow.Done)
    assert reply.said.text.words().startswith("Nobody has said they're free just now")
