"""Realistic, signed Slack requests for tests (shapes from Slack's docs; see shared notes)."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from tests.fakes.slack_roster import BOT_USER, TEAM_ID

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"[:16] + "0123456789abcdef"
APP_ID = "A0COFFEE"


def signed_headers(
    body: str,
    *,
    secret: str = SIGNING_SECRET,
    at: float | None = None,
    content_type: str = "application/x-www-form-urlencoded",
) -> dict[str, str]:
    """Headers Slack would send, signed with the real SignatureVerifier."""
    ts = str(int(at if at is not None else time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    assert signature is not None  # None only without a secret
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": ts,
        "x-slack-signature": signature,
    }


def command_body(
    command: str,
    user: str,
    text: str = "",
    *,
    response_url: str,
    channel: str = "C0GENERAL",
    trigger: str = "13345224609.738474920.8088930838d",
) -> str:
    """A slash command exactly as Slack form-encodes it."""
    return urlencode(
        {
            "token": "gIkuvaNzQIHg97ATvDxqgjtO",
            "team_id": TEAM_ID,
            "team_domain": "riverside",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger,
        }
    )


def event_body(event: dict[str, Any], *, event_id: str, event_time: int = 1763900000) -> str:
    """An Events API envelope around `event`."""
    return json.dumps(
        {
            "token": "XXYYZZ",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": event_time,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": "4-eyJldCI6ImFwcF9ob21lX29wZW5lZCJ9",
        }
    )


def app_home_opened(user: str, *, event_id: str) -> str:
    return event_body(
        {
            "type": "app_home_opened",
            "user": user,
            "channel": "D0HOME",
            "tab": "home",
            "event_ts": "1763900000.000016",
        },
        event_id=event_id,
    )


def interaction_body(payload: dict[str, Any]) -> str:
    """Interactivity payloads arrive as one form field."""
    return urlencode({"payload": json.dumps(payload)})


def user_block(user: str) -> dict[str, str]:
    return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID}


def home_action(
    user: str, action_id: str, state: dict[str, Any], value: str = "", *, label: str = "…"
) -> str:
    """A button pressed on the App Home (a view container, no channel, no response_url)."""
    action = {
        "action_id": action_id,
        "block_id": "Hx9q",  # the Home's blocks carry Slack's generated ids
        "type": "button",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "action_ts": "1763900100.000200",
    }
    if value:
        action["value"] = value
    return home_block_actions(user, action, state)


def home_block_actions(user: str, action: dict[str, Any], state: dict[str, Any]) -> str:
    """block_actions from the App Home: a view container, no channel, no response_url."""
    return interaction_body(
        {
            "type": "block_actions",
            "user": user_block(user),
            "api_app_id": APP_ID,
            "token": "9s8d9as89d8as9d8as989",
            "container": {"type": "view", "view_id": "V0HOME01"},
            "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
            "team": {"id": TEAM_ID, "domain": "riverside"},
            "enterprise": None,
            "is_enterprise_install": False,
            "view": {
                "id": "V0HOME01",
                "team_id": TEAM_ID,
                "type": "home",
                "blocks": [],
                "private_metadata": "",
                "callback_id": "",
                "state": state,
                "hash": "1763900000.abc",
                "app_id": APP_ID,
                "bot_id": "B0BOT",
            },
            "actions": [action],
        }
    )


def setup_state(rants: str | None, advice: str | None) -> dict[str, Any]:
    """The setup form (two channel pickers) as Slack reports it; None: left empty."""
    return {
        "rants": _pick("conversations_select", selected_conversation=rants),
        "advice": _pick("conversations_select", selected_conversation=advice),
    }


def view_submission(
    user: str, view: dict[str, Any], state: dict[str, Any], *, view_id: str = "V0FORM01"
) -> str:
    """A form submitted: the view as we opened it, plus the id, hash and state Slack adds."""
    submitted = {
        **view,
        "id": view_id,
        "team_id": TEAM_ID,
        "state": {"values": state},
        "hash": "1763900200.k3Yd5Rw9",
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": APP_ID,
        "external_id": "",
        "app_installed_team_id": TEAM_ID,
        "bot_id": "B0BOT",
        "clear_on_close": False,
        "notify_on_close": False,
    }
    return interaction_body(
        {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "riverside"},
            "user": user_block(user),
            "api_app_id": APP_ID,
            "token": "verification_token",
            "trigger_id": "111.222.valid",
            "view": submitted,
            "response_urls": [],
            "enterprise": None,
            "is_enterprise_install": False,
        }
    )


RANT_FIELDS = ("text", "destination", "colleague")
QUESTION_FIELDS = ("text", "colleague", "anonymous", "topic", "urgency")
ANSWER_FIELDS = ("text", "anonymous")


def form_state(
    text: str = "",
    *,
    version: int = 0,
    destination: str | None = None,
    colleague: str | None = None,
    anonymous: bool = False,
    topic: str | None = None,
    urgency: str | None = None,
    fields: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """The rant, question or answer form's state values as Slack reports them: one entry per
    input block (the field's name), empty ones included. `fields` says which form; by default
    the rant form when a destination is given, else the question form."""
    shown = fields or (RANT_FIELDS if destination is not None else QUESTION_FIELDS)
    picked = [{"text": {"type": "plain_text", "text": "yes"}, "value": "yes"}] if anonymous else []
    state: dict[str, Any] = {
        # A text field's action id changes with each version of the form (see views.modal).
        "text": {f"field_{version}": {"type": "plain_text_input", "value": text or None}},
        "destination": _option("radio_buttons", destination),
        "colleague": _pick("users_select", selected_user=colleague),
        "anonymous": _pick("checkboxes", selected_options=picked),
        "topic": _option("static_select", topic),
        "urgency": _option("static_select", urgency),
    }
    return {name: state[name] for name in shown}


def answer_state(text: str, *, anonymous: bool = False, version: int = 0) -> dict[str, Any]:
    """The answer form (behind a question's Answer button) as Slack reports it."""
    return form_state(text, version=version, anonymous=anonymous, fields=ANSWER_FIELDS)


def message_action(
    user: str, action_id: str, value: str, *, channel: str, message_ts: str, response_url: str
) -> str:
    """A button pressed under a message the bot posted in a channel or DM."""
    return interaction_body(
        {
            "type": "block_actions",
            "user": user_block(user),
            "api_app_id": APP_ID,
            "token": "9s8d9as89d8as9d8as989",
            "container": {
                "type": "message",
                "message_ts": message_ts,
                "channel_id": channel,
                "is_ephemeral": False,
            },
            "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
            "team": {"id": TEAM_ID, "domain": "riverside"},
            "enterprise": None,
            "is_enterprise_install": False,
            "channel": {"id": channel, "name": "coffee-room"},
            "message": {
                "type": "message",
                "subtype": "bot_message",
                "bot_id": "B0BOT",
                "text": "…",
                "ts": message_ts,
                "blocks": [],
            },
            "state": {"values": {}},
            "response_url": response_url,
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": "b1",
                    "type": "button",
                    "value": value,
                    "action_ts": "1763900300.000400",
                    "text": {"type": "plain_text", "text": "…", "emoji": True},
                }
            ],
        }
    )


