"""Bring the schema up to date with Alembic, without racing another replica."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from storage.tables import Base

MIGRATIONS = Path(__file__).parent / "migrations"
ADVISORY_LOCK_ID = 7_413_020_1  # any fixed number; every replica uses the same one


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config that needs no alembic.ini."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine) -> None:
    """Run every pending migration; safe to call from several processes at once."""
    with _exclusive(engine), engine.connect() as connection:
        command.upgrade(alembic_config(connection), "head")
        connection.commit()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision this code knows."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def differences(engine: Engine) -> list[Any]:
    """What separates the migrated database from the models (empty when they agree)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


@contextmanager
def _exclusive(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as lock_conn:
            lock_conn.execute(text("SELECT pg_advisory_lock(:id)"), {"id": ADVISORY_LOCK_ID})
            try:
                yield
            finally:
                lock_conn.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": ADVISORY_LOCK_ID})
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    # SQLite: a (hidden) lock file beside the database serialises migrations between processes.
    folder, name = os.path.split(os.path.abspath(database))
    with open(os.path.join(folder, f".{name}.migrate-lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
