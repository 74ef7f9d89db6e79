"""The weekly passes grow linearly with a practice's members: the statements a pass runs and
the rows it builds are counted at 100 and at 1,000 members, so a quadratic loop (in SQL, or a
query per member inside a loop over members) cannot come back unnoticed."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bot.app.assembly import Assembly, build
from bot.app.settings import Settings
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.values import Member
from storage.tables import Base
from tests.callers import caller, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN
from tests.slack_requests import SIGNING_SECRET

MONDAY_LUNCH = at(datetime(2026, 11, 23).date(), time(12, 45), "Europe/London")
MONDAY_SURGERY = at(datetime(2026, 11, 23).date(), time(9, 30), "Europe/London")


@contextmanager
def counted(assembly: Assembly) -> Iterator[dict[str, int]]:
    """How many SQL statements run, and ORM rows are built, inside the block."""
    tally = {"statements": 0, "rows": 0}

    def statement(*_args: Any) -> None:
        tally["statements"] += 1

    def row(*_args: Any) -> None:
        tally["rows"] += 1

    event.listen(assembly.engine, "before_cursor_execute", statement)
    event.listen(Base, "load", row, propagate=True)
    try:
        yield tally
    finally:
        event.remove(assembly.engine, "before_cursor_execute", statement)
        event.remove(Base, "load", row)


@pytest.fixture
def make_assembly(
    sqlite_template: Path, tmp_path: Path, fake_slack: FakeSlack
) -> Iterator[Callable[[], Assembly]]:
    """Fresh assemblies, each on its own migrated SQLite file (counting is the same on both
    databases; the passes' SQL is tested on PostgreSQL elsewhere)."""
    built: list[Assembly] = []

    def make() -> Assembly:
        path = tmp_path / f"cost-{len(built)}.db"
        shutil.copy(sqlite_template, path)
        settings = Settings(
            slack_bot_token="xoxb-test-token",
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=fake_slack.url,
            database_url=f"sqlite:///{path}",
            key_file=str(tmp_path / f"cost-{len(built)}.key"),
            environment="test",
        )
        built.append(build(settings, clock=FixedClock(MONDAY_LUNCH), migrate=False))
        return built[-1]

    yield make
    for assembly in built:
        assembly.engine.dispose()


def practice_of(assembly: Assembly, size: int) -> None:
    """The fake workspace's practice, grown to `size` members who all opted in to check-ins."""
    synced(assembly)
    with assembly.services.outbox.uow() as tx:
        (practice,) = tx.practices.all()
        now = assembly.services.clock.now()
        for n in range(size - len(tx.members.active(practice.id))):
            tx.members.upsert(Member(practice.id, f"U{n:06d}", f"Dr Member {n}"), now)
    assembly.services.preferences.change(caller(ADMIN), checkins_on=True)


def cost(assembly: Assembly, clock: FixedClock, size: int, job: Callable[[], object]) -> dict:
    practice_of(assembly, size)
    with counted(assembly) as tally:
        job()
    return tally


PASSES = {
    "weekly-nudges": lambda a: a.services.nudges.run,
    "checkins": lambda a: a.services.checkins.run,
    "protected-time": lambda a: a.services.protected_time.run,
}


@pytest.mark.parametrize("name", list(PASSES))
@pytest.mark.parametrize("moment", [MONDAY_SURGERY, MONDAY_LUNCH], ids=["nothing-due", "all-due"])
def test_a_pass_grows_linearly_with_members(
    make_assembly: Callable[[], Assembly], name: str, moment: datetime
) -> None:
    tallies = {}
    for size in (100, 1000):
        assembly = make_assembly()
        clock = assembly.services.clock
        assert isinstance(clock, FixedClock)
        clock.set(moment)
        tallies[size] = cost(assembly, clock, size, PASSES[name](assembly))
    small, big = tallies[100], tallies[1000]
    # Ten times the members: at most ten times the work (plus a little), never a hundred.
    assert big["statements"] <= 10 * small["statements"] + 20, tallies
    assert big["rows"] <= 10 * small["rows"] + 20, tallies
    if moment == MONDAY_SURGERY:  # nothing to send: a fixed number of queries per practice
        assert big["statements"] == small["statements"], tallies
