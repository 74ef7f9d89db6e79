"""Reading Slack's payloads back into what bot/ui understands: answers, values, who and where."""

from __future__ import annotations

import json
from typing import Any

from bot.ui.forms import Raw

PICKED = {  # where each kind of element keeps its answer
    "users_select": "selected_user",
    "conversations_select": "selected_conversation",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
}


def answers(view: dict[str, Any]) -> dict[str, Raw]:
    """A submitted form's answers by field (block id): text, the option picked, a user, a
    channel, a date or time, or the options ticked (a tuple, empty when none is)."""
    found: dict[str, Raw] = {}
    for block, actions in ((view.get("state") or {}).get("values") or {}).items():
        for element in (actions or {}).values():
            found[str(block)] = value(element)
    return found


def value(element: dict[str, Any]) -> Raw:
    """One element's answer, or what a control on a page was set to."""
    kind = element.get("type")
    if kind == "plain_text_input":
        return str(element.get("value") or "")
    if kind in PICKED:
        return str(element.get(PICKED[kind]) or "")
    if kind == "checkboxes":
        return tuple(str(o.get("value")) for o in element.get("selected_options") or [])
    if kind == "button":
        return str(element.get("value") or "")
    option = element.get("selected_option")
    return str(option.get("value") or "") if isinstance(option, dict) else ""


def metadata(view: dict[str, Any]) -> tuple[dict[str, str], int]:
    """The state a form carried through Slack, and its version (how often it came back)."""
    try:
        carried = json.loads(view.get("private_metadata") or "{}")
        state = {str(k): str(v) for k, v in dict(carried.get("state") or {}).items()}
        return state, int(carried.get("v") or 0)
    except (ValueError, TypeError, AttributeError):
        return {}, 0


def opened_in(view: dict[str, Any]) -> str:
    """The channel a form was opened from, as it carried it through Slack ('' if none)."""
    try:
        return str(json.loads(view.get("private_metadata") or "{}").get("c") or "")
    except (ValueError, TypeError, AttributeError):
        return ""


def team(body: dict[str, Any]) -> str:
    """The workspace behind an event, command or interaction ('' when the payload omits it)."""
    found = body.get("team_id") or (body.get("team") or {}).get("id")
    if not found and isinstance(body.get("user"), dict):
        found = body["user"].get("team_id")
    return str(found or "")


def user(body: dict[str, Any]) -> str:
    """The person behind a command or interaction."""
    if isinstance(body.get("user"), dict):
        return str(body["user"].get("id") or "")
    return str(body.get("user_id") or "")


def channel(body: dict[str, Any]) -> str:
    """The channel a command, tap or shortcut came from ('' from the Home tab or a form): it
    tells which practice a locum in several means."""
    place = body.get("channel")
    found = place.get("id") if isinstance(place, dict) else body.get("channel_id")
    if not found and isinstance(body.get("container"), dict):
        found = body["container"].get("channel_id")
    return str(found or "")


INTERACTIVE = {"block_actions", "view_submission", "view_closed", "shortcut", "message_action"}


def well_formed(body: object) -> bool:
    """Whether a (signed) body has the shape of a Slack payload we can read at all: anything
    else is refused with 400 before it reaches the app, so no listener ever meets it."""
    if not isinstance(body, dict):
        return False
    if "command" in body:
        return all(isinstance(body.get(k), str) for k in ("command", "user_id"))
    if body.get("type") in ("event_callback", "url_verification", "app_rate_limited"):
        event = body.get("event", {})
        return isinstance(event, dict) and isinstance(event.get("type", ""), str)
    if body.get("type") in INTERACTIVE:
        return _interaction_well_formed(body)
    return "type" in body and isinstance(body["type"], str)


def _interaction_well_formed(body: dict[str, Any]) -> bool:
    person = body.get("user")
    if not (isinstance(person, dict) and isinstance(person.get("id"), str)):
        return False
    actions = body.get("actions", [])
    if not (isinstance(actions, list) and all(_action(a) for a in actions)):
        return False
    return isinstance(body.get("view", {}), dict | type(None))


def _action(action: object) -> bool:
    return isinstance(action, dict) and isinstance(action.get("action_id"), str)
