"""Domain values for the practice's week: protected time, closures, preferences, check-ins."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from bot.calendar import WorkingPattern


class SlotKind(StrEnum):
    """What a protected-time slot is for."""

    COFFEE = "coffee"
    CASE_DISCUSSION = "case_discussion"
    REFLECTION = "reflection"


class Phase(StrEnum):
    """The three moments of each protected-time occurrence (none of them is a nudge)."""

    REMINDER = "reminder"  # 10 minutes before: "Coffee in 10 minutes?"
    STARTER = "starter"  # at the start: a discussion starter
    FOLLOW_UP = "follow_up"  # at the end: "Did you get to take it?"


class DayPart(StrEnum):
    """Which part of a day a closure covers."""

    ALL = "all"
    AM = "am"
    PM = "pm"


@dataclass(frozen=True, slots=True)
class Slot:
    """A recurring protected-time slot, in the practice's local time."""

    id: int
    practice_id: int
    channel_id: str
    channel_name: str
    kind: SlotKind
    weekday: int  # Monday is 0
    start: time
    minutes: int
    every_weeks: int  # 1 weekly, 2 fortnightly
    anchor: date  # the first week it may happen


@dataclass(frozen=True, slots=True)
class Closure:
    """A day (or half day) the practice is closed or in protected learning time."""

    practice_id: int
    day: date
    part: DayPart
    reason: str  # 'closed' or 'plt'


@dataclass(frozen=True, slots=True)
class Preferences:
    """One GP's settings; the defaults are product.md's (nudges on, check-ins opt-in)."""

    practice_id: int
    user_id: str
    pattern: WorkingPattern = field(default_factory=WorkingPattern)
    nudges_on: bool = True
    checkins_on: bool = False
    snoozed_until: date | None = None
    customised: bool = False  # whether they have set their own working pattern


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A weekly check-in: only its GP ever sees the answer."""

    id: int
    practice_id: int
    user_id: str
    week: str
    score: int | None
