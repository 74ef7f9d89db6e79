"""Rants, questions and answers: who wrote them (sealed when anonymous), never their words."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.tables.base import Base, Timestamp


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
    expired_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True, index=True)


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
    expired_at: Mapped[datetime | None] = mapped_column(Timestamp, nullable=True, index=True)


class AnswerRow(Base):
    """An answer to a question: never its words; an anonymous helper only sealed."""

    __tablename__ = "answers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    question_id: Mapped[str] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    helper: Mapped[str | None] = mapped_column(String(64), nullable=True)  # NULL if anonymous
    helper_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    helpful: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
