"""The small-number rule, in one place: what a lead may see of a count of people.

Method (documented in docs/leads.md): *suppression plus rounding to base 5*.
- A figure that rests on fewer than 5 people is not shown: it reads "fewer than 5".
- Every figure that is shown is rounded to the nearest multiple of 5 (5, 6 and 7 show as 5; 8 to
  12 as 10 ...), so every shown figure is a multiple of 5 and at least 5.
- Why that stops differencing: each shown figure is within 2 of the truth, so the difference of
  any two shown figures is within 4 of the true difference. The shown difference is a multiple
  of 5, so the range of true differences it allows always holds 0 or a number of 5 or more: a
  lead who subtracts two figures (this week from last, a part from its total) can never pin a
  group down to between 1 and 4 people.
- Shares are worked out from the rounded figure, so they say no more than it does.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5  # fewer people than this behind a figure, and it is not shown
BASE = 5  # every shown figure is rounded to a multiple of this


def rounded(n: int) -> int:
    """To the nearest multiple of BASE, halves up (5, 6, 7 -> 5; 8 ... 12 -> 10)."""
    return ((n + BASE // 2) // BASE) * BASE


def shown(count: int, people: int) -> int | None:
    """What a lead sees of `count` (resting on `people` people): None means 'fewer than 5'."""
    if people < THRESHOLD or count < THRESHOLD:
        return None
    return max(BASE, rounded(count))


def share(value: int | None, members: int) -> int | None:
    """A shown figure as a percentage of the members, from the rounded figure alone."""
    if value is None or members <= 0:
        return None
    return min(100, round(100 * value / members / 5) * 5)


@dataclass(frozen=True, slots=True)
class Figure:
    """One protected number: its id, what it serves, and what may be shown of it."""

    key: str
    serves: str  # the study's kind of support or moderator it speaks to
    value: int | None  # None: fewer than 5 people behind it

    @classmethod
    def of(cls, key: str, serves: str, count: int, people: int) -> Figure:
        return cls(key, serves, shown(count, people))
