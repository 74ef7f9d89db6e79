"""A job pass with nothing due (Monday 09:30, in surgery) at 1,000 to 100,000 members.

For each roster (N members in one practice, or P practices of 10), the rows are inserted directly
in bulk (members, their preferences with check-ins on, last week's nudge, some leave), then the
`weekly-nudges` and `checkins` passes run once each through the real assembly. Measured: seconds
per pass, SQL statements, write statements, the longest write transaction (SQLite's write lock;
there should be none), and the worst latency of a thread doing a small write transaction every
100 ms meanwhile (the app's own requests). The baseline, in the same run, is reading the same
members and preferences with plain SQLAlchemy Core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root

from bot.app import assembly as app
from bot.app.settings import Settings
from bot.core.clock import FixedClock
from storage.database import READING, make_engine
from storage.migrate import upgrade
from storage.tables import (
    LeaveRow,
    MemberRow,
    NudgeRow,
    PracticeRow,
    PreferenceRow,
    ProcessedEventRow,
)

SURGERY = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # a Monday morning surgery in London
JOBS = ("weekly-nudges", "checkins")
TICK_S = 0.1  # the app's own small write, this often
TICK_LIMIT = 20_000  # at most this many (about half an hour)
CHUNK = 10_000


# -- setup: rows in bulk ---------------------------------------------------------------------------
def populate(engine: Engine, practices: int, size: int) -> None:
    """`practices` practices of `size` members each, inserted with Core executemany."""
    now = datetime.now(UTC)
    with engine.begin() as c:
        c.execute(
            insert(PracticeRow),
            [
                {
                    "id": p + 1,
                    "platform": "slack",
                    "workspace_id": f"T{p:06d}",
                    "name": f"Practice {p}",
                    "timezone": "Europe/London",
                    "created_at": now,
                }
                for p in range(practices)
            ],
        )
    people = ((p + 1, f"U{p:05d}{i:06d}") for p in range(practices) for i in range(size))
    batch: list[tuple[int, str]] = []
    for row in people:
        batch.append(row)
        if len(batch) == CHUNK:
            _insert_people(engine, batch, now)
            batch = []
    if batch:
        _insert_people(engine, batch, now)


def _insert_people(engine: Engine, batch: list[tuple[int, str]], now: datetime) -> None:
    with engine.begin() as c:
        c.execute(
            insert(MemberRow),
            [
                {
                    "practice_id": p,
                    "user_id": u,
                    "name": f"Dr {u}",
                    "role": "salaried",
                    "guest": False,
                    "active": True,
                    "updated_at": now,
                }
                for p, u in batch
            ],
        )
        c.execute(
            insert(PreferenceRow),
            [
                {
                    "practice_id": p,
                    "user_id": u,
                    "quiet_start": "19:00",
                    "quiet_end": "08:00",
                    "nudges_on": True,
                    "checkins_on": True,
                    "updated_at": now,
                }
                for p, u in batch
            ],
        )
        c.execute(
            insert(NudgeRow),
            [  # last week's nudge: "avoid last week's kind"
                {
                    "practice_id": p,
                    "user_id": u,
                    "week": "2026-W47",
                    "kind": "new_colleague",
                    "created_at": now - timedelta(days=7),
                }
                for p, u in batch
            ],
        )
        c.execute(
            insert(LeaveRow),
            [  # one in ten has leave later this year
                {
                    "practice_id": p,
                    "user_id": u,
                    "starts": date(2026, 12, 21),
                    "ends": date(2026, 12, 24),
                }
                for n, (p, u) in enumerate(batch)
                if n % 10 == 0
            ],
        )


# -- what the database sees ------------------------------------------------------------------------
@dataclass
class Watch:
    """Statements, write statements and write-transaction spans on one engine."""

    statements: int = 0
    writes: int = 0
    longest_write_tx: float = 0.0
    write_txs: int = 0
    open_at: dict[int, float] = field(default_factory=dict)

    def attach(self, engine: Engine) -> None:
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._end)
        event.listen(engine, "rollback", self._end)

    def _statement(self, _conn: Any, _cur: Any, sql: str, *_args: Any) -> None:
        self.statements += 1
        self.writes += sql.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")

    def _begin(self, conn: Any) -> None:
        if not conn.get_execution_options().get(READING):
            self.open_at[id(conn)] = time.perf_counter()

    def _end(self, conn: Any) -> None:
        started = self.open_at.pop(id(conn), None)
        if started is not None:
            self.write_txs += 1
            self.longest_write_tx = max(self.longest_write_tx, time.perf_counter() - started)


@contextmanager
def app_requests(url: str) -> Iterator[list[float]]:
    """A thread doing one small write transaction every TICK_S; yields its latencies (s), each
    from when it was due, so time spent waiting for the GIL or a lock counts."""
    engine = make_engine(url)
    latencies: list[float] = []
    stop = threading.Event()

    def tick() -> None:
        due = time.perf_counter() + TICK_S
        for _ in range(TICK_LIMIT):
            if stop.wait(max(0.0, due - time.perf_counter())):
                return
            start = due  # from when it was due: waiting to be scheduled counts too
            with engine.begin() as c:
                c.execute(
                    insert(ProcessedEventRow),
                    {"key": f"bench:{uuid.uuid4().hex}", "processed_at": datetime.now(UTC)},
                )
            latencies.append(time.perf_counter() - start)
            due = max(due + TICK_S, time.perf_counter())  # a late one does not bunch the next

    thread = threading.Thread(target=tick, name="app-requests", daemon=True)
    thread.start()
    try:
        yield latencies
    finally:
        stop.set()
        thread.join(timeout=60)
        engine.dispose()


def baseline(engine: Engine) -> float:
    """Plain Core: every practice's active members and preferences, as rows."""
    start = time.perf_counter()
    with engine.connect() as c:
        for pid in c.execute(select(PracticeRow.id)).scalars().all():
            c.execute(
                select(MemberRow).where(MemberRow.practice_id == pid, MemberRow.active.is_(True))
            ).all()
            c.execute(select(PreferenceRow).where(PreferenceRow.practice_id == pid)).all()
    return time.perf_counter() - start


