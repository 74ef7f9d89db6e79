"""Insights for leads, worked out from what people did (never from what they said), then
protected by the small-number rule before anyone sees them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.core.calendar import week_of
from bot.leads.disclosure import THRESHOLD, Figure, share
from bot.leads.values import Activity

WEEKS = 13  # this week and the last 12
ADDRESSING_WEEKS = 4

RANT, QUESTION, ANSWER = "rant", "question", "answer"
POOL, TASK, MENTORING, PAIR_MET = "pool", "task", "mentoring", "pair_met"
PROTECTED, CHECKIN = "protected", "checkin"

# The twelve moderators of the study (Table 3), in its order.
MODERATORS = (
    "approachability",
    "self_perception",
    "relatability",
    "familiarity",
    "camaraderie",
    "shared_space",
    "psychological_safety",
    "protected_time",
    "leadership",
    "job_demands",
    "siloes",
    "hierarchy",
)
# What each kind of activity serves (each capability's own docstring says the same).
SERVES: dict[str, tuple[str, ...]] = {
    RANT: ("psychological_safety", "hierarchy"),
    QUESTION: ("approachability", "hierarchy", "siloes"),
    ANSWER: ("approachability", "hierarchy", "siloes"),
    POOL: ("job_demands", "camaraderie"),
    TASK: ("job_demands", "camaraderie"),
    MENTORING: ("hierarchy", "familiarity", "relatability"),
    PAIR_MET: ("familiarity", "relatability", "siloes", "camaraderie"),
    PROTECTED: ("protected_time", "shared_space", "leadership"),
    CHECKIN: ("self_perception", "job_demands"),
}
# Each figure: (key, the activity kind it counts, a value filter or None, what it speaks to,
# whether it counts events (True) or people (False)).
FIGURES: tuple[tuple[str, str, frozenset[str] | None, str, bool], ...] = (
    ("rants", RANT, None, "emotional_support", True),
    ("questions", QUESTION, None, "professional_advice", True),
    ("answers", ANSWER, None, "professional_advice", True),
    ("pools", POOL, None, "sharing_workload", True),
    ("tasks", TASK, None, "sharing_workload", True),
    ("mentoring", MENTORING, None, "mentorship", False),
    ("pairs", PAIR_MET, None, "familiarity", False),
    ("pt_yes", PROTECTED, frozenset({"yes"}), "protected_time", False),
    ("pt_partly", PROTECTED, frozenset({"partly"}), "protected_time", False),
    ("pt_no", PROTECTED, frozenset({"no"}), "protected_time", False),
    ("checkins", CHECKIN, None, "self_perception", False),
    ("checkin_fine", CHECKIN, frozenset({"1", "2"}), "self_perception", False),
    ("checkin_burnout", CHECKIN, frozenset({"3", "4", "5"}), "job_demands", False),
)
CHART_KEYS = ("active", "rants", "questions", "answers", "pt_yes", "checkins")


@dataclass(frozen=True, slots=True)
class Week:
    """One week's protected figures."""

    label: str  # 2026-W48
    monday: date
    members: int
    figures: dict[str, Figure]

    @property
    def participation(self) -> int | None:
        """The share of members who took part, as a percentage, from the rounded figure."""
        return share(self.figures["active"].value, self.members)


@dataclass(frozen=True, slots=True)
class Insights:
    """Thirteen weeks, oldest first, and which moderators the practice is addressing."""

    weeks: tuple[Week, ...]
    addressing: dict[str, bool]

    @property
    def this_week(self) -> Week:
        return self.weeks[-1]


def people(acts: Iterable[Activity]) -> int:
    """How many people are behind some activity, never more than there surely are: all of the
    anonymous posts together count as one."""
    named, anonymous = set(), False
    for act in acts:
        if act.person:
            named.add(act.person)
        else:
            anonymous = True
    return len(named) + int(anonymous)


def label(when: datetime | date, zone: str) -> str:
    """The ISO week label of a moment (in the practice's zone) or of a local date."""
    if isinstance(when, datetime):
        return week_of(when, zone)[1]
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"


def mondays(today: date, count: int = WEEKS) -> list[date]:
    """The Mondays of this week and the `count - 1` before it, oldest first."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in reversed(range(count))]


def week(acts: list[Activity], monday: date, members: int) -> Week:
    """One week's figures from its activity."""
    figures = {"active": Figure.of("active", "camaraderie", people(acts), people(acts))}
    for key, kind, values, serves, events in FIGURES:
        chosen = [a for a in acts if a.kind == kind and (values is None or a.value in values)]
        count = len(chosen) if events else people(chosen)
        figures[key] = Figure.of(key, serves, count, people(chosen))
    return Week(label(monday, "UTC"), monday, members, figures)


def insights(acts: list[Activity], today: date, zone: str, members: int) -> Insights:
    """Thirteen weeks of protected figures, and the moderators being addressed."""
    by_week: dict[str, list[Activity]] = defaultdict(list)
    for act in acts:
        by_week[label(act.when, zone)].append(act)
    weeks = tuple(week(by_week[label(m, zone)], m, members) for m in mondays(today))
    recent = [  # "didn't get to take it" is no sign of protected time working
        a
        for w in weeks[-ADDRESSING_WEEKS:]
        for a in by_week[w.label]
        if not (a.kind == PROTECTED and a.value == "no")
    ]
    addressing = {
        moderator: people(a for a in recent if moderator in SERVES.get(a.kind, ())) >= THRESHOLD
        for moderator in MODERATORS
    }
    return Insights(weeks, addressing)
