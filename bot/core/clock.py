"""Clocks: the system's, a fixed one for trials and tests (`--now`), and a fast one for
development and tests (a simulated week in a minute or two)."""

from __future__ import annotations

from collections.abc import Callable
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


class SimulatedClock:
    """A clock that reads `start` at the real moment `epoch` and runs `speed` times as fast as
    the real clock. Processes given the same start, epoch and speed share one timeline, however
    far apart they were started. Never in production (settings refuse it there)."""

    def __init__(
        self,
        start: datetime,
        speed: float,
        epoch: datetime | None = None,
        real: Callable[[], datetime] | None = None,
    ) -> None:
        if start.tzinfo is None or (epoch is not None and epoch.tzinfo is None):
            raise ValueError("SimulatedClock needs aware datetimes")
        if speed <= 0:
            raise ValueError("SimulatedClock needs a positive speed")
        self.start = start
        self.speed = speed
        self.real = real or SystemClock().now
        self.epoch = epoch or self.real()

    def now(self) -> datetime:
        return self.start + (self.real() - self.epoch) * self.speed


def speed_of(clock: object) -> float:
    """How many seconds `clock` moves in one real second (1 for the system's clock)."""
    return clock.speed if isinstance(clock, SimulatedClock) else 1.0
