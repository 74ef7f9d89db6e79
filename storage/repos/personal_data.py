"""Everything held about one person, found, exported and forgotten, table by table.

`PEOPLE` names every column, in every table, that holds a member's id, and what forgetting does
to it; tests/storage/test_personal_data.py fails when a table holds a member id and is not here.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, and_, delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from storage.tables import Base
from storage.tables.slack_oauth import TOKENS

KEEP = "keep"  # the bare membership the roster sync needs to reach them
DELETE = "delete"  # the row is theirs alone: it goes
PSEUDONYM = "pseudonym"  # the row is counted in figures: it stays, under a random stand-in
CLEAR = "clear"  # the row is someone else's and only mentions them: the mention goes

PEOPLE: dict[str, dict[str, str]] = {
    "members": {"user_id": KEEP},
    "leads": {"user_id": DELETE},
    "contacts": {"a": DELETE, "b": DELETE},
    "audit_log": {"actor": PSEUDONYM},  # "a former member"
    "outbox": {"target": DELETE},  # and sealed targets and notifies, opened by the service
    "rants": {"author": PSEUDONYM, "colleague": PSEUDONYM},
    "questions": {"asker": PSEUDONYM, "colleague": PSEUDONYM},
    "answers": {"helper": PSEUDONYM},
    "slot_answers": {"user_id": PSEUDONYM},
    "preferences": {"user_id": DELETE},
    "leave": {"user_id": DELETE},
    "checkins": {"user_id": PSEUDONYM},
    "nudges": {"user_id": DELETE},
    "free_now": {"user_id": DELETE},
    "pools": {"asker": PSEUDONYM},
    "pool_tasks": {"claimed_by": PSEUDONYM},
    "mentor_profiles": {"user_id": DELETE, "line_manager": CLEAR},
    "mentor_matches": {"mentor": PSEUDONYM, "mentee": PSEUDONYM},
    "pairing_members": {"user_id": DELETE},
    "pairing_places": {"user_id": PSEUDONYM},
    "pairing_skips": {"user_id": DELETE},
    "welcomes": {"user_id": DELETE, "buddy": CLEAR},
    "teams_conversations": {"person": KEEP},
    "teams_people": {"person": KEEP},
    "teams_installs": {"installer": KEEP},
    "slack_installations": {"user_id": KEEP},  # who installed the app (slack_sdk needs it)
}
SEALED = {"rants": "author_sealed", "questions": "asker_sealed", "answers": "helper_sealed"}
NEVER_EXPORTED = {"payload", "notify_sealed", *SEALED.values(), *TOKENS}  # others' words, seals
FORMER = "a former member"
SOMEONE_ELSE = "someone else"


def tables() -> dict[str, Table]:
    """The tables that exist in this schema (a table not created yet is simply not there)."""
    return {name: t for name, t in Base.metadata.tables.items() if name in PEOPLE}


def scope(table: Table, practice_id: int) -> ColumnElement[bool] | None:
    """Rows of the practice: by its own practice_id, or through the parent row that has one."""
    if "practice_id" in table.c:
        return table.c.practice_id == practice_id
    for fk in table.foreign_keys:
        parent = fk.column.table
        if "practice_id" in parent.c:
            owned = select(fk.column).where(parent.c.practice_id == practice_id)
            return fk.parent.in_(owned)
    return None  # not practice-scoped (a platform's own records): by the person alone


def _where(table: Table, column: str, practice_id: int, user_id: str) -> ColumnElement[bool]:
    mine = table.c[column] == user_id
    scoped = scope(table, practice_id)
    return mine if scoped is None else and_(mine, scoped)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


class SqlPersonalData:
    def __init__(self, session: Session) -> None:
        self.s = session

    def held(self, practice_id: int, user_id: str) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for name, table in tables().items():
            people = PEOPLE[name]
            rows: dict[Any, dict[str, Any]] = {}
            for column in people:
                for row in self.s.execute(
                    select(table).where(_where(table, column, practice_id, user_id))
                ):
                    rows[tuple(row)] = self._exported(name, row._asdict(), user_id)
            if name == "outbox":  # a sealed target is nothing anyone could read as theirs
                rows = {k: r for k, r in rows.items() if not r.get("target_sealed")}
            if rows:
                found[name] = list(rows.values())
        return found

    @staticmethod
    def _exported(name: str, row: dict[str, Any], user_id: str) -> dict[str, Any]:
        people = PEOPLE[name]
        out: dict[str, Any] = {}
        for key, value in row.items():
            if key in NEVER_EXPORTED or (name == "audit_log" and key == "detail"):
                continue
            if key in people and value and value != user_id:
                value = SOMEONE_ELSE
            out[key] = _plain(value)
        return out

    def sealed(self, practice_id: int) -> list[tuple[str, str, str, datetime]]:
        found = []
        for name, column in SEALED.items():
            table = Base.metadata.tables[name]
            stmt = select(table.c.id, table.c[column], table.c.created_at).where(
                table.c[column].is_not(None),
                scope(table, practice_id),  # type: ignore[arg-type]
            )
            found += [(name, str(i), str(seal), at) for i, seal, at in self.s.execute(stmt)]
        return found

    def outbox_seals(self, practice_id: int) -> list[tuple[str, str, str]]:
        table = Base.metadata.tables["outbox"]
        stmt = select(table.c.id, table.c.target, table.c.target_sealed, table.c.notify_sealed)
        stmt = stmt.where(table.c.practice_id == practice_id)
        return [
            (str(i), str(target) if sealed else "", str(notify or ""))
            for i, target, sealed, notify in self.s.execute(stmt)
            if sealed or notify
        ]

    def forget(
        self,
        practice_id: int,
        user_id: str,
        *,
        pseudonym: str,
        unseal: list[tuple[str, str]],
        outbox: list[str],
        unnotify: list[str],
    ) -> int:
        changed = self._audit(practice_id, user_id)
        for name, table in tables().items():
            for column, policy in PEOPLE[name].items():
                if policy == KEEP or name == "audit_log":
                    continue
                where = _where(table, column, practice_id, user_id)
                if policy == DELETE:
                    changed += self._count(self.s.execute(delete(table).where(where)))
                    continue
                value = pseudonym if policy == PSEUDONYM else ""
                stmt = update(table).where(where).values({column: value})
                changed += self._count(self.s.execute(stmt))
        changed += self._seals(unseal, outbox, unnotify)
        members = Base.metadata.tables["members"]
        self.s.execute(  # a self-declared role is theirs: back to 'not set'
            update(members)
            .where(_where(members, "user_id", practice_id, user_id))
            .values(role="not_set")
        )
        return changed

    def _audit(self, practice_id: int, user_id: str) -> int:
        table = Base.metadata.tables["audit_log"]
        stmt = select(table.c.id, table.c.actor, table.c.detail).where(
            table.c.practice_id == practice_id
        )
        changed = 0
        for row_id, actor, detail in list(self.s.execute(stmt)):
            if actor != user_id and user_id not in detail:
                continue
            new_detail = json.dumps(_without(json.loads(detail), user_id), sort_keys=True)
            new_actor = FORMER if actor == user_id else actor
            self.s.execute(
                update(table).where(table.c.id == row_id).values(actor=new_actor, detail=new_detail)
            )
            changed += 1
        return changed

    def _seals(self, unseal: list[tuple[str, str]], outbox: list[str], unnotify: list[str]) -> int:
        changed = 0
        for name, row_id in unseal:
            table = Base.metadata.tables[name]
            stmt = update(table).where(table.c.id == row_id).values({SEALED[name]: None})
            changed += self._count(self.s.execute(stmt))
        box = Base.metadata.tables["outbox"]
        if outbox:
            changed += self._count(self.s.execute(delete(box).where(box.c.id.in_(outbox))))
        if unnotify:
            stmt = update(box).where(box.c.id.in_(unnotify)).values(notify_sealed=None)
            changed += self._count(self.s.execute(stmt))
        return changed

    def erase_practice(self, practice_id: int) -> int:
        """Everything held for a practice, the practice itself last (its workspace uninstalled
        the app): every table scoped to it, children before parents, its sends included."""
        erased = 0
        for table in reversed(Base.metadata.sorted_tables):
            scoped = scope(table, practice_id)
            if scoped is not None:
                erased += self._count(self.s.execute(delete(table).where(scoped)))
        practices = Base.metadata.tables["practices"]
        return erased + self._count(
            self.s.execute(delete(practices).where(practices.c.id == practice_id))
        )

    @staticmethod
    def _count(result: Any) -> int:
        return int(result.rowcount or 0)


def _without(value: Any, user_id: str) -> Any:
    """An audit detail with the person's id replaced, wherever it is."""
    if isinstance(value, dict):
        return {k: _without(v, user_id) for k, v in value.items()}
    if isinstance(value, list):
        return [_without(v, user_id) for v in value]
    return FORMER if value == user_id else value
