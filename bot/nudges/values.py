"""Buttons under a nudge: what a tap means."""

from __future__ import annotations

from enum import StrEnum


class NudgeAction(StrEnum):
    """Buttons under a nudge."""

    SNOOZE = "nudge.snooze"
    OFF = "nudge.off"
