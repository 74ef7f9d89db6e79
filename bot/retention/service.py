"""Retention: rants leave the shared space when they expire, and every relay link is destroyed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.core.delivery import DeliveryKind
from bot.core.message import Message
from bot.core.outbox import Outbox
from bot.core.ports import Clock, UnitOfWork
from bot.rants.values import RantDestination

EVENT_MEMORY = timedelta(days=7)  # Slack retries for at most a day; a week is plenty
RECORD_MEMORY = timedelta(days=30)  # settled sends, and expired posts' bare records


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """What one pass removed (counts only)."""

    rants: int
    questions: int
    events: int
    forgotten: int  # old records deleted outright


class Retention:
    """Runs as the `retention` job: safe to run often, and on several replicas at once."""

    def __init__(self, *, uow: UnitOfWork, outbox: Outbox, clock: Clock) -> None:
        self.uow = uow
        self.outbox = outbox
        self.clock = clock

    def run(self, limit: int = 200) -> RetentionReport:
        now = self.clock.now()
        with self.uow() as tx:
            rants = tx.rants.expiring(now, limit)
            for rant in rants:
                shared = rant.destination in (
                    RantDestination.SPACE,
                    RantDestination.SPACE_ANONYMOUS,
                )
                landed = tx.outbox.landed(f"rant:{rant.id}") if shared else None
                if landed is not None:
                    practice = tx.practices.get(rant.practice_id)
                    self.outbox.enqueue(
                        tx,
                        practice_id=practice.id,
                        platform=practice.platform,
                        kind=DeliveryKind.DELETE,
                        target=landed.channel,
                        message=Message(""),
                        dedupe_key=f"rant-remove:{rant.id}",
                        ref=landed.ref,
                    )
                tx.rants.expire(rant.id, now)
            questions = tx.questions.expiring(now, limit)
            for question in questions:
                tx.questions.expire(question.id, now)
            events = tx.events.forget_before(now - EVENT_MEMORY)
            cutoff = now - RECORD_MEMORY
            forgotten = (
                tx.outbox.purge(cutoff) + tx.rants.purge(cutoff) + tx.questions.purge(cutoff)
            )
        return RetentionReport(len(rants), len(questions), events, forgotten)
