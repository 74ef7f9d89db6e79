"""Free now: who has said they are free for a quick chat or a task, shared by every capability
that wants to reach the right people first (run it past, pool the work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.core.ports import Tx
from bot.core.values import Member, Practice


@dataclass(frozen=True, slots=True)
class Free:
    """A GP free until a moment; it lapses by itself."""

    practice_id: int
    user_id: str
    until: datetime


class FreeRepo(Protocol):
    def mark(self, free: Free, now: datetime) -> None: ...
    def clear(self, practice_id: int, user_id: str) -> bool: ...
    def get(self, practice_id: int, user_id: str, now: datetime) -> Free | None: ...
    def current(self, practice_id: int, now: datetime) -> list[Free]: ...


class FreeTx(Tx, Protocol):
    """The shared transaction, with who is free now."""

    @property
    def free(self) -> FreeRepo: ...


def free_now(tx: FreeTx, practice: Practice, now: datetime, *, besides: str = "") -> list[Member]:
    """Active colleagues free now (never `besides`): said so, not lapsed, and not in surgery,
    quiet hours, leave or a pause by their own week (so a surgery hides them)."""
    local = now.astimezone(ZoneInfo(practice.timezone))
    found: list[Member] = []
    for free in tx.free.current(practice.id, now):
        member = tx.members.get(practice.id, free.user_id)
        if member is None or not member.active or member.user_id == besides:
            continue
        pattern = tx.preferences.get(practice.id, member.user_id).pattern
        if (
            pattern.on_leave(local.date())
            or pattern.in_session(local.time(), local.weekday())
            or pattern.in_quiet_hours(local.time())
        ):
            continue
        found.append(member)
    return sorted(found, key=lambda m: m.name)
