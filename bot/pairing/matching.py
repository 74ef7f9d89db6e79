"""Who has coffee with whom: groups of two (one of three when the number is odd), nobody left
out, mixing roles, and nobody with someone they met in the last few rounds when that can be
avoided. Pure: the same people, history and seed give the same groups.

A branch-and-bound search over partitions: the cost of a grouping is a large penalty per recent
repeat, then a smaller one per same-role pair and a smaller still per pair who already know each
other, so no repeat is ever traded for a mix of roles, nor a mix of roles for a new face. Small
teams are searched exhaustively (so a repeat happens only when it cannot be avoided); for larger
ones the search stops after `budget` steps with the best grouping found, which the cheapest-first
order makes a good one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

REPEAT = 1000  # one recent repeat costs more than any number of same-role pairs
SAME_ROLE = 3  # mixing roles matters more than ...
KNOWN = 1  # ... meeting someone you have not crossed paths with yet
BUDGET = 40_000
RECENT_ROUNDS = 4

Group = tuple[str, ...]
Pair = frozenset[str]


def pairs_in(groups: Iterable[Sequence[str]]) -> set[Pair]:
    """Every pair of people who shared a group."""
    return {frozenset(p) for group in groups for p in combinations(group, 2)}


class _Search:
    def __init__(
        self, roles: Mapping[str, str], recent: set[Pair], known: set[Pair], budget: int
    ) -> None:
        self.roles = roles
        self.recent = recent
        self.known = known
        self.budget = budget
        self.best: list[Group] = []
        self.best_cost = float("inf")

    def cost(self, group: Group) -> int:
        total = 0
        for a, b in combinations(group, 2):
            total += REPEAT if frozenset((a, b)) in self.recent else 0
            total += SAME_ROLE if self.roles[a] == self.roles[b] else 0
            total += KNOWN if frozenset((a, b)) in self.known else 0
        return total

    def options(self, remaining: tuple[str, ...], three_left: bool) -> list[tuple[int, Group]]:
        first, rest = remaining[0], remaining[1:]
        found: list[Group] = []
        after_pair = len(rest) - 1
        if after_pair == 0 or (after_pair >= 2 and (not three_left or after_pair >= 3)):
            found += [(first, other) for other in rest]
        if three_left and (len(rest) - 2) % 2 == 0:
            found += [(first, *two) for two in combinations(rest, 2)]
        return sorted(((self.cost(g), g) for g in found), key=lambda cg: cg[0])

    def run(
        self, remaining: tuple[str, ...], three_left: bool, chosen: list[Group], cost: int
    ) -> None:
        if self.budget <= 0 or cost >= self.best_cost:
            return
        if not remaining:
            self.best, self.best_cost = list(chosen), cost
            return
        for group_cost, group in self.options(remaining, three_left):
            self.budget -= 1
            if cost + group_cost >= self.best_cost or self.budget <= 0:
                break  # sorted cheapest first: the rest cost as much or more
            left = tuple(p for p in remaining if p not in group)
            self.run(left, three_left and len(group) == 2, [*chosen, group], cost + group_cost)
            if self.best_cost == 0:
                return


def make_groups(
    roles: Mapping[str, str],
    recent: Iterable[Pair] = (),
    *,
    known: Iterable[Pair] = (),
    seed: str = "",
    budget: int = BUDGET,
) -> list[Group]:
    """Groups for everyone in `roles` (person -> role): pairs, and one three if the count is
    odd. `recent` pairs are avoided whenever possible, then same roles, then `known` pairs
    (people who have already crossed paths). One person alone cannot be paired: no groups."""
    people = sorted(roles, key=lambda p: hashlib.sha256(f"{seed}:{p}".encode()).hexdigest())
    if len(people) < 2:
        return []
    search = _Search(roles, set(recent), set(known), budget)
    search.run(tuple(people), len(people) % 2 == 1, [], 0)
    return search.best


def repeats(groups: Iterable[Group], recent: Iterable[Pair]) -> int:
    """How many pairs in `groups` met recently."""
    return len(pairs_in(groups) & set(recent))


def cross_role_share(groups: Iterable[Group], roles: Mapping[str, str]) -> float:
    """The share of pairs (within groups) whose roles differ."""
    pairs = pairs_in(groups)
    if not pairs:
        return 0.0
    mixed = sum(1 for pair in pairs if len({roles[p] for p in pair}) == 2)
    return mixed / len(pairs)


def random_cross_role_share(roles: Mapping[str, str]) -> float:
    """What random pairing gives on average: the chance two people drawn at random differ."""
    n = len(roles)
    if n < 2:
        return 0.0
    counts: dict[str, int] = {}
    for role in roles.values():
        counts[role] = counts.get(role, 0) + 1
    same = sum(c * (c - 1) for c in counts.values()) / (n * (n - 1))
    return 1 - same
