"""Inbound tokens are checked offline against a local key set: a request with no token or a
bad one gets 401 and changes nothing; and the unauthenticated mode is refused in production."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from microsoft_teams.api.auth.cloud_environment import PUBLIC
from starlette.testclient import TestClient

from bot.app.assembly import build
from bot.app.settings import Settings
from bot.core.clock import FixedClock
from handlers.teams.app import build_teams_app
from tests.fakes.teams_connector import FakeConnector
from tests.handlers import teams_activities as act
from tests.handlers.teams_harness import fake_connector, teams_settings

__all__ = ["fake_connector"]
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def signed(claims: dict[str, object], key: rsa.RSAPrivateKey = KEY) -> str:
    now = int(time.time())
    body = {
        "iss": "https://api.botframework.com",
        "aud": act.CLIENT_ID,
        "nbf": now - 5,
        "exp": now + 300,
        **claims,
    }
    return jwt.encode(body, key, algorithm="RS256", headers={"kid": "local-key"})


@pytest.fixture
def guarded(
    database_url: str, tmp_path: Path, clock: FixedClock, fake_connector: FakeConnector
) -> Iterator[TestClient]:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
    fake_connector.keys = {"keys": [{**jwk, "kid": "local-key", "use": "sig", "alg": "RS256"}]}
    settings = dataclasses.replace(
        teams_settings(database_url, tmp_path),
        teams_allow_unauthenticated=False,
        teams_client_secret="s",
    )
    assembly = build(settings, clock=clock, migrate=False)
    assert assembly.teams is not None
    assembly.teams.connector.token = lambda: "offline"  # replies go to the fake, no Entra login
    cloud = dataclasses.replace(
        PUBLIC, openid_metadata_url=f"{fake_connector.url}v1/.well-known/openidconfiguration"
    )
    asgi = FastAPI()
    build_teams_app(
        asgi,
        assembly.teams.listeners(assembly.services),
        client_id=act.CLIENT_ID,
        tenant_id=act.TENANT,
        allow_unauthenticated=False,
        token=lambda: "placeholder",
        cloud=cloud,
    )
    client = TestClient(asgi)
    client.engine = assembly.engine  # type: ignore[attr-defined]
    yield client
    assembly.engine.dispose()


def stored_chats(client: TestClient) -> int:
    with client.engine.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.exec_driver_sql("SELECT count(*) FROM teams_conversations").scalar() or 0)


def test_a_valid_token_is_accepted(guarded: TestClient, fake_connector: FakeConnector) -> None:
    activity = act.installed_personally(fake_connector.url, act.GP)
    token = signed({"serviceurl": fake_connector.url})
    response = guarded.post(
        "/api/messages", json=activity, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert stored_chats(guarded) == 1  # it reached the bot (which learnt where to write back)


@pytest.mark.parametrize(
    "how", ["none", "forged", "wrong_audience", "wrong_service_url", "expired"]
)
def test_no_token_or_a_bad_one_is_refused_and_changes_nothing(
    guarded: TestClient, fake_connector: FakeConnector, how: str
) -> None:
    activity = act.installed_personally(fake_connector.url, act.GP)
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tokens = {
        "none": "",
        "forged": signed({"serviceurl": fake_connector.url}, key=forger),
        "wrong_audience": signed({"serviceurl": fake_connector.url, "aud": "someone-else"}),
        "wrong_service_url": signed({"serviceurl": "https://smba.example/evil/"}),
        "expired": signed({"serviceurl": fake_connector.url, "exp": int(time.time()) - 600}),
    }
    headers = {"Authorization": f"Bearer {tokens[how]}"} if tokens[how] else {}
    response = guarded.post("/api/messages", json=activity, headers=headers)
    assert response.status_code == 401
    assert fake_connector.calls == [] and stored_chats(guarded) == 0


def test_unauthenticated_mode_is_refused_outside_development_and_test() -> None:
    env = {"TEAMS_CLIENT_ID": act.CLIENT_ID, "TEAMS_ALLOW_UNAUTHENTICATED": "true"}
    assert any("TEAMS_ALLOW_UNAUTHENTICATED" in p for p in Settings.from_env(env).problems)
    for allowed in ("development", "test"):
        assert not Settings.from_env({**env, "COFFEEROOM_ENV": allowed}).problems


def test_the_sdks_own_environment_names_never_configure_the_bot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLIENT_ID", "99999999-9999-9999-9999-999999999999")
    monkeypatch.setenv("CLIENT_SECRET", "not-ours")
    settings = Settings.from_env({"COFFEEROOM_ENV": "test"})
    assert not settings.teams_configured and settings.teams_client_secret == ""
