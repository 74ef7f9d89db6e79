"""App Home and first use on Slack, for translation: the Home published once per event, the setup
form opened, read back and answered. Who may choose the channels is tested once in
tests/bot/test_leads.py."""

from __future__ import annotations

import json
import time
from typing import Any

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.practices.forms import setup_form
from handlers.slack import views
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import body_json, dispatch, slack_app, synced
from tests.slack_requests import (
    app_home_opened,
    command_body,
    home_action,
    setup_state,
    view_submission,
)

NO_STATE: dict[str, Any] = {"values": {}}
SAVED = "Saved. Rants go to #coffee-room and questions to #run-it-past."


def home_text(fake: FakeSlack, user: str) -> str:
    return json.dumps(fake.home_view(user))


def test_home_opened_four_times_is_published_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    body = app_home_opened(SALARIED_GP, event_id="Ev0HOME0001")
    responses = [dispatch(app, body, json_body=True) for _ in range(4)]  # original + 3 retries
    assert [r.status for r in responses] == [200] * 4
    (published,) = fake_slack.calls("views.publish")
    assert published.body["user_id"] == SALARIED_GP
    assert published.body["view"]["type"] == "home"
    text = json.dumps(published.body["view"])
    assert "not* a clinical tool" in text and "not* a crisis service" in text
    assert "setup.choose" not in text and "setup.create" not in text  # setup is for leads only


def test_a_failed_event_is_handled_when_slack_retries(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    fake_slack.fail_next("views.publish", status=500)
    body = app_home_opened(SALARIED_GP, event_id="Ev0HOME0002")
    first = dispatch(app, body, json_body=True)
    assert first.status == 500  # so Slack retries
    second = dispatch(app, body, json_body=True)
    assert second.status == 200
    assert len([c for c in fake_slack.calls("views.publish") if not c.faulted]) == 1


def test_a_lead_sees_setup_first_and_who_the_leads_are(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, app_home_opened(PARTNER_OWNER, event_id="Ev0LEAD1"), json_body=True)
    view = json.dumps(fake_slack.calls("views.publish")[0].body["view"])
    assert "Let's set up Coffee Room" in view
    assert f"<@{PARTNER_OWNER}>" in view and f"<@{ADMIN}>" in view
    assert '"action_id": "setup.choose"' in view and '"action_id": "setup.create"' in view


def test_a_lead_chooses_channels_through_the_setup_form(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    response = dispatch(app, home_action(ADMIN, "setup.choose", NO_STATE))
    assert (response.status, response.body) == (200, "")
    (opened,) = fake_slack.calls("views.open")
    form = opened.body["view"]
    assert form["callback_id"] == "setup_form"
    pickers = {b["block_id"]: b["element"] for b in form["blocks"] if b["type"] == "input"}
    assert {k: (e["type"], e["action_id"]) for k, e in pickers.items()} == {
        "rants": ("conversations_select", "field"),
        "advice": ("conversations_select", "field"),
    }
    answer = body_json(
        dispatch(app, view_submission(ADMIN, form, setup_state("C0RANTS", "C0ADVICE")))
    )
    assert answer["response_action"] == "update"
    assert [b["text"]["text"] for b in answer["view"]["blocks"]] == [SAVED]
    joined = sorted(c.body["channel"] for c in fake_slack.calls("conversations.join"))
    assert joined == ["C0ADVICE", "C0RANTS"]
    (published,) = fake_slack.calls("views.publish")  # the Home again, with what changed
    assert published.body["user_id"] == ADMIN
    assert SAVED in json.dumps(published.body["view"]["blocks"][1])


def test_the_form_opens_with_the_channels_already_chosen(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(ADMIN, "setup.create", NO_STATE))
    dispatch(app, home_action(ADMIN, "setup.choose", NO_STATE))
    form = fake_slack.calls("views.open")[-1].body["view"]
    initial = {
        b["block_id"]: b["element"].get("initial_conversation")
        for b in form["blocks"]
        if b["type"] == "input"
    }
    assert initial == {"rants": "C0RANTS", "advice": "C0ADVICE"}


def test_a_non_lead_tapping_setup_is_told_on_the_home_tab(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    assert dispatch(app, home_action(TRAINEE, "setup.choose", NO_STATE)).status == 200
    assert fake_slack.calls("views.open") == []
    assert core_words.ONLY_LEADS in home_text(fake_slack, TRAINEE)


def test_a_forged_setup_form_from_a_non_lead_is_refused_under_its_first_field(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    forged = view_submission(
        TRAINEE, views.modal(setup_form()), setup_state("C0GENERAL", "C0GENERAL")
    )
    response = dispatch(app, forged)
    assert response.status == 200
    assert body_json(response) == {
        "response_action": "errors",
        "errors": {"rants": core_words.ONLY_LEADS},
    }
    assert fake_slack.calls("conversations.join") == []
    assert fake_slack.calls("views.publish") == []


def test_a_lead_can_have_the_channels_created_from_the_home_tab(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(PARTNER_OWNER, "setup.create", NO_STATE))
    created = sorted(c.body["name"] for c in fake_slack.calls("conversations.create"))
    assert created == ["coffee-room", "run-it-past"]
    assert SAVED in home_text(fake_slack, PARTNER_OWNER)


def test_a_channel_left_empty_is_refused_under_its_picker(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    form = views.modal(setup_form())
    answer = body_json(dispatch(app, view_submission(ADMIN, form, setup_state("C0RANTS", None))))
    assert answer == {"response_action": "errors", "errors": {"advice": core_words.FILL_THIS_IN}}
    assert fake_slack.calls("conversations.join") == []


def test_coffeeroom_command_answers_with_help_privately(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    body = command_body("/coffeeroom", SALARIED_GP, response_url=fake_slack.url + "response/1")
    response = dispatch(app, body)
    assert response.status == 200 and not response.body  # acknowledged at once, empty
    (reply,) = fake_slack.calls("response_url")  # the answer follows, privately
    answer = reply.body
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith("*Coffee Room*\n\n")
    assert "not* a crisis service" in answer["text"] and "116 123" in answer["text"]
    assert "`/rant`" in answer["text"] and "Coffee Room's Home tab" in answer["text"]


def test_a_stale_signature_is_refused_with_no_side_effects(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    before = len(fake_slack.calls())
    body = app_home_opened(SALARIED_GP, event_id="Ev0OLD")
    response = dispatch(app, body, json_body=True, at=time.time() - 301)
    assert response.status == 401
    assert len(fake_slack.calls()) == before
