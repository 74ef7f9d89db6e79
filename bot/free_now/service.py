"""Free now: a GP marks themselves free for a quick chat or a task, until a time they choose.

Serves approachability and job demands: a colleague with a gap says so, and whoever runs
something past the practice or pools their work reaches them first. It lapses by itself and
never shows during their surgery (bot/core/free.py hides them then).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.calendar import AM, PM, WorkingPattern
from bot.core.errors import Refused
from bot.core.free import Free, FreeTx
from bot.core.service import PeerService
from bot.core.values import Caller
from bot.free_now import wording
from bot.free_now.values import Span

HALF_HOUR = timedelta(minutes=30)
END_OF_DAY = time(23, 59)


def until_for(span: Span, now: datetime, zone: str, pattern: WorkingPattern) -> datetime:
    """When a span ends: 30 minutes on, the next surgery (or the day's end), or quiet hours."""
    local = now.astimezone(ZoneInfo(zone))
    if span is Span.HALF_HOUR:
        return now + HALF_HOUR
    quiet_from, quiet_to = pattern.quiet
    day_end = quiet_from if quiet_from > quiet_to else END_OF_DAY  # quiet overnight: it starts
    if span is Span.SESSION:
        spans = {"am": AM, "pm": PM}
        starts = sorted(spans[s][0] for s in pattern.sessions.get(local.weekday(), ()))
        later = [start for start in starts if start > local.time()]
        day_end = min([*later, day_end])
    return datetime.combine(local.date(), day_end, tzinfo=ZoneInfo(zone))


class FreeNow(PeerService[FreeTx]):
    """Marks, shows and clears a GP's own 'free now'."""

    def mark(self, caller: Caller, span: Span) -> time:
        """Free until the span ends; returns that local time."""
        now = self.clock.now()
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            pattern = tx.preferences.get(practice.id, caller.user).pattern
            until = until_for(span, now, practice.timezone, pattern)
            if until <= now:
                raise Refused(wording.DAY_OVER)
            tx.free.mark(Free(practice.id, caller.user, until), now)
            return until.astimezone(ZoneInfo(practice.timezone)).time()

    def stop(self, caller: Caller) -> bool:
        """No longer free; False when they were not."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            return tx.free.clear(practice.id, caller.user)

    def until(self, caller: Caller) -> time | None:
        """Until when the caller is free (local), or None."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            free = tx.free.get(practice.id, caller.user, self.clock.now())
            zone = ZoneInfo(practice.timezone)
            return free.until.astimezone(zone).time() if free else None
