"""Practices, their members, leads and shared spaces."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
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
from storage.repos.common import insert_ignoring_duplicates
from storage.tables import (
    LeadRow,
    MemberRow,
    PracticeRow,
    SpaceRow,
)


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
        stmt = (
            select(PracticeRow)
            .where(PracticeRow.platform == platform, PracticeRow.workspace_id == workspace_id)
            .order_by(PracticeRow.id)
        )
        return [_practice(r) for r in self.s.scalars(stmt)]

    def joined(self, platform: Platform, workspace_id: str, user_id: str) -> list[Practice]:
        stmt = (
            select(PracticeRow)
            .join(MemberRow, MemberRow.practice_id == PracticeRow.id)
            .where(
                PracticeRow.platform == platform,
                PracticeRow.workspace_id == workspace_id,
                MemberRow.user_id == user_id,
                MemberRow.active.is_(True),
            )
            .order_by(MemberRow.chosen_at.desc().nulls_last(), MemberRow.id)
        )
        return [_practice(r) for r in self.s.scalars(stmt)]

    def define(self, practice_id: int, *, name: str, channel_id: str | None) -> None:
        stmt = update(PracticeRow).where(PracticeRow.id == practice_id)
        self.s.execute(stmt.values(name=name, channel_id=channel_id))

    def set_timezone(self, practice_id: int, timezone: str) -> None:
        stmt = update(PracticeRow).where(PracticeRow.id == practice_id)
        self.s.execute(stmt.values(timezone=timezone))


def _practice(row: PracticeRow) -> Practice:
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

    def choose(self, practice_id: int, user_id: str, now: datetime) -> None:
        stmt = update(MemberRow).where(
            MemberRow.practice_id == practice_id, MemberRow.user_id == user_id
        )
        self.s.execute(stmt.values(chosen_at=now))


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
