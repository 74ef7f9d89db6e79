"""The composition root: the one place that wires storage, services, platforms and the scheduler."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import Engine, text

from bot.app.jobs import Job, guarded, start_background
from bot.app.services import SLASH_COMMANDS, Services, assemble
from bot.app.serving import readiness, serve_http, serve_socket, stop_on_sigterm
from bot.app.settings import Settings
from bot.app.slack_installs import SlackWorkspaces, wire_slack
from bot.core.clock import speed_of
from bot.core.logs import cap_libraries
from bot.core.outbox import Outbox
from bot.core.ports import CannotDeliver, Clock, Directory, Messenger
from bot.core.sealing import SealedBox, load_or_create_key
from bot.core.service import Deps
from bot.core.values import Platform
from bot.practices.service import Practices
from handlers.slack.app import build_slack_app
from handlers.slack.directory import SlackDirectory
from handlers.slack.manifest import manifest
from handlers.web import build_asgi
from storage.database import READING, make_engine, make_session_factory
from storage.locks import only_one
from storage.migrate import current_revision, upgrade
from storage.unit_of_work import SqlUnitOfWork

if TYPE_CHECKING:  # imported by _teams, only when Teams is configured
    from handlers.teams.wiring import TeamsParts

log = logging.getLogger(__name__)


@dataclass
class Assembly:
    """Everything a command needs, built once."""

    settings: Settings
    engine: Engine
    services: Services
    slack_client: WebClient | None = None
    slack_app: App | None = None
    teams: TeamsParts | None = None
    slack_workspaces: SlackWorkspaces | None = None  # installs by OAuth, when configured

    def healthy(self) -> bool:
        """True when the database answers."""
        try:
            # No write lock (on SQLite): the health check never queues behind a roster sync.
            with self.engine.connect().execution_options(**{READING: True}) as connection:
                connection.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means unhealthy
            return False
        return True

    def ready(self) -> tuple[bool, str]:
        """Ready for traffic (/readyz): the database answers and its schema is this code's."""
        return readiness(self.engine)

    def slack_directory(self) -> SlackDirectory:
        """The Slack workspace this bot token belongs to."""
        assert self.slack_client is not None, "Slack is not configured"
        if self.slack_workspaces is not None:  # installs by OAuth: the only one there is
            return self.slack_workspaces.only()
        return SlackDirectory(self.slack_client)

    def jobs(self) -> list[Job]:
        """The named jobs `jobs list` shows and `jobs run NAME` runs."""
        services = self.services
        jobs = [
            Job("outbox", "send what is queued; settle sends a crash left unsure", 1, self._outbox),
            Job(
                "protected-time",
                "reminders, starters and follow-ups for protected time",
                1,
                services.protected_time.run,
                self._next_protected_time,
            ),
            Job(
                "weekly-nudges",
                "one gentle nudge a week per GP, at a free moment",
                15,
                services.nudges.run,
                self._nudges_waiting,
            ),
            Job("checkins", "the weekly check-in, for GPs who opted in", 15, services.checkins.run),
            Job(
                "retention",
                "take expired rants down; destroy expired relay links",
                15,
                services.retention.run,
            ),
            Job("coffee-pairing", "announce, pair, ask 'did you meet?'", 15, services.pairing.run),
            Job("mentoring", "remind both sides of a mentoring slot", 15, services.mentoring.run),
            Job("welcome", "offer newcomers an introduction and a buddy", 15, services.welcome.run),
            Job("leads-digest", "leads' weekly chart; reviews; retention", 15, services.leads.run),
        ]
        if self.slack_client is not None:
            sync = partial(sync_roster, self)
            jobs.append(Job("roster-sync", "learn who is in the workspace", 60, sync))
        if self.teams is not None:
            teams = partial(self.teams.sync, services)
            jobs.append(Job("teams-roster-sync", "learn who is in each team", 60, teams))
        return jobs

    def _next_protected_time(self) -> str:
        found = self.services.protected_time.next_moment()
        if found is None:
            return "no protected time in the next fortnight"
        at, phase, slot = found
        with self.services.outbox.uow.read() as tx:  # the slot's own practice's clock
            zone = tx.practices.get(slot.practice_id).timezone
        local = at.astimezone(ZoneInfo(zone))
        return f"next: {local:%a %d %b %H:%M} {zone} ({slot.kind} {phase}, #{slot.channel_name})"

    def _nudges_waiting(self) -> str:
        waiting, members = self.services.nudges.waiting()
        return f"{waiting} of {members} members still to get this week's nudge"

    def _outbox(self) -> object:
        self.services.outbox.reconcile()
        return self.services.outbox.drain()


class DirectoryBook:
    """The Directories port: each platform's directory for a workspace."""

    def __init__(self, factories: dict[Platform, Callable[[str], Directory]]) -> None:
        self.factories = factories

    def __call__(self, platform: Platform, workspace: str) -> Directory:
        factory = self.factories.get(platform)
        if factory is None:
            raise CannotDeliver(f"{platform} is not configured")
        return factory(workspace)


