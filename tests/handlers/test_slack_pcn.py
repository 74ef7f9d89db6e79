"""A PCN splits its workspace on Slack, through the real Bolt app: the leads' part of the Home,
the split form opened, read back and answered, and a locum's "acting for" choice."""

from __future__ import annotations

import json
from typing import Any

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.practices import wording
from bot.practices.split_forms import split_form
from handlers.slack import views
from tests.bot.pcn import HILL_ADVICE, HILL_RANTS, HILLSIDE, RIVERSIDE, channels, split
from tests.callers import count
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, LOCUM_GUEST, SALARIED_GP
from tests.handlers.slack_harness import body_json, dispatch, slack_app, synced
from tests.slack_requests import (
    app_home_opened,
    command_body,
    event_body,
    form_state,
    home_action,
    view_submission,
)

NO_STATE: dict[str, Any] = {"values": {}}


def filled(form: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    """The state Slack reports for a modal's input blocks, given each field's value."""
    state: dict[str, Any] = {}
    for block in form["blocks"]:
        if block["type"] != "input":
            continue
        element, value = block["element"], values.get(block["block_id"])
        kind = element["type"]
        if kind == "conversations_select":
            answer: dict[str, Any] = {"selected_conversation": value}
        elif kind in ("static_select", "radio_buttons"):
            option = {"text": {"type": "plain_text", "text": value}, "value": value}
            answer = {"selected_option": option if value else None}
        else:
            answer = {"value": value}
        state[block["block_id"]] = {element["action_id"]: {"type": kind, **answer}}
    return state


def home(fake: FakeSlack, user: str) -> str:
    return json.dumps(fake.home_view(user))


def test_a_lead_splits_the_workspace_from_the_home_tab(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    channels(fake_slack)
    app = slack_app(synced(assembly))
    dispatch(app, app_home_opened(ADMIN, event_id="Ev0PCN1"), json_body=True)
    assert '"action_id": "practices.split"' in home(fake_slack, ADMIN)
    dispatch(app, home_action(ADMIN, "practices.split", NO_STATE))
    (opened,) = fake_slack.calls("views.open")
    form = opened.body["view"]
    assert form["callback_id"] == "practices.split_form"
    shown = json.dumps(form)
    assert "keeps everything it has now" in shown  # said before they confirm
    kinds = {b["block_id"]: b["element"]["type"] for b in form["blocks"] if b["type"] == "input"}
    assert kinds == {
        "first_channel": "conversations_select",
        "channel": "conversations_select",
        "name": "plain_text_input",
        "timezone": "plain_text_input",
        "region": "static_select",
    }
    values = {
        "first_channel": RIVERSIDE,
        "channel": HILLSIDE,
        "name": "Hillside",
        "timezone": "Europe/Dublin",
        "region": "northern-ireland",
    }
    answer = body_json(dispatch(app, view_submission(ADMIN, form, filled(form, values))))
    assert answer["response_action"] == "update"
    assert "Hillside is now a practice of its own" in json.dumps(answer["view"])
    assert count(assembly, "practices", f"channel_id = '{HILLSIDE}'") == 1
    assert "Europe/Dublin" in home(fake_slack, ADMIN)  # the Home again: Hillside's own settings


def test_a_bad_time_zone_comes_back_under_its_field(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    channels(fake_slack)
    app = slack_app(synced(assembly))
    with assembly.services.outbox.uow() as tx:
        (practice,) = tx.practices.all()
    form = views.modal(split_form(practice))
    values = {"first_channel": RIVERSIDE, "channel": HILLSIDE, "timezone": "London"}
    answer = body_json(dispatch(app, view_submission(ADMIN, form, filled(form, values))))
    assert answer == {"response_action": "errors", "errors": {"timezone": wording.BAD_ZONE}}
    assert count(assembly, "practices") == 1


def test_a_non_lead_is_refused_and_the_refusal_is_audited(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    channels(fake_slack)
    app = slack_app(synced(assembly))
    dispatch(app, app_home_opened(SALARIED_GP, event_id="Ev0PCN2"), json_body=True)
    assert "practices.split" not in home(fake_slack, SALARIED_GP)
    dispatch(app, home_action(SALARIED_GP, "practices.split", NO_STATE))
    assert fake_slack.calls("views.open") == []
    assert core_words.ONLY_LEADS in home(fake_slack, SALARIED_GP)
    with assembly.services.outbox.uow() as tx:
        (practice,) = tx.practices.all()
    form = views.modal(split_form(practice))
    forged = {"first_channel": RIVERSIDE, "channel": HILLSIDE, "region": "scotland"}
    answer = body_json(dispatch(app, view_submission(SALARIED_GP, form, filled(form, forged))))
    assert answer["response_action"] == "errors"
    assert core_words.ONLY_LEADS in answer["errors"].values()
    assert count(assembly, "practices") == 1
    assert count(assembly, "audit_log", "action = 'refused:practices.split'") == 2


def test_a_locum_switches_practice_from_the_home_tab(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    _, hillside = split(assembly, fake_slack)
    app = slack_app(assembly)
    dispatch(app, app_home_opened(LOCUM_GUEST, event_id="Ev0PCN3"), json_body=True)
    assert "Acting for: " in home(fake_slack, LOCUM_GUEST)
    dispatch(app, home_action(LOCUM_GUEST, "practices.act_for", NO_STATE, str(hillside.id)))
    assert "Acting for: Hillside" in home(fake_slack, LOCUM_GUEST)


def rant_from(assembly: Assembly, fake: FakeSlack, channel: str, view_id: str) -> list[str]:
    """The locum's /rant typed in `channel`, sent to the practice's space: where it landed."""
    body = command_body("/rant", LOCUM_GUEST, response_url=fake.url + "r/1", channel=channel)
    dispatch(slack_app(assembly), body)
    view = fake.calls("views.open")[-1].body["view"]
    before = len(fake.calls("chat.postMessage"))
    state = form_state("A long afternoon of visits", destination="space")
    answer = dispatch(
        slack_app(assembly), view_submission(LOCUM_GUEST, view, state, view_id=view_id)
    )
    assert body_json(answer)["response_action"] == "update"
    assembly.services.outbox.drain()
    return [c.body["channel"] for c in fake.calls("chat.postMessage")[before:]]


def test_a_locums_command_acts_for_the_practice_whose_channel_it_came_from(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    split(assembly, fake_slack)
    assert rant_from(assembly, fake_slack, HILLSIDE, "V0PCNR1") == [HILL_RANTS]
    assert rant_from(assembly, fake_slack, HILL_ADVICE, "V0PCNR2") == [HILL_RANTS]
    assert rant_from(assembly, fake_slack, RIVERSIDE, "V0PCNR3") == ["C0RANTS"]


def test_joining_a_practices_channel_makes_someone_a_member_at_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    _, hillside = split(assembly, fake_slack)
    app = slack_app(assembly)
    member = f"practice_id = {hillside.id} AND user_id = '{SALARIED_GP}' AND active"
    assert count(assembly, "members", member) == 0
    joined = {"type": "member_joined_channel", "user": SALARIED_GP, "channel": HILLSIDE}
    dispatch(app, event_body(joined, event_id="Ev0PCNJ1"), json_body=True)
    assert count(assembly, "members", member) == 1
    left = {"type": "member_left_channel", "user": SALARIED_GP, "channel": HILLSIDE}
    dispatch(app, event_body(left, event_id="Ev0PCNJ2"), json_body=True)
    assert count(assembly, "members", member) == 0
    asked = len(fake_slack.calls("users.info"))
    elsewhere = {"type": "member_joined_channel", "user": SALARIED_GP, "channel": "C0RANDOM"}
    dispatch(app, event_body(elsewhere, event_id="Ev0PCNJ3"), json_body=True)
    assert count(assembly, "members", member) == 0
    assert len(fake_slack.calls("users.info")) == asked  # a channel no practice is: no lookup
