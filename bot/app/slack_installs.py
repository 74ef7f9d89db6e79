"""Slack's wiring: one bot token for one workspace, or installs by OAuth into many.

Installs are stored by slack_sdk's own SQLAlchemy stores, on our engine and on the tables our
migrations make (storage/tables/slack_oauth.py), with every token encrypted at rest.

The stores build their own Table objects (same names and columns as ours); the token columns of
those are given a type that seals on the way in and opens on the way out, so every path slack_sdk
has (save, save_bot, find_bot, find_installation, token rotation) writes only ciphertext.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Dialect, Engine, Text, TypeDecorator, select
from sqlalchemy.exc import NoResultFound

from bot.app.settings import Settings, SettingsError
from bot.core.logs import log_failure
from bot.core.ports import Cipher, Messenger
from bot.core.sealing import SealedBox
from bot.core.values import Platform
from bot.practices.service import Practices
from handlers.slack.directory import SlackDirectory
from handlers.slack.manifest import BOT_SCOPES
from handlers.slack.messenger import SlackMessenger
from handlers.slack.oauth import Installs
from handlers.slack.workspaces import WorkspaceClients, WorkspaceMessenger
from storage.database import READING
from storage.tables.slack_oauth import BOTS, INSTALLATIONS, STATES, TOKENS
from storage.unit_of_work import SqlUnitOfWork

if TYPE_CHECKING:
    from bot.app.assembly import DirectoryBook

SLACK_TIMEOUT = 10  # seconds; a send slower than this is treated as 'outcome unknown'
READ = {READING: True}  # connection options: a reading transaction (no write lock on SQLite)
STATE_LIFETIME = 600  # seconds an install begun in a browser stays valid (Slack's own default)
log = logging.getLogger(__name__)


class SealedText(TypeDecorator[str]):
    """Text that is encrypted with `cipher` in the database and plain in Python."""

    impl = Text
    cache_ok = True

    def __init__(self, cipher: Cipher) -> None:
        super().__init__()
        self.cipher = cipher

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.cipher.seal(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else self.cipher.open(str(value))


class SealedInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's installation store whose tokens are ciphertext in the database."""

    def __init__(self, client_id: str, engine: Engine, cipher: Cipher) -> None:
        super().__init__(
            client_id,
            engine,
            bots_table_name=BOTS,
            installations_table_name=INSTALLATIONS,
            logger=logging.getLogger("slack_sdk.coffeeroom"),
        )
        sealed = SealedText(cipher)
        for table in (self.bots, self.installations):
            for name in TOKENS:
                if name in table.c:
                    table.c[name].type = sealed

    def teams(self) -> list[str]:
        """Every workspace with a bot installed now, for jobs that visit each one."""
        c = self.bots.c
        query = (
            select(c.team_id)
            .where(c.client_id == self.client_id, c.team_id.is_not(None))
            .where(c.bot_token.is_not(None))
            .distinct()
        )
        with self.engine.connect() as conn:
            return sorted(str(team) for (team,) in conn.execute(query))


def state_store(engine: Engine) -> SQLAlchemyOAuthStateStore:
    """Single-use OAuth states (each install's CSRF check), in our slack_oauth_states table."""
    return SQLAlchemyOAuthStateStore(
        expiration_seconds=STATE_LIFETIME,
        engine=engine,
        table_name=STATES,
        logger=logging.getLogger("slack_sdk.coffeeroom"),
    )


