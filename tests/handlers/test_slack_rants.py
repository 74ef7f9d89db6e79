"""Rant on Slack, for translation: signed requests in, what reached the fake Slack and what the
HTTP answer said out. The rules (anonymity, dedupe, the guard) are tested once in tests/bot."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.rants import wording
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import block, body_json, dispatch, ready, slack_app, synced
from tests.slack_requests import command_body, form_state, message_action, view_submission

WORDS = "Third home visit request after 6pm and the printer has jammed again"


def open_rant(assembly: Assembly, fake: FakeSlack, user: str, text: str = "") -> dict[str, Any]:
    body = command_body("/rant", user, text, response_url=fake.url + "response/cmd")
    response = dispatch(slack_app(assembly), body)
    assert response.status == 200 and response.body == ""  # the form opens; nothing is said
    view: dict[str, Any] = fake.calls("views.open")[-1].body["view"]
    return view


def send(
    assembly: Assembly,
    user: str,
    view: dict[str, Any],
    state: dict[str, Any],
    view_id: str = "V0RANT01",
) -> dict[str, Any]:
    response = dispatch(slack_app(assembly), view_submission(user, view, state, view_id=view_id))
    assert response.status == 200
    assembly.services.outbox.drain()
    return body_json(response)


def submit_rant(
    assembly: Assembly,
    fake: FakeSlack,
    user: str,
    text: str,
    destination: str,
    colleague: str | None = None,
    view_id: str = "V0RANT01",
) -> dict[str, Any]:
    view = open_rant(assembly, fake, user)
    state = form_state(text, destination=destination, colleague=colleague)
    return send(assembly, user, view, state, view_id)


def done_text(answer: dict[str, Any]) -> list[str]:
    """The sections of the 'done' modal a submitted form turns into."""
    assert answer["response_action"] == "update"
    assert answer["view"]["type"] == "modal" and "submit" not in answer["view"]
    return [b["text"]["text"] for b in answer["view"]["blocks"]]


def test_the_rant_command_opens_the_form_prefilled(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    view = open_rant(assembly, fake_slack, SALARIED_GP, "rubbish morning")
    (opened,) = fake_slack.calls("views.open")
    assert opened.body["trigger_id"] == "13345224609.738474920.8088930838d"
    assert view["callback_id"] == "rant"
    metadata = json.loads(view["private_metadata"])
    assert metadata == {"state": {}, "v": 0, "c": "C0GENERAL"}  # "c": where it was typed
    assert [b.get("block_id") for b in view["blocks"] if b["type"] == "input"] == [
        "text",
        "destination",
        "colleague",
    ]
    text = block(view, "text")["element"]
    assert (text["type"], text["action_id"]) == ("plain_text_input", "field_0")
    assert text["initial_value"] == "rubbish morning" and text["multiline"] is True
    radios = block(view, "destination")["element"]
    assert radios["type"] == "radio_buttons" and radios["action_id"] == "field"
    assert radios["initial_option"]["value"] == "just_out"  # private by default
    assert block(view, "colleague")["element"]["type"] == "users_select"
    assert block(view, "colleague")["optional"] is True


def test_an_anonymous_rant_is_posted_with_buttons_and_no_name(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = submit_rant(assembly, fake_slack, TRAINEE, WORDS, "space_anonymous")
    assert done_text(answer) == [
        "Posted anonymously in #coffee-room. Replies will reach you here, privately, "
        "without anyone learning it was you."
    ]
    assert answer["view"]["title"]["text"] == wording.RANT_TITLE[:24]
    (posted,) = fake_slack.messages("C0RANTS")
    assert posted["text"].startswith(f"*A rant, shared anonymously:*\n> {WORDS}")
    shown = json.dumps(posted)
    assert TRAINEE not in shown and "Rahman" not in shown and "aisha" not in shown
    buttons = posted["blocks"][-1]["elements"]
    assert [b["action_id"] for b in buttons] == ["rant.hear_you", "rant.coffee"]
    assert buttons[0]["value"] == buttons[1]["value"] != ""  # the rant's id


def test_a_named_rant_mentions_its_author(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    submit_rant(assembly, fake_slack, SALARIED_GP, "Fish & chips <b>again</b>", "space")
    (posted,) = fake_slack.messages("C0RANTS")
    assert posted["text"] == (
        f"A rant from <@{SALARIED_GP}>:\n> Fish &amp; chips &lt;b&gt;again&lt;/b&gt;"
    )  # a GP's own words are escaped, never markup


def test_a_tap_under_a_rant_is_answered_privately_and_relayed(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = ready(assembly)
    submit_rant(assembly, fake_slack, TRAINEE, WORDS, "space_anonymous")
    (posted,) = fake_slack.messages("C0RANTS")
    hear_you = posted["blocks"][-1]["elements"][0]
    press = message_action(
        PARTNER_OWNER,
        hear_you["action_id"],
        hear_you["value"],
        channel="C0RANTS",
        message_ts=posted["ts"],
        response_url=fake_slack.url + "response/press",
    )
    response = dispatch(app, press)
    assert (response.status, response.body) == (200, "")
    assembly.services.outbox.drain()
    (relayed,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert relayed["text"] == f"<@{PARTNER_OWNER}> read your rant and says: I hear you."
    (receipt,) = fake_slack.calls("response_url")
    assert receipt.body == {
        "text": wording.REPLY_SENT,
        "response_type": "ephemeral",
        "replace_original": False,
    }
    assert fake_slack.calls("views.publish") == []  # under a message: not the Home tab


def test_a_rant_to_a_colleague_goes_to_the_user_picked(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "colleague", colleague=ADMIN)
    assert done_text(answer) == ["Sent to Dr Tom Okafor, and only to them."]
    (dm,) = fake_slack.messages(fake_slack.dm_channel(ADMIN))
    assert WORDS in dm["text"] and f"<@{SALARIED_GP}>" in dm["text"]
    # Posted to the person's id (Slack's own DM with them): no conversations.open first.
    assert [c.body["channel"] for c in fake_slack.calls("chat.postMessage")] == [ADMIN]
    assert fake_slack.calls("conversations.open") == []


def test_a_form_sent_twice_by_slack_is_posted_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    """Slack resends a submission it got no answer to: the view's id makes it the same one."""
    ready(assembly)
    view = open_rant(assembly, fake_slack, SALARIED_GP)
    state = form_state(WORDS, destination="space")
    first = send(assembly, SALARIED_GP, view, state, "V0SAME")
    again = send(assembly, SALARIED_GP, view, state, "V0SAME")
    assert done_text(first) == done_text(again)
    assert len(fake_slack.messages("C0RANTS")) == 1
    send(assembly, SALARIED_GP, view, state, "V0OTHER")  # another form: another rant
    assert len(fake_slack.messages("C0RANTS")) == 2


