"""Drive the real Bolt app with signed requests, in process (app.dispatch)."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse

from bot.app.assembly import Assembly
from tests.callers import ROSTER, every_value, set_up, synced
from tests.slack_requests import signed_headers

__all__ = [
    "ROSTER",
    "block",
    "body_json",
    "dispatch",
    "every_value",
    "ready",
    "slack_app",
    "synced",
]


def dispatch(app: App, body: str, *, json_body: bool = False, **header_args: Any) -> BoltResponse:
    """Send one signed request through the app, exactly as the HTTP adapter would."""
    content_type = "application/json" if json_body else "application/x-www-form-urlencoded"
    headers = signed_headers(body, content_type=content_type, **header_args)
    return app.dispatch(BoltRequest(body=body, headers={k: [v] for k, v in headers.items()}))


def slack_app(assembly: Assembly) -> App:
    assert assembly.slack_app is not None
    return assembly.slack_app


def body_json(response: BoltResponse) -> dict[str, Any]:
    return dict(json.loads(response.body)) if response.body else {}


def ready(assembly: Assembly) -> App:
    """A practice that has been set up (roster learnt, channels chosen), and its Slack app."""
    return slack_app(set_up(assembly))


def block(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    """The block of a view (a form's field, by its name) with this id."""
    found: dict[str, Any] = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    return found