# -- one roster ------------------------------------------------------------------------------------
def measure(label: str, practices: int, size: int, url: str) -> list[dict[str, Any]]:
    engine = make_engine(url)
    upgrade(engine)
    populate(engine, practices, size)
    base = baseline(engine)
    engine.dispose()
    with tempfile.TemporaryDirectory() as d:
        settings = Settings(
            database_url=url, key_file=str(Path(d) / "bench.key"), environment="test"
        )
        built = app.build(settings, clock=FixedClock(SURGERY), migrate=False, with_slack=False)
    jobs = {job.name: job for job in built.jobs()}
    rows = []
    for name in JOBS:
        watch = Watch()
        watch.attach(built.engine)
        with app_requests(url) as latencies:
            time.sleep(3 * TICK_S)  # a few requests before the pass starts
            start = time.perf_counter()
            said = jobs[name].run()
            seconds = time.perf_counter() - start
            time.sleep(3 * TICK_S)
        event.remove(built.engine, "before_cursor_execute", watch._statement)
        for kind, fn in (("begin", watch._begin), ("commit", watch._end), ("rollback", watch._end)):
            event.remove(built.engine, kind, fn)
        rows.append(
            {
                "roster": label,
                "members": practices * size,
                "job": name,
                "seconds": seconds,
                "baseline": base,
                "statements": watch.statements,
                "writes": watch.writes,
                "write_txs": watch.write_txs,
                "longest_write": watch.longest_write_tx,
                "requests": len(latencies),
                "worst_request": max(latencies, default=float("nan")),
                "median_request": statistics.median(latencies) if latencies else float("nan"),
                "said": str(said),
            }
        )
    built.engine.dispose()
    return rows


def sqlite_url(tmp: Path, label: str) -> str:
    return f"sqlite:///{tmp / (label.replace(' ', '_') + '.db')}"


@contextmanager
def postgres_url(server: str) -> Iterator[str]:
    """A fresh database on `server` (postgresql://user@host:port/db), dropped afterwards."""
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = make_engine(server.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    base = server.replace("postgresql://", "postgresql+psycopg://", 1).rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def report(rows: list[dict[str, Any]]) -> None:
    print(
        "| database | roster | job | seconds | per 1,000 members | baseline s (Core read) "
        "| ratio | statements | writes | write transactions | longest write tx "
        "| app writes during pass: n / median / worst ms | what the pass said |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for r in rows:
        per_k = r["seconds"] / r["members"] * 1000
        print(
            f"| {r['db']} | {r['roster']} | {r['job']} | {r['seconds']:.3f} | {per_k:.3f} "
            f"| {r['baseline']:.3f} | {r['seconds'] / r['baseline']:.1f}x | {r['statements']} "
            f"| {r['writes']} | {r['write_txs']} | {r['longest_write'] * 1000:.1f} ms "
            f"| {r['requests']} / {r['median_request'] * 1000:.1f} / "
            f"{r['worst_request'] * 1000:.1f} | {r['said']} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100 members, and 10 practices")
    parser.add_argument("--sizes", default="1000,10000,100000", help="members in one practice")
    parser.add_argument("--practices", type=int, default=1000, help="of 10 members each")
    parser.add_argument(
        "--postgres", metavar="URL", help="also run the largest size on this PostgreSQL server"
    )
    args = parser.parse_args()
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    many = 10 if args.quick else args.practices
    rosters = [(f"1 practice of {n:,}", 1, n) for n in sizes]
    rosters += [(f"{many:,} practices of 10", many, 10)] if many else []
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as d:
        for label, practices, size in rosters:
            print(f"SQLite: {label}", file=sys.stderr)
            rows += [
                {**r, "db": "SQLite"}
                for r in measure(label, practices, size, sqlite_url(Path(d), label))
            ]
    if args.postgres:
        label, practices, size = rosters[len(sizes) - 1]
        print(f"PostgreSQL: {label}", file=sys.stderr)
        with postgres_url(args.postgres) as url:
            rows += [{**r, "db": "PostgreSQL"} for r in measure(label, practices, size, url)]
    report(rows)
    return 0 if all(r["writes"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
