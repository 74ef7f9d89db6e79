"""Local time, done carefully: weeks, slots that recur, bank holidays, and a GP's working week.

Everything here is pure. Wall-clock times are kept as local times in the practice's IANA zone
and turned into instants with `zoneinfo` only when needed, so 10:30 stays 10:30 across the
clock changes (APScheduler's IntervalTrigger would drift an hour). Fortnightly slots count whole
weeks from their anchor date, so a 53-week year does not skip or double one (as
CronTrigger(week="*/2") would).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

import holidays

AM = (time(8, 30), time(12, 30))
PM = (time(14, 0), time(18, 0))
QUIET = (time(19, 0), time(8, 0))  # overnight
DAYTIME = (time(10, 0), time(17, 30))  # when a nudge or check-in may land, outside sessions
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Region(StrEnum):
    """Whose bank holidays a practice keeps."""

    ENGLAND_WALES = "england-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


SUBDIVISION = {Region.ENGLAND_WALES: "ENG", Region.SCOTLAND: "SCT", Region.NORTHERN_IRELAND: "NIR"}


@cache
def _bank_holidays(region: Region, year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv=SUBDIVISION[region], years=year))


def is_bank_holiday(day: date, region: Region) -> bool:
    """True on the region's bank holidays (from the `holidays` package)."""
    return day in _bank_holidays(region, day.year)


def local_date(moment: datetime, zone: str) -> date:
    """The date it is in `zone` at `moment`."""
    return moment.astimezone(ZoneInfo(zone)).date()


def week_of(moment: datetime, zone: str) -> tuple[date, str]:
    """The Monday that starts `moment`'s week in `zone`, and its ISO label like 2026-W48."""
    local = local_date(moment, zone)
    monday = local - timedelta(days=local.weekday())
    year, week, _ = monday.isocalendar()
    return monday, f"{year}-W{week:02d}"


def at(day: date, clock: time, zone: str) -> datetime:
    """The instant a local wall-clock time happens on `day` in `zone`, in UTC."""
    return datetime.combine(day, clock, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def recurs_on(day: date, *, weekday: int, every_weeks: int, anchor: date) -> bool:
    """Whether a slot on `weekday`, every `every_weeks` weeks from `anchor`, falls on `day`."""
    if day.weekday() != weekday or day < anchor:
        return False
    first = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return ((day - first).days // 7) % every_weeks == 0


@dataclass(frozen=True, slots=True)
class WorkingPattern:
    """A GP's week: surgery sessions by weekday, days off, quiet hours, leave, pauses."""

    sessions: dict[int, tuple[str, ...]] = field(
        default_factory=lambda: {d: ("am", "pm") for d in range(5)}
    )
    quiet: tuple[time, time] = QUIET
    leave: tuple[tuple[date, date], ...] = ()
    paused_until: date | None = None

    def works_on(self, day: date) -> bool:
        return bool(self.sessions.get(day.weekday()))

    def on_leave(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.leave) or bool(
            self.paused_until and day <= self.paused_until
        )

    def in_session(self, moment: time, weekday: int) -> bool:
        spans = {"am": AM, "pm": PM}
        return any(spans[s][0] <= moment < spans[s][1] for s in self.sessions.get(weekday, ()))

    def in_quiet_hours(self, moment: time) -> bool:
        start, end = self.quiet
        return moment >= start or moment < end if start > end else start <= moment < end

    def free_for_a_message(self, moment: datetime, zone: str) -> bool:
        """A moment a nudge or check-in may land: a working day's daytime gap, not on leave."""
        local = moment.astimezone(ZoneInfo(zone))
        day, clock = local.date(), local.time()
        return (
            self.works_on(day)
            and not self.on_leave(day)
            and DAYTIME[0] <= clock < DAYTIME[1]
            and not self.in_session(clock, day.weekday())
            and not self.in_quiet_hours(clock)
        )


def parse_sessions(text: str) -> dict[int, tuple[str, ...]]:
    """'mon:am,pm tue:am' -> {0: ('am', 'pm'), 1: ('am',)}; raises ValueError if malformed."""
    sessions: dict[int, tuple[str, ...]] = {}
    for part in text.lower().split():
        day, _, spans = part.partition(":")
        picked = tuple(s for s in spans.split(",") if s)
        if day not in WEEKDAYS or not set(picked) <= {"am", "pm"}:
            raise ValueError(part)
        sessions[WEEKDAYS.index(day)] = picked
    return sessions


def format_sessions(sessions: dict[int, tuple[str, ...]]) -> str:
    """The inverse of parse_sessions."""
    return " ".join(f"{WEEKDAYS[d]}:{','.join(s)}" for d, s in sorted(sessions.items()) if s)
