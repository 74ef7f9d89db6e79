"""Who calls the domain in tests: a Slack caller in the fake workspace, a practice learnt and set
up, and everything stored (to search for traces of a person)."""

from __future__ import annotations

from sqlalchemy import text

from bot.app.assembly import Assembly
from bot.core.values import Caller, Platform, SpacePurpose
from storage.tables import Base
from tests.fakes.slack_roster import ADMIN, TEAM_ID

ROSTER = ("practices", "members", "leads")
SPACES = {SpacePurpose.RANTS: "C0RANTS", SpacePurpose.ADVICE: "C0ADVICE"}


def caller(user: str) -> Caller:
    """`user` in the fake Slack workspace."""
    return Caller(Platform.SLACK, TEAM_ID, user)


def synced(assembly: Assembly) -> Assembly:
    """The practice learnt from the fake workspace, as `run` does at start-up."""
    assembly.services.practices.sync_roster(Platform.SLACK, assembly.slack_directory())
    return assembly


def set_up(assembly: Assembly) -> Assembly:
    """A practice that is ready: roster learnt, rant and advice channels chosen by a lead."""
    synced(assembly)
    assembly.services.practices.set_spaces(caller(ADMIN), dict(SPACES))
    return assembly


def every_value(assembly: Assembly, *, skip: tuple[str, ...] = ROSTER) -> str:
    """Every value in every table but the roster (which names everyone, by design), as one
    string, to search for traces of a person linked to a post."""
    dump = []
    with assembly.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            for row in conn.execute(text(f'SELECT * FROM "{table.name}"')):
                dump.append(" ".join(str(v) for v in row))
    return "\n".join(dump)


def count(assembly: Assembly, table: str, where: str = "") -> int:
    """Rows in `table` (optionally `where` a SQL condition holds)."""
    sql = f'SELECT count(*) FROM "{table}"' + (f" WHERE {where}" if where else "")
    with assembly.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar() or 0)
