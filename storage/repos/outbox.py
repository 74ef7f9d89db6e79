"""The outbox's repository: every send stored, claimed by a conditional update, then settled."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.core.delivery import Delivery, DeliveryKind, OutboxStatus, SentRef
from bot.core.message import Message
from bot.core.values import Platform
from storage.repos.common import insert_ignoring_duplicates, utc
from storage.tables import OutboxRow


class SqlOutbox:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, delivery: Delivery, *, dedupe_key: str, sealed: bool, now: datetime) -> bool:
        values = {
            "id": delivery.id,
            "dedupe_key": dedupe_key,
            "practice_id": delivery.practice_id,
            "platform": delivery.platform,
            "kind": delivery.kind,
            "target": delivery.target,
            "target_sealed": sealed,
            "payload": json.dumps(delivery.message.to_dict()),
            "notify_sealed": delivery.notify or None,
            "ref": delivery.ref or None,
            "post": delivery.post or None,
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
            "updated_at": now,
        }
        return insert_ignoring_duplicates(self.s, OutboxRow, values)

    def forget_seals(self, post: str) -> int:
        """Destroy every seal a settled send of `post` keeps (its sealed target, who to tell)."""
        settled = (OutboxStatus.SENT, OutboxStatus.FAILED)
        where = (OutboxRow.post == post, OutboxRow.status.in_(settled))
        notify = update(OutboxRow).where(*where).values(notify_sealed=None)
        targets = update(OutboxRow).where(*where, OutboxRow.target_sealed).values(target="")
        return int(self.s.execute(targets).rowcount or 0) + int(  # type: ignore[attr-defined]
            self.s.execute(notify).rowcount or 0  # type: ignore[attr-defined]
        )

    def due(
        self, now: datetime, limit: int, *, skip: Collection[int] = ()
    ) -> list[tuple[str, int]]:
        stmt = (
            select(OutboxRow.id, OutboxRow.practice_id)
            .where(OutboxRow.status == OutboxStatus.PENDING, OutboxRow.next_attempt_at <= now)
            .order_by(OutboxRow.created_at, OutboxRow.id)
            .limit(limit)
        )
        if skip:
            stmt = stmt.where(OutboxRow.practice_id.not_in(list(skip)))
        return [(str(i), int(p)) for i, p in self.s.execute(stmt)]

    def claim(self, delivery_id: str, *, worker: str, now: datetime) -> Delivery | None:
        # The conditional UPDATE is the claim: only one worker can move it out of PENDING.
        stmt = (
            update(OutboxRow)
            .where(OutboxRow.id == delivery_id, OutboxRow.status == OutboxStatus.PENDING)
            .values(
                status=OutboxStatus.SENDING,
                claimed_by=worker,
                claimed_at=now,
                attempts=OutboxRow.attempts + 1,
                updated_at=now,
            )
        )
        result: Any = self.s.execute(stmt)
        if result.rowcount != 1:
            return None
        return self.get(delivery_id)

    def stale(self, claimed_before: datetime, limit: int) -> list[Delivery]:
        stmt = (
            select(OutboxRow)
            .where(OutboxRow.status == OutboxStatus.SENDING, OutboxRow.claimed_at < claimed_before)
            .order_by(OutboxRow.claimed_at)
            .limit(limit)
        )
        return [_delivery(r) for r in self.s.scalars(stmt)]

    def mark_sent(self, delivery_id: str, ref: SentRef, now: datetime) -> None:
        # Once it has landed the words live on the platform; we keep no second copy.
        self._set(
            delivery_id,
            status=OutboxStatus.SENT,
            sent_channel=ref.channel,
            sent_ref=ref.ref,
            payload=None,
            last_error=None,
            updated_at=now,
        )

    def retry_at(
        self, delivery_id: str, at: datetime, error: str, now: datetime, *, counted: bool = True
    ) -> None:
        self._set(
            delivery_id,
            status=OutboxStatus.PENDING,
            next_attempt_at=at,
            last_error=error[:64],
            claimed_by=None,
            updated_at=now,
            **({} if counted else {"attempts": OutboxRow.attempts - 1}),  # the claim counted it
        )

    def mark_failed(self, delivery_id: str, error: str, now: datetime) -> None:
        self._set(
            delivery_id,
            status=OutboxStatus.FAILED,
            last_error=error[:64],
            payload=None,
            updated_at=now,
        )

    def _set(self, delivery_id: str, **values: Any) -> None:
        self.s.execute(update(OutboxRow).where(OutboxRow.id == delivery_id).values(**values))

    def get(self, delivery_id: str) -> Delivery | None:
        row = self.s.get(OutboxRow, delivery_id, populate_existing=True)
        return _delivery(row) if row else None

    def landed(self, dedupe_key: str) -> SentRef | None:
        stmt = select(OutboxRow).where(
            OutboxRow.dedupe_key == dedupe_key, OutboxRow.status == OutboxStatus.SENT
        )
        row = self.s.scalars(stmt).first()
        return SentRef(row.sent_channel or "", row.sent_ref or "") if row else None

    def purge(self, before: datetime) -> int:
        stmt = delete(OutboxRow).where(
            OutboxRow.status.in_([OutboxStatus.SENT, OutboxStatus.FAILED]),
            OutboxRow.updated_at < before,
        )
        result: Any = self.s.execute(stmt)
        return int(result.rowcount)

    def key_for(self, channel: str, ref: str) -> str | None:
        stmt = select(OutboxRow.dedupe_key).where(
            OutboxRow.sent_channel == channel, OutboxRow.sent_ref == ref
        )
        return self.s.scalars(stmt).first()

    def counts(self) -> dict[str, int]:
        stmt = select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
        return {str(status): int(n) for status, n in self.s.execute(stmt)}


def _delivery(row: OutboxRow) -> Delivery:
    message = Message.from_dict(json.loads(row.payload)) if row.payload else Message("")
    return Delivery(
        id=row.id,
        practice_id=row.practice_id,
        platform=Platform(row.platform),
        kind=DeliveryKind(row.kind),
        target=row.target,
        message=message,
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        created_at=utc(row.created_at),
        claimed_at=utc(row.claimed_at) if row.claimed_at else None,
        sent_ref=row.sent_ref or "",
        notify=row.notify_sealed or "",
        sealed=row.target_sealed,
        ref=row.ref or "",
        post=row.post or "",
    )
