"""The Teams adapter's parts, as the assembly builds them from settings and storage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI

from bot.app.services import Services
from bot.app.settings import Settings
from bot.core.ports import Clock, Directory, Messenger, UnitOfWork
from bot.core.values import Platform
from handlers.teams.connector import Connector, Token, entra_token, placeholder_token
from handlers.teams.context import Teams
from handlers.teams.directory import TeamsDirectory
from handlers.teams.events import sync_all
from handlers.teams.messenger import TeamsMessenger
from handlers.teams.store import Store, TeamsTx


@dataclass
class TeamsParts:
    """Everything Teams needs, built once."""

    client_id: str
    tenant_id: str
    allow_unauthenticated: bool
    token: Token
    store: Store
    connector: Connector
    messenger: TeamsMessenger

    def directory(self, team_id: str) -> TeamsDirectory:
        return TeamsDirectory(self.connector, self.store, team_id)

    def listeners(self, services: Services) -> Teams:
        return Teams(services, self.store, self.connector, self.directory)

    def mount(self, fastapi: FastAPI, services: Services) -> None:
        """POST /api/messages on the shared app."""
        from handlers.teams.app import build_teams_app

        build_teams_app(
            fastapi,
            self.listeners(services),
            client_id=self.client_id,
            tenant_id=self.tenant_id,
            allow_unauthenticated=self.allow_unauthenticated,
            token=self.token,
        )

    def sync(self, services: Services) -> int:
        """Every installed team's roster, now."""
        return sync_all(self.listeners(services))


def teams_parts(
    uow: UnitOfWork[TeamsTx],
    clock: Clock,
    *,
    client_id: str,
    secret: str,
    tenant_id: str,
    allow_unauthenticated: bool,
) -> TeamsParts:
    """In development without Entra (allow_unauthenticated) outbound calls carry a placeholder
    token, never a real login, even when a secret is set."""
    token = (
        placeholder_token(client_id)
        if allow_unauthenticated
        else entra_token(client_id, secret, tenant_id)
    )
    store = Store(uow, clock)
    connector = Connector(token, bot_id=f"28:{client_id}")
    messenger = TeamsMessenger(connector, store)
    return TeamsParts(
        client_id, tenant_id, allow_unauthenticated, token, store, connector, messenger
    )


def teams_for(
    settings: Settings,
    uow: UnitOfWork[TeamsTx],
    clock: Clock,
    messengers: dict[Platform, Messenger],
    directories: dict[Platform, Callable[[str], Directory]],
) -> TeamsParts:
    """Teams for these settings (TEAMS_CLIENT_ID set): its messenger and each team's directory
    added."""
    parts = teams_parts(
        uow,
        clock,
        client_id=settings.teams_client_id,
        secret=settings.teams_client_secret,
        tenant_id=settings.teams_tenant_id,
        allow_unauthenticated=settings.teams_allow_unauthenticated,
    )
    messengers[Platform.TEAMS] = parts.messenger
    directories[Platform.TEAMS] = parts.directory
    return parts
