"""Pacing: once a platform says 'too many' for a workspace, nothing more goes to that workspace
until the time it gave has passed; other workspaces carry on. From then on, sends to it are
spaced at the rate it just accepted, so a long fan-out runs at the limit instead of bumping into
it (and waiting a whole Retry-After) every few messages."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from datetime import timedelta

MAX_BACKOFF = timedelta(minutes=10)
LEARNT_FOR = 600.0  # seconds a workspace's learnt pace lasts after the 429 that taught it
MARGIN = 1.05  # a learnt gap is this much wider than the rate accepted, for jitter on the way
REMEMBERED = 300.0  # seconds of accepted sends remembered per workspace, to learn from


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
        self._sent: dict[Hashable, deque[float]] = {}  # when recent sends were accepted
        self._gap: dict[Hashable, tuple[float, float]] = {}  # seconds between sends, until when
        self._lock = threading.Lock()

    def now(self) -> float:
        """The pacer's time: what `sent` takes as the moment a send began."""
        return self._now()

    def sent(self, place: Hashable, began: float | None = None) -> None:
        """`place` accepted a send that began at `began` (from `now()`; just now if not given).
        A learnt gap runs from the start of one send to the start of the next, so the time a
        send takes does not slow the pace below the limit."""
        with self._lock:
            now = self._now()
            times = self._sent.setdefault(place, deque(maxlen=5000))
            times.append(now if began is None else began)
            while times[0] < now - REMEMBERED:
                times.popleft()

    def hold(self, place: Hashable, seconds: float) -> None:
        """Send nothing to `place` for `seconds` (the platform's Retry-After); then space its sends
        so that no more go in any such span than it accepted in the one just gone."""
        with self._lock:
            now = self._now()
            until = now + max(seconds, 0.0)
            self._until[place] = max(until, self._until.get(place, 0.0))
            accepted = sum(1 for t in self._sent.get(place, ()) if t > now - seconds)
            if accepted and seconds > 0:
                self._gap[place] = (seconds * MARGIN / accepted, now + LEARNT_FOR)

    def waiting(self, place: Hashable) -> bool:
        with self._lock:
            return self._free_at(place) > self._now()

    def remaining(self) -> float:
        """Seconds until the first held place may be sent to again (0 when none is held)."""
        with self._lock:
            now = self._now()
            ahead = [self._free_at(p) - now for p in {*self._until, *self._gap}]
        return min((a for a in ahead if a > 0), default=0.0)

    def _free_at(self, place: Hashable) -> float:
        """When `place` may next be sent to: after its Retry-After, and a learnt gap after the
        start of the last send it accepted (with the lock held)."""
        free = self._until.get(place, 0.0)
        gap, learnt_until = self._gap.get(place, (0.0, 0.0))
        last = self._sent.get(place)
        if last and learnt_until > self._now():
            free = max(free, last[-1] + gap)
        return free
