"""Coffee pairing's settings, rounds and buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PairingAction(StrEnum):
    """Buttons under pairing messages, and home controls."""

    JOIN = "pairing.join"
    LEAVE = "pairing.leave"
    SKIP = "pairing.skip"  # value: a round id
    MET = "pairing.met"  # value: a round id
    MISSED = "pairing.missed"  # value: a round id
    SETTINGS = "pairing.settings"  # leads: how often
    NOW = "pairing.now"  # leads: pair this week's round now


@dataclass(frozen=True, slots=True)
class PairingSettings:
    """How often a practice's rounds come round (0: off), counted in weeks from `anchor`."""

    practice_id: int
    every_weeks: int
    anchor: date


@dataclass(frozen=True, slots=True)
class Round:
    """One round of coffee pairing: announced, then drawn, then followed up."""

    id: int
    practice_id: int
    week: str
    announced_on: date
    drawn_on: date | None = None
    followed_up: bool = False