def test_patient_details_send_the_form_back_redacted_as_its_next_version(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    view = open_rant(assembly, fake_slack, SALARIED_GP)
    words = "Furious about the pt 943 476 5919 whose results went missing"
    answer = send(assembly, SALARIED_GP, view, form_state(words, destination="space"))
    assert answer["response_action"] == "update"
    again = answer["view"]
    assert again["callback_id"] == "rant"
    assert json.loads(again["private_metadata"]) == {"state": {}, "v": 1, "c": "C0GENERAL"}
    notice = json.dumps(again["blocks"])
    assert "patient details" in notice and "943 476 5919" not in notice
    text = block(again, "text")["element"]
    assert text["action_id"] == "field_1"  # a new id, so Slack shows the redacted words
    assert text["initial_value"] == "Furious about the pt [removed] whose results went missing"
    assert block(again, "destination")["element"]["initial_option"]["value"] == "space"
    assert fake_slack.calls("chat.postMessage") == []
    # The redacted version, sent as it came back, goes through.
    fixed = form_state(text["initial_value"], destination="space", version=1)
    assert done_text(send(assembly, SALARIED_GP, again, fixed, "V0RANT02"))
    (posted,) = fake_slack.messages("C0RANTS")
    assert "the pt [removed] whose" in posted["text"]


def test_crisis_help_is_its_own_section_of_the_done_form(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    words = "I honestly want to end it all, I can't keep doing this"
    sections = done_text(submit_rant(assembly, fake_slack, SALARIED_GP, words, "space"))
    assert len(sections) == 2
    assert sections[0].startswith("Posted in #coffee-room") and "116 123" in sections[1]


def test_before_setup_the_refusal_shows_under_the_words(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "space")
    assert answer == {"response_action": "errors", "errors": {"text": core_words.WAITING_FOR_LEAD}}


def test_a_refusal_shows_under_its_own_field(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "colleague")
    assert answer == {
        "response_action": "errors",
        "errors": {"colleague": core_words.PICK_A_COLLEAGUE},
    }


def test_no_words_reach_the_log(
    assembly: Assembly, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ready(assembly)
    fake_slack.fail_next("chat.postMessage", status=500)
    submit_rant(assembly, fake_slack, TRAINEE, WORDS, "space_anonymous")
    submit_rant(
        assembly, fake_slack, SALARIED_GP, f"{WORDS} DOB 01/02/1950", "space", view_id="V0RANT02"
    )
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged  # something was logged (the 500), just none of the words
    assert "printer" not in logged and "1950" not in logged
