"""The leads' console's values: practice settings, activity behind the figures, reviews."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

RANT_DAYS = (1, 3, 7)  # how long a shared rant stays in the space; never longer than the default
DEFAULT_DAYS = (0, 1, 2, 3, 4)  # the practice's moment falls on a working day (Monday is 0)
DEFAULT_HOURS = tuple(range(10, 18))  # and inside the daytime messages may land in (10 to 17:30)


@dataclass(frozen=True, slots=True)
class PracticeSettings:
    """What leads set for the whole practice (the defaults until they change something)."""

    practice_id: int
    rant_days: int = 7
    anonymous_rants: bool = True
    anonymous_advice: bool = True


@dataclass(frozen=True, slots=True)
class Activity:
    """One thing someone did that a figure counts: never what they said.

    `person` is '' when the post was anonymous (the figure then counts at most one person
    for all of that week's anonymous posts, so it never seems to rest on more people than it
    does)."""

    kind: str
    person: str
    when: datetime | date
    value: str = ""


@dataclass(frozen=True, slots=True)
class Review:
    """A 12-week before-and-after review; its baseline holds protected figures only."""

    id: int
    practice_id: int
    started_on: date
    ends_on: date
    baseline: dict[str, Any] = field(default_factory=dict)
    reported: bool = False


class LeadAction(StrEnum):
    """The console's buttons and controls."""

    ADD_LEAD = "leads.add"
    REMOVE_LEAD = "leads.remove"
    REMOVE_CLOSURE = "leads.closure_remove"
    RANT_DAYS = "leads.rant_days"
    ANONYMOUS_RANTS = "leads.anonymous_rants"
    ANONYMOUS_ADVICE = "leads.anonymous_advice"
    WEEK_DEFAULTS = "leads.week_defaults"
    INSIGHTS = "leads.insights"
    CHART = "leads.chart"
    CSV = "leads.csv"
    REVIEW = "leads.review"
    AUDIT = "leads.audit"
    MY_DATA = "leads.my_data"
    EXPORT = "leads.export"
    DELETE = "leads.delete"
