"""Repositories: SQL in, domain values out. They never commit; the unit of work does."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.model import (
    Member,
    Platform,
    Practice,
    Role,
    Space,
    SpacePurpose,
)
from storage.tables import (
    AuditRow,
    Base,
    LeadRow,
    MemberRow,
    PracticeRow,
    ProcessedEventRow,
    SpaceRow,
)


def utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; everything we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def insert_ignoring_duplicates(session: Session, row: type[Base], values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING on either database; True when a row went in."""
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    key = next(iter(row.__table__.primary_key))
    stmt = module.insert(row).values(**values).on_conflict_do_nothing().returning(key)
    # RETURNING, not rowcount: psycopg 3 reports -1 for an INSERT ... ON CONFLICT here.
    return session.execute(stmt).first() is not None


class SqlPractices:
    def __init__(self, session: Session) -> None:
        self.s = session

    def by_workspace(self, platform: Platform, workspace_id: str) -> Practice | None:
        stmt = (
            select(PracticeRow)
            .where(PracticeRow.platform == platform, PracticeRow.workspace_id == workspace_id)
            .order_by(PracticeRow.id)
        )
        row = self.s.scalars(stmt).first()
        return _practice(row) if row else None

    def get(self, practice_id: int) -> Practice:
        return _practice(self.s.get_one(PracticeRow, practice_id))

    def create(
        self, *, platform: Platform, workspace_id: str, name: str, timezone: str, now: datetime
    ) -> Practice:
        row = PracticeRow(
            platform=platform,
            workspace_id=workspace_id,
            name=name,
            timezone=timezone,
            holiday_region="england-wales",
            created_at=now,
        )
        self.s.add(row)
        self.s.flush()
        return _practice(row)

    def all(self) -> list[Practice]:
        return [_practice(r) for r in self.s.scalars(select(PracticeRow).order_by(PracticeRow.id))]

    def set_region(self, practice_id: int, region: str) -> None:
        stmt = update(PracticeRow).where(PracticeRow.id == practice_id)
        self.s.execute(stmt.values(holiday_region=region))


def _practice(row: PracticeRow) -> Practice:
    return Practice(
        row.id,
        Platform(row.platform),
        row.workspace_id,
        row.name,
        row.timezone,
        row.holiday_region,
    )


class SqlMembers:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _row(self, practice_id: int, user_id: str) -> MemberRow | None:
        stmt = select(MemberRow).where(
            MemberRow.practice_id == practice_id, MemberRow.user_id == user_id
        )
        return self.s.scalars(stmt).first()

    def get(self, practice_id: int, user_id: str) -> Member | None:
        row = self._row(practice_id, user_id)
        return _member(row) if row else None

    def upsert(self, member: Member, now: datetime) -> None:
        row = self._row(member.practice_id, member.user_id)
        if row is None:
            row = MemberRow(practice_id=member.practice_id, user_id=member.user_id)
            self.s.add(row)
        row.name, row.role, row.guest = member.name, member.role, member.guest
        row.active, row.updated_at = member.active, now
        self.s.flush()

    def active(self, practice_id: int) -> list[Member]:
        stmt = (
            select(MemberRow)
            .where(MemberRow.practice_id == practice_id, MemberRow.active.is_(True))
            .order_by(MemberRow.name)
        )
        return [_member(r) for r in self.s.scalars(stmt)]

    def deactivate_except(self, practice_id: int, keep: set[str], now: datetime) -> int:
        stmt = (
            update(MemberRow)
            .where(
                MemberRow.practice_id == practice_id,
                MemberRow.active.is_(True),
                MemberRow.user_id.not_in(keep),
            )
            .values(active=False, updated_at=now)
        )
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)


def _member(row: MemberRow) -> Member:
    return Member(row.practice_id, row.user_id, row.name, Role(row.role), row.guest, row.active)


class SqlLeads:
    def __init__(self, session: Session) -> None:
        self.s = session

    def list(self, practice_id: int) -> tuple[str, ...]:
        stmt = select(LeadRow.user_id).where(LeadRow.practice_id == practice_id)
        return tuple(sorted(self.s.scalars(stmt)))

    def add(self, practice_id: int, user_id: str, now: datetime) -> bool:
        values = {"practice_id": practice_id, "user_id": user_id, "added_at": now}
        return insert_ignoring_duplicates(self.s, LeadRow, values)

    def remove(self, practice_id: int, user_id: str) -> bool:
        stmt = delete(LeadRow).where(LeadRow.practice_id == practice_id, LeadRow.user_id == user_id)
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount)


class SqlSpaces:
    def __init__(self, session: Session) -> None:
        self.s = session

    def all(self, practice_id: int) -> dict[SpacePurpose, Space]:
        stmt = select(SpaceRow).where(SpaceRow.practice_id == practice_id)
        return {
            SpacePurpose(r.purpose): Space(
                r.practice_id, SpacePurpose(r.purpose), r.channel_id, r.name
            )
            for r in self.s.scalars(stmt)
        }

    def set(self, space: Space, now: datetime) -> None:
        stmt = select(SpaceRow).where(
            SpaceRow.practice_id == space.practice_id, SpaceRow.purpose == space.purpose
        )
        row = self.s.scalars(stmt).first()
        if row is None:
            row = SpaceRow(practice_id=space.practice_id, purpose=space.purpose)
            self.s.add(row)
        row.channel_id, row.name, row.updated_at = space.channel_id, space.name, now
        self.s.flush()


class SqlEvents:
    def __init__(self, session: Session) -> None:
        self.s = session

    def claim(self, key: str, now: datetime) -> bool:
        values = {"key": key, "processed_at": now}
        return insert_ignoring_duplicates(self.s, ProcessedEventRow, values)

    def forget_before(self, cutoff: datetime) -> int:
        stmt = delete(ProcessedEventRow).where(ProcessedEventRow.processed_at < cutoff)
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)


class SqlAudit:
    def __init__(self, session: Session) -> None:
        self.s = session

    def record(
        self, *, practice_id: int, actor: str, action: str, detail: dict[str, Any], now: datetime
    ) -> None:
        row = AuditRow(
            practice_id=practice_id,
            actor=actor,
            action=action,
            detail=json.dumps(detail, sort_keys=True),
            at=now,
        )
        self.s.add(row)
        self.s.flush()

    def recent(self, practice_id: int, limit: int) -> list[dict[str, Any]]:
        stmt = (
            select(AuditRow)
            .where(AuditRow.practice_id == practice_id)
            .order_by(AuditRow.id.desc())
            .limit(limit)
        )
        return [
            {"actor": r.actor, "action": r.action, "detail": json.loads(r.detail), "at": utc(r.at)}
            for r in self.s.scalars(stmt)
        ]
