"""One replica at a time: a PostgreSQL advisory lock per job pass."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

JOB_LOCKS = 7_413_021  # the namespace of job locks (migrations use storage.migrate's own id)


@contextmanager
def only_one(engine: Engine, name: str) -> Iterator[bool]:
    """True inside when this process holds `name`'s lock, False when another process holds it
    now (it is running that pass: skip this one). Always True on SQLite, where one process
    runs the jobs."""
    if engine.dialect.name != "postgresql":
        yield True
        return
    ids = {"space": JOB_LOCKS, "key": zlib.crc32(name.encode()) & 0x7FFFFFFF}
    with engine.connect() as connection:
        held = bool(
            connection.execute(text("SELECT pg_try_advisory_lock(:space, :key)"), ids).scalar()
        )
        connection.commit()  # a session lock: no transaction left open while the pass runs
        try:
            yield held
        finally:
            if held:
                connection.execute(text("SELECT pg_advisory_unlock(:space, :key)"), ids)
                connection.commit()
