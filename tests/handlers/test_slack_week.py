"""The practice's week on Slack, for translation: protected time's forms and Home controls, each
GP's settings, the buttons under nudges and check-ins, and what only the GP's own Home shows.
Who may change the practice's settings is tested once in tests/bot/test_leads.py."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from slack_bolt import App
from sqlalchemy import func, select

from bot.app.assembly import Assembly
from bot.checkins import wording as checkins_words
from bot.core import wording as core_words
from bot.core.week import SlotKind
from bot.nudges import wording as nudges_words
from bot.preferences import wording as preferences_words
from bot.protected_time import wording as protected_time_words
from bot.protected_time.service import SlotRequest
from storage.tables import (
    CheckinRow,
    ClosureRow,
    LeaveRow,
    MemberRow,
    PracticeRow,
    PreferenceRow,
    SlotAnswerRow,
    SlotRow,
)
from tests.callers import caller
from tests.conftest import MONDAY_LUNCH
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import (
    ACTIVE_HUMANS,
    ADMIN,
    SALARIED_GP,
    SALARIED_GP_2,
    TRAINEE,
)
from tests.handlers.slack_harness import block, body_json, dispatch, slack_app, synced
from tests.slack_requests import (
    app_home_opened,
    closure_state,
    colleague_state,
    command_body,
    home_action,
    home_pick,
    leave_state,
    message_action,
    slot_state,
    view_submission,
    week_state,
)

NO_STATE: dict[str, Any] = {"values": {}}


def rows(assembly: Assembly, *columns: Any) -> list[tuple[Any, ...]]:
    with assembly.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(*columns))]


def count(assembly: Assembly, table: Any, *where: Any) -> int:
    with assembly.engine.connect() as conn:
        found = conn.execute(select(func.count()).select_from(table).where(*where)).scalar()
    return int(found or 0)


def home_text(fake: FakeSlack, user: str) -> str:
    return json.dumps(fake.home_view(user))


def opened(fake: FakeSlack) -> dict[str, Any]:
    view: dict[str, Any] = fake.calls("views.open")[-1].body["view"]
    return view


def submitted(app: App, user: str, view: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    response = dispatch(app, view_submission(user, view, state))
    assert response.status == 200
    return body_json(response)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]


def press(
    app: App, fake: FakeSlack, user: str, message: dict[str, Any], button: dict[str, Any]
) -> str:
    """Tap a button under a message the bot sent; returns what the tapper was told privately."""
    channel = message.get("channel") or fake.dm_channel(user)
    body = message_action(
        user,
        button["action_id"],
        button.get("value", ""),
        channel=channel,
        message_ts=message["ts"],
        response_url=fake.url + f"response/{button['action_id']}",
    )
    assert dispatch(app, body).status == 200
    told = fake.calls("response_url")
    return str(told[-1].body.get("text", "")) if told else ""


def button_for(message: dict[str, Any], action: str, value: str = "") -> dict[str, Any]:
    return next(
        b
        for b in buttons(message)
        if b["action_id"].split("#")[0] == action and (not value or b.get("value") == value)
    )


# --- Protected time ---------------------------------------------------------------------------
def test_a_lead_adds_protected_time_through_the_form(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    command = command_body(
        "/coffeeroom", ADMIN, "protected-time", response_url=fake_slack.url + "response/c"
    )
    assert dispatch(app, command).status == 200
    form = opened(fake_slack)
    assert form["callback_id"] == "protected_time.slot_form"
    fields = {b["block_id"]: b["element"]["type"] for b in form["blocks"] if b["type"] == "input"}
    assert fields == {
        "day": "static_select",
        "start": "timepicker",
        "length": "static_select",
        "repeat": "radio_buttons",
        "first": "datepicker",
        "channel": "conversations_select",
        "kind": "radio_buttons",
    }
    state = slot_state(
        day="2", start="10:30", minutes="20", repeat="2", first_week="2026-11-30", kind="reflection"
    )
    answer = submitted(app, ADMIN, form, state)
    assert answer["response_action"] == "update"
    line = "Reflection: Wednesdays at 10:30 for 20 minutes, every other week, in #general"
    assert f"Saved. {line}. The first one is on Wednesday 2 December." in json.dumps(answer)
    stored = rows(
        assembly, SlotRow.weekday, SlotRow.start, SlotRow.minutes, SlotRow.every_weeks,
        SlotRow.anchor, SlotRow.channel_id, SlotRow.kind, SlotRow.active,
    )  # fmt: skip
    assert stored == [(2, "10:30", 20, 2, date(2026, 11, 30), "C0GENERAL", "reflection", True)]
    assert [c.body["channel"] for c in fake_slack.calls("conversations.join")] == ["C0GENERAL"]
    home = home_text(fake_slack, ADMIN)
    assert home.count(line) == 2  # in the notice at the top, and in the list with its button
    assert '"action_id": "protected_time.remove"' in home


def test_a_non_lead_asking_for_the_slot_form_is_told_privately(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    command = command_body(
        "/coffeeroom", TRAINEE, "protected-time", response_url=fake_slack.url + "response/c"
    )
    assert not dispatch(app, command).body  # acknowledged at once
    (reply,) = fake_slack.calls("response_url")
    assert reply.body == {"text": protected_time_words.PT_ONLY_LEADS, "response_type": "ephemeral"}
    assert fake_slack.calls("views.open") == []


def test_only_leads_see_protected_time_and_a_forged_remove_or_region_changes_nothing(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    slot, _ = assembly.services.protected_time.add_slot(
        caller(ADMIN),
        request=SlotRequest(0, time(12, 30), 15, 1, "C0GENERAL", SlotKind.COFFEE),
    )
    dispatch(app, app_home_opened(TRAINEE, event_id="Ev0PT1"), json_body=True)
    assert "Your settings" in home_text(fake_slack, TRAINEE)
    assert "Protected time" not in home_text(fake_slack, TRAINEE)
    dispatch(app, home_action(TRAINEE, "protected_time.remove", NO_STATE, value=str(slot.id)))
    assert core_words.ONLY_LEADS in home_text(fake_slack, TRAINEE)
    dispatch(app, home_pick(TRAINEE, "protected_time.region", option="scotland"))
    assert rows(assembly, SlotRow.active) == [(True,)]
    assert rows(assembly, PracticeRow.holiday_region) == [("england-wales",)]
    dispatch(app, home_pick(ADMIN, "protected_time.region", option="scotland"))
    assert rows(assembly, PracticeRow.holiday_region) == [("scotland",)]
    assert "bank holidays now follow Scotland" in home_text(fake_slack, ADMIN)
    dispatch(app, home_action(ADMIN, "protected_time.remove", NO_STATE, value=str(slot.id)))
    assert rows(assembly, SlotRow.active) == [(False,)]
    assert protected_time_words.SLOT_REMOVED in home_text(fake_slack, ADMIN)


def test_a_lead_adds_a_protected_learning_afternoon_through_the_form(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(ADMIN, "protected_time.closure", NO_STATE))
    form = opened(fake_slack)
    assert form["callback_id"] == "protected_time.closure_form"
    assert block(form, "day")["element"]["type"] == "datepicker"
    answer = submitted(app, ADMIN, form, closure_state("2026-12-09"))
    assert answer["response_action"] == "update"
    stored = rows(assembly, ClosureRow.day, ClosureRow.part, ClosureRow.reason)
    assert stored == [(date(2026, 12, 9), "pm", "plt")]
    assert protected_time_words.CLOSURE_SAVED in home_text(fake_slack, ADMIN)


def test_a_required_field_left_empty_is_refused_under_it(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(ADMIN, "protected_time.closure", NO_STATE))
    answer = submitted(app, ADMIN, opened(fake_slack), closure_state(None))
    assert answer == {"response_action": "errors", "errors": {"day": core_words.FILL_THIS_IN}}
    assert count(assembly, ClosureRow) == 0


def test_im_in_under_a_reminder_is_recorded_and_acknowledged_privately(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    assembly.services.protected_time.add_slot(  # Monday 12:55: the reminder is due at 12:45
        caller(ADMIN),
        request=SlotRequest(0, time(12, 55), 15, 1, "C0GENERAL", SlotKind.COFFEE),
    )
    assert assembly.services.protected_time.run() == 1
    assembly.services.outbox.drain()
    (reminder,) = fake_slack.messages("C0GENERAL")
    reminder["channel"] = "C0GENERAL"
    said = press(app, fake_slack, TRAINEE, reminder, button_for(reminder, "pt.in"))
    assert said == protected_time_words.PT_NOTED["in"]
    answers = rows(assembly, SlotAnswerRow.user_id, SlotAnswerRow.phase, SlotAnswerRow.answer)
    assert answers == [(TRAINEE, "reminder", "in")]


# --- Each GP's own settings ---------------------------------------------------------------------
def test_a_gp_changes_their_week_and_the_stored_pattern_matches(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(SALARIED_GP_2, "settings.week", NO_STATE))
    form = opened(fake_slack)
    assert form["callback_id"] == "week_form"
    monday = block(form, "mon")["element"]
    assert (monday["type"], monday["action_id"]) == ("checkboxes", "field")
    assert [o["value"] for o in monday["initial_options"]] == ["am", "pm"]  # the usual week
    state = week_state({"mon": ("am", "pm"), "thu": ("pm",)}, quiet=("18:30", "07:30"))
    answer = submitted(app, SALARIED_GP_2, form, state)
    assert answer["response_action"] == "update"
    assert rows(
        assembly,
        PreferenceRow.user_id,
        PreferenceRow.sessions,
        PreferenceRow.quiet_start,
        PreferenceRow.quiet_end,
    ) == [(SALARIED_GP_2, "mon:am,pm thu:pm", "18:30", "07:30")]
    home = home_text(fake_slack, SALARIED_GP_2)
    assert "Monday morning and afternoon; Thursday afternoon" in home
    assert "the usual pattern" not in home


def test_leave_that_ends_before_it_starts_is_refused_under_the_end_date(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_action(SALARIED_GP, "settings.leave", NO_STATE))
    form = opened(fake_slack)
    assert form["callback_id"] == "leave_form"
    answer = submitted(app, SALARIED_GP, form, leave_state("2026-12-24", "2026-12-20"))
    assert answer == {"response_action": "errors", "errors": {"ends": preferences_words.BAD_RANGE}}
    assert count(assembly, LeaveRow) == 0
    submitted(app, SALARIED_GP, form, leave_state("2026-12-24", "2027-01-02"))
    assert rows(assembly, LeaveRow.user_id, LeaveRow.starts, LeaveRow.ends) == [
        (SALARIED_GP, date(2026, 12, 24), date(2027, 1, 2))
    ]
    assert "Thursday 24 December 2026 to Saturday 2 January 2027" in home_text(
        fake_slack, SALARIED_GP
    )
    dispatch(app, home_action(SALARIED_GP, "settings.leave_clear", NO_STATE))  # plans change
    assert count(assembly, LeaveRow) == 0
    assert preferences_words.LEAVE_CLEARED in home_text(fake_slack, SALARIED_GP)


def test_role_and_pause_are_changed_from_the_home_tab(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    dispatch(app, home_pick(TRAINEE, "settings.role", option="locum"))
    assert rows(assembly, MemberRow.role).count(("locum",)) == 1
    assert "Saved. Your role: Locum." in home_text(fake_slack, TRAINEE)
    dispatch(app, home_pick(TRAINEE, "settings.pause", day="2026-12-11"))
    assert rows(assembly, PreferenceRow.paused_until) == [(date(2026, 12, 11),)]
    assert "Resume now" in home_text(fake_slack, TRAINEE)
    dispatch(app, home_action(TRAINEE, "settings.resume", NO_STATE))
    assert rows(assembly, PreferenceRow.paused_until) == [(None,)]


# --- Nudges -----------------------------------------------------------------------------------
def test_snooze_and_turn_off_under_a_nudge_change_the_preferences(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    assert assembly.services.nudges.run().sent == len(ACTIVE_HUMANS)
    assembly.services.outbox.drain()
    (nudge,) = fake_slack.messages(SALARIED_GP)
    snooze = button_for(nudge, "nudge.snooze", "2")
    assert snooze["action_id"].startswith("nudge.snooze#")  # a repeated action: suffixed
    assert press(app, fake_slack, SALARIED_GP, nudge, snooze) == nudges_words.snoozed(2)
    ((on, until),) = rows(assembly, PreferenceRow.nudges_on, PreferenceRow.snoozed_until)
    assert on is True and until is not None and until > MONDAY_LUNCH.date()
    said = press(app, fake_slack, SALARIED_GP, nudge, button_for(nudge, "nudge.off"))
    assert said == nudges_words.NUDGES_TURNED_OFF
    assert rows(assembly, PreferenceRow.user_id, PreferenceRow.nudges_on) == [(SALARIED_GP, False)]


# --- Check-ins --------------------------------------------------------------------------------
def answer_checkin(app: App, assembly: Assembly, fake: FakeSlack, user: str, score: int) -> str:
    """Opt in from the Home tab, get this week's check-in and tap a score; what they're told."""
    dispatch(app, home_action(user, "settings.checkins", NO_STATE, value="on"))
    assert rows(assembly, PreferenceRow.user_id, PreferenceRow.checkins_on) == [(user, True)]
    assert assembly.services.checkins.run().sent == 1
    assembly.services.outbox.drain()
    (asked,) = fake.messages(user)
    scored = next(b for b in buttons(asked) if b["value"].endswith(f":{score}"))
    return press(app, fake, user, asked, scored)


def test_a_score_then_pick_someone_sends_a_colleague_no_score(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    said = answer_checkin(app, assembly, fake_slack, SALARIED_GP, 4)
    assert said == checkins_words.score_reply(4)
    assert rows(assembly, CheckinRow.user_id, CheckinRow.score) == [(SALARIED_GP, 4)]
    assembly.services.outbox.drain()
    thanks = fake_slack.messages(SALARIED_GP)[-1]
    said = press(app, fake_slack, SALARIED_GP, thanks, button_for(thanks, "checkin.match"))
    assert said.startswith("Done: I've asked Dr ") and "They don't know your answer." in said
    assembly.services.outbox.drain()
    others = [u for u in ACTIVE_HUMANS if u != SALARIED_GP]
    asked = [m for u in others for m in fake_slack.messages(u)]
    assert len(asked) == 1
    shown = json.dumps(asked[0])
    assert f"<@{SALARIED_GP}> might appreciate a coffee" in asked[0]["text"]
    assert "4" not in asked[0]["text"] and "burn" not in shown.lower() and "score" not in shown


def test_choosing_the_colleague_goes_through_a_small_form(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    answer_checkin(app, assembly, fake_slack, TRAINEE, 2)
    assembly.services.outbox.drain()
    thanks = fake_slack.messages(TRAINEE)[-1]
    press(app, fake_slack, TRAINEE, thanks, button_for(thanks, "checkin.choose"))
    form = opened(fake_slack)
    assert form["callback_id"] == "checkin_colleague_form"
    mistaken = submitted(app, TRAINEE, form, colleague_state(TRAINEE))
    assert mistaken == {
        "response_action": "errors",
        "errors": {"colleague": core_words.NOT_YOURSELF},
    }
    done = submitted(app, TRAINEE, form, colleague_state(ADMIN))
    assert checkins_words.checkin_colleague_asked("Dr Tom Okafor") in json.dumps(done)
    assembly.services.outbox.drain()
    (asked,) = fake_slack.messages(ADMIN)
    assert f"<@{TRAINEE}> might appreciate a coffee" in asked["text"] and "2" not in asked["text"]
    said = press(app, fake_slack, TRAINEE, thanks, button_for(thanks, "checkin.no"))
    assert said == checkins_words.CHECKIN_NO_REPLY


def test_the_home_shows_a_gp_their_own_trend_and_nobody_else(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    app = slack_app(synced(assembly))
    answer_checkin(app, assembly, fake_slack, SALARIED_GP, 3)
    for n, user in enumerate((SALARIED_GP, ADMIN, SALARIED_GP_2, TRAINEE)):
        dispatch(app, app_home_opened(user, event_id=f"Ev0TREND{n}"), json_body=True)
    assert "Your check-ins (1 = enjoying work" in home_text(fake_slack, SALARIED_GP)
    assert "2026-W48 3" in home_text(fake_slack, SALARIED_GP)
    for call in fake_slack.calls("views.publish"):
        if call.body["user_id"] != SALARIED_GP:
            assert "Your check-ins" not in json.dumps(call.body)
            assert "2026-W48" not in json.dumps(call.body)
