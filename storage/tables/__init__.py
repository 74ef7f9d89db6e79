"""The tables, as SQLAlchemy 2.0 typed models; Alembic migrations must match these."""

from storage.tables.base import Base, Timestamp
from storage.tables.people import (
    AuditRow,
    ContactRow,
    LeadRow,
    MemberRow,
    OutboxRow,
    PracticeRow,
    ProcessedEventRow,
    SpaceRow,
)
from storage.tables.posts import AnswerRow, QuestionRow, RantRow
from storage.tables.week import (
    CheckinRow,
    ClosureRow,
    LeaveRow,
    NudgeRow,
    PreferenceRow,
    SlotAnswerRow,
    SlotRow,
)

__all__ = [
    "AnswerRow",
    "AuditRow",
    "Base",
    "CheckinRow",
    "ClosureRow",
    "ContactRow",
    "LeadRow",
    "LeaveRow",
    "MemberRow",
    "NudgeRow",
    "OutboxRow",
    "PracticeRow",
    "PreferenceRow",
    "ProcessedEventRow",
    "QuestionRow",
    "RantRow",
    "SlotAnswerRow",
    "SlotRow",
    "SpaceRow",
    "Timestamp",
]
