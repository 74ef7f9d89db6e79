"""A question, its topic and urgency, and its answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Topic(StrEnum):
    """What a question is about (optional)."""

    CLINICAL = "clinical"
    PRESCRIBING = "prescribing"
    REFERRALS = "referrals"
    ADMIN = "admin"
    SAFEGUARDING = "safeguarding"
    OTHER = "other"


class Urgency(StrEnum):
    """How soon the asker would like an answer (optional)."""

    NOW = "now"
    TODAY = "today"
    THIS_WEEK = "this_week"


@dataclass(frozen=True, slots=True)
class Question:
    """A question run past colleagues. Its words are not kept once posted."""

    id: str
    practice_id: int
    asker: str  # '' when anonymous
    asker_sealed: str
    anonymous: bool
    colleague: str  # '' when it went to the advice space
    topic: Topic | None
    urgency: Urgency | None
    created_at: datetime
    expires_at: datetime
    channel: str = ""  # where it landed, once it has
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to a question; its words are not kept once delivered."""

    id: str
    question_id: str
    helper: str  # '' when anonymous
    helper_sealed: str
    anonymous: bool
    created_at: datetime
    helpful: bool = False


FREE_NOW = "(free now)"  # a question's `colleague` when it went to colleagues free now


class AdviceAction(StrEnum):
    """Buttons under a question and an answer."""

    ANSWER = "question.answer"
    CAN_HELP = "question.can_help"
    HELPFUL = "answer.helpful"
