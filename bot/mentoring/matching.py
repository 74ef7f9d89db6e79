"""Who could mentor whom: across seniority, preferring shared interests, never a line manager.

Pure, so the rule is tested once and exhaustively.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.core.choosing import pick
from bot.mentoring.values import Profile


def may_mentor(mentor: Profile, mentee: Profile) -> bool:
    """More senior, offering, not the mentee, and never the mentee's own line manager."""
    return (
        mentor.offering
        and mentor.user_id != mentee.user_id
        and mentor.user_id != mentee.line_manager
        and mentor.years > mentee.years
    )


def best_mentor(
    mentee: Profile,
    profiles: Iterable[Profile],
    *,
    excluded: set[str] = frozenset(),  # type: ignore[assignment]
    load: Mapping[str, int] | None = None,
) -> Profile | None:
    """The best mentor for `mentee`: most shared interests, then fewest mentees already, then
    the nearest in seniority (relatability); ties broken by a stable pick."""
    load = load or {}
    fits = [p for p in profiles if may_mentor(p, mentee) and p.user_id not in excluded]
    if not fits:
        return None

    def rank(p: Profile) -> tuple[int, int, int]:
        shared = len(set(p.interests) & set(mentee.interests))
        return (-shared, load.get(p.user_id, 0), p.years - mentee.years)

    top = min(rank(p) for p in fits)
    tied = sorted((p for p in fits if rank(p) == top), key=lambda p: p.user_id)
    return pick(tied, mentee.user_id)
