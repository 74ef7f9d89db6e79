"""A rant and where it goes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class RantDestination(StrEnum):
    """Where a rant goes; the GP chooses."""

    JUST_OUT = "just_out"  # nobody sees it, nothing is kept
    COLLEAGUE = "colleague"
    SPACE = "space"  # the rant space, as themselves
    SPACE_ANONYMOUS = "space_anonymous"


@dataclass(frozen=True, slots=True)
class Rant:
    """A rant that went somewhere. Its words are not kept; who wrote an anonymous one is sealed."""

    id: str
    practice_id: int
    destination: RantDestination
    author: str  # '' when anonymous
    author_sealed: str  # set only when anonymous, until the rant expires
    colleague: str
    created_at: datetime
    expires_at: datetime


class RantAction(StrEnum):
    """Buttons under a rant."""

    HEAR_YOU = "rant.hear_you"
    COFFEE = "rant.coffee"
