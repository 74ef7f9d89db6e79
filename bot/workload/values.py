"""A pool request, its tasks, and the buttons under them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TaskKind(StrEnum):
    """The kinds of work that can move between GPs."""

    RESULTS = "results"
    LETTERS = "letters"  # letters or admin
    CALLBACKS = "callbacks"
    HOME_VISIT = "home_visit"
    PRESCRIPTIONS = "prescriptions"
    OTHER = "other"


class Due(StrEnum):
    """By when the tasks need doing."""

    HOUR = "hour"
    SESSION = "session"
    TODAY = "today"
    TOMORROW = "tomorrow"


class Destination(StrEnum):
    """Where the request goes."""

    FREE_FIRST = "free_first"  # colleagues free now; the practice's space if nobody is
    SPACE = "space"  # the practice's space


class PoolAction(StrEnum):
    """Buttons under a pool request and the asker's receipts."""

    CLAIM = "pool.claim"  # value: a task id
    THANK = "pool.thank"  # value: a task id
    WITHDRAW = "pool.withdraw"  # value: a pool id


@dataclass(frozen=True, slots=True)
class Pool:
    """A request for a hand. Its words are not kept once delivered."""

    id: str
    practice_id: int
    asker: str
    due: Due
    created_at: datetime
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class Task:
    """One kind of task in a pool, taken whole by one colleague."""

    id: int
    pool_id: str
    kind: TaskKind
    how_many: int
    claimed_by: str = ""
    thanked: bool = False
    withdrawn: bool = False
