"""Migrations build the schema from nothing, on SQLite and PostgreSQL, and match the models."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from storage.database import make_engine
from storage.migrate import current_revision, differences, head_revision, upgrade
from storage.tables import Base


def test_upgrade_from_empty_reaches_head_and_matches_models(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) == head_revision()
    assert differences(engine) == []
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    engine.dispose()


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'twice.db'}")
    assert current_revision(engine) is None
    upgrade(engine)
    upgrade(engine)  # a second replica starting: nothing to do, no error
    assert current_revision(engine) == head_revision()


def test_sqlite_uses_wal_for_concurrent_writers(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as conn:
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
    assert mode == "wal"
    assert timeout == 30000


def test_upgrading_a_database_that_holds_data_keeps_it(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from storage.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0002")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO practices (platform, workspace_id, name, timezone, created_at) "
                "VALUES ('slack', 'T1', 'Riverside', 'Europe/London', '2026-01-01 00:00:00')"
            )
        )
    upgrade(engine)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name, holiday_region FROM practices")).one()
    assert tuple(row) == ("Riverside", "england-wales")


def test_practice_defaults_keep_todays_behaviour_and_come_off_again(tmp_path: Path) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from storage.migrate import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
    engine = make_engine(f"sqlite:///{tmp_path / 'defaults.db'}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0008")
        conn.commit()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO practices (platform, workspace_id, name, timezone, created_at) "
                "VALUES ('slack', 'T1', 'Riverside', 'Europe/London', '2026-01-01 00:00:00')"
            )
        )
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT default_nudges_on, default_checkins_on, default_weekday, default_hour "
                "FROM practices"
            )
        ).one()
    assert tuple(row) == (1, 0, 0, 10)  # nudges on, check-ins off, from Monday 10:00
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0008")
        conn.commit()
    columns = {c["name"] for c in inspect(engine).get_columns("practices")}
    assert not {c for c in columns if c.startswith("default_")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM practices")).scalar_one() == "Riverside"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
