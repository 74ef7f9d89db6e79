"""The command line: parse arguments, check settings for that command, hand over."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import datetime

from bot.app.settings import Settings, SettingsError
from bot.core import logs
from bot.core.clock import FixedClock, SimulatedClock, SystemClock
from bot.core.ports import Clock

NO_CREDENTIALS = """\
Coffee Room needs a Slack app to talk to, and none is configured yet.

Missing: SLACK_BOT_TOKEN, and either SLACK_APP_TOKEN (Socket Mode, easiest: no public
address needed) or SLACK_SIGNING_SECRET (HTTP mode, behind a public https address).
(For Microsoft Teams instead, set TEAMS_CLIENT_ID and friends: see the README's Teams section.)
(To host it for many workspaces, each installing it by OAuth, set SLACK_CLIENT_ID and
friends instead: see the README's "Many workspaces" section.)

To set it up (about ten minutes):
  1. Print the app manifest:   ./scripts/run manifest --socket > manifest.json
  2. At https://api.slack.com/apps choose "Create New App" > "From a manifest", pick your
     workspace and paste it in. Install the app to the workspace.
  3. Copy .env.example to .env and fill in the tokens the README points to.
  4. Run this command again.

To try Coffee Room now, with no workspace at all:
  python -m bot chat        (or ./scripts/run chat)
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Coffee Room, for GPs.")
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the bot (Socket Mode if SLACK_APP_TOKEN is set)")
    run.add_argument(
        "--http", action="store_true", help="serve HTTP even if SLACK_APP_TOKEN is set"
    )
    run.add_argument("--port", type=int, default=3000)
    run.add_argument("--host", default="0.0.0.0")
    run.add_argument("--no-scheduler", action="store_true", help="leave jobs to another replica")
    run.add_argument("--now", help="pretend it is this time (ISO 8601); not in production")
    chat = sub.add_parser("chat", help="try Coffee Room locally, no workspace needed")
    chat.add_argument("--now", help="pretend it is this time (ISO 8601)")
    sub.add_parser("migrate", help="bring the database up to date")
    package = sub.add_parser("teams-package", help="build the Microsoft Teams app package (zip)")
    package.add_argument("--out", default="coffeeroom-teams.zip", help="where to write it")
    sub.add_parser("doctor", help="check settings, database and Slack, in plain words")
    manifest = sub.add_parser("manifest", help="print the Slack app manifest (JSON)")
    mode = manifest.add_mutually_exclusive_group()
    mode.add_argument("--socket", action="store_true", help="Socket Mode (the default)")
    mode.add_argument("--http", metavar="URL", help="HTTP mode; Slack will post to URL")
    mode.add_argument(
        "--oauth", metavar="URL", help="HTTP mode, installed by OAuth into many workspaces"
    )
    jobs = sub.add_parser("jobs", help="list the scheduled jobs, or run one now")
    jobs_sub = jobs.add_subparsers(dest="jobs_command", required=True)
    jobs_sub.add_parser("list")
    job_run = jobs_sub.add_parser("run")
    job_run.add_argument("name")
    job_run.add_argument("--now", help="pretend it is this time (ISO 8601); not in production")
    leads = sub.add_parser("leads", help="list, add or remove a practice's leads")
    leads.add_argument("verb", choices=("list", "add", "remove"))
    leads.add_argument("user", nargs="?", default="", help="the person's platform id (U0...)")
    leads.add_argument("--workspace", default="", help="the workspace id (default: the bot's)")
    leads.add_argument("--practice", default="", help="its name, where a workspace has several")
    return p


def main(argv: list[str], env: Mapping[str, str]) -> int:
    """Run one command; the return value is the process's exit code."""
    args = parser().parse_args(argv)
    settings = Settings.from_env(env)
    if args.command == "chat":  # a conversation in the terminal: only warnings, as plain text
        logs.configure("WARNING")
    else:
        logs.configure(settings.log_level, settings.log_format)
    try:
        return dispatch(args, settings)
    except SettingsError as problem:
        print(problem, file=sys.stderr)
        return 2


def dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "manifest":
        from bot.app.assembly import manifest_json

        url = args.oauth or args.http or ""
        print(manifest_json(socket_mode=not url, url=url, oauth=bool(args.oauth)))
        return 0
    if args.command == "chat":
        from bot.app.assembly import chat

        settings.check("chat")
        return chat(settings, clock_for(args.now, settings, trial=True))
    if args.command == "migrate":
        from bot.app.commands import migrate

        settings.check("migrate")
        return migrate(settings)
    if args.command == "teams-package":
        from bot.app.commands import teams_package

        settings.check("teams-package")
        return teams_package(settings, args.out)
    if args.command == "doctor":
        from bot.app.doctor import doctor

        return doctor(settings)
    if args.command == "leads":
        return leads(args, settings)
    if args.command == "jobs":
        from bot.app.commands import jobs

        settings.check("jobs")
        return jobs(
            settings,
            args.jobs_command,
            getattr(args, "name", ""),
            clock_for(getattr(args, "now", None), settings),
        )
    return run(args, settings)


def leads(args: argparse.Namespace, settings: Settings) -> int:
    """`leads list|add|remove`: needs the bot token (to know the workspace) and the database."""
    from bot.app.commands import leads as change_leads

    settings.check("jobs")
    return change_leads(settings, args.verb, args.user, args.workspace, args.practice)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not (settings.slack_configured or settings.teams_configured) and not settings.problems:
        print(NO_CREDENTIALS, file=sys.stderr)
        return 2
    # Teams needs the HTTP server (POST /api/messages), so with Teams, Slack is served over it too.
    # Installs by OAuth into many workspaces are served over HTTP too (Slack redirects back).
    socket_mode = bool(settings.slack_app_token) and not args.http and not settings.teams_configured
    socket_mode = socket_mode and not settings.slack_oauth
    settings.check("run-socket" if socket_mode else "run-http")
    from bot.app.commands import serve

    return serve(
        settings,
        clock_for(args.now, settings),
        socket_mode=socket_mode,
        host=args.host,
        port=args.port,
        scheduler=not args.no_scheduler,
    )


def clock_for(now: str | None, settings: Settings, trial: bool = False) -> Clock:
    """The system clock, a fixed one when `--now` is given and allowed, or the fast simulated
    one when COFFEEROOM_SIMULATED_START is set (development and test only: settings check)."""
    if not now and settings.simulated:
        epoch = settings.simulated_epoch
        return SimulatedClock(
            datetime.fromisoformat(settings.simulated_start),
            float(settings.simulated_speed or 1),
            datetime.fromisoformat(epoch) if epoch else None,
        )
    if not now:
        return SystemClock()
    if not (trial or settings.allows_time_travel):
        raise SettingsError(
            ["--now is refused in production; set COFFEEROOM_ENV=development to use it."]
        )
    try:
        at = datetime.fromisoformat(now)
    except ValueError as exc:
        raise SettingsError(
            [f"--now {now!r} is not a date and time like 2026-11-23T12:30+00:00."]
        ) from exc
    if at.tzinfo is None:
        raise SettingsError(["--now needs a time zone, like 2026-11-23T12:30+00:00."])
    return FixedClock(at)
