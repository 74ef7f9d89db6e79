"""Build the Bolt app: signature checks, one error handler, and every listener registered."""

from __future__ import annotations

import json
import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core import wording
from bot.core.errors import Refused
from bot.core.logs import log_failure
from handlers.slack import events, listeners, oauth, read
from handlers.slack.directory import SlackDirectory
from handlers.slack.oauth import Installs

log = logging.getLogger(__name__)


def build_slack_app(
    *,
    client: WebClient,
    services: Services,
    signing_secret: str = "",
    socket_mode: bool = False,
    executor: Executor | None = None,
    installs: Installs | None = None,
) -> App:
    """A Bolt app whose listeners finish before Slack gets its answer (so failures are retried),
    but for the work after an ack, which runs on `executor` (a thread pool by default).
    With `installs`, many workspaces install it by OAuth; without, `client`'s token is the one."""
    executor = executor or ThreadPoolExecutor(max_workers=8, thread_name_prefix="slack-after")
    app = App(
        client=client,
        signing_secret=signing_secret or None,
        request_verification_enabled=not socket_mode,
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        logger=logging.getLogger("slack_bolt.coffeeroom"),
        listener_executor=executor,
        **(installs.bolt_options() if installs else {}),
    )
    if installs is None and app.oauth_flow is not None:  # Bolt read SLACK_CLIENT_* itself
        raise ValueError("Bolt found SLACK_CLIENT_ID and SLACK_CLIENT_SECRET in the environment")
    app.error(on_error)
    team = oauth.team if installs else team_finder(client)
    if installs:
        installs.register(app)
    listeners.register(app, services, team, executor)
    events.register(app, services, team)
    return app


def team_finder(client: WebClient) -> listeners.Team:
    """The workspace a payload names, or (for the few that name none) the token's own."""
    own: list[str] = []

    def team(body: dict[str, Any]) -> str:
        found = read.team(body)
        if found:
            return found
        if not own:
            own.append(SlackDirectory(client).workspace()[0])
        return own[0]

    return team


MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError)  # a payload's shape


def on_error(error: Exception, body: dict[str, Any], response: BoltResponse, respond: Any) -> None:
    """The one error handler: a kind word to the GP, no stack trace, none of their words logged.

    It cannot raise: whatever the body holds, it answers (and at worst says only 'sorry')."""
    try:
        _answer(error, body if isinstance(body, dict) else {}, response, respond)
    except Exception as again:  # noqa: BLE001 - the last line of defence must not fall over
        log_failure(log, "slack error handler", again)
        response.status, response.body = 200, ""


def _answer(error: Exception, body: dict[str, Any], response: BoltResponse, respond: Any) -> None:
    kind = str(body.get("type") or ("command" if body.get("command") else ""))
    text = error.text if isinstance(error, Refused) else wording.SOMETHING_WENT_WRONG
    if not isinstance(error, Refused):
        log_failure(log, f"slack {kind or 'request'}", error)
    if kind == "event_callback":
        # Slack retries a 500: right for a fault of ours, pointless for a malformed payload.
        response.status = 400 if isinstance(error, MALFORMED) else 500
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
        if isinstance(body.get("response_url"), str):
            respond(text=text, response_type="ephemeral", replace_original=False)


def _first_field(view: Any) -> str:
    """Where a form's error can show: its first input (Slack needs one)."""
    blocks = view.get("blocks") if isinstance(view, dict) else None
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict) and block.get("type") == "input":
            return str(block.get("block_id") or "text")
    return "text"
