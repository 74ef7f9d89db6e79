"""The tables, as SQLAlchemy 2.0 typed models; Alembic migrations must match these."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so Alembic (and SQLite batch mode) can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Timestamps are stored as UTC; SQLite hands them back naive, the repositories re-attach UTC.
Timestamp = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PracticeRow(Base):
    __tablename__ = "practices"
    __table_args__ = (UniqueConstraint("platform", "workspace_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    holiday_region: Mapped[str] = mapped_column(
        String(24), default="england-wales", server_default="england-wales"
    )
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
    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"),)

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


class RantRow(Base):
    """A rant that went somewhere: never its words; an anonymous author only sealed."""

    __tablename__ = "rants"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    destination: Mapped[str] = mapped_column(String(24))
    author: Mapped[str | None] = mapped_column(String(64), nullable=True)  # NULL if anonymous
    author_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    colleague: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    expires_at: Mapped[datetime] = mapped_column(Timestamp, index=True)
    expired_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)


class QuestionRow(Base):
    """A question run past colleagues: never its words; an anonymous asker only sealed."""

    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    asker: Mapped[str | None] = mapped_column(String(64), nullable=True)  # NULL if anonymous
    asker_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    colleague: Mapped[str | None] = mapped_column(String(64), nullable=True)
    topic: Mapped[str | None] = mapped_column(String(24), nullable=True)
    urgency: Mapped[str | None] = mapped_column(String(24), nullable=True)
    channel: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ref: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    expires_at: Mapped[datetime] = mapped_column(Timestamp, index=True)
    expired_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)


class AnswerRow(Base):
    """An answer to a question: never its words; an anonymous helper only sealed."""

    __tablename__ = "answers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    helper: Mapped[str | None] = mapped_column(String(64), nullable=True)  # NULL if anonymous
    helper_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    helpful: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class SlotRow(Base):
    """A recurring protected-time slot, in local wall-clock time."""

    __tablename__ = "protected_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(64))
    channel_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(24))
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(5))  # "10:30", local
    minutes: Mapped[int] = mapped_column(Integer)
    every_weeks: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class ClosureRow(Base):
    """A closure or protected-learning (half) day."""

    __tablename__ = "closures"
    __table_args__ = (UniqueConstraint("practice_id", "day", "part"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    part: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(16))


class SlotAnswerRow(Base):
    """'I'm in' / 'Can't today' and 'Did you get to take it?', one per person per occurrence."""

    __tablename__ = "slot_answers"
    __table_args__ = (UniqueConstraint("slot_id", "occurs_on", "user_id", "phase"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("protected_slots.id", ondelete="CASCADE"))
    occurs_on: Mapped[date] = mapped_column(Date)
    user_id: Mapped[str] = mapped_column(String(64))
    phase: Mapped[str] = mapped_column(String(16))
    answer: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(Timestamp)


class PreferenceRow(Base):
    """A GP's own settings; no row means the defaults."""

    __tablename__ = "preferences"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    sessions: Mapped[str | None] = mapped_column(String(120), nullable=True)  # None: default
    quiet_start: Mapped[str] = mapped_column(String(5), default="19:00")
    quiet_end: Mapped[str] = mapped_column(String(5), default="08:00")
    nudges_on: Mapped[bool] = mapped_column(Boolean, default=True)
    checkins_on: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    snoozed_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class LeaveRow(Base):
    """A GP's leave, inclusive dates."""

    __tablename__ = "leave"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)


class CheckinRow(Base):
    """A weekly check-in; the row is also the claim that it was sent once."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("practice_id", "user_id", "week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    week: Mapped[str] = mapped_column(String(10))
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class NudgeRow(Base):
    """The weekly nudge a GP got; the row is also the claim: one per person per week."""

    __tablename__ = "nudges"
    __table_args__ = (UniqueConstraint("practice_id", "user_id", "week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    week: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(24))
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class ContactRow(Base):
    """Two GPs who have helped each other through Coffee Room (never from anonymous posts)."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("practice_id", "a", "b"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    a: Mapped[str] = mapped_column(String(64))
    b: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(Timestamp)