def build(
    settings: Settings,
    *,
    clock: Clock,
    migrate: bool = True,
    with_slack: bool = True,
    socket_mode: bool = False,
    listen: bool = True,
    extra_messengers: dict[Platform, Messenger] | None = None,
    extra_directories: dict[Platform, Callable[[str], Directory]] | None = None,
    slack_executor: Executor | None = None,
) -> Assembly:
    """Wire the whole bot for `settings`; `listen=False` leaves out the Bolt app (jobs only)."""
    cap_libraries()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    uow = SqlUnitOfWork(make_session_factory(engine))
    messengers: dict[Platform, Messenger] = dict(extra_messengers or {})
    directories = DirectoryBook(dict(extra_directories or {}))
    slack, oauth = wire_slack(with_slack, settings, engine, uow, messengers, directories)
    teams = _teams(settings, uow, clock, messengers, directories)
    cipher = SealedBox(secret_key(settings))
    outbox = Outbox(uow=uow, messengers=messengers, cipher=cipher, clock=clock)
    practices = Practices(
        uow=uow, outbox=outbox, clock=clock, timezone=settings.timezone, directories=directories
    )
    deps = Deps(uow=uow, practices=practices, outbox=outbox, cipher=cipher, clock=clock)
    services = assemble(deps, practices)
    assembly = Assembly(settings, engine, services, slack, teams=teams, slack_workspaces=oauth)
    if slack is not None and listen:
        assembly.slack_app = build_slack_app(
            client=slack,
            services=services,
            signing_secret=settings.slack_signing_secret,
            socket_mode=socket_mode,
            executor=slack_executor,
            installs=oauth.attach(practices, outbox.places) if oauth else None,
        )
    return assembly


def _teams(
    settings: Settings,
    uow: SqlUnitOfWork,
    clock: Clock,
    messengers: dict[Platform, Messenger],
    directories: DirectoryBook,
) -> TeamsParts | None:
    """Teams, when TEAMS_CLIENT_ID is set: its messenger and each team's directory added.
    Its SDK (and FastAPI) are imported only then, so a Slack-only bot never loads them."""
    if not settings.teams_configured:
        return None
    from handlers.teams.wiring import teams_for

    return teams_for(settings, uow, clock, messengers, directories.factories)


def secret_key(settings: Settings) -> str:
    """The key that seals anonymous authors: configured, kept in its file, or made now."""
    key, created = load_or_create_key(settings.secret_key, Path(settings.key_file))
    if created:
        log.warning(
            "Created a new secret key in %s. Back it up and keep it private: without it, replies "
            "to anonymous posts cannot reach their authors.",
            settings.key_file,
        )
    return key


def sync_roster(assembly: Assembly) -> object:
    """Learn the Slack workspace's people now (with installs by OAuth, every workspace's)."""
    if assembly.slack_workspaces is not None:
        return assembly.slack_workspaces.sync_all(assembly.services.practices)
    return assembly.services.practices.sync_roster(Platform.SLACK, assembly.slack_directory())


def migrate_only(settings: Settings) -> tuple[str | None, str | None]:
    """Bring the schema up to date; return (before, after) revisions."""
    engine = make_engine(settings.database_url)
    before = current_revision(engine)
    upgrade(engine)
    return before, current_revision(engine)


def manifest_json(*, socket_mode: bool, url: str, oauth: bool = False) -> str:
    """The Slack app manifest, ready to paste (`oauth`: for installs into many workspaces)."""
    found = manifest(socket_mode=socket_mode, url=url, commands=SLASH_COMMANDS, oauth=oauth)
    return json.dumps(found, indent=2)


def serve(assembly: Assembly, *, socket_mode: bool, host: str, port: int, scheduler: bool) -> None:
    """Run until stopped (Ctrl+C or SIGTERM): the outbox worker, the scheduler, and Slack over a
    socket or HTTP; on the way out nothing new is claimed, and the running job and send finish."""
    stop_on_sigterm()
    # The worker already drains and reconciles the outbox; the scheduler runs the other jobs.
    ticked = [job for job in assembly.jobs() if job.name != "outbox"]
    speed, only = speed_of(assembly.services.clock), partial(only_one, assembly.engine)
    background = start_background(
        assembly.services.outbox, ticked if scheduler else None, speed=speed, exclusive=only
    )
    try:
        for job in ticked:  # learn the roster now, in the background: /healthz answers at once
            if job.name == "roster-sync":
                threading.Thread(target=guarded(job, only), daemon=True).start()
        if socket_mode:
            assert assembly.slack_app is not None
            serve_socket(assembly.slack_app, assembly.settings.slack_app_token)
        else:
            teams = assembly.teams
            asgi = build_asgi(
                slack=assembly.slack_app,
                healthy=assembly.healthy,
                ready=assembly.ready,
                signing_secret=assembly.settings.slack_signing_secret,
                teams=partial(teams.mount, services=assembly.services) if teams else None,
            )
            serve_http(asgi, host=host, port=port)
    finally:
        background.stop()


def chat(settings: Settings, clock: Clock) -> int:
    """`python -m bot chat`: the local text adapter, on a temporary database."""
    from handlers.chat.console import run_chat

    return run_chat(settings, clock, build=build)
