"""The practice's week, shared by every capability: slots, closures, a GP's preferences."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from bot.core.calendar import Region, WorkingPattern, is_bank_holiday


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
