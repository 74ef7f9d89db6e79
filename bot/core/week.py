"""The practice's week, shared by every capability: slots, closures, a GP's preferences."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum

from bot.core.calendar import Region, WorkingPattern, is_bank_holiday
from bot.core.values import Practice


class SlotKind(StrEnum):
    """What a protected-time slot is for."""

    COFFEE = "coffee"
    CASE_DISCUSSION = "case_discussion"
    REFLECTION = "reflection"


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
    own: bool = False  # whether they have saved settings of their own (else the practice's)


def with_defaults(prefs: Preferences, practice: Practice) -> Preferences:
    """A member who has chosen nothing gets the practice's defaults; their own choices stand."""
    if prefs.own:
        return prefs
    chosen = practice.defaults
    return replace(prefs, nudges_on=chosen.nudges_on, checkins_on=chosen.checkins_on)


def moment_come(prefs: Preferences, practice: Practice, now: datetime) -> bool:
    """Whether a nudge or check-in may go now: whoever chose their own settings at any free
    moment of the week, everyone else from the practice's moment on."""
    return prefs.own or practice.defaults.reached(now, practice.timezone)


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A weekly check-in: only its GP ever sees the answer."""

    id: int
    practice_id: int
    user_id: str
    week: str
    score: int | None


NOON_ISH = time(13, 0)  # a closed or protected-learning morning ends, an afternoon begins


def closed(day: date, at: time, region: Region, closures: list[Closure]) -> bool:
    """Whether the practice is shut then: a bank holiday, or a closed or PLT (half) day."""
    if is_bank_holiday(day, region):
        return True
    part = DayPart.AM if at < NOON_ISH else DayPart.PM
    return any(c.day == day and c.part in (DayPart.ALL, part) for c in closures)


def skipped(slot: Slot, day: date, region: Region, closures: list[Closure]) -> bool:
    """Bank holidays and the practice's closed or protected-learning (half) days are skipped."""
    return closed(day, slot.start, region, closures)
