"""A workspace that uninstalls the app takes its practices with it: every table keyed by a
practice (directly, or through a parent row that is) is emptied for that practice only. A table
added later with a practice_id is covered without being named anywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Engine, Integer, Table, func, insert, select

from storage.database import make_engine, make_session_factory
from storage.repos.personal_data import SqlPersonalData, scope
from storage.tables import Base

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def practice_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if scope(t, 1) is not None]


def _value(table: Table, column: Any, parents: dict[str, Any], practice: int) -> Any:
    if column.foreign_keys:
        return parents[next(iter(column.foreign_keys)).column.table.name]
    kind = column.type
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, DateTime):
        return NOW
    if isinstance(kind, Date):
        return date(2026, 11, 23)
    if isinstance(kind, Integer):
        return 1
    return f"{practice}-{table.name}-{column.name}"[: getattr(kind, "length", None) or 200]


def seed(engine: Engine, practice: int) -> None:
    """A practice, and one row of its own in every table scoped to a practice."""
    practices = Base.metadata.tables["practices"]
    with engine.begin() as conn:
        values = {c.name: _value(practices, c, {}, practice) for c in practices.columns}
        conn.execute(insert(practices).values({**values, "id": practice}))
        parents: dict[str, Any] = {"practices": practice}
        for table in practice_tables():
            values = {
                c.name: _value(table, c, parents, practice)
                for c in table.columns
                if not (c.primary_key and isinstance(c.type, Integer))
            }
            row = conn.execute(insert(table).values(values).returning(*table.primary_key))
            parents[table.name] = row.scalar_one()


def rows(engine: Engine, practice: int) -> dict[str, int]:
    counts = {}
    with engine.connect() as conn:
        for table in practice_tables():
            where = scope(table, practice)
            counts[table.name] = conn.execute(select(func.count()).where(where)).scalar_one()
        practices = Base.metadata.tables["practices"]
        where = practices.c.id == practice
        counts["practices"] = conn.execute(select(func.count()).where(where)).scalar_one()
    return counts


def test_every_table_with_a_practice_id_is_covered() -> None:
    keyed = {t.name for t in Base.metadata.sorted_tables if "practice_id" in t.c}
    assert keyed <= {t.name for t in practice_tables()}
    assert {"members", "leads", "spaces", "outbox", "rants", "audit_log", "nudges"} <= keyed


def test_erasing_a_practice_empties_every_table_for_it_alone(database_url: str) -> None:
    engine = make_engine(database_url)
    seed(engine, 1)
    seed(engine, 2)
    everywhere = {name: 1 for name in [*(t.name for t in practice_tables()), "practices"]}
    assert rows(engine, 1) == rows(engine, 2) == everywhere
    with make_session_factory(engine).begin() as session:
        erased = SqlPersonalData(session).erase_practice(1)
    assert erased == len(everywhere)
    assert rows(engine, 1) == dict.fromkeys(everywhere, 0)
    assert rows(engine, 2) == everywhere
    engine.dispose()
