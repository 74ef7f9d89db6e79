"""Practices, members, leads, spaces, handled events, the outbox, the audit log, contacts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables.base import Base, Timestamp


class PracticeRow(Base):
    __tablename__ = "practices"
    __table_args__ = (
        UniqueConstraint("platform", "workspace_id", "name"),
        UniqueConstraint("channel_id", "platform", "workspace_id"),  # one practice per channel
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    # The channel whose members are the practice's (a PCN's practices share one workspace);
    # None: everyone in the workspace belongs, as a new workspace starts.
    channel_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    timezone: Mapped[str] = mapped_column(String(64))
    holiday_region: Mapped[str] = mapped_column(
        String(24), default="england-wales", server_default="england-wales"
    )
    # What members who have not chosen their own settings get (bot.core.values.WeekDefaults).
    default_nudges_on: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    default_checkins_on: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    default_weekday: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    default_hour: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="not_set")
    guest: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)
    # When a locum in several practices last chose to act for this one (None: never chose).
    chosen_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)


class LeadRow(Base):
    __tablename__ = "leads"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(Timestamp)


class SpaceRow(Base):
    __tablename__ = "spaces"
    __table_args__ = (UniqueConstraint("practice_id", "purpose"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(16))
    channel_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class ProcessedEventRow(Base):
    """Inbound events already handled; the key alone, never who or what."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(Timestamp, index=True)


class OutboxRow(Base):
    """Every send the bot makes, claimed before it goes out."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_outbox_post", "post"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(Text)  # sealed when target_sealed
    target_sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)  # cleared once sent
    notify_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(Timestamp)
    claimed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    sent_channel: Mapped[str | None] = mapped_column(String(64), nullable=True)
    sent_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(64), nullable=True)  # a code, never text
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True)  # what a DELETE removes
    post: Mapped[str | None] = mapped_column(String(36), nullable=True)  # the rant or question
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class AuditRow(Base):
    """Every change to settings: who (a lead), what, when."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)  # JSON
    at: Mapped[datetime] = mapped_column(Timestamp, index=True)


class ContactRow(Base):
    """Two GPs who have helped each other through Coffee Room (never from anonymous posts)."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("practice_id", "a", "b"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    a: Mapped[str] = mapped_column(String(64))
    b: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(Timestamp)
