"""Buttons under a check-in: what a tap means."""

from __future__ import annotations

from enum import StrEnum


class CheckinAction(StrEnum):
    """Buttons under a check-in."""

    SCORE = "checkin.score"
    MATCH = "checkin.match"
    CHOOSE = "checkin.choose"
    NO = "checkin.no"
    SKIP = "checkin.skip"  # not this week: nothing is saved
