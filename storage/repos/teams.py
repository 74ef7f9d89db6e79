"""Teams' own records: conversation references, installs, and people's Teams ids."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.core.values import ConversationRef, Platform
from storage.tables import (
    MemberRow,
    PracticeRow,
    TeamsConversationRow,
    TeamsInstallRow,
    TeamsPersonRow,
)


class SqlTeams:
    def __init__(self, session: Session) -> None:
        self.s = session

    # --- conversation references ---------------------------------------------------------
    def remember(self, ref: ConversationRef, now: datetime) -> None:
        """Keep (or refresh) where the bot can speak again: learnt on every activity."""
        stmt = select(TeamsConversationRow).where(
            TeamsConversationRow.conversation_id == ref.conversation
        )
        row = self.s.scalars(stmt).first()
        values = (ref.kind, ref.service_url, ref.tenant, ref.team, ref.person)
        if (
            row is not None
            and (row.kind, row.service_url, row.tenant_id, row.team_id, row.person) == values
        ):
            return  # unchanged: no new timestamp that could be set beside an anonymous post's
        if row is None:
            row = TeamsConversationRow(conversation_id=ref.conversation)
            self.s.add(row)
        row.kind, row.service_url, row.tenant_id = ref.kind, ref.service_url, ref.tenant
        row.team_id = ref.team or row.team_id or ""
        row.person = ref.person or row.person or ""
        row.updated_at = now
        self.s.flush()

    def personal(self, person: str) -> ConversationRef | None:
        """The personal chat with someone, if the bot has one."""
        stmt = (
            select(TeamsConversationRow)
            .where(TeamsConversationRow.person == person, TeamsConversationRow.kind == "personal")
            .order_by(TeamsConversationRow.updated_at.desc())
        )
        row = self.s.scalars(stmt).first()
        return _ref(row) if row else None

    def conversation(self, conversation_id: str) -> ConversationRef | None:
        stmt = select(TeamsConversationRow).where(
            TeamsConversationRow.conversation_id == conversation_id
        )
        row = self.s.scalars(stmt).first()
        return _ref(row) if row else None

    def in_team(self, team_id: str) -> ConversationRef | None:
        """Any conversation of the team (for its service URL and tenant)."""
        stmt = (
            select(TeamsConversationRow)
            .where(TeamsConversationRow.team_id == team_id)
            .order_by(TeamsConversationRow.updated_at.desc())
        )
        row = self.s.scalars(stmt).first()
        return _ref(row) if row else None

    # --- installs --------------------------------------------------------------------------
    def install(self, ref: ConversationRef, name: str, installer: str, now: datetime) -> bool:
        """Record the app installed in a team; True when it is new (or back after removal)."""
        row = self._install(ref.team)
        fresh = row is None or not row.active
        if row is None:
            row = TeamsInstallRow(team_id=ref.team, installer=installer)
            self.s.add(row)
        row.name = name or row.name or ""
        row.tenant_id, row.service_url, row.active, row.updated_at = (
            ref.tenant,
            ref.service_url,
            True,
            now,
        )
        if fresh and installer:
            row.installer = installer
        self.s.flush()
        return fresh

    def uninstall(self, team_id: str, now: datetime) -> None:
        stmt = update(TeamsInstallRow).where(TeamsInstallRow.team_id == team_id)
        self.s.execute(stmt.values(active=False, updated_at=now))

    def installer(self, team_id: str) -> str:
        row = self._install(team_id)
        return row.installer if row else ""

    def team_name(self, team_id: str) -> str:
        row = self._install(team_id)
        return row.name if row else ""

    def installed(self) -> list[str]:
        """The teams the app is installed in now."""
        stmt = select(TeamsInstallRow.team_id).where(TeamsInstallRow.active.is_(True))
        return list(self.s.scalars(stmt.order_by(TeamsInstallRow.id)))

    def _install(self, team_id: str) -> TeamsInstallRow | None:
        stmt = select(TeamsInstallRow).where(TeamsInstallRow.team_id == team_id)
        return self.s.scalars(stmt).first()

    # --- people ----------------------------------------------------------------------------
    def person(self, person: str, teams_id: str, name: str, now: datetime) -> None:
        """Keep someone's Teams id (mentions and new chats need it) and name."""
        row = self._person(person)
        if row is not None and row.teams_id == teams_id and (row.name == name or not name):
            return  # unchanged: no new timestamp (see `remember`)
        if row is None:
            row = TeamsPersonRow(person=person, chosen_team="", unreachable=False)
            self.s.add(row)
        row.teams_id, row.name, row.updated_at = teams_id, name or row.name or "", now
        self.s.flush()

    def teams_id(self, person: str) -> tuple[str, str] | None:
        """(Teams id, name) of someone the bot has seen."""
        row = self._person(person)
        return (row.teams_id, row.name) if row else None

    def choose(self, person: str, team_id: str, now: datetime) -> None:
        stmt = update(TeamsPersonRow).where(TeamsPersonRow.person == person)
        self.s.execute(stmt.values(chosen_team=team_id, updated_at=now))

    def chosen(self, person: str) -> str:
        row = self._person(person)
        return row.chosen_team if row else ""

    def reachable(self, person: str, yes: bool, now: datetime) -> None:
        """Whether a private chat could be opened with someone (the app installed for them)."""
        stmt = update(TeamsPersonRow).where(TeamsPersonRow.person == person)
        self.s.execute(stmt.values(unreachable=not yes, updated_at=now))

    def unreachable(self, team_id: str) -> int:
        """How many active members of a team's practice the bot cannot message privately."""
        stmt = (
            select(func.count())
            .select_from(TeamsPersonRow)
            .join(MemberRow, MemberRow.user_id == TeamsPersonRow.person)
            .join(PracticeRow, PracticeRow.id == MemberRow.practice_id)
            .where(*_teams_practice(team_id), MemberRow.active.is_(True))
            .where(TeamsPersonRow.unreachable.is_(True))
        )
        return int(self.s.scalar(stmt) or 0)

    def teams_of(self, person: str) -> list[tuple[str, str]]:
        """(team id, name) of every installed team whose practice counts them as a member."""
        stmt: Any = (
            select(PracticeRow.workspace_id, TeamsInstallRow.name)
            .join(MemberRow, MemberRow.practice_id == PracticeRow.id)
            .join(TeamsInstallRow, TeamsInstallRow.team_id == PracticeRow.workspace_id)
            .where(PracticeRow.platform == Platform.TEAMS.value, MemberRow.user_id == person)
            .where(MemberRow.active.is_(True), TeamsInstallRow.active.is_(True))
            .distinct()
            .order_by(PracticeRow.workspace_id)
        )
        return [(str(team), str(name)) for team, name in self.s.execute(stmt)]

    def _person(self, person: str) -> TeamsPersonRow | None:
        stmt = select(TeamsPersonRow).where(TeamsPersonRow.person == person)
        return self.s.scalars(stmt).first()


def _teams_practice(team_id: str) -> tuple[Any, ...]:
    return (PracticeRow.platform == Platform.TEAMS.value, PracticeRow.workspace_id == team_id)


def _ref(row: TeamsConversationRow) -> ConversationRef:
    return ConversationRef(
        conversation=row.conversation_id,
        kind=row.kind,
        service_url=row.service_url,
        tenant=row.tenant_id,
        team=row.team_id,
        person=row.person,
    )
