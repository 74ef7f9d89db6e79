"""A welcome's state and buttons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WelcomeStatus(StrEnum):
    SETTLED = "settled"  # here before Coffee Room began: not a newcomer
    OFFERED = "offered"  # asked whether they would like an introduction
    ACCEPTED = "accepted"
    DECLINED = "declined"


class WelcomeAction(StrEnum):
    YES = "welcome.yes"
    NO = "welcome.no"
    BUDDY_YES = "welcome.buddy_yes"  # value: the newcomer's user id
    BUDDY_NO = "welcome.buddy_no"  # value: the newcomer's user id


@dataclass(frozen=True, slots=True)
class Welcome:
    practice_id: int
    user_id: str
    status: WelcomeStatus
    buddy: str = ""  # who said yes to being their buddy
    asked: tuple[str, ...] = ()  # who has been asked to be their buddy, in order
