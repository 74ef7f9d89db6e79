"""The moments of a protected-time occurrence."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """The three moments of each protected-time occurrence (none of them is a nudge)."""

    REMINDER = "reminder"  # 10 minutes before: "Coffee in 10 minutes?"
    STARTER = "starter"  # at the start: a discussion starter
    FOLLOW_UP = "follow_up"  # at the end: "Did you get to take it?"


class SlotAction(StrEnum):
    """Buttons under protected time's messages."""

    IN = "pt.in"
    OUT = "pt.out"
    YES = "pt.yes"
    PARTLY = "pt.partly"
    NO = "pt.no"
