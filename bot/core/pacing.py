"""Pacing: once a platform says 'too many' for a workspace, nothing more goes to that workspace
until the time it gave has passed; other workspaces carry on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from datetime import timedelta

MAX_BACKOFF = timedelta(minutes=10)


def backoff(attempts: int, retry_after: float | None) -> timedelta:
    """How long a send that failed for now waits: the platform's Retry-After when it gave one,
    else twice as long after each attempt, at most ten minutes."""
    if retry_after is not None:
        return timedelta(seconds=retry_after)
    return min(timedelta(seconds=2**attempts), MAX_BACKOFF)


class Pacer:
    """Remembers, per place (a platform's workspace), until when it asked us to wait."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        # `now` in seconds: the outbox passes its clock's, so a test's fixed clock paces too.
        self._now = now
        self._until: dict[Hashable, float] = {}
        self._lock = threading.Lock()

    def hold(self, place: Hashable, seconds: float) -> None:
        """Send nothing to `place` for `seconds` (the platform's Retry-After)."""
        with self._lock:
            until = self._now() + max(seconds, 0.0)
            self._until[place] = max(until, self._until.get(place, 0.0))

    def waiting(self, place: Hashable) -> bool:
        with self._lock:
            return self._until.get(place, 0.0) > self._now()

    def remaining(self) -> float:
        """Seconds until the first held place may be sent to again (0 when none is held)."""
        with self._lock:
            now = self._now()
            ahead = [until - now for until in self._until.values() if until > now]
        return min(ahead, default=0.0)
