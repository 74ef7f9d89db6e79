"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), a fake
Slack over real HTTP, a fixed clock, and the bot assembled from real parts."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.app.assembly import Assembly, build
from bot.app.settings import Settings, normalise_database_url
from bot.core.clock import FixedClock
from storage.database import make_engine
from storage.migrate import upgrade
from storage.tables import Base
from tests.fakes.slack_api import FakeSlack
from tests.slack_requests import SIGNING_SECRET

# Monday 23 November 2026, 12:45 in London (GMT): lunchtime on a weekday.
MONDAY_LUNCH = datetime(2026, 11, 23, 12, 45, tzinfo=UTC)
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
PG_REQUIRED = bool(os.environ.get("COFFEEROOM_REQUIRE_POSTGRES"))
ISOLATE = ("SLACK_", "CLIENT_", "TENANT_", "DATABASE_URL", "COFFEEROOM_", "TIMEZONE")


def pytest_report_header() -> list[str]:
    if PG_URL:
        return [f"PostgreSQL tests: ON ({PG_URL.rsplit('@', 1)[-1]})"]
    return ["PostgreSQL tests: SKIPPED (set TEST_DATABASE_URL to run them; CI always does)"]


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's .env or shell must not change what a test sees (Bolt reads SLACK_* itself)."""
    for name in list(os.environ):
        if name.startswith(ISOLATE):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of this run's own on the PostgreSQL server, migrated, dropped at the end."""
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL (CI does)")
    admin_url = normalise_database_url(PG_URL)
    name = f"coffeeroom_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if PG_REQUIRED:
            pytest.fail(f"TEST_DATABASE_URL is set but PostgreSQL is unreachable: {exc}")
        raise
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    upgrade(make_engine(url))
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database of each kind."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        upgrade(make_engine(url))
        return url
    url: str = request.getfixturevalue("pg_database")
    engine = make_engine(url)
    with engine.begin() as conn:
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_LUNCH)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def settings(database_url: str, fake_slack: FakeSlack, tmp_path: Path) -> Settings:
    return Settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
        database_url=database_url,
        key_file=str(tmp_path / "test.key"),
        environment="test",
    )


@pytest.fixture
def assembly(settings: Settings, clock: FixedClock) -> Iterator[Assembly]:
    built = build(settings, clock=clock, migrate=False)
    yield built
    built.engine.dispose()
