"""The leads' console: practice settings, the activity behind the figures, reviews."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.leads.insights import (
    ANSWER,
    CHECKIN,
    MENTORING,
    PAIR_MET,
    POOL,
    PROTECTED,
    QUESTION,
    RANT,
    TASK,
)
from bot.leads.values import Activity, PracticeSettings, Review
from storage.repos.common import utc
from storage.tables import (
    AnswerRow,
    CheckinRow,
    MentorMatchRow,
    PairingPlaceRow,
    PairingRoundRow,
    PoolRow,
    PoolTaskRow,
    PracticeSettingRow,
    QuestionRow,
    RantRow,
    ReviewRow,
    SlotAnswerRow,
    SlotRow,
)

SHARED = ("space", "space_anonymous")  # the rant destinations that stay up in a shared space


class SqlPracticeSettings:
    def __init__(self, session: Session) -> None:
        self.s = session

    def _row(self, practice_id: int) -> PracticeSettingRow | None:
        stmt = select(PracticeSettingRow).where(PracticeSettingRow.practice_id == practice_id)
        return self.s.scalars(stmt).first()

    def get(self, practice_id: int) -> PracticeSettings:
        row = self._row(practice_id)
        if row is None:
            return PracticeSettings(practice_id)
        return PracticeSettings(
            practice_id, row.rant_days, row.anonymous_rants, row.anonymous_advice
        )

    def save(self, settings: PracticeSettings, now: datetime) -> None:
        row = self._row(settings.practice_id)
        if row is None:
            row = PracticeSettingRow(practice_id=settings.practice_id)
            self.s.add(row)
        row.rant_days = settings.rant_days
        row.anonymous_rants = settings.anonymous_rants
        row.anonymous_advice = settings.anonymous_advice
        row.updated_at = now
        self.s.flush()

    def keep_rants(self, practice_id: int, days: int) -> int:
        changed = 0
        stmt = select(RantRow).where(
            RantRow.practice_id == practice_id,
            RantRow.expired_at.is_(None),
            RantRow.destination.in_(SHARED),
        )
        for row in self.s.scalars(stmt):
            latest = utc(row.created_at) + timedelta(days=days)
            if utc(row.expires_at) > latest:
                row.expires_at = latest
                changed += 1
        self.s.flush()
        return changed


class SqlActivity:
    def __init__(self, session: Session) -> None:
        self.s = session

    def since(self, practice_id: int, start: datetime) -> list[Activity]:
        return [
            *self._posts(practice_id, start),
            *self._workload(practice_id, start),
            *self._together(practice_id, start),
        ]

    def _posts(self, practice_id: int, start: datetime) -> list[Activity]:
        rants = select(RantRow.author, RantRow.created_at).where(
            RantRow.practice_id == practice_id, RantRow.created_at >= start
        )
        asked = select(QuestionRow.asker, QuestionRow.created_at).where(
            QuestionRow.practice_id == practice_id, QuestionRow.created_at >= start
        )
        answered = (
            select(AnswerRow.helper, AnswerRow.created_at)
            .join(QuestionRow, QuestionRow.id == AnswerRow.question_id)
            .where(QuestionRow.practice_id == practice_id, AnswerRow.created_at >= start)
        )
        checkins = select(CheckinRow.user_id, CheckinRow.created_at, CheckinRow.score).where(
            CheckinRow.practice_id == practice_id,
            CheckinRow.created_at >= start,
            CheckinRow.score.is_not(None),
        )
        return [
            *(Activity(RANT, who or "", utc(at)) for who, at in self.s.execute(rants)),
            *(Activity(QUESTION, who or "", utc(at)) for who, at in self.s.execute(asked)),
            *(Activity(ANSWER, who or "", utc(at)) for who, at in self.s.execute(answered)),
            *(
                Activity(CHECKIN, who, utc(at), str(score))
                for who, at, score in self.s.execute(checkins)
            ),
        ]

    def _workload(self, practice_id: int, start: datetime) -> list[Activity]:
        pools = select(PoolRow.asker, PoolRow.created_at).where(
            PoolRow.practice_id == practice_id, PoolRow.created_at >= start
        )
        tasks = (
            select(PoolTaskRow.claimed_by, PoolTaskRow.claimed_at)
            .join(PoolRow, PoolRow.id == PoolTaskRow.pool_id)
            .where(PoolRow.practice_id == practice_id, PoolTaskRow.claimed_at >= start)
        )
        matches = select(MentorMatchRow.mentor, MentorMatchRow.mentee, MentorMatchRow.updated_at)
        matches = matches.where(
            MentorMatchRow.practice_id == practice_id,
            MentorMatchRow.status == "active",
            MentorMatchRow.updated_at >= start,
        )
        found = [Activity(POOL, who, utc(at)) for who, at in self.s.execute(pools)]
        found += [Activity(TASK, who, utc(at)) for who, at in self.s.execute(tasks) if who and at]
        for mentor, mentee, at in self.s.execute(matches):
            found += [Activity(MENTORING, mentor, utc(at)), Activity(MENTORING, mentee, utc(at))]
        return found

    def _together(self, practice_id: int, start: datetime) -> list[Activity]:
        met = (
            select(PairingPlaceRow.user_id, PairingRoundRow.announced_on)
            .join(PairingRoundRow, PairingRoundRow.id == PairingPlaceRow.round_id)
            .where(
                PairingRoundRow.practice_id == practice_id,
                PairingRoundRow.announced_on >= start.date(),
                PairingPlaceRow.met.is_(True),
            )
        )
        took = (
            select(SlotAnswerRow.user_id, SlotAnswerRow.occurs_on, SlotAnswerRow.answer)
            .join(SlotRow, SlotRow.id == SlotAnswerRow.slot_id)
            .where(
                SlotRow.practice_id == practice_id,
                SlotAnswerRow.occurs_on >= start.date(),
                SlotAnswerRow.phase == "follow_up",
            )
        )
        return [
            *(Activity(PAIR_MET, who, day) for who, day in self.s.execute(met)),
            *(Activity(PROTECTED, who, day, answer) for who, day, answer in self.s.execute(took)),
        ]


class SqlReviews:
    def __init__(self, session: Session) -> None:
        self.s = session

    def current(self, practice_id: int) -> Review | None:
        stmt = (
            select(ReviewRow)
            .where(ReviewRow.practice_id == practice_id)
            .order_by(ReviewRow.id.desc())
        )
        row = self.s.scalars(stmt).first()
        return _review(row) if row else None

    def start(
        self,
        practice_id: int,
        started_on: date,
        ends_on: date,
        baseline: dict[str, Any],
        now: datetime,
    ) -> Review:
        row = ReviewRow(
            practice_id=practice_id,
            started_on=started_on,
            ends_on=ends_on,
            baseline=json.dumps(baseline, sort_keys=True),
            created_at=now,
        )
        self.s.add(row)
        self.s.flush()
        return _review(row)

    def due(self, today: date) -> list[Review]:
        stmt = select(ReviewRow).where(ReviewRow.ends_on <= today, ReviewRow.reported_at.is_(None))
        return [_review(r) for r in self.s.scalars(stmt.order_by(ReviewRow.id))]

    def reported(self, review_id: int, now: datetime) -> None:
        stmt = update(ReviewRow).where(ReviewRow.id == review_id).values(reported_at=now)
        self.s.execute(stmt)


def _review(row: ReviewRow) -> Review:
    return Review(
        row.id,
        row.practice_id,
        row.started_on,
        row.ends_on,
        json.loads(row.baseline),
        row.reported_at is not None,
    )