def message_shortcut(user: str, text: str, *, response_url: str) -> str:
    """The "Run this past someone" message shortcut on someone's message."""
    return interaction_body(
        {
            "type": "message_action",
            "token": "verification_token",
            "action_ts": "1763900400.123456",
            "team": {"id": TEAM_ID, "domain": "riverside"},
            "user": user_block(user),
            "channel": {"id": "C0GENERAL", "name": "general"},
            "callback_id": "run_this_past",
            "trigger_id": "111.222.shortcut",
            "message_ts": "1763900399.000300",
            "message": {
                "client_msg_id": "zzzz-111-222",
                "type": "message",
                "text": text,
                "user": user,
                "ts": "1763900399.000300",
                "team": TEAM_ID,
            },
            "response_url": response_url,
            "is_enterprise_install": False,
            "enterprise": None,
        }
    )


def thread_reply(user: str, channel: str, thread_ts: str, text: str, *, event_id: str) -> str:
    """A person's native reply in a thread (message.channels)."""
    return event_body(
        {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": "1763900500.000600",
            "thread_ts": thread_ts,
            "event_ts": "1763900500.000600",
            "channel_type": "channel",
            "client_msg_id": "c9b466b5-845c",
            "team": TEAM_ID,
            "blocks": [],
        },
        event_id=event_id,
    )


