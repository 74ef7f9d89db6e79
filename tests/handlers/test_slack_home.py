"""App Home and first use: shown once per event, channels chosen only by leads, and audited."""

from __future__ import annotations

import json

from bot.app.assembly import Assembly
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import body_json, dispatch, slack_app, synced
from tests.slack_requests import (
    app_home_opened,
    command_body,
    home_action,
    setup_state,
)


def test_home_opened_four_times_is_published_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    body = app_home_opened(SALARIED_GP, event_id="Ev0HOME0001")
    responses = [dispatch(app, body, json_body=True) for _ in range(4)]  # original + 3 retries
    assert [r.status for r in responses] == [200] * 4
    publishes = fake_slack.calls("views.publish")
    assert len(publishes) == 1
    assert publishes[0].body["user_id"] == SALARIED_GP
    text = json.dumps(publishes[0].body["view"])
    assert "not* a clinical tool" in text and "not* a crisis service" in text
    assert "Use these channels" not in text  # setup is for leads only


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


def test_leads_are_seeded_from_owners_and_admins(assembly: Assembly, fake_slack: FakeSlack) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, app_home_opened(PARTNER_OWNER, event_id="Ev0LEAD1"), json_body=True)
    view = json.dumps(fake_slack.calls("views.publish")[0].body["view"])
    assert "Let's set up Coffee Room" in view
    assert f"<@{PARTNER_OWNER}>" in view and f"<@{ADMIN}>" in view


def test_a_lead_picks_channels_and_the_bot_joins_them(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    response = dispatch(app, home_action(ADMIN, "setup.save", setup_state("C0RANTS", "C0ADVICE")))
    assert response.status == 200
    joined = sorted(c.body["channel"] for c in fake_slack.calls("conversations.join"))
    assert joined == ["C0ADVICE", "C0RANTS"]
    home = json.dumps(fake_slack.calls("views.publish")[-1].body["view"])
    assert "Saved. Rants go to #coffee-room and questions to #run-it-past." in home
    with assembly.engine.connect() as conn:
        audit = conn.exec_driver_sql(
            "SELECT actor, action, detail FROM audit_log WHERE action = 'spaces.set'"
        ).all()
    assert audit == [(ADMIN, "spaces.set", '{"advice": "C0ADVICE", "rants": "C0RANTS"}')]


def test_a_forged_setup_from_a_non_lead_changes_nothing(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    response = dispatch(
        app, home_action(TRAINEE, "setup.save", setup_state("C0GENERAL", "C0GENERAL"))
    )
    assert response.status == 200
    assert fake_slack.calls("conversations.join") == []
    home = json.dumps(fake_slack.calls("views.publish")[-1].body["view"])
    assert "Only the practice's leads can change" in home
    with assembly.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM spaces").scalar() == 0
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM audit_log WHERE action = 'spaces.set'"
            ).scalar()
            == 0
        )


def test_a_lead_can_have_the_channels_created(assembly: Assembly, fake_slack: FakeSlack) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(PARTNER_OWNER, "setup.create", setup_state(None, None)))
    created = sorted(c.body["name"] for c in fake_slack.calls("conversations.create"))
    assert created == ["coffee-room", "run-it-past"]  # taken names are reused, not duplicated
    home = json.dumps(fake_slack.calls("views.publish")[-1].body["view"])
    assert "Saved. Rants go to #coffee-room" in home


def test_picking_only_one_channel_is_refused_kindly(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(ADMIN, "setup.save", setup_state("C0RANTS", None)))
    home = json.dumps(fake_slack.calls("views.publish")[-1].body["view"])
    assert "Please choose a channel for rants and one for questions." in home
    assert fake_slack.calls("conversations.join") == []


def test_coffeeroom_command_answers_with_help_privately(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    body = command_body("/coffeeroom", SALARIED_GP, response_url=fake_slack.url + "response/1")
    response = dispatch(app, body)
    answer = body_json(response)
    assert response.status == 200
    assert answer["response_type"] == "ephemeral"
    assert "not* a crisis service" in answer["text"]
    assert "116 123" in answer["text"]


def test_a_stale_signature_is_refused_with_no_side_effects(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    import time

    app = slack_app(synced(assembly))
    before = len(fake_slack.calls())
    body = app_home_opened(SALARIED_GP, event_id="Ev0OLD")
    response = dispatch(app, body, json_body=True, at=time.time() - 301)
    assert response.status == 401
    assert len(fake_slack.calls()) == before
