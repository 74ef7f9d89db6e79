"""Build the Teams SDK app on the shared FastAPI app: token checks, routes, one error handler.

The SDK validates each inbound request's token (or, in development with
TEAMS_ALLOW_UNAUTHENTICATED, does not) and routes each activity to one listener here. The
listeners are synchronous, like the rest of the bot, so each runs in a worker thread.
"""

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from microsoft_teams.api import ConversationUpdateActivity
from microsoft_teams.api.activities.install_update.add import InstalledActivity
from microsoft_teams.api.activities.install_update.remove import UninstalledActivity
from microsoft_teams.api.activities.invoke.adaptive_card.action import AdaptiveCardInvokeActivity
from microsoft_teams.api.activities.invoke.task.task_fetch import TaskFetchInvokeActivity
from microsoft_teams.api.activities.invoke.task.task_submit import TaskSubmitInvokeActivity
from microsoft_teams.api.activities.message.message import MessageActivity
from microsoft_teams.api.auth.cloud_environment import PUBLIC, CloudEnvironment
from microsoft_teams.apps import ActivityContext, App, FastAPIAdapter

from bot.core import wording
from bot.core.errors import Refused
from bot.core.logs import log_failure
from bot.core.ports import CannotDeliver
from handlers.teams import answer, events, listeners
from handlers.teams import wording as words
from handlers.teams.context import Teams, reply

log = logging.getLogger(__name__)
PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams"  # unused: replies use each
# activity's own service URL; passed so that no SERVICE_URL in the environment is read
Json = dict[str, Any]
Listener = Callable[[Teams, Json], Any]


def build_teams_app(
    fastapi: FastAPI,
    teams: Teams,
    *,
    client_id: str,
    tenant_id: str,
    allow_unauthenticated: bool,
    token: Callable[[], str],
    cloud: CloudEnvironment | None = None,
) -> App:
    """The SDK app, its /api/messages route registered on `fastapi`."""
    for name in ("microsoft_teams", "httpx", "msal"):  # they would log activities and URLs
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger(name).level))
    # Every option the SDK would otherwise take from its own environment names (CLIENT_ID,
    # SERVICE_URL, CLOUD, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS …) is passed explicitly,
    # so only Coffee Room's TEAMS_* settings decide. (A stray CLIENT_SECRET could still make the
    # SDK hold client credentials, which it never uses: it sends nothing itself.)
    app = App(
        client_id=client_id,
        tenant_id=tenant_id or None,
        token=lambda _scope, _tenant=None: token(),  # never an Entra login by the SDK
        dangerously_allow_unauthenticated_requests=allow_unauthenticated,
        http_server_adapter=FastAPIAdapter(app=fastapi),
        cloud=cloud or PUBLIC,
        service_url=PUBLIC_SERVICE_URL,
    )
    register(app, teams)
    asyncio.run(app.initialize())  # registers the route; no server of its own
    return app


def register(app: App, teams: Teams) -> None:
    """One handler per kind of activity, each a synchronous listener in a worker thread."""

    @app.on_message
    async def message(ctx: ActivityContext[MessageActivity]) -> None:
        await _run(teams, listeners.on_message, ctx.activity, "message")

    @app.on_card_action
    async def card_action(ctx: ActivityContext[AdaptiveCardInvokeActivity]) -> Any:
        return await _run(teams, listeners.on_card_action, ctx.activity, "card")

    @app.on_dialog_open
    async def dialog_open(ctx: ActivityContext[TaskFetchInvokeActivity]) -> Any:
        return await _run(teams, listeners.on_dialog_open, ctx.activity, "dialog")

    @app.on_dialog_submit
    async def dialog_submit(ctx: ActivityContext[TaskSubmitInvokeActivity]) -> Any:
        return await _run(teams, listeners.on_dialog_submit, ctx.activity, "dialog")

    @app.on_install_add
    async def install(ctx: ActivityContext[InstalledActivity]) -> None:
        await _run(teams, events.on_install, ctx.activity, "message")

    @app.on_install_remove
    async def uninstall(ctx: ActivityContext[UninstalledActivity]) -> None:
        await _run(teams, events.on_uninstall, ctx.activity, "event")

    @app.on_conversation_update
    async def conversation_update(ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        await _run(teams, events.on_conversation_update, ctx.activity, "event")


async def _run(teams: Teams, listener: Listener, activity: Any, kind: str) -> Any:
    raw = activity.model_dump(by_alias=True, exclude_none=True, mode="json")
    return await asyncio.to_thread(guarded, teams, listener, raw, kind)


def guarded(teams: Teams, listener: Listener, a: Json, kind: str) -> Any:
    """The one error handler: a kind word to the person, no stack trace, none of their words
    logged. Teams retries a failed request, and each listener is safe to run again."""
    try:
        return listener(teams, a)
    except Exception as error:  # noqa: BLE001 - the one place a Teams request's failure ends
        return _apologise(teams, a, kind, error)


def _apologise(teams: Teams, a: Json, kind: str, error: Exception) -> Any:
    if isinstance(error, Refused):
        text: Any = error.text
    elif isinstance(error, CannotDeliver) and error.code == "teams_cannot_create_channels":
        text = words.CANNOT_CREATE
    else:
        log_failure(log, f"teams {a.get('type')} {a.get('name') or ''}".strip(), error)
        text = wording.SOMETHING_WENT_WRONG
    if kind == "card":
        return answer.message(text)
    if kind == "dialog":
        return answer.dialog_message(text)
    if kind == "message":
        try:
            reply(teams, a, {"type": "message", "text": answer.plain_words(text)})
        except Exception as again:  # noqa: BLE001 - the apology itself could not be sent
            log_failure(log, "teams apology", again)
    return None
