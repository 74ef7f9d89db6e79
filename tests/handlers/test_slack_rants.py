"""Rant on Slack, through signed requests and a fake Slack: where it goes, and what it leaves."""

from __future__ import annotations

import json
import logging

import pytest

from bot.app.assembly import Assembly
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import body_json, dispatch, every_value, ready, synced
from tests.slack_requests import command_body, form_state, message_action, view_submission

WORDS = "Third home visit request after 6pm and the printer has jammed again"


def open_rant(assembly: Assembly, fake: FakeSlack, user: str, text: str = "") -> dict:
    app = assembly.slack_app
    assert app is not None
    body = command_body("/rant", user, text, response_url=fake.url + "response/cmd")
    assert dispatch(app, body).status == 200
    return fake.calls("views.open")[-1].body["view"]


def submit_rant(
    assembly: Assembly,
    fake: FakeSlack,
    user: str,
    text: str,
    destination: str,
    colleague: str | None = None,
    view_id: str = "V0RANT01",
) -> dict:
    view = open_rant(assembly, fake, user)
    state = form_state(text, destination=destination, colleague=colleague)
    assert assembly.slack_app is not None
    response = dispatch(assembly.slack_app, view_submission(user, view, state, view_id=view_id))
    assert response.status == 200
    assembly.services.outbox.drain()
    return body_json(response)


def test_rant_command_opens_the_form_prefilled(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    view = open_rant(assembly, fake_slack, SALARIED_GP, "rubbish morning")
    assert view["callback_id"] == "rant_form"
    text_block = next(b for b in view["blocks"] if b.get("block_id") == "text")
    assert text_block["element"]["initial_value"] == "rubbish morning"
    radios = next(b for b in view["blocks"] if b.get("block_id") == "destination")
    assert radios["element"]["initial_option"]["value"] == "just_out"  # private by default


def test_an_anonymous_rant_appears_with_no_trace_of_its_author(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = submit_rant(assembly, fake_slack, TRAINEE, WORDS, "space_anonymous")
    assert answer["response_action"] == "update"
    assert "Posted anonymously in #coffee-room" in json.dumps(answer["view"])
    (posted,) = fake_slack.messages("C0RANTS")
    assert WORDS in posted["text"]
    shown = json.dumps(posted)
    assert TRAINEE not in shown and "Rahman" not in shown and "aisha" not in shown
    stored = every_value(assembly)
    assert TRAINEE not in stored
    assert fake_slack.dm_channel(TRAINEE) not in stored
    assert WORDS not in stored  # delivered, so the outbox forgot the words


def test_one_tap_reply_reaches_the_anonymous_author_privately(
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
    assert dispatch(app, press).status == 200
    assembly.services.outbox.drain()
    (relayed,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert f"<@{PARTNER_OWNER}> read your rant and says: I hear you." in relayed["text"]
    (receipt,) = fake_slack.calls("response_url")
    assert receipt.body["response_type"] == "ephemeral"
    assert "only the person who wrote it" in receipt.body["text"]
    assert TRAINEE not in json.dumps(receipt.body)
    assert TRAINEE not in every_value(assembly)
    # The same tap again sends nothing more.
    dispatch(app, press)
    assembly.services.outbox.drain()
    assert len(fake_slack.messages(fake_slack.dm_channel(TRAINEE))) == 1


def test_a_rant_to_a_colleague_reaches_only_them(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "colleague", colleague=ADMIN)
    assert "Sent to Dr Tom Okafor, and only to them." in json.dumps(answer["view"])
    (dm,) = fake_slack.messages(fake_slack.dm_channel(ADMIN))
    assert WORDS in dm["text"] and f"<@{SALARIED_GP}>" in dm["text"]
    assert fake_slack.messages("C0RANTS") == []
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_just_letting_it_out_sends_and_keeps_nothing(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    before = every_value(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "just_out")
    assert "Nobody saw it and nothing was kept" in json.dumps(answer["view"])
    assert fake_slack.calls("chat.postMessage") == []
    assert every_value(assembly) == before


@pytest.mark.parametrize(
    "identifier", ["943 476 5919", "9434765919", "943-476-5919", "DOB 12/03/1961", "SW1A 1AA"]
)
def test_patient_details_send_the_form_back_redacted_and_nothing_is_kept(
    assembly: Assembly, fake_slack: FakeSlack, identifier: str
) -> None:
    ready(assembly)
    before = every_value(assembly)
    words = f"Furious about the pt {identifier} whose results went missing"
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, words, "space")
    assert answer["response_action"] == "update"
    form = json.dumps(answer["view"])
    assert "patient details" in form and "Nothing has been posted or kept" in form
    text_block = next(b for b in answer["view"]["blocks"] if b.get("block_id") == "text")
    assert "[removed]" in text_block["element"]["initial_value"]
    assert identifier not in form
    assert fake_slack.calls("chat.postMessage") == []
    assert every_value(assembly) == before


def test_crisis_words_get_private_help_and_the_rant_still_goes(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    ready(assembly)
    answer = submit_rant(
        assembly,
        fake_slack,
        SALARIED_GP,
        "I honestly want to end it all, I can't keep doing this",
        "space",
    )
    assert "116 123" in json.dumps(answer["view"])
    assert len(fake_slack.messages("C0RANTS")) == 1
    (dm,) = fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))
    assert "0300 0303 300" in dm["text"] and "nobody else has been told" in dm["text"]
    leads_dms = [fake_slack.messages(fake_slack.dm_channel(u)) for u in (ADMIN, PARTNER_OWNER)]
    assert leads_dms == [[], []]  # nothing escalated to anyone


def test_everyday_hyperbole_is_left_alone(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    submit_rant(assembly, fake_slack, SALARIED_GP, "This rota is killing me", "space")
    assert fake_slack.messages(fake_slack.dm_channel(SALARIED_GP)) == []


def test_before_setup_the_words_stay_in_the_form_and_leads_are_asked(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "space")
    assert answer["response_action"] == "errors"
    assert "your practice lead needs to choose the channels" in answer["errors"]["text"]
    for lead in (ADMIN, PARTNER_OWNER):
        (asked,) = fake_slack.messages(fake_slack.dm_channel(lead))
        assert "isn't set up yet" in asked["text"]


def test_a_colleague_must_be_chosen(assembly: Assembly, fake_slack: FakeSlack) -> None:
    ready(assembly)
    answer = submit_rant(assembly, fake_slack, SALARIED_GP, WORDS, "colleague")
    assert answer == {
        "response_action": "errors",
        "errors": {"colleague": "Please choose the colleague it should go to."},
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
