"""Connections: free now, pooled work, mentoring, coffee pairing and welcomes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables.base import Base, Timestamp


class FreeRow(Base):
    """A GP free now, until a moment (lapses by itself)."""

    __tablename__ = "free_now"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    until: Mapped[datetime] = mapped_column(Timestamp, index=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class PoolRow(Base):
    """A request to pool the work; its words are not kept."""

    __tablename__ = "pools"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    asker: Mapped[str] = mapped_column(String(64))
    due: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    withdrawn_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)


class PoolTaskRow(Base):
    """One kind of task in a pool: taken whole by exactly one colleague."""

    __tablename__ = "pool_tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pool_id: Mapped[str] = mapped_column(ForeignKey("pools.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    how_many: Mapped[int] = mapped_column(Integer)
    claimed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    thanked: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)


class MentorProfileRow(Base):
    """What a GP says about mentoring."""

    __tablename__ = "mentor_profiles"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    offering: Mapped[bool] = mapped_column(Boolean, default=False)
    seeking: Mapped[bool] = mapped_column(Boolean, default=False)
    years: Mapped[int] = mapped_column(Integer)
    interests: Mapped[str] = mapped_column(String(400), default="")
    line_manager: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class MentorMatchRow(Base):
    """A proposed, active, declined or ended mentoring match, and its regular slot."""

    __tablename__ = "mentor_matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    mentor: Mapped[str] = mapped_column(String(64))
    mentee: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    mentor_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    mentee_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    weekday: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start: Mapped[str | None] = mapped_column(String(5), nullable=True)
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    every_weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anchor: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class PairingSettingsRow(Base):
    """How often a practice's coffee pairing runs (0: off), from an anchor week."""

    __tablename__ = "pairing_settings"
    __table_args__ = (UniqueConstraint("practice_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    every_weeks: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class PairingMemberRow(Base):
    """A GP's opt-in to coffee pairing."""

    __tablename__ = "pairing_members"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    opted_in: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class PairingRoundRow(Base):
    """One round, claimed by a unique (practice, week) row."""

    __tablename__ = "pairing_rounds"
    __table_args__ = (UniqueConstraint("practice_id", "week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    week: Mapped[str] = mapped_column(String(10))
    announced_on: Mapped[date] = mapped_column(Date)
    drawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    followed_up: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class PairingPlaceRow(Base):
    """Who was in which group of a round, and whether they said they met."""

    __tablename__ = "pairing_places"
    __table_args__ = (UniqueConstraint("round_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("pairing_rounds.id", ondelete="CASCADE"))
    group_no: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str] = mapped_column(String(64))
    met: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class PairingSkipRow(Base):
    """'Skip this round'."""

    __tablename__ = "pairing_skips"
    __table_args__ = (UniqueConstraint("round_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("pairing_rounds.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))


class WelcomeRow(Base):
    """Whether a member was offered an introduction, and who is their buddy."""

    __tablename__ = "welcomes"
    __table_args__ = (UniqueConstraint("practice_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    buddy: Mapped[str] = mapped_column(String(64), default="")
    asked: Mapped[str] = mapped_column(String(400), default="")
    updated_at: Mapped[datetime] = mapped_column(Timestamp)
