"""Build the Bolt app: signature checks, one error handler, and every listener registered."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core import wording
from bot.core.errors import Refused
from bot.core.logs import log_failure
from handlers.slack import advice, commands, home, people, rants, week
from handlers.slack.ids import Block

log = logging.getLogger(__name__)


def build_slack_app(
    *,
    client: WebClient,
    services: Services,
    signing_secret: str = "",
    socket_mode: bool = False,
) -> App:
    """A Bolt app whose listeners finish before Slack gets its answer (so failures are retried)."""
    app = App(
        client=client,
        signing_secret=signing_secret or None,
        request_verification_enabled=not socket_mode,
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        logger=logging.getLogger("slack_bolt.coffeeroom"),
    )
    app.error(on_error)
    home.register(app, services)
    commands.register(app, services)
    rants.register(app, services)
    advice.register(app, services)
    people.register(app, services)
    week.register(app, services)
    return app


def on_error(error: Exception, body: dict[str, Any], response: BoltResponse, respond: Any) -> None:
    """The one error handler: a kind word to the GP, no stack trace, none of their words logged."""
    kind = body.get("type") or ("command" if body.get("command") else "")
    text = error.text if isinstance(error, Refused) else wording.SOMETHING_WENT_WRONG
    if not isinstance(error, Refused):
        log_failure(log, f"slack {kind or 'request'}", error)
    if kind == "event_callback":
        response.status = 500  # Slack retries it; the event was not recorded as handled
        return
    response.status = 200
    response.headers["content-type"] = ["application/json"]
    if kind == "command":
        response.body = json.dumps({"response_type": "ephemeral", "text": text})
    elif kind == "view_submission":
        words = wording.FORM_PROBLEM_KEPT if not isinstance(error, Refused) else text
        field = _first_field(body.get("view") or {})
        response.body = json.dumps({"response_action": "errors", "errors": {field: words}})
    else:
        response.body = ""
        if body.get("response_url"):
            respond(text=text, response_type="ephemeral", replace_original=False)


def _first_field(view: dict[str, Any]) -> str:
    """Where a form's error can show: its text box, else its first field (Slack needs one)."""
    fields = [b.get("block_id") for b in view.get("blocks") or [] if b.get("type") == "input"]
    return Block.TEXT if Block.TEXT in fields or not fields else str(fields[0])
