"""The command line as a lead meets it: clear words when settings are missing or wrong."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fakes.slack_api import FakeSlack
from tests.process import run_bot


def test_run_without_credentials_explains_and_points_to_chat(tmp_path: Path) -> None:
    result = run_bot(["run"], cwd=tmp_path)
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr
    assert "python -m bot chat" in result.stderr
    assert "manifest --socket" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_with_half_the_settings_names_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-1-2-3\n")
    result = run_bot(["run", "--http"], cwd=tmp_path)
    assert result.returncode == 2
    assert "SLACK_SIGNING_SECRET is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_doctor_names_every_problem_of_a_broken_env_at_once(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "SLACK_BOT_TOKEN=xapp-wrong-kind\n"
        "SLACK_SIGNING_SECRET=not-a-secret\n"
        "SLACK_API_URL=slack.com/api\n"
        "DATABASE_URL=mysql://localhost/coffee\n"
        "TIMEZONE=Europe/Londn\n"
    )
    result = run_bot(["doctor"], cwd=tmp_path)
    assert result.returncode == 1
    for problem in (
        "SLACK_BOT_TOKEN looks wrong",
        "SLACK_SIGNING_SECRET looks wrong",
        "SLACK_API_URL should be",
        "DATABASE_URL should start",
        "TIMEZONE 'Europe/Londn'",
    ):
        assert problem in result.stdout, problem
    assert "Traceback" not in result.stdout + result.stderr


def test_doctor_checks_the_token_against_slack(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-invalid",
        "SLACK_APP_TOKEN": "xapp-1-A-1-abc",
        "SLACK_API_URL": fake_slack.url,
    }
    bad = run_bot(["doctor"], cwd=tmp_path, env=env)
    assert bad.returncode == 1
    assert "Slack refused SLACK_BOT_TOKEN (invalid_auth)" in bad.stdout
    good = run_bot(["doctor"], cwd=tmp_path, env={**env, "SLACK_BOT_TOKEN": "xoxb-good"})
    assert "Slack token works" in good.stdout, good.stdout


def test_migrate_creates_the_database_then_says_it_is_up_to_date(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}"}
    first = run_bot(["migrate"], cwd=tmp_path, env=env)
    assert first.returncode == 0 and "brought up to date" in first.stdout
    second = run_bot(["migrate"], cwd=tmp_path, env=env)
    assert "is up to date" in second.stdout


def test_manifests_for_both_modes(tmp_path: Path) -> None:
    socket_mode = json.loads(run_bot(["manifest", "--socket"], cwd=tmp_path).stdout)
    assert socket_mode["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in socket_mode["settings"]["interactivity"]
    url = "https://coffee.example.nhs.uk/slack/events"
    http = json.loads(run_bot(["manifest", "--http", url], cwd=tmp_path).stdout)
    assert http["settings"]["event_subscriptions"]["request_url"] == url
    commands = {c["command"]: c for c in http["features"]["slash_commands"]}
    assert set(commands) == {"/rant", "/runitpast", "/pool", "/coffeeroom"}
    assert all(c["url"] == url for c in commands.values())
    assert http["features"]["shortcuts"][0]["type"] == "message"


def test_now_is_refused_in_production(tmp_path: Path) -> None:
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "DATABASE_URL": f"sqlite:///{tmp_path / 'j.db'}"}
    result = run_bot(
        ["jobs", "run", "outbox", "--now", "2026-11-23T12:00+00:00"], cwd=tmp_path, env=env
    )
    assert result.returncode == 2
    assert "--now is refused in production" in result.stderr


def test_socket_mode_asks_the_configured_slack_for_a_connection(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    import subprocess
    import sys

    from tests.process import bot_env

    env = {
        "SLACK_BOT_TOKEN": "xoxb-socket",
        "SLACK_APP_TOKEN": "xapp-1-A0COFFEE-1-abc",
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=bot_env(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        (opened,) = fake_slack.wait_for("apps.connections.open", timeout=30)[:1]
        assert opened.token == "xapp-1-A0COFFEE-1-abc"  # the app-level token, at SLACK_API_URL
        # The roster is learnt in the background, alongside the connection, not before it.
        assert fake_slack.wait_for("users.list", timeout=30)
    finally:
        proc.terminate()
        output = proc.communicate(timeout=10)[0]
    assert "Socket Mode" in output


def test_an_unreachable_database_is_one_plain_sentence(tmp_path: Path) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_APP_TOKEN": "xapp-1",
        "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/nowhere",
    }
    result = run_bot(["run"], cwd=tmp_path, env=env)
    assert result.returncode == 2
    assert "The database at 127.0.0.1:9/nowhere cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_malformed_secret_key_is_named(tmp_path: Path) -> None:
    result = run_bot(
        ["run"],
        cwd=tmp_path,
        env={
            "SLACK_BOT_TOKEN": "xoxb-1",
            "SLACK_APP_TOKEN": "xapp-1",
            "COFFEEROOM_SECRET_KEY": "too-short",
        },
    )
    assert result.returncode == 2
    assert "COFFEEROOM_SECRET_KEY is not a valid key" in result.stderr


def test_doctor_in_oauth_mode_asks_for_what_oauth_needs_not_a_bot_token(tmp_path: Path) -> None:
    env = {"SLACK_CLIENT_ID": "1234.5678", "SLACK_CLIENT_SECRET": "abc123secret"}
    result = run_bot(["doctor"], cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert "SLACK_SIGNING_SECRET is not set" in result.stdout
    assert "COFFEEROOM_TOKEN_KEY is not set" in result.stdout
    assert "SLACK_BOT_TOKEN" not in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
