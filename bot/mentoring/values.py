"""Mentoring profiles, matches and their buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum


class MatchStatus(StrEnum):
    PROPOSED = "proposed"  # both asked; nobody introduced yet
    ACTIVE = "active"  # both said yes and were introduced
    DECLINED = "declined"  # one said not this one (the other is not told why)
    ENDED = "ended"


class Side(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"


class MentorAction(StrEnum):
    PROFILE = "mentoring.profile"
    FIND = "mentoring.find"
    ACCEPT = "mentoring.accept"  # value: a match id
    DECLINE = "mentoring.decline"  # value: a match id
    SLOT = "mentoring.slot"  # value: a match id
    END = "mentoring.end"  # value: a match id


@dataclass(frozen=True, slots=True)
class Profile:
    """What a GP says about mentoring: offering, looking, or both."""

    practice_id: int
    user_id: str
    offering: bool
    seeking: bool
    years: int  # since registration, as a band's lower end
    interests: tuple[str, ...] = ()
    line_manager: str = ""  # never proposed as their mentor


@dataclass(frozen=True, slots=True)
class MentorSlot:
    """The regular time blocked off, in the practice's local time."""

    weekday: int
    start: time
    minutes: int
    every_weeks: int
    anchor: date


@dataclass(frozen=True, slots=True)
class Match:
    id: int
    practice_id: int
    mentor: str
    mentee: str
    status: MatchStatus
    mentor_ok: bool = False
    mentee_ok: bool = False
    slot: MentorSlot | None = None

    def side(self, user: str) -> Side | None:
        if user == self.mentor:
            return Side.MENTOR
        return Side.MENTEE if user == self.mentee else None

    def other(self, user: str) -> str:
        return self.mentee if user == self.mentor else self.mentor
