"""Many Slack workspaces, one bot: a Web API client per installation for every send and lookup.

Each workspace's client carries its own bot token (read from the installation store), so a
message for one workspace can never go out with another's token. A workspace with no
installation is refused for good (`slack_not_installed`), so its sends stop at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import InstallationStore

from bot.core.delivery import Delivery, SentRef
from bot.core.logs import log_failure
from bot.core.ports import CannotDeliver, TryAgain
from handlers.slack.messenger import SlackMessenger

NOT_INSTALLED = "slack_not_installed"
UNREADABLE = "slack_token_unreadable"  # the token key changed: retried while someone fixes it
log = logging.getLogger(__name__)
T = TypeVar("T")


class WorkspaceClients:
    """A WebClient per workspace, for its installation's current bot token.

    The installation is read each time (one indexed query, against a call to Slack), so a
    workspace that installs again is served with its new token at once, by every replica; the
    client itself is kept while the token stays the same."""

    def __init__(self, store: InstallationStore, make: Callable[[str], WebClient]) -> None:
        self.store = store
        self.make = make  # a client for a token (the API's address, timeout, retries)
        self._clients: dict[str, tuple[str, WebClient]] = {}  # team -> (token, its client)
        self._lock = threading.Lock()

    def __call__(self, team: str) -> WebClient:
        try:
            bot = self.store.find_bot(enterprise_id=None, team_id=team)
        except Exception as exc:  # e.g. a token sealed under another key
            log_failure(log, "reading a Slack installation", exc)
            raise TryAgain(UNREADABLE) from exc
        if bot is None or not bot.bot_token:
            raise CannotDeliver(NOT_INSTALLED)
        with self._lock:
            token, client = self._clients.get(team, ("", None))
            if client is None or token != bot.bot_token:
                client = self.make(bot.bot_token)
                self._clients[team] = (bot.bot_token, client)
            return client

    def forget(self, team: str) -> None:
        """Drop a workspace's client (it uninstalled)."""
        with self._lock:
            self._clients.pop(team, None)


class WorkspaceMessenger:
    """The Messenger port for many workspaces: each delivery sent with its own workspace's
    client (the practice it belongs to names the workspace)."""

    def __init__(self, clients: WorkspaceClients, workspace_of: Callable[[int], str]) -> None:
        self.clients = clients
        self.workspace_of = workspace_of  # practice id -> workspace id
        self._teams: dict[int, str] = {}  # a practice never changes workspace

    def deliver(self, delivery: Delivery) -> SentRef:
        return self._messenger(delivery, lambda m: m.deliver(delivery))

    def find(self, delivery: Delivery) -> SentRef | None:
        return self._messenger(delivery, lambda m: m.find(delivery))

    def _messenger(self, delivery: Delivery, act: Callable[[SlackMessenger], T]) -> T:
        return act(SlackMessenger(self.clients(self._team(delivery.practice_id))))

    def _team(self, practice_id: int) -> str:
        if practice_id not in self._teams:
            try:
                self._teams[practice_id] = self.workspace_of(practice_id)
            except LookupError as exc:  # the practice is gone: its workspace uninstalled
                raise CannotDeliver(NOT_INSTALLED) from exc
        return self._teams[practice_id]

    def forget(self, team: str) -> None:
        """A workspace uninstalled: forget its practices and its client."""
        self._teams = {p: t for p, t in self._teams.items() if t != team}
        self.clients.forget(team)
