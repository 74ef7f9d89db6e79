"""The tables, as SQLAlchemy 2.0 typed models; Alembic migrations must match these."""

from storage.tables.base import Base, Timestamp
from storage.tables.connections import (
    FreeRow,
    MentorMatchRow,
    MentorProfileRow,
    PairingMemberRow,
    PairingPlaceRow,
    PairingRoundRow,
    PairingSettingsRow,
    PairingSkipRow,
    PoolRow,
    PoolTaskRow,
    WelcomeRow,
)
from storage.tables.leads import PracticeSettingRow, ReviewRow
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
from storage.tables.slack_oauth import SlackBotRow, SlackInstallationRow, SlackOAuthStateRow
from storage.tables.teams import TeamsConversationRow, TeamsInstallRow, TeamsPersonRow
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
    "FreeRow",
    "LeadRow",
    "LeaveRow",
    "MemberRow",
    "MentorMatchRow",
    "MentorProfileRow",
    "NudgeRow",
    "OutboxRow",
    "PairingMemberRow",
    "PairingPlaceRow",
    "PairingRoundRow",
    "PairingSettingsRow",
    "PairingSkipRow",
    "PoolRow",
    "PoolTaskRow",
    "PracticeRow",
    "PracticeSettingRow",
    "PreferenceRow",
    "ProcessedEventRow",
    "QuestionRow",
    "RantRow",
    "ReviewRow",
    "SlackBotRow",
    "SlackInstallationRow",
    "SlackOAuthStateRow",
    "SlotAnswerRow",
    "SlotRow",
    "SpaceRow",
    "TeamsConversationRow",
    "TeamsInstallRow",
    "TeamsPersonRow",
    "Timestamp",
    "WelcomeRow",
]
