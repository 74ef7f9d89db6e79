"""Clocks: the system's, and a fixed one for trials and tests (`--now`)."""

from __future__ import annotations

from datetime import UTC, datetime


class SystemClock:
    """The real time, in UTC; the one place the app reads it."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that says what it is told, for tests and `--now` trials."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.at = at

    def now(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        """Move the clock to another moment."""
        self.at = at
