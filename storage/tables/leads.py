"""The leads' console: practice-wide settings and before-and-after reviews (aggregates only)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables.base import Base, Timestamp


class PracticeSettingRow(Base):
    """What leads set for the whole practice; no row means the defaults."""

    __tablename__ = "practice_settings"
    __table_args__ = (UniqueConstraint("practice_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    rant_days: Mapped[int] = mapped_column(Integer, default=7)
    anonymous_rants: Mapped[bool] = mapped_column(Boolean, default=True)
    anonymous_advice: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(Timestamp)


class ReviewRow(Base):
    """A 12-week before-and-after review: its baseline is aggregates only, never a person."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True
    )
    started_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    baseline: Mapped[str] = mapped_column(Text)  # JSON: the figures as shown, already protected
    reported_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
