"""Mentoring profiles and matches."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.mentoring.values import Match, MatchStatus, MentorSlot, Profile, Side
from storage.tables import MentorMatchRow, MentorProfileRow


def _profile(row: MentorProfileRow) -> Profile:
    return Profile(
        practice_id=row.practice_id,
        user_id=row.user_id,
        offering=row.offering,
        seeking=row.seeking,
        years=row.years,
        interests=tuple(i for i in row.interests.split(",") if i),
        line_manager=row.line_manager,
    )


def _match(row: MentorMatchRow) -> Match:
    slot = None
    if row.weekday is not None and row.start and row.minutes and row.every_weeks and row.anchor:
        hours, minutes = (int(x) for x in row.start.split(":"))
        slot = MentorSlot(
            row.weekday, time(hours, minutes), row.minutes, row.every_weeks, row.anchor
        )
    return Match(
        id=row.id,
        practice_id=row.practice_id,
        mentor=row.mentor,
        mentee=row.mentee,
        status=MatchStatus(row.status),
        mentor_ok=row.mentor_ok,
        mentee_ok=row.mentee_ok,
        slot=slot,
    )


class SqlMentoring:
    def __init__(self, session: Session) -> None:
        self.s = session

    def profile(self, practice_id: int, user_id: str) -> Profile | None:
        row = self._profile_row(practice_id, user_id)
        return _profile(row) if row else None

    def _profile_row(self, practice_id: int, user_id: str) -> MentorProfileRow | None:
        stmt = select(MentorProfileRow).where(
            MentorProfileRow.practice_id == practice_id, MentorProfileRow.user_id == user_id
        )
        return self.s.scalars(stmt).first()

    def save_profile(self, profile: Profile, now: datetime) -> None:
        row = self._profile_row(profile.practice_id, profile.user_id)
        if row is None:
            row = MentorProfileRow(practice_id=profile.practice_id, user_id=profile.user_id)
            self.s.add(row)
        row.offering, row.seeking, row.years = profile.offering, profile.seeking, profile.years
        row.interests, row.line_manager = ",".join(profile.interests), profile.line_manager
        row.updated_at = now
        self.s.flush()

    def profiles(self, practice_id: int) -> list[Profile]:
        stmt = select(MentorProfileRow).where(MentorProfileRow.practice_id == practice_id)
        return [_profile(r) for r in self.s.scalars(stmt)]

    def propose(self, practice_id: int, mentor: str, mentee: str, now: datetime) -> Match:
        row = MentorMatchRow(
            practice_id=practice_id,
            mentor=mentor,
            mentee=mentee,
            status=MatchStatus.PROPOSED.value,
            mentor_ok=False,
            mentee_ok=False,
            created_at=now,
            updated_at=now,
        )
        self.s.add(row)
        self.s.flush()
        return _match(row)

    def match(self, match_id: int) -> Match | None:
        row = self.s.get(MentorMatchRow, match_id, populate_existing=True)
        return _match(row) if row else None

    def matches_of(self, practice_id: int, user_id: str) -> list[Match]:
        stmt = select(MentorMatchRow).where(
            MentorMatchRow.practice_id == practice_id,
            or_(MentorMatchRow.mentor == user_id, MentorMatchRow.mentee == user_id),
        )
        return [_match(r) for r in self.s.scalars(stmt)]

    def _update(self, match_id: int, *where: Any, **values: Any) -> bool:
        stmt = (
            update(MentorMatchRow)
            .where(MentorMatchRow.id == match_id, *where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount == 1)

    def accept(self, match_id: int, side: Side, now: datetime) -> Match | None:
        column = "mentor_ok" if side is Side.MENTOR else "mentee_ok"
        proposed = MentorMatchRow.status == MatchStatus.PROPOSED.value
        if not self._update(match_id, proposed, **{column: True, "updated_at": now}):
            return None
        return self.match(match_id)

    def close(self, match_id: int, status: MatchStatus, now: datetime) -> bool:
        still_open = MentorMatchRow.status.in_(
            [MatchStatus.PROPOSED.value, MatchStatus.ACTIVE.value]
        )
        return self._update(match_id, still_open, status=status.value, updated_at=now)

    def activate(self, match_id: int, now: datetime) -> bool:
        proposed = MentorMatchRow.status == MatchStatus.PROPOSED.value
        return self._update(match_id, proposed, status=MatchStatus.ACTIVE.value, updated_at=now)

    def set_slot(self, match_id: int, slot: MentorSlot, now: datetime) -> None:
        self._update(
            match_id,
            weekday=slot.weekday,
            start=slot.start.strftime("%H:%M"),
            minutes=slot.minutes,
            every_weeks=slot.every_weeks,
            anchor=slot.anchor,
            updated_at=now,
        )

    def active(self, practice_id: int) -> list[Match]:
        stmt = select(MentorMatchRow).where(
            MentorMatchRow.practice_id == practice_id,
            MentorMatchRow.status == MatchStatus.ACTIVE.value,
        )
        return [_match(r) for r in self.s.scalars(stmt)]
