"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), a fake
Slack over real HTTP, a fixed clock, and the bot assembled from real parts."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
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
from tests.inline import InlineExecutor
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first (the two-replica week takes minutes): with one worker per core, the
    rest of the suite then runs beside it instead of waiting for it at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# Emptying every table with DELETE (children first) in one round trip, and putting every used
# sequence back to its start, leaves the database as TRUNCATE ... RESTART IDENTITY would: no
# rows, ids from 1 again. TRUNCATE costs tens of milliseconds a test; this costs about one.
PG_RESET = (
    "DO $$ BEGIN "
    + " ".join(f'DELETE FROM "{t.name}";' for t in reversed(Base.metadata.sorted_tables))
    + " PERFORM setval(quote_ident(schemaname) || '.' || quote_ident(sequencename),"
    " start_value, false) FROM pg_sequences"
    " WHERE schemaname = current_schema() AND last_value IS NOT NULL; END $$"
)


@pytest.fixture(scope="session")
def pg_reset(pg_database: str) -> Iterator[Callable[[], None]]:
    """Empties the run's PostgreSQL database (over one connection kept for the session)."""
    engine = make_engine(pg_database)

    def reset() -> None:
        with engine.begin() as conn:
            conn.exec_driver_sql(PG_RESET)

    yield reset
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated from empty once per run (per xdist worker); tests get copies."""
    path = tmp_path_factory.mktemp("sqlite-template") / "migrated.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    # Fold the write-ahead log into the file so that the file alone is the whole database.
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the template's WAL was not folded in"
    return path


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    reset: Callable[[], None] = request.getfixturevalue("pg_reset")
    reset()
    return str(request.getfixturevalue("pg_database"))


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
    built = build(settings, clock=clock, migrate=False, slack_executor=InlineExecutor())
    yield built
    built.engine.dispose()
