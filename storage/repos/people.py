"""Practices, their members, leads and shared spaces."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from bot.core.values import (
    Member,
    Platform,
    Practice,
    Role,
    Space,
    SpacePurpose,
    WeekDefaults,
)
from storage.repos.common import insert_ignoring_duplicates, read
from storage.tables import (
    LeadRow,
    MemberRow,
    PracticeRow,
    SpaceRow,
)

# The reads behind every request, built once (storage.repos.common.read).
_PRACTICES = PracticeRow.__table__.c
_MEMBERS = MemberRow.__table__.c
_PRACTICE = select(PracticeRow.__table__).where(_PRACTICES.id == bindparam("id"))
_IN_WORKSPACE = (
    select(PracticeRow.__table__)
    .where(_PRACTICES.platform == bindparam("platform"))
    .where(_PRACTICES.workspace_id == bindparam("workspace"))
    .order_by(_PRACTICES.id)
)
_JOINED = (
    _IN_WORKSPACE.join_from(PracticeRow.__table__, MemberRow.__table__)
    .where(_MEMBERS.user_id == bindparam("user"), _MEMBERS.active.is_(True))
    .order_by(None)
    .order_by(_MEMBERS.chosen_at.desc().nulls_last(), _MEMBERS.id)
)
_MEMBER = select(MemberRow.__table__).where(
    _MEMBERS.practice_id == bindparam("practice"), _MEMBERS.user_id == bindparam("user")
)
_LEADS = select(LeadRow.user_id).where(LeadRow.practice_id == bindparam("practice"))
_SPACES = select(SpaceRow.__table__).where(SpaceRow.practice_id == bindparam("practice"))


class SqlPractices:
    def __init__(self, session: Session) -> None:
        self.s = session

    def by_workspace(self, platform: Platform, workspace_id: str) -> Practice | None:
        row = read(self.s, _IN_WORKSPACE, platform=platform, workspace=workspace_id).first()
        return _practice(row) if row else None

    def get(self, practice_id: int) -> Practice:
        return _practice(read(self.s, _PRACTICE, id=practice_id).one())

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

    def set_defaults(self, practice_id: int, defaults: WeekDefaults) -> None:
        stmt = update(PracticeRow).where(PracticeRow.id == practice_id)
        self.s.execute(
            stmt.values(
                default_nudges_on=defaults.nudges_on,
                default_checkins_on=defaults.checkins_on,
                default_weekday=defaults.weekday,
                default_hour=defaults.hour,
            )
        )

    def in_workspace(self, platform: Platform, workspace_id: str) -> list[Practice]:
        rows = read(self.s, _IN_WORKSPACE, platform=platform, workspace=workspace_id)
        return [_practice(r) for r in rows]

    def joined(self, platform: Platform, workspace_id: str, user_id: str) -> list[Practice]:
        rows = read(self.s, _JOINED, platform=platform, workspace=workspace_id, user=user_id)
        return [_practice(r) for r in rows]

    def define(self, practice_id: int, *, name: str, channel_id: str | None) -> None:
        stmt = update(PracticeRow).where(PracticeRow.id == practice_id)
        self.s.execute(stmt.values(name=name, channel_id=channel_id))

    def set_timezone(self, practice_id: int, timezone: str) -> None:
        stmt = update(PracticeRow).where(PracticeRow.id == practice_id)
        self.s.execute(stmt.values(timezone=timezone))


def _practice(row: Any) -> Practice:
    """A practice from its row: an ORM object or a plain row of the table."""
    return Practice(
        row.id,
        Platform(row.platform),
        row.workspace_id,
        row.name,
        row.timezone,
        row.holiday_region,
        WeekDefaults(
            row.default_nudges_on, row.default_checkins_on, row.default_weekday, row.default_hour
        ),
        row.channel_id,
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
        row = read(self.s, _MEMBER, practice=practice_id, user=user_id).first()
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

    def choose(self, practice_id: int, user_id: str, now: datetime) -> None:
        stmt = update(MemberRow).where(
            MemberRow.practice_id == practice_id, MemberRow.user_id == user_id
        )
        self.s.execute(stmt.values(chosen_at=now))


def _member(row: Any) -> Member:
    return Member(row.practice_id, row.user_id, row.name, Role(row.role), row.guest, row.active)


class SqlLeads:
    def __init__(self, session: Session) -> None:
        self.s = session

    def list(self, practice_id: int) -> tuple[str, ...]:
        return tuple(sorted(read(self.s, _LEADS, practice=practice_id).scalars()))

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
        return {
            SpacePurpose(r.purpose): Space(
                r.practice_id, SpacePurpose(r.purpose), r.channel_id, r.name
            )
            for r in read(self.s, _SPACES, practice=practice_id)
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
