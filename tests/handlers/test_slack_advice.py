"""Run it past someone on Slack, for translation: the question and answer forms, the buttons under
questions and answers, the message shortcut and thread replies. The rules (anonymity, dedupe,
the guard, who may mark helpful) are tested once in tests/bot/test_advice.py."""

from __future__ import annotations

import json
from typing import Any

from bot.advice import wording
from bot.app.assembly import Assembly
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import block, body_json, dispatch, ready, slack_app
from tests.slack_requests import (
    answer_state,
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
    app = slack_app(assembly)
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
    response = dispatch(slack_app(assembly), body)
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
    state = answer_state(text, anonymous=anonymous)
    result = dispatch(slack_app(assembly), view_submission(helper, form, state, view_id="V0ANS1"))
    assembly.services.outbox.drain()
    return body_json(result)


def test_the_question_form_is_read_and_the_question_posted(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = ask(assembly, fake_slack, TRAINEE, QUESTION)
    form = fake_slack.calls("views.open")[-1].body["view"]
    assert form["callback_id"] == "question"
    kinds = {b["block_id"]: b["element"]["type"] for b in form["blocks"] if b["type"] == "input"}
    assert kinds == {
        "text": "plain_text_input",
        "colleague": "users_select",
        "anonymous": "checkboxes",
        "topic": "static_select",
        "urgency": "static_select",
        "free": "checkboxes",
    }
    assert answer["response_action"] == "update"
    assert "Asked in #run-it-past" in json.dumps(answer["view"])
    (posted,) = fake_slack.messages("C0ADVICE")
    assert posted["text"] == f"<@{TRAINEE}> asks (Prescribing, today):\n> {QUESTION}"
    buttons = posted["blocks"][-1]["elements"]
    assert [(b["action_id"], b["text"]["text"]) for b in buttons] == [
        ("question.answer", "Answer"),
        ("question.can_help", "I can help"),
    ]
    assert buttons[0].get("style") == "primary"


def test_the_anonymous_box_ticked_hides_the_asker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (posted,) = fake_slack.messages("C0ADVICE")
    assert TRAINEE not in json.dumps(posted)
    assert "(Prescribing, today):" in posted["text"]


def test_answer_opens_a_form_that_carries_the_question_and_lands_in_its_thread(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    done = answer_it(assembly, fake_slack, PARTNER_OWNER, question, ANSWER)
    form = fake_slack.calls("views.open")[-1].body
    assert form["trigger_id"] == "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3"
    assert form["view"]["callback_id"] == "answer"
    question_id = question["blocks"][-1]["elements"][0]["value"]
    assert json.loads(form["view"]["private_metadata"]) == {
        "state": {"question": question_id},
        "v": 0,
        "c": "C0ADVICE",  # the channel the Answer button was tapped in
    }
    assert [b["text"]["text"] for b in done["view"]["blocks"]] == [wording.ANSWER_SENT]
    in_thread = [m for m in fake_slack.messages("C0ADVICE") if m.get("thread_ts")]
    assert [m["thread_ts"] for m in in_thread] == [question["ts"]]
    assert ANSWER in in_thread[0]["text"] and f"<@{PARTNER_OWNER}>" in in_thread[0]["text"]
    (to_asker,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert ANSWER in to_asker["text"]
    assert to_asker["blocks"][-1]["elements"][0]["action_id"] == "answer.helpful"


def test_i_can_help_is_answered_ephemerally_and_relayed(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    assert press(assembly, fake_slack, ADMIN, question, 1, "C0ADVICE").status == 200
    (relayed,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert f"<@{ADMIN}> can help" in relayed["text"]
    (receipt,) = fake_slack.calls("response_url")
    assert receipt.body == {
        "text": wording.CAN_HELP_SENT,
        "response_type": "ephemeral",
        "replace_original": False,
    }


def test_a_question_to_one_colleague_goes_to_the_user_picked(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = ask(assembly, fake_slack, TRAINEE, QUESTION, colleague=ADMIN)
    assert "Sent to Dr Tom Okafor" in json.dumps(answer["view"])
    assert fake_slack.messages("C0ADVICE") == []
    (dm,) = fake_slack.messages(fake_slack.dm_channel(ADMIN))
    assert QUESTION in dm["text"]


def test_an_answer_with_identifiers_comes_back_redacted_still_for_its_question(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION)
    (question,) = fake_slack.messages("C0ADVICE")
    done = answer_it(assembly, fake_slack, ADMIN, question, "Same as Mrs Jones, 84, last week")
    assert done["response_action"] == "update"
    again = done["view"]
    assert again["callback_id"] == "answer"
    question_id = question["blocks"][-1]["elements"][0]["value"]
    assert json.loads(again["private_metadata"]) == {
        "state": {"question": question_id},
        "v": 1,
        "c": "C0ADVICE",
    }
    text = block(again, "text")["element"]
    assert text["action_id"] == "field_1" and "[removed], 84" in text["initial_value"]
    assert "Jones" not in json.dumps(again)
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
    response = dispatch(app, body)
    assert (response.status, response.body) == (200, "")
    (opened,) = fake_slack.calls("views.open")
    assert opened.body["trigger_id"] == "111.222.shortcut"
    view = opened.body["view"]
    assert view["callback_id"] == "question"
    text = block(view, "text")["element"]
    assert text["initial_value"] == "What do we do when [removed] rings again?"
    assert "a phone number" in json.dumps(view) and "900123" not in json.dumps(view)


def test_helpful_from_someone_else_is_refused_ephemerally(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    ask(assembly, fake_slack, TRAINEE, QUESTION, anonymous=True)
    (question,) = fake_slack.messages("C0ADVICE")
    answer_it(assembly, fake_slack, SALARIED_GP, question, ANSWER, anonymous=True)
    (to_asker,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    response = press(assembly, fake_slack, ADMIN, to_asker, 0, fake_slack.dm_channel(TRAINEE))
    assert response.status == 200
    refused = fake_slack.calls("response_url")[-1].body
    assert (refused["text"], refused["response_type"]) == (wording.ONLY_ASKER, "ephemeral")
    assert fake_slack.messages(fake_slack.dm_channel(SALARIED_GP)) == []
    press(assembly, fake_slack, TRAINEE, to_asker, 0, fake_slack.dm_channel(TRAINEE))
    assert fake_slack.calls("response_url")[-1].body["text"] == wording.THANKS_SENT
    (thanks,) = fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))
    assert wording.THANKED in thanks["text"]


def test_a_native_thread_reply_event_and_its_retry_signal_the_asker_once(
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
