"""Installs by OAuth as whoever runs Coffee Room meets them: the settings (and what is wrong with
them), the manifest's OAuth variant, `run --http` installing a workspace, and Bolt never slipping
into OAuth mode on its own from stray environment variables."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet

from bot.app.assembly import build
from bot.app.settings import Settings, SettingsError
from bot.core.clock import FixedClock
from tests.fakes.slack_api import FakeSlack
from tests.handlers.slack_oauth_harness import (
    CLIENT_ID,
    CLIENT_SECRET,
    RIVERSIDE,
    STATE_COOKIE,
    cookie,
)
from tests.process import Server, run_bot
from tests.slack_requests import SIGNING_SECRET

OAUTH = {"SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET}


def problems(env: dict[str, str], command: str) -> str:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env(env).check(command)
    return str(raised.value)


def test_installs_by_oauth_need_the_client_the_signing_secret_and_a_token_key() -> None:
    said = problems(OAUTH, "run-http")
    assert "SLACK_SIGNING_SECRET is not set" in said
    assert "COFFEEROOM_TOKEN_KEY is not set" in said
    assert "SLACK_BOT_TOKEN" not in said
    assert "COFFEEROOM_TOKEN_KEY is not set" in problems(OAUTH, "jobs")
    key = Fernet.generate_key().decode()
    ready = {**OAUTH, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "COFFEEROOM_TOKEN_KEY": key}
    Settings.from_env(ready).check("run-http")  # nothing missing
    assert Settings.from_env(ready).slack_oauth


def test_one_bot_token_still_needs_what_it_always_did() -> None:
    said = problems({"SLACK_BOT_TOKEN": "xoxb-1-2"}, "run-http")
    assert "SLACK_SIGNING_SECRET is not set" in said
    assert "SLACK_CLIENT_ID" not in said and "COFFEEROOM_TOKEN_KEY" not in said
    assert not Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1-2"}).slack_oauth


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SLACK_CLIENT_ID": CLIENT_ID}, "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together"),
        ({**OAUTH, "SLACK_BOT_TOKEN": "xoxb-1-2"}, "are both set: choose one"),
        ({**OAUTH, "COFFEEROOM_TOKEN_KEY": "not-a-key"}, "COFFEEROOM_TOKEN_KEY is not a valid key"),
    ],
)
def test_muddled_oauth_settings_are_named_kindly(env: dict[str, str], named: str) -> None:
    assert named in problems(env, "run-http")


def test_bolt_never_slips_into_oauth_mode_from_the_environment(
    settings: Settings, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_CLIENT_ID", CLIENT_ID)  # a stray .env, read by Bolt itself
    monkeypatch.setenv("SLACK_CLIENT_SECRET", CLIENT_SECRET)
    with pytest.raises(ValueError, match="SLACK_CLIENT_ID"):
        build(settings, clock=clock, migrate=False)


def test_the_manifest_has_an_oauth_variant(tmp_path: Path) -> None:
    url = "https://coffee.example.nhs.uk/slack/events"
    found = json.loads(run_bot(["manifest", "--oauth", url], cwd=tmp_path).stdout)
    assert found["oauth_config"]["redirect_urls"] == [
        "https://coffee.example.nhs.uk/slack/oauth_redirect"
    ]
    events = found["settings"]["event_subscriptions"]
    assert {"app_uninstalled", "tokens_revoked"} <= set(events["bot_events"])
    assert events["request_url"] == url and found["settings"]["socket_mode_enabled"] is False
    plain = json.loads(run_bot(["manifest", "--http", url], cwd=tmp_path).stdout)
    assert "redirect_urls" not in plain["oauth_config"]
    assert "app_uninstalled" not in plain["settings"]["event_subscriptions"]["bot_events"]


def test_run_http_installs_a_workspace_by_oauth(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        env = {
            **OAUTH,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "COFFEEROOM_TOKEN_KEY": Fernet.generate_key().decode(),
            "SLACK_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'oauth.db'}",
        }
        with Server(cwd=tmp_path, env=env) as server:
            page = httpx.get(server.url + "/slack/install")
            assert page.status_code == 200 and "Add to Slack" in page.text
            state = cookie(page, STATE_COOKIE)
            fake.grant(
                "code-1",
                team_id=RIVERSIDE.team_id,
                team_name=RIVERSIDE.name,
                token=RIVERSIDE.token,
                installer="U0ADMIN",
            )
            done = httpx.get(
                server.url + "/slack/oauth_redirect",
                params={"code": "code-1", "state": state},
                headers={"cookie": f"{STATE_COOKIE}={state}"},
            )
            assert done.status_code == 200 and RIVERSIDE.name in done.text
            (listed,) = fake.wait_for("users.list")  # its roster, learnt straight away
            assert listed.token == RIVERSIDE.token
        assert "Traceback" not in server.log.read_text()
