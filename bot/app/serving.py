"""Serving until stopped, and stopping cleanly: SIGTERM (a service manager, Docker, Kubernetes)
ends `run` as Ctrl+C would, with exit code 0, once the requests in hand, the running job and the
send in flight have finished. Also what `/readyz` asks: is the database there, at our schema?"""

from __future__ import annotations

import logging
import signal
import threading
from functools import cache
from types import FrameType

import uvicorn
from alembic.migration import MigrationContext
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from sqlalchemy import Engine
from starlette.applications import Starlette

from storage.database import READING
from storage.migrate import head_revision

log = logging.getLogger(__name__)


def stop_on_sigterm() -> None:
    """From now on SIGTERM ends the main thread's work with SystemExit(0), so every `finally`
    on the way out runs (uvicorn, which catches it first, shuts down, then raises it again)."""

    def leave(_signal: int, _frame: FrameType | None) -> None:
        log.info("SIGTERM: stopping")
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, leave)


def serve_http(asgi: Starlette, *, host: str, port: int) -> None:
    """uvicorn until SIGTERM or Ctrl+C; it finishes the requests in hand first. Its log lines go
    through our own handler (`log_config=None`): as JSON when asked, and an exception it logs
    with its details withheld, as any library's."""
    uvicorn.run(asgi, host=host, port=port, log_level="warning", log_config=None)


def serve_socket(app: App, app_token: str) -> None:
    """Slack over Socket Mode until SIGTERM or Ctrl+C; then the socket is closed."""
    handler = SocketModeHandler(app, app_token)
    try:
        handler.connect()
        forever = threading.Event()
        while not forever.wait(1.0):  # the main thread waits here, where signals reach it
            pass
    finally:
        handler.close()


def readiness(engine: Engine) -> tuple[bool, str]:
    """(ready, why): the database answers and its schema is this code's."""
    try:
        # No write lock (on SQLite): readiness never queues behind a roster sync.
        with engine.connect().execution_options(**{READING: True}) as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
    except Exception as exc:  # noqa: BLE001 - any failure means not ready; say which kind
        return False, f"the database cannot be reached ({type(exc).__name__})"
    if revision != _head():
        return False, f"the database schema is {revision or 'empty'}; this code needs {_head()}"
    return True, "ready"


@cache
def _head() -> str | None:
    """The schema this code was written for (read once)."""
    return head_revision()
