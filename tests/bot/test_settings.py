"""Settings: read once, every problem named in one go, each command needing only what it uses."""

from __future__ import annotations

import pytest

from bot.app.settings import Settings, SettingsError, normalise_database_url


def test_defaults_need_nothing_for_chat_and_migrate() -> None:
    settings = Settings.from_env({})
    settings.check("chat")
    settings.check("migrate")
    assert settings.database_url == "sqlite:///coffeeroom.db"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.timezone == "Europe/London"


@pytest.mark.parametrize(
    ("command", "missing"),
    [
        ("run-socket", ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"]),
        ("run-http", ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]),
        ("jobs", ["SLACK_BOT_TOKEN"]),
    ],
)
def test_each_command_names_all_it_lacks(command: str, missing: list[str]) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({}).check(command)
    assert [p.split(" ")[0] for p in caught.value.problems] == missing


def test_malformed_values_are_all_reported_together() -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxp-user-token",
        "SLACK_APP_TOKEN": "xoxb-wrong",
        "SLACK_SIGNING_SECRET": "zzz",
        "SLACK_API_URL": "ftp://nowhere",
        "DATABASE_URL": "mysql://x",
        "TIMEZONE": "Mars/Olympus",
        "COFFEEROOM_ENV": "staging",
        "LOG_LEVEL": "LOUD",
    }
    settings = Settings.from_env(env)
    assert len(settings.problems) == 8
    with pytest.raises(SettingsError) as caught:
        settings.check("chat")  # malformed values stop every command
    assert "please fix your settings" in str(caught.value)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_postgres_urls_are_normalised_to_psycopg3(given: str, expected: str) -> None:
    assert normalise_database_url(given) == expected


def test_time_travel_is_for_development_only() -> None:
    assert not Settings.from_env({}).allows_time_travel
    assert Settings.from_env({"COFFEEROOM_ENV": "development"}).allows_time_travel
