"""The bot assembled with Teams (no Slack), its ASGI app driven in-process, a fake connector."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from bot.app.assembly import Assembly, build
from bot.app.settings import Settings
from bot.core.clock import FixedClock
from bot.core.values import Platform
from handlers.web import build_asgi
from tests.fakes.teams_connector import FakeConnector, Team
from tests.handlers import teams_activities as act

Json = dict[str, Any]
CHANNELS = [
    {"id": act.TEAM},  # General: no name of its own
    {"id": act.RANTS_CHANNEL, "name": "coffee-room"},
    {"id": act.ADVICE_CHANNEL, "name": "run-it-past"},
]


class TeamsBot:
    """The bot, spoken to as Teams would."""

    def __init__(self, assembly: Assembly, fake: FakeConnector) -> None:
        self.assembly, self.fake = assembly, fake
        assert assembly.teams is not None
        asgi = build_asgi(
            slack=None,
            healthy=assembly.healthy,
            teams=partial(assembly.teams.mount, services=assembly.services),
        )
        self.client = TestClient(asgi)

    def post(self, activity: Json, status: int = 200) -> Json:
        response = self.client.post("/api/messages", json=activity)
        assert response.status_code == status, response.text
        return dict(response.json()) if response.content else {}

    def drain(self) -> Any:
        return self.assembly.services.outbox.drain_all()

    def sent_since(self, before: int) -> list[Json]:
        return [c.body for c in self.fake.posts()[before:]]

    def last_card(self) -> Json:
        for call in reversed(self.fake.posts()):
            for attachment in call.body.get("attachments") or []:
                return dict(attachment["content"])
        raise AssertionError("no card was sent")

    def practice_id(self) -> int:
        with self.assembly.services.outbox.uow() as tx:
            practice = tx.practices.by_workspace(Platform.TEAMS, act.TEAM)
            assert practice is not None
            return practice.id

    def install(self) -> None:
        self.post(act.installed_in_team(self.fake.url))

    def choose_spaces(self) -> None:
        """The lead chooses the two channels (as Home's spaces form would)."""
        from bot.core.values import Caller, SpacePurpose

        who = Caller(Platform.TEAMS, act.TEAM, act.aad(act.LEAD))
        channels = {SpacePurpose.RANTS: act.RANTS_CHANNEL, SpacePurpose.ADVICE: act.ADVICE_CHANNEL}
        self.assembly.services.practices.set_spaces(who, channels)


def teams_settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        database_url=database_url,
        key_file=str(tmp_path / "test.key"),
        environment="test",
        teams_client_id=act.CLIENT_ID,
        teams_tenant_id=act.TENANT,
        teams_allow_unauthenticated=True,
    )


@pytest.fixture
def fake_connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        fake.add_team(Team(act.TEAM, "Riverside Surgery", list(act.ROSTER), list(CHANNELS)))
        yield fake


@pytest.fixture
def teams_bot(
    database_url: str, tmp_path: Path, clock: FixedClock, fake_connector: FakeConnector
) -> Iterator[TeamsBot]:
    assembly = build(teams_settings(database_url, tmp_path), clock=clock, migrate=False)
    yield TeamsBot(assembly, fake_connector)
    assembly.engine.dispose()


__all__ = ["TeamsBot", "fake_connector", "replace", "teams_bot", "teams_settings"]
