"""The bot's HTTP face, served as ASGI by uvicorn: Slack's events, Teams' messages and a
health check on one app: plain Starlette for Slack alone (FastAPI's layers cost about 15% more
CPU per request under load: benchmarks/README.md), FastAPI once Teams is configured, as the
Teams SDK mounts its route on FastAPI.
With installs by OAuth, GET /slack/install and /slack/oauth_redirect serve Bolt's install flow.
A Slack request's signature is checked before its body is read as anything: junk gets 401 and
one log line, a signed body that is not a well-formed Slack payload gets 400, and neither
reaches the app. Teams' requests are checked by the SDK (a missing or bad token gets 401).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot.core.logs import log_failure
from handlers.slack.oauth import INSTALL_PATH, REDIRECT_PATH, install_broken
from handlers.slack.read import well_formed

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)


def build_asgi(
    *,
    slack: App | None,
    healthy: Callable[[], bool],
    ready: Callable[[], tuple[bool, str]] | None = None,
    signing_secret: str = "",
    teams: Callable[[FastAPI], object] | None = None,
) -> Starlette:
    """One ASGI app; Bolt's sync dispatch runs in a worker thread so the event loop stays free.
    `teams` mounts POST /api/messages on it (when Teams is configured)."""
    verifier = SignatureVerifier(signing_secret) if signing_secret else None

    async def slack_events(request: Request) -> Response:
        if slack is None:
            return JSONResponse({"error": "Slack is not configured"}, status_code=404)
        body = await request.body()
        if verifier is not None and not verifier.is_valid_request(body, dict(request.headers)):
            log.warning("refused a request to /slack/events: no valid Slack signature")
            return JSONResponse({"error": "invalid signature"}, status_code=401)
        try:
            bolt_request = to_bolt_request(request, body)
            readable = well_formed(bolt_request.body)
        except (ValueError, KeyError, TypeError, AttributeError):
            readable = False
        if not readable:
            log.warning("refused a signed request to /slack/events: not a Slack payload")
            return JSONResponse({"error": "malformed payload"}, status_code=400)
        response = await run_in_threadpool(slack.dispatch, bolt_request)
        return to_starlette_response(response)

    async def healthz(_request: Request) -> Response:
        ok = await run_in_threadpool(healthy)
        return JSONResponse({"ok": ok}, status_code=200 if ok else 503)

    routes = [Route("/slack/events", slack_events, methods=["POST"]), *_installs(slack)]
    routes += [_readiness(ready or (lambda: (healthy(), "database")))]
    return _served([*routes, Route("/healthz", healthz, methods=["GET"])], teams)


def _readiness(ready: Callable[[], tuple[bool, str]]) -> Route:
    """GET /readyz: 200 when ready for traffic (the database answers, at the code's schema),
    else 503; either way `{"ok": …, "reason": …}`, never a traceback."""

    async def readyz(_request: Request) -> Response:
        ok, why = await run_in_threadpool(ready)
        return JSONResponse({"ok": ok, "reason": why}, status_code=200 if ok else 503)

    return Route("/readyz", readyz, methods=["GET"])


def _installs(slack: App | None) -> list[BaseRoute]:
    """Installs by OAuth: the install page and Slack's redirect back (Bolt's flow), on GET."""

    async def slack_install(request: Request) -> Response:
        flow = slack.oauth_flow if slack is not None else None
        if flow is None:
            return JSONResponse({"error": "installs by OAuth are not configured"}, status_code=404)
        install = request.url.path == INSTALL_PATH
        handle = flow.handle_installation if install else flow.handle_callback
        try:
            bolt_request = to_bolt_request(request, await request.body())
            return to_starlette_response(await run_in_threadpool(handle, bolt_request))
        except Exception as exc:  # noqa: BLE001 - e.g. the database: a kind page, one log line
            log_failure(log, f"GET {request.url.path}", exc)
            return HTMLResponse(install_broken(), status_code=500)

    return [Route(p, slack_install, methods=["GET"]) for p in (INSTALL_PATH, REDIRECT_PATH)]


def _served(routes: list[BaseRoute], teams: Callable[[FastAPI], object] | None) -> Starlette:
    if teams is None:  # Slack alone: plain Starlette, without FastAPI's layers on every request
        return Starlette(routes=routes)
    from fastapi import FastAPI  # loaded only with Teams

    # No schema or docs pages: nothing here is for browsing.
    asgi = FastAPI(routes=routes, openapi_url=None, docs_url=None, redoc_url=None)
    teams(asgi)  # POST /api/messages
    return asgi
