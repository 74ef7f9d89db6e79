"""What 'run', 'migrate' and 'jobs' do once their settings are known to be good."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.error import URLError

from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import OperationalError

from bot.app import assembly as app
from bot.app.settings import Settings, SettingsError
from bot.core.ports import Clock


@contextmanager
def database_reachable(settings: Settings) -> Iterator[None]:
    """Turn 'cannot connect' into one plain sentence instead of a traceback."""
    try:
        yield
    except OperationalError as exc:
        where = settings.database_url.split("@")[-1]
        raise SettingsError(
            [
                f"The database at {where} cannot be reached ({type(exc.orig).__name__}): check "
                "DATABASE_URL, or run 'python -m bot doctor'."
            ]
        ) from exc


@contextmanager
def slack_reachable(settings: Settings) -> Iterator[None]:
    """Turn 'Slack said no' or 'Slack is not there' into one plain sentence, not a traceback."""
    try:
        yield
    except SlackApiError as exc:
        code = exc.response.get("error") or f"HTTP {exc.response.status_code}"
        raise SettingsError(
            [
                f"Slack refused the bot token ({code}): check SLACK_BOT_TOKEN (it starts "
                "xoxb-), or run 'python -m bot doctor'."
            ]
        ) from exc
    except (URLError, OSError) as exc:
        raise SettingsError(
            [
                f"Slack cannot be reached at {settings.slack_api_url} ({type(exc).__name__}): "
                "check the network (or SLACK_API_URL), or run 'python -m bot doctor'."
            ]
        ) from exc


def migrate(settings: Settings) -> int:
    """'python -m bot migrate'."""
    with database_reachable(settings):
        before, after = app.migrate_only(settings)
    if before == after:
        print(f"The database is up to date (schema {after}).")
    else:
        print(f"The database was brought up to date: schema {before or 'empty'} -> {after}.")
    return 0


def jobs(settings: Settings, command: str, name: str, clock: Clock) -> int:
    """'python -m bot jobs list' and 'python -m bot jobs run NAME'."""
    with database_reachable(settings):
        assembly = app.build(settings, clock=clock, listen=False)
    known = {job.name: job for job in assembly.jobs()}
    if command == "list":
        for job in known.values():
            print(f"{job.name:<14} every {_every(job.every_minutes):<10} {job.description}")
            if job.upcoming is not None:
                print(f"{'':<14}       {job.upcoming()}")
        return 0
    if name not in known:
        print(f"There is no job called {name!r}. Jobs: {', '.join(known)}.")
        return 2
    if name != "outbox" and assembly.slack_client is not None:
        # Learn who is in the workspace first: the bot may never have run in this database.
        with slack_reachable(settings):
            app.sync_roster(assembly)
    result = known[name].run()
    print(f"{name}: {result}")
    if name != "outbox":  # and deliver now what the job queued
        outbox = assembly.services.outbox
        outbox.reconcile()
        print(f"outbox: {outbox.drain()}")
    return 0


def serve(
    settings: Settings, clock: Clock, *, socket_mode: bool, host: str, port: int, scheduler: bool
) -> int:
    """'python -m bot run'."""
    with database_reachable(settings), slack_reachable(settings):  # Bolt asks Slack at once
        assembly = app.build(settings, clock=clock, socket_mode=socket_mode)
    where = "Socket Mode" if socket_mode else f"http://{host}:{port}/slack/events"
    print(f"Coffee Room is running ({where}). Press Ctrl+C to stop.")
    app.serve(assembly, socket_mode=socket_mode, host=host, port=port, scheduler=scheduler)
    return 0


def _every(minutes: int) -> str:
    if minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)} day(s)"
    if minutes % 60 == 0:
        return f"{minutes // 60} hour(s)"
    return f"{minutes} min"