# --- The practice's week: Home tab controls and the week's forms -------------------------------
def home_pick(
    user: str, action_id: str, *, option: str | None = None, day: str | None = None
) -> str:
    """A select (static_select) or a date (datepicker) chosen on the App Home."""
    action: dict[str, Any] = {
        "action_id": action_id,
        "block_id": "Xk2p",
        "action_ts": "1763900150.000300",
    }
    if option is not None:
        action.update(
            type="static_select",
            selected_option={"text": {"type": "plain_text", "text": option}, "value": option},
            placeholder={"type": "plain_text", "text": "Select an item", "emoji": True},
        )
    else:
        action.update(type="datepicker", selected_date=day)
    return home_block_actions(user, action, {"values": {}})


def _pick(kind: str, **value: Any) -> dict[str, Any]:
    """One field's state: every element of our forms has the action id "field"."""
    return {"field": {"type": kind, **value}}


def _option(kind: str, value: str | None) -> dict[str, Any]:
    option = {"text": {"type": "plain_text", "text": value}, "value": value} if value else None
    return _pick(kind, selected_option=option)


def slot_state(
    *,
    day: str | None,
    start: str | None,
    minutes: str = "15",
    repeat: str = "1",
    first_week: str | None = None,
    channel: str | None = "C0GENERAL",
    kind: str = "coffee",
) -> dict[str, Any]:
    """The add-protected-time form as Slack reports it (day "0" is Monday)."""
    return {
        "day": _option("static_select", day),  # seven days: a drop-down, not radio buttons
        "start": _pick("timepicker", selected_time=start),
        "length": _option("static_select", minutes),
        "repeat": _option("radio_buttons", repeat),
        "first": _pick("datepicker", selected_date=first_week),
        "channel": _pick("conversations_select", selected_conversation=channel),
        "kind": _option("radio_buttons", kind),
    }


def week_state(
    sessions: dict[str, tuple[str, ...]], quiet: tuple[str, str] = ("19:00", "08:00")
) -> dict[str, Any]:
    """The 'Change my week' form: the surgeries ticked for each day (others left empty)."""
    state: dict[str, Any] = {}
    for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
        ticked = [
            {"text": {"type": "plain_text", "text": part}, "value": part}
            for part in sessions.get(day, ())
        ]
        state[day] = _pick("checkboxes", selected_options=ticked)
    state["quiet_from"] = _pick("timepicker", selected_time=quiet[0])
    state["quiet_to"] = _pick("timepicker", selected_time=quiet[1])
    return state


def leave_state(starts: str | None, ends: str | None) -> dict[str, Any]:
    return {
        "starts": _pick("datepicker", selected_date=starts),
        "ends": _pick("datepicker", selected_date=ends),
    }


def colleague_state(colleague: str | None) -> dict[str, Any]:
    return {"colleague": _pick("users_select", selected_user=colleague)}


def closure_state(day: str | None, part: str = "pm", reason: str = "plt") -> dict[str, Any]:
    """The closure or protected-learning form as Slack reports it."""
    return {
        "day": _pick("datepicker", selected_date=day),
        "part": _option("radio_buttons", part),
        "reason": _option("radio_buttons", reason),
    }
