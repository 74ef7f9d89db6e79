"""Run it past colleagues free now: the question goes straight to whoever said they have a gap.

Answers come back privately to the asker, as with a question to one colleague; when nobody is
free the question goes to the advice space instead, and the asker is told so kindly.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.advice import messages
from bot.advice.ports import AdviceTx
from bot.advice.values import FREE_NOW, Question
from bot.core.free import free_now
from bot.core.values import Caller, Member, Practice

if TYPE_CHECKING:
    from bot.advice.service import Advice, QuestionRequest


def new_question(
    advice: Advice, practice: Practice, asker: str, request: QuestionRequest, colleague: str
) -> Question:
    """A question's record (its words are not kept), the asker sealed when anonymous."""
    now: datetime = advice.clock.now()
    lifetime: timedelta = advice.lifetime
    return Question(
        id=str(uuid.uuid4()),
        practice_id=practice.id,
        asker="" if request.anonymous else asker,
        asker_sealed=advice.cipher.seal(asker) if request.anonymous else "",
        anonymous=request.anonymous,
        colleague=colleague,
        topic=request.topic,
        urgency=request.urgency,
        created_at=now,
        expires_at=now + lifetime,
    )


def colleagues_free(advice: Advice, caller: Caller) -> list[Member]:
    """Who the question would reach: colleagues free now, never the asker."""
    with advice.uow() as tx:
        practice, _ = advice.practices.resolve(tx, caller)
        return free_now(tx, practice, advice.clock.now(), besides=caller.user)


def post_to_free(
    advice: Advice,
    tx: AdviceTx,
    practice: Practice,
    asker: str,
    request: QuestionRequest,
    text: str,
    free: list[Member],
) -> None:
    """The question, privately to each colleague free now (the first failure hands it back)."""
    question = new_question(advice, practice, asker, request, FREE_NOW)
    tx.questions.add(question)
    for i, member in enumerate(free):
        advice.outbox.send(
            tx,
            practice,
            member.user_id,
            messages.question(question, asker, text),
            f"question-free:{question.id}:{member.user_id}",
            notify=asker if i == 0 else "",
            post=question.id,
        )