class SlackWorkspaces:
    """Slack installed by OAuth into many workspaces, wired: the stores, a client per workspace
    for every send and lookup, each installed workspace's roster, and the clean-up."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        uow: SqlUnitOfWork,
    ) -> None:
        self.uow = uow
        cipher, client_id = SealedBox(settings.coffeeroom_token_key), settings.slack_client_id
        self.store = SealedInstallationStore(client_id, engine, cipher)
        # Tokens are looked up inside other transactions too (a newcomer learnt mid-request):
        # on SQLite a reading connection takes no write lock, so it never waits on its caller.
        reading = SealedInstallationStore(client_id, engine.execution_options(**READ), cipher)
        self.clients = WorkspaceClients(reading, partial(slack_web_client, settings))
        unretried = partial(slack_web_client, settings, retries=False)
        self.messenger = WorkspaceMessenger(
            WorkspaceClients(reading, unretried), self._workspace_of
        )
        self.installs = Installs(
            store=self.store,
            states=state_store(engine),
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            scopes=tuple(BOT_SCOPES),
            uninstalled=self.forget,
            installed=self.learn,
            redirect_uri=settings.slack_redirect_uri,
            reading=reading,
        )
        self.practices: Practices | None = None  # once the services exist
        self.places: dict[int, tuple[str, str]] = {}  # the outbox's cache of practice places

    def directory(self, team: str) -> SlackDirectory:
        return SlackDirectory(self.clients(team), team_id=team)

    def only(self) -> SlackDirectory:
        """The one installed workspace, for commands that name none."""
        teams = self.store.teams()
        if not teams:
            raise SettingsError(["No workspace has installed Coffee Room yet (/slack/install)."])
        if len(teams) > 1:
            raise SettingsError(
                [
                    f"{len(teams)} workspaces have installed Coffee Room: name one "
                    f"with --workspace ({', '.join(teams)})."
                ]
            )
        return self.directory(teams[0])

    def sync_all(self, practices: Practices) -> list[object]:
        """Learn every installed workspace's people (one failing leaves the others learnt)."""
        reports: list[object] = []
        for team in self.store.teams():
            try:
                reports.append(practices.sync_roster(Platform.SLACK, self.directory(team)))
            except Exception as exc:  # noqa: BLE001 - the next hourly sync tries again
                log_failure(log, "roster sync of a Slack workspace", exc)
        return reports

    def learn(self, team: str) -> None:
        """A workspace just installed: learn its people in the background."""
        practices = self.practices
        if practices is None:
            return

        def sync() -> None:
            try:
                practices.sync_roster(Platform.SLACK, self.directory(team))
            except Exception as exc:  # noqa: BLE001 - the hourly roster sync tries again
                log_failure(log, "roster sync after a Slack install", exc)

        threading.Thread(target=sync, name="slack-install-sync", daemon=True).start()

    def forget(self, team: str) -> None:
        """The workspace uninstalled: its clients, and every practice there with all it holds
        (pending sends included), are gone."""
        self.clients.forget(team)
        self.messenger.forget(team)
        with self.uow() as tx:
            for practice in tx.practices.all():
                if practice.platform == Platform.SLACK and practice.workspace_id == team:
                    tx.personal_data.erase_practice(practice.id)
                    self.places.pop(practice.id, None)

    def attach(self, practices: Practices, places: dict[int, tuple[str, str]]) -> Installs:
        """The services, once built, for the Bolt app; `places` is the outbox's cache of where
        each practice is (forgotten with the practice: SQLite may give a new one its id again)."""
        self.practices, self.places = practices, places
        return self.installs

    def _workspace_of(self, practice_id: int) -> str:
        try:
            with self.uow.read() as tx:
                return tx.practices.get(practice_id).workspace_id
        except NoResultFound as exc:
            raise LookupError(practice_id) from exc


def slack_web_client(settings: Settings, token: str = "", *, retries: bool = True) -> WebClient:
    """A WebClient that honours SLACK_API_URL (so tests and trials can point it elsewhere), with
    `token` or the one bot token (none with installs by OAuth: each request brings its own)."""
    token = token or settings.slack_bot_token
    client = WebClient(token=token or None, base_url=settings.slack_api_url, timeout=SLACK_TIMEOUT)
    if not retries:
        client.retry_handlers = []
    return client


def wire_slack(
    wanted: bool,
    settings: Settings,
    engine: Engine,
    uow: SqlUnitOfWork,
    messengers: dict[Platform, Messenger],
    directories: DirectoryBook,
) -> tuple[WebClient | None, SlackWorkspaces | None]:
    """Slack's messenger and directories, and the app's own client (if `wanted` and configured):
    with one bot token, one workspace (whatever team a payload names); with installs by OAuth,
    each workspace its own installation's client (and the workspaces, second)."""
    if not (wanted and settings.slack_configured):
        return None, None
    client = slack_web_client(settings)
    if settings.slack_oauth:
        workspaces = SlackWorkspaces(settings, engine, uow)
        messengers[Platform.SLACK] = workspaces.messenger
        directories.factories[Platform.SLACK] = workspaces.directory
        return client, workspaces
    messengers[Platform.SLACK] = SlackMessenger(slack_web_client(settings, retries=False))
    directories.factories[Platform.SLACK] = lambda team: SlackDirectory(client, team_id=team)
    return client, None
