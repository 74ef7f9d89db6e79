"""Run it past someone on Slack: questions, answers in the thread, offers of help, thanks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.app.assembly import Assembly
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import body_json, dispatch, every_value, ready
from tests.slack_requests import (
    command_body,
    form_state,
    message_action,
    message_shortcut,
    thread_reply,
    view_submission,
)

QUESTION = "Would you start a statin for a QRISK of 11% in a 58-year-old who is keen?"
ANSWER = "I'd offer it and document the shared decision; recheck lipids at 3 months."


def ask(
    assembly: Assembly,
    fake: FakeSlack,
    user: str,
    text: str,
    *,
    anonymous: bool = False,
    colleague: str | None = None,
    view_id: str = "V0ASK01",
) -> dict[str, Any]:
    app = assembly.slack_app
    assert app is not None
    dispatch(app, command_body("/runitpast", user, response_url=fake.url + "response/c"))
    view = fake.calls("views.open")[-1].body["view"]
    state = form_state(
        text, anonymous=anonymous, colleague=colleague, topic="prescribing", urgency="today"
    )
    answer = body_json(dispatch(app, view_submission(user, view, state, view_id=view_id)))
    assembly.services.outbox.drain()
    return answer


def press(
    assembly: Assembly,
    fake: FakeSlack,
    user: str,
    message: dict[str, Any],
    index: int,
    channel: str,
) -> Any:
    button = message["blocks"][-1]["elements"][index]
    body = message_action(
        user,
        button["action_id"],
        button["value"],
        channel=channel,
        message_ts=message["ts"],
        response_url=fake.url + "response/p",
    )
    assert assembly.slack_app is not None
    response = dispatch(assembly.slack_app, body)
    assembly.services.outbox.drain()
    return response


def answer_it(
    assembly: Assembly,
    fake: FakeSlack,
    helper: str,
    question: dict[str, Any],
    text: str,
    *,
    anonymous: bool = False,
) -> dict[str, Any]:
    press(assembly, fake, helper, question, 0, "C0ADVICE")
    form = fake.calls("views.open")[-1].body["view"]
    assert form["callback_id"] == "answer_form"
    state = form_state(text, anonymous=anonymous)
    assert assembly.slack_app is not None
    result = dispatch(assembly.slack_app, view_submission(helper, form, state, view_id="V0ANS1"))
    assembly.services.outbox.drain()
    return body_json(result)


def test_a_question_reaches_the_advice_space(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    answer = ask(assembly, fake_slack, TRAINEE, QUESTION)
    assert "Asked in #run-it-past" in json.dumps(answer["view"])
    (posted,) = fake_slack.messages("C0ADVICE")
    assert QUESTION in posted["text"]
    assert f"<@{TRAINEE}> asks (Prescribing, today):" in posted["text"]
    labels = [e["text"]["text"] for e in posted["blocks"][-1]["elements"]]
    assert labels == ["Answer", "I can help"]


def test_an_answer_appears_in_the_question_thread_and_reaches_the_asker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    done = answer_it(assembly, fake_slack, PARTNER_OWNER, question, ANSWER)
    assert "your answer is on its way" in json.dumps(done["view"])
    in_thread = [m for m in fake_slack.messages("C0ADVICE") if m.get("thread_ts")]
    assert len(in_thread) == 1
    assert in_thread[0]["thread_ts"] == question["ts"]
    assert ANSWER in in_thread[0]["text"] and f"<@{PARTNER_OWNER}>" in in_thread[0]["text"]
    (to_asker,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert ANSWER in to_asker["text"]
    assert to_asker["blocks"][-1]["elements"][0]["text"]["text"] == "This helped"
    assert TRAINEE not in every_value(assembly)


def test_i_can_help_on_an_anonymous_question_reaches_the_asker_without_revealing_them(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    assert TRAINEE not in json.dumps(question)
    press(assembly, fake_slack, ADMIN, question, 1, "C0ADVICE")
    (relayed,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert f"<@{ADMIN}> can help" in relayed["text"]
    (receipt,) = fake_slack.calls("response_url")
    assert "I've let them know, privately" in receipt.body["text"]
    assert TRAINEE not in json.dumps([c.body for c in fake_slack.calls("response_url")])
    stored = every_value(assembly)
    assert TRAINEE not in stored and fake_slack.dm_channel(TRAINEE) not in stored


def test_a_question_to_one_colleague_goes_only_to_them(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = ask(assembly, fake_slack, TRAINEE, QUESTION, colleague=ADMIN)
    assert "Sent to Dr Tom Okafor" in json.dumps(answer["view"])
    assert fake_slack.messages("C0ADVICE") == []
    (dm,) = fake_slack.messages(fake_slack.dm_channel(ADMIN))
    assert QUESTION in dm["text"]


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


@pytest.mark.parametrize("identifier", IDENTIFIERS)
def test_identifiers_never_reach_anyone_and_the_gp_is_told_why(
    assembly: Assembly, fake_slack: FakeSlack, identifier: str
) -> None:
    ready(assembly)
    before = every_value(assembly)
    answer = ask(
        assembly, fake_slack, SALARIED_GP, f"Patient {identifier}, {QUESTION}", colleague=ADMIN
    )
    assert answer["response_action"] == "update"
    form = json.dumps(answer["view"])
    assert "looks like it has patient details" in form
    assert identifier not in form
    assert fake_slack.calls("chat.postMessage") == []
    assert every_value(assembly) == before


def test_an_answer_with_identifiers_is_sent_back_redacted(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION)
    (question,) = fake_slack.messages("C0ADVICE")
    done = answer_it(assembly, fake_slack, ADMIN, question, "Same as Mrs Jones, 84, last week")
    assert done["response_action"] == "update"
    assert "[removed], 84" in json.dumps(done["view"])
    assert len(fake_slack.messages("C0ADVICE")) == 1  # no answer posted


def test_the_message_shortcut_prefills_the_form_guarded(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = ready(assembly)
    body = message_shortcut(
        SALARIED_GP,
        "What do we do when 07700 900123 rings again?",
        response_url=fake_slack.url + "response/s",
    )
    assert dispatch(app, body).status == 200
    view = fake_slack.calls("views.open")[-1].body["view"]
    text = next(b for b in view["blocks"] if b.get("block_id") == "text")
    assert text["element"]["initial_value"] == "What do we do when [removed] rings again?"
    assert "a phone number" in json.dumps(view)


def test_only_the_asker_can_mark_helpful_and_the_helper_is_thanked(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    answer_it(assembly, fake_slack, SALARIED_GP, question, ANSWER, anonymous=True)
    (to_asker,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    press(assembly, fake_slack, ADMIN, to_asker, 0, fake_slack.dm_channel(TRAINEE))
    assert "Only the person who asked" in fake_slack.calls("response_url")[-1].body["text"]
    assert fake_slack.messages(fake_slack.dm_channel(SALARIED_GP)) == []
    press(assembly, fake_slack, TRAINEE, to_asker, 0, fake_slack.dm_channel(TRAINEE))
    (thanks,) = fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))
    assert "Your answer helped" in thanks["text"]
    assert SALARIED_GP not in every_value(assembly)  # the anonymous helper stays sealed


def test_a_native_thread_reply_is_signalled_to_the_anonymous_asker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    reply = thread_reply(ADMIN, "C0ADVICE", question["ts"], "Yes, go for it", event_id="Ev0T1")
    for _ in range(2):  # and its retry
        assert dispatch(app, reply, json_body=True).status == 200
    assembly.services.outbox.drain()
    (note,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert "replied in the thread" in note["text"]
    assert "go for it" not in note["text"]  # signalled, not forwarded
