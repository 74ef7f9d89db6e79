"""Coffee pairing: settings, opt-ins, rounds (one per practice and week), places and skips."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.pairing.values import PairingSettings, Round
from storage.repos.common import insert_ignoring_duplicates
from storage.tables import (
    PairingMemberRow,
    PairingPlaceRow,
    PairingRoundRow,
    PairingSettingsRow,
    PairingSkipRow,
)


def _round(row: PairingRoundRow) -> Round:
    return Round(row.id, row.practice_id, row.week, row.announced_on, row.drawn_on, row.followed_up)


class SqlPairing:
    def __init__(self, session: Session) -> None:
        self.s = session

    def settings(self, practice_id: int) -> PairingSettings | None:
        stmt = select(PairingSettingsRow).where(PairingSettingsRow.practice_id == practice_id)
        row = self.s.scalars(stmt).first()
        return PairingSettings(row.practice_id, row.every_weeks, row.anchor) if row else None

    def save_settings(self, settings: PairingSettings, now: datetime) -> None:
        stmt = select(PairingSettingsRow).where(
            PairingSettingsRow.practice_id == settings.practice_id
        )
        row = self.s.scalars(stmt).first()
        if row is None:
            row = PairingSettingsRow(practice_id=settings.practice_id)
            self.s.add(row)
        row.every_weeks, row.anchor, row.updated_at = settings.every_weeks, settings.anchor, now
        self.s.flush()

    def opted_in(self, practice_id: int) -> set[str]:
        stmt = select(PairingMemberRow.user_id).where(
            PairingMemberRow.practice_id == practice_id, PairingMemberRow.opted_in.is_(True)
        )
        return set(self.s.scalars(stmt))

    def opt(self, practice_id: int, user_id: str, on: bool, now: datetime) -> None:
        stmt = select(PairingMemberRow).where(
            PairingMemberRow.practice_id == practice_id, PairingMemberRow.user_id == user_id
        )
        row = self.s.scalars(stmt).first()
        if row is None:
            row = PairingMemberRow(practice_id=practice_id, user_id=user_id)
            self.s.add(row)
        row.opted_in, row.updated_at = on, now
        self.s.flush()

    def round_of(self, practice_id: int, week: str) -> Round | None:
        stmt = select(PairingRoundRow).where(
            PairingRoundRow.practice_id == practice_id, PairingRoundRow.week == week
        )
        row = self.s.scalars(stmt).first()
        return _round(row) if row else None

    def get_round(self, round_id: int) -> Round | None:
        row = self.s.get(PairingRoundRow, round_id, populate_existing=True)
        return _round(row) if row else None

    def start_round(self, practice_id: int, week: str, today: date, now: datetime) -> Round | None:
        values = {
            "practice_id": practice_id,
            "week": week,
            "announced_on": today,
            "followed_up": False,
            "created_at": now,
        }
        if not insert_ignoring_duplicates(self.s, PairingRoundRow, values):
            return None
        return self.round_of(practice_id, week)

    def _update(self, round_id: int, *where: Any, **values: Any) -> bool:
        stmt = (
            update(PairingRoundRow)
            .where(PairingRoundRow.id == round_id, *where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount == 1)

    def claim_draw(self, round_id: int, today: date) -> bool:
        return self._update(round_id, PairingRoundRow.drawn_on.is_(None), drawn_on=today)

    def claim_follow_up(self, round_id: int) -> bool:
        return self._update(round_id, PairingRoundRow.followed_up.is_(False), followed_up=True)

    def place(self, round_id: int, group: int, user_id: str) -> None:
        self.s.add(PairingPlaceRow(round_id=round_id, group_no=group, user_id=user_id))
        self.s.flush()

    def groups(self, round_id: int) -> list[tuple[str, ...]]:
        stmt = select(PairingPlaceRow.group_no, PairingPlaceRow.user_id).where(
            PairingPlaceRow.round_id == round_id
        )
        found: dict[int, list[str]] = {}
        for number, user in self.s.execute(stmt):
            found.setdefault(number, []).append(user)
        return [tuple(sorted(found[n])) for n in sorted(found)]

    def recent_groups(
        self, practice_id: int, before_week: str, rounds: int
    ) -> list[tuple[str, ...]]:
        stmt = (
            select(PairingRoundRow.id)
            .where(
                PairingRoundRow.practice_id == practice_id,
                PairingRoundRow.week < before_week,
                PairingRoundRow.drawn_on.is_not(None),
            )
            .order_by(PairingRoundRow.week.desc())
            .limit(rounds)
        )
        return [g for round_id in self.s.scalars(stmt) for g in self.groups(round_id)]

    def skip(self, round_id: int, user_id: str) -> bool:
        values = {"round_id": round_id, "user_id": user_id}
        return insert_ignoring_duplicates(self.s, PairingSkipRow, values)

    def skipped(self, round_id: int) -> set[str]:
        stmt = select(PairingSkipRow.user_id).where(PairingSkipRow.round_id == round_id)
        return set(self.s.scalars(stmt))

    def met(self, round_id: int, user_id: str, met: bool) -> bool:
        stmt = (
            update(PairingPlaceRow)
            .where(
                PairingPlaceRow.round_id == round_id,
                PairingPlaceRow.user_id == user_id,
                PairingPlaceRow.met.is_(None),
            )
            .values(met=met)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount == 1)

    def follow_ups_due(self, practice_id: int, drawn_by: date) -> list[Round]:
        stmt = select(PairingRoundRow).where(
            PairingRoundRow.practice_id == practice_id,
            PairingRoundRow.drawn_on.is_not(None),
            PairingRoundRow.drawn_on <= drawn_by,
            PairingRoundRow.followed_up.is_(False),
        )
        return [_round(r) for r in self.s.scalars(stmt)]
