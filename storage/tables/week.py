"""The practice's week: protected time, closures, preferences, leave, check-ins, nudges."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables.base import Base, Timestamp


class SlotRow(Base):
    """A recurring protected-time slot, in local wall-clock time."""

    __tablename__ = "protected_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
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
    __table_args__ = (Index("ix_leave_practice_id_user_id", "practice_id", "user_id"),)

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
