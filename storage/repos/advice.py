"""Questions run past colleagues, and their answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.advice.values import Answer, Question, Topic, Urgency
from storage.repos.common import utc
from storage.tables import AnswerRow, QuestionRow


class SqlQuestions:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, question: Question) -> None:
        self.s.add(
            QuestionRow(
                id=question.id,
                practice_id=question.practice_id,
                asker=question.asker or None,
                asker_sealed=question.asker_sealed or None,
                anonymous=question.anonymous,
                colleague=question.colleague or None,
                topic=question.topic,
                urgency=question.urgency,
                created_at=question.created_at,
                expires_at=question.expires_at,
            )
        )
        self.s.flush()

    def get(self, question_id: str) -> Question | None:
        row = self.s.get(QuestionRow, question_id)
        return _question(row) if row and row.expired_at is None else None

    def by_ref(self, channel: str, ref: str) -> Question | None:
        stmt = select(QuestionRow).where(
            QuestionRow.channel == channel, QuestionRow.ref == ref, QuestionRow.expired_at.is_(None)
        )
        row = self.s.scalars(stmt).first()
        return _question(row) if row else None

    def landed(self, question_id: str, channel: str, ref: str) -> None:
        values: dict[str, Any] = {"channel": channel, "ref": ref}
        self.s.execute(update(QuestionRow).where(QuestionRow.id == question_id).values(**values))

    def expiring(self, now: datetime, limit: int) -> list[Question]:
        stmt = (
            select(QuestionRow)
            .where(QuestionRow.expires_at <= now, QuestionRow.expired_at.is_(None))
            .limit(limit)
        )
        return [_question(r) for r in self.s.scalars(stmt)]

    def purge(self, expired_before: datetime) -> int:
        stmt = delete(QuestionRow).where(QuestionRow.expired_at < expired_before)
        result: Any = self.s.execute(stmt)  # answers go with them (ON DELETE CASCADE)
        return int(result.rowcount)

    def expire(self, question_id: str, now: datetime) -> None:
        self.s.execute(
            update(QuestionRow)
            .where(QuestionRow.id == question_id)
            .values(asker_sealed=None, expired_at=now)
        )
        self.s.execute(
            update(AnswerRow).where(AnswerRow.question_id == question_id).values(helper_sealed=None)
        )


def _question(row: QuestionRow) -> Question:
    return Question(
        id=row.id,
        practice_id=row.practice_id,
        asker=row.asker or "",
        asker_sealed=row.asker_sealed or "",
        anonymous=row.anonymous,
        colleague=row.colleague or "",
        topic=Topic(row.topic) if row.topic else None,
        urgency=Urgency(row.urgency) if row.urgency else None,
        created_at=utc(row.created_at),
        expires_at=utc(row.expires_at),
        channel=row.channel or "",
        ref=row.ref or "",
    )


class SqlAnswers:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, answer: Answer) -> None:
        self.s.add(
            AnswerRow(
                id=answer.id,
                question_id=answer.question_id,
                helper=answer.helper or None,
                helper_sealed=answer.helper_sealed or None,
                anonymous=answer.anonymous,
                created_at=answer.created_at,
            )
        )
        self.s.flush()

    def get(self, answer_id: str) -> Answer | None:
        row = self.s.get(AnswerRow, answer_id)
        if row is None:
            return None
        return Answer(
            id=row.id,
            question_id=row.question_id,
            helper=row.helper or "",
            helper_sealed=row.helper_sealed or "",
            anonymous=row.anonymous,
            created_at=utc(row.created_at),
            helpful=row.helpful,
        )

    def mark_helpful(self, answer_id: str) -> bool:
        stmt = (
            update(AnswerRow)
            .where(AnswerRow.id == answer_id, AnswerRow.helpful.is_(False))
            .values(helpful=True)
        )
        result: Any = self.s.execute(stmt)
        return bool(result.rowcount)

    def unthanked(self, practice_id: int, asker: str, since: datetime) -> list[str]:
        """Helpers (named, not anonymous) who answered `asker` since then and were not thanked."""
        stmt = (
            select(AnswerRow.helper)
            .join(QuestionRow, QuestionRow.id == AnswerRow.question_id)
            .where(
                QuestionRow.practice_id == practice_id,
                QuestionRow.asker == asker,
                AnswerRow.helper.is_not(None),
                AnswerRow.helpful.is_(False),
                AnswerRow.created_at >= since,
            )
            .order_by(AnswerRow.created_at)
        )
        return [h for h in self.s.scalars(stmt) if h]

    def unthanked_by_asker(self, practice_id: int, since: datetime) -> dict[str, list[str]]:
        """`unthanked` for every (named) asker in a practice, in one query."""
        stmt = (
            select(QuestionRow.asker, AnswerRow.helper)
            .join(QuestionRow, QuestionRow.id == AnswerRow.question_id)
            .where(
                QuestionRow.practice_id == practice_id,
                QuestionRow.asker.is_not(None),
                AnswerRow.helper.is_not(None),
                AnswerRow.helpful.is_(False),
                AnswerRow.created_at >= since,
            )
            .order_by(AnswerRow.created_at)
        )
        found: dict[str, list[str]] = {}
        for asker, helper in self.s.execute(stmt):
            if asker and helper:
                found.setdefault(asker, []).append(helper)
        return found
