"""Run it past someone, once, at the domain: questions, answers, offers of help and thanks; who
stays hidden, what is sent once, and what the guard stops on every path."""

from __future__ import annotations

from typing import Any

import pytest

from bot.advice import wording
from bot.advice.service import QuestionRequest
from bot.advice.values import Topic, Urgency
from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.safety.checks import Unsafe
from bot.ui import flow
from bot.ui.forms import Raw
from tests.callers import caller, count, every_value, set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE

QUESTION = "Would you start a statin for a QRISK of 11% in a 58-year-old who is keen?"
ANSWER = "I'd offer it and document the shared decision; recheck lipids at 3 months."
IDENTIFIERS = [
    "943 476 5919",
    "9434765919",
    "943-476-5919",
    "NHS no. 943 476 5919",
    "DOB 12/03/1961",
    "d.o.b. 12.3.61",
    "born 12 March 1961",
    "DOB: 1961-03-12",
    "SW1A 1AA",
    "M1 1AE",
    "b15 2tt",
]


def ask(
    assembly: Assembly,
    user: str,
    text: str = QUESTION,
    *,
    anonymous: bool = False,
    colleague: str = "",
    key: str = "ask-1",
) -> None:
    request = QuestionRequest(text, colleague, anonymous, Topic.PRESCRIBING, Urgency.TODAY)
    assembly.services.advice.ask(caller(user), request=request, key=key)
    assembly.services.outbox.drain()


def question_id(fake: FakeSlack) -> str:
    (question,) = [m for m in fake.messages("C0ADVICE") if not m.get("thread_ts")]
    return str(question["blocks"][-1]["elements"][0]["value"])


def answer(
    assembly: Assembly,
    fake: FakeSlack,
    helper: str,
    text: str = ANSWER,
    *,
    anonymous: bool = False,
    key: str = "answer-1",
) -> str:
    said = assembly.services.advice.answer(
        caller(helper), question_id=question_id(fake), text=text, anonymous=anonymous, key=key
    ).words()
    assembly.services.outbox.drain()
    return said


def dms(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    return fake.messages(fake.dm_channel(user))


def test_a_question_reaches_the_advice_space_with_its_asker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE)
    (posted,) = fake_slack.messages("C0ADVICE")
    assert QUESTION in posted["text"]
    assert f"<@{TRAINEE}> asks (Prescribing, today):" in posted["text"]
    assert TRAINEE in every_value(assembly)  # named: kept, so the anonymous tests can fail


def test_an_anonymous_question_and_everything_after_it_leave_no_trace_of_the_asker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    assert TRAINEE not in str(question)
    advice = assembly.services.advice
    assert advice.can_help(caller(ADMIN), question_id=question_id(fake_slack)) == (
        wording.CAN_HELP_SENT
    )
    assert answer(assembly, fake_slack, PARTNER_OWNER) == wording.ANSWER_SENT
    advice.thread_reply(caller(ADMIN), channel="C0ADVICE", thread=question["ts"], key="ev-1")
    assembly.services.outbox.drain()
    assert len(dms(fake_slack, TRAINEE)) == 3  # the offer, the answer, the thread reply
    stored = every_value(assembly)
    assert TRAINEE not in stored and "Rahman" not in stored
    assert fake_slack.dm_channel(TRAINEE) not in stored
    assert QUESTION not in stored and ANSWER not in stored
    assert count(assembly, "contacts") == 0  # nobody is linked to an anonymous asker


def test_an_answer_goes_under_the_question_and_to_the_asker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    answer(assembly, fake_slack, PARTNER_OWNER)
    in_thread = [m for m in fake_slack.messages("C0ADVICE") if m.get("thread_ts")]
    assert [m["thread_ts"] for m in in_thread] == [question["ts"]]
    assert ANSWER in in_thread[0]["text"] and f"<@{PARTNER_OWNER}>" in in_thread[0]["text"]
    (to_asker,) = dms(fake_slack, TRAINEE)
    assert ANSWER in to_asker["text"]
    assert to_asker["blocks"][-1]["elements"][0]["text"]["text"] == wording.HELPFUL


def test_a_resubmitted_question_or_answer_is_sent_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    for _ in range(3):
        ask(assembly, TRAINEE, key="ask-1")
    assert len(fake_slack.messages("C0ADVICE")) == 1
    assert count(assembly, "questions") == 1
    for _ in range(3):
        answer(assembly, fake_slack, ADMIN, key="answer-1")
    assert len([m for m in fake_slack.messages("C0ADVICE") if m.get("thread_ts")]) == 1
    assert len(dms(fake_slack, TRAINEE)) == 1
    assert count(assembly, "answers") == 1


def test_i_can_help_is_relayed_once(assembly: Assembly, fake_slack: FakeSlack) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, anonymous=True)
    advice = assembly.services.advice
    first = advice.can_help(caller(ADMIN), question_id=question_id(fake_slack))
    again = advice.can_help(caller(ADMIN), question_id=question_id(fake_slack))
    assert (first, again) == (wording.CAN_HELP_SENT, core_words.REPLY_ALREADY_SENT)
    assembly.services.outbox.drain()
    (relayed,) = dms(fake_slack, TRAINEE)
    assert f"<@{ADMIN}> can help" in relayed["text"]


