"""What 'run', 'migrate' and 'jobs' do once their settings are known to be good."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.error import URLError

from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import OperationalError
from tqdm import tqdm

from bot.app import assembly as app
from bot.app.settings import Settings, SettingsError
from bot.core.clock import SystemClock
from bot.core.delivery import DrainReport
from bot.core.outbox import Outbox
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
    if name != "outbox":
        print(f"{name}: {known[name].run()}")
    print(deliver_all(assembly.services.outbox))  # everything it queued, before it exits
    return 0


def leads(settings: Settings, verb: str, user: str, workspace: str, practice: str = "") -> int:
    """'python -m bot leads list|add|remove [USER]': whoever runs the bot changes the leads
    (audited as the command line); never the last one."""
    from bot.core.errors import Refused
    from bot.core.values import Platform

    if verb != "list" and not user:
        print(f"Whom should I {verb}? For example: python -m bot leads {verb} U0123ABCD")
        return 2
    with database_reachable(settings):
        assembly = app.build(settings, clock=SystemClock(), listen=False)
    if not workspace and assembly.slack_client is not None:
        with slack_reachable(settings):
            directory = assembly.slack_directory()  # the only workspace (or it says to name one)
            assembly.services.practices.sync_roster(Platform.SLACK, directory)
            workspace, _ = directory.workspace()
    try:
        found = assembly.services.leads.operator(Platform.SLACK, workspace, verb, user, practice)
    except Refused as refusal:
        print(refusal.text)
        return 1
    print(f"Leads: {', '.join(found) or 'none'}.")
    print(deliver_all(assembly.services.outbox))
    return 0


def deliver_all(outbox: Outbox) -> str:
    """Send what is queued, with a progress bar on a terminal; a plain summary line after.
    Ctrl+C stops it: what is left stays queued for the next run, or for the bot's worker."""
    outbox.reconcile()
    with outbox.uow() as tx:
        pending = tx.outbox.counts().get("pending", 0)
    bar = tqdm(total=pending, unit="msg", desc="Sending", disable=not sys.stderr.isatty())
    settled = [0]

    def progress(report: DrainReport) -> None:
        bar.update(report.sent + report.failed - settled[0])
        settled[0] = report.sent + report.failed

    try:
        report = outbox.drain_all(progress)
    except KeyboardInterrupt:
        bar.close()
        return "Stopped: what was not sent stays queued for the next run, or for the bot."
    bar.close()
    with outbox.uow() as tx:
        left = tx.outbox.counts().get("pending", 0)
    return sent_line(report, left)


def sent_line(report: DrainReport, left: int) -> str:
    """One line, in plain words, of what a run sent."""
    line = f"Sent {report.sent} message{'s' if report.sent != 1 else ''}."
    if report.failed:
        line += f" {report.failed} could not be delivered (whoever wrote them has been told)."
    if left:
        line += f" {left} wait to be tried again (the bot's worker, or the next run, sends them)."
    return line


def serve(
    settings: Settings, clock: Clock, *, socket_mode: bool, host: str, port: int, scheduler: bool
) -> int:
    """'python -m bot run'."""
    with database_reachable(settings), slack_reachable(settings):  # Bolt asks Slack at once
        assembly = app.build(settings, clock=clock, socket_mode=socket_mode)
    where = "Socket Mode" if socket_mode else f"http://{host}:{port}/slack/events"
    if settings.teams_configured:  # Teams on the same server
        teams = f"http://{host}:{port}/api/messages"
        where = f"{teams} and {where}" if settings.slack_configured else teams
    print(f"Coffee Room is running ({where}). Press Ctrl+C to stop.")
    app.serve(assembly, socket_mode=socket_mode, host=host, port=port, scheduler=scheduler)
    return 0


def teams_package(settings: Settings, out: str) -> int:
    """'python -m bot teams-package': the app package a practice lead uploads to Teams."""
    from handlers.teams.package import write_package

    path = write_package(
        out,
        client_id=settings.teams_client_id,
        privacy_url=settings.teams_privacy_url,
        terms_url=settings.teams_terms_url,
    )
    print(f"Wrote {path}: upload it in Teams (Apps > Manage your apps > Upload an app).")
    return 0


def _every(minutes: int) -> str:
    if minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)} day(s)"
    if minutes % 60 == 0:
        return f"{minutes // 60} hour(s)"
    return f"{minutes} min"
