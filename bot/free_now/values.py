"""How long a GP is free for, and the buttons that say so."""

from __future__ import annotations

from enum import StrEnum


class Span(StrEnum):
    """Until when."""

    HALF_HOUR = "30m"
    SESSION = "session"  # until their next surgery starts (or the end of the day)
    TODAY = "today"  # until their quiet hours begin


class FreeAction(StrEnum):
    """Home controls."""

    MARK = "free.mark"  # value: a Span
    STOP = "free.stop"