def test_a_question_to_one_colleague_goes_only_to_them(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, colleague=ADMIN)
    assert fake_slack.messages("C0ADVICE") == []
    (dm,) = dms(fake_slack, ADMIN)
    assert QUESTION in dm["text"]
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_nobody_answers_their_own_question(assembly: Assembly, fake_slack: FakeSlack) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, anonymous=True)
    with pytest.raises(Refused, match=wording.OWN_QUESTION):
        answer(assembly, fake_slack, TRAINEE)
    assert count(assembly, "answers") == 0


@pytest.mark.parametrize("identifier", IDENTIFIERS)
@pytest.mark.parametrize(
    "how",
    [{}, {"anonymous": True}, {"colleague": ADMIN}],
    ids=["to-the-space", "anonymously", "to-a-colleague"],
)
def test_identifiers_stop_a_question_and_nothing_is_kept(
    assembly: Assembly, fake_slack: FakeSlack, identifier: str, how: dict[str, Any]
) -> None:
    set_up(assembly)
    before = every_value(assembly)
    with pytest.raises(Unsafe) as unsafe:
        ask(assembly, SALARIED_GP, f"Patient {identifier}, {QUESTION}", **how)
    assert identifier not in unsafe.value.explanation
    assert fake_slack.calls("chat.postMessage") == []
    assert every_value(assembly) == before


@pytest.mark.parametrize("identifier", [*IDENTIFIERS, "Mrs Jones, 84"])
def test_identifiers_stop_an_answer_and_nothing_is_kept(
    assembly: Assembly, fake_slack: FakeSlack, identifier: str
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE)
    before, posted = every_value(assembly), len(fake_slack.calls("chat.postMessage"))
    with pytest.raises(Unsafe):
        answer(assembly, fake_slack, ADMIN, f"Same as {identifier} last week")
    assert len(fake_slack.calls("chat.postMessage")) == posted
    assert every_value(assembly) == before


@pytest.mark.parametrize("identifier", ["943 476 5919", "DOB 12/03/1961", "SW1A 1AA"])
@pytest.mark.parametrize("form", ["question", "answer"])
def test_a_guarded_form_comes_back_redacted_with_the_reason(
    assembly: Assembly, fake_slack: FakeSlack, identifier: str, form: str
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE)
    before = every_value(assembly)
    raw: dict[str, Raw] = {"text": f"Same as the patient {identifier} last week", "anonymous": ()}
    state = {"question": question_id(fake_slack)} if form == "answer" else {}
    catalogue = assembly.services.catalogue
    outcome = flow.submit(catalogue, caller(ADMIN), form, state, raw, "v1")
    assert isinstance(outcome, flow.Again)
    text = outcome.form.field("text")
    assert text is not None and isinstance(text.initial, str)
    assert "[removed]" in text.initial and identifier not in text.initial
    assert text.initial.startswith("Same as the patient ") and text.initial.endswith(" last week")
    assert "patient details" in outcome.form.notice.words()
    assert dict(outcome.form.state) == state  # an answer still knows its question
    assert every_value(assembly) == before


def test_words_brought_to_the_question_form_are_redacted_before_it_opens(
    assembly: Assembly,
) -> None:
    """What a message shortcut (or `runitpast WORDS`) pre-fills: never refused, redacted."""
    set_up(assembly)
    words = "What do we do when 07700 900123 rings again?"
    outcome = flow.command(assembly.services.catalogue, caller(SALARIED_GP), "runitpast", words)
    assert isinstance(outcome, flow.Open)
    text = outcome.form.field("text")
    assert text is not None and text.initial == "What do we do when [removed] rings again?"
    assert "a phone number" in outcome.form.notice.words()


def test_only_the_asker_can_mark_helpful_and_the_anonymous_helper_is_thanked_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, anonymous=True)
    answer(assembly, fake_slack, SALARIED_GP, anonymous=True)
    (to_asker,) = dms(fake_slack, TRAINEE)
    answer_id = to_asker["blocks"][-1]["elements"][0]["value"]
    advice = assembly.services.advice
    with pytest.raises(Refused, match=wording.ONLY_ASKER):
        advice.helpful(caller(ADMIN), answer_id=answer_id)
    assembly.services.outbox.drain()
    assert dms(fake_slack, SALARIED_GP) == []
    for _ in range(2):
        assert advice.helpful(caller(TRAINEE), answer_id=answer_id) == wording.THANKS_SENT
    assembly.services.outbox.drain()
    (thanks,) = dms(fake_slack, SALARIED_GP)
    assert wording.THANKED in thanks["text"]
    stored = every_value(assembly)
    assert SALARIED_GP not in stored and TRAINEE not in stored  # both stay sealed


def test_a_thread_reply_is_signalled_to_the_asker_once_and_not_forwarded(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    ask(assembly, TRAINEE, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    advice = assembly.services.advice
    mine = advice.thread_reply(caller(TRAINEE), channel="C0ADVICE", thread=question["ts"], key="e0")
    assert mine is False  # the asker's own reply tells nobody anything
    signalled = [
        advice.thread_reply(caller(ADMIN), channel="C0ADVICE", thread=question["ts"], key="e1")
        for _ in range(2)  # the event and its retry
    ]
    assert signalled == [True, False]
    assembly.services.outbox.drain()
    (note,) = dms(fake_slack, TRAINEE)
    assert note["text"] == wording.THREAD_REPLY_RELAY
