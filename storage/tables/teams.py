"""Microsoft Teams: where the bot can speak (conversation references), installs, and people.

Teams ids are long (a personal chat's id runs past a hundred characters), so they live here,
in wide columns, and the domain sees only short, stable ones: a person's Entra object id and
the team's id.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables.base import Base, Timestamp

LONG = 400  # conversation ids and service URLs: Teams says nothing of a limit; these are ample


class TeamsConversationRow(Base):
    """A conversation the bot may post into: a personal chat, a channel, a group chat."""

    __tablename__ = "teams_conversations"
    __table_args__ = (
        UniqueConstraint("conversation_id"),
        Index("ix_teams_conversations_person", "person"),
        Index("ix_teams_conversations_team", "team_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(LONG))
    kind: Mapped[str] = mapped_column(String(16))  # personal, channel, groupChat
    service_url: Mapped[str] = mapped_column(String(LONG))
    tenant_id: Mapped[str] = mapped_column(String(64))
    team_id: Mapped[str] = mapped_column(String(64), default="")  # '' outside a team
    person: Mapped[str] = mapped_column(String(64), default="")  # a personal chat's person
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class TeamsInstallRow(Base):
    """A team the app is installed in: who installed it (the first lead) and where it lives."""

    __tablename__ = "teams_installs"
    __table_args__ = (UniqueConstraint("team_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str] = mapped_column(String(64))
    service_url: Mapped[str] = mapped_column(String(LONG))
    installer: Mapped[str] = mapped_column(String(64))  # an Entra object id
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class TeamsPersonRow(Base):
    """A person's Teams id (29:…, what mentions and new chats need) and their chosen team."""

    __tablename__ = "teams_people"
    __table_args__ = (UniqueConstraint("person"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person: Mapped[str] = mapped_column(String(64))  # the Entra object id the domain uses
    teams_id: Mapped[str] = mapped_column(String(LONG))
    name: Mapped[str] = mapped_column(String(200))
    chosen_team: Mapped[str] = mapped_column(String(64), default="")  # for the personal chat
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)  # no chat can be opened
    updated_at: Mapped[datetime] = mapped_column(Timestamp)
