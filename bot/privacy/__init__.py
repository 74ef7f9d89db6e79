"""Privacy: the patient-identifier guard and the crisis-words detector (pure, never logged)."""

from bot.privacy.crisis import mentions_crisis
from bot.privacy.guard import (
    REDACTED,
    Finding,
    FindingKind,
    is_valid_nhs_number,
    redact,
    scan,
)

__all__ = [
    "REDACTED",
    "Finding",
    "FindingKind",
    "is_valid_nhs_number",
    "mentions_crisis",
    "redact",
    "scan",
]
