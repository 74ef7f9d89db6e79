"""The outbox: every send is stored, claimed, sent once, retried, reconciled, or reported."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta

from bot.core import wording
from bot.core.delivery import Delivery, DeliveryKind, OutboxStatus, SentRef
from bot.core.message import Message
from bot.core.ports import (
    CannotDeliver,
    Cipher,
    Clock,
    DeliveryError,
    Messenger,
    OutcomeUnknown,
    TryAgain,
    Tx,
    UnitOfWork,
)
from bot.core.text import Kind, Part, Text, quote
from bot.core.values import Platform, Practice

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)  # a claim older than this, still 'sending', is reconciled
MAX_ATTEMPTS = 12
MAX_BACKOFF = timedelta(minutes=10)


@dataclass
class DrainReport:
    """What one pass over the outbox did (counts only, never content)."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    unknown: int = 0
    codes: list[str] = field(default_factory=list)


def new_worker_id() -> str:
    """Names this process in claims, so a reader can tell replicas apart."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Outbox:
    """Queues sends inside a caller's transaction and delivers them afterwards."""

    def __init__(
        self,
        *,
        uow: UnitOfWork,
        messengers: Mapping[Platform, Messenger],
        cipher: Cipher,
        clock: Clock,
        worker_id: str | None = None,
    ) -> None:
        self.uow = uow
        self.messengers = dict(messengers)
        self.cipher = cipher
        self.clock = clock
        self.worker_id = worker_id or new_worker_id()
        self.wake = threading.Event()

    # --- queueing -------------------------------------------------------------------------
    def enqueue(
        self,
        tx: Tx,
        *,
        practice_id: int,
        platform: Platform,
        kind: DeliveryKind,
        target: str,
        message: Message,
        dedupe_key: str,
        private: bool = False,
        notify: str = "",
        ref: str = "",
        post: str = "",
    ) -> bool:
        """Queue one send in the caller's transaction; False if `dedupe_key` was queued before.

        `private` seals the target (for anything linked to an anonymous author); `notify` is the
        person told if it finally cannot be delivered, and is always sealed.
        """
        delivery = Delivery(
            id=str(uuid.uuid4()),
            practice_id=practice_id,
            platform=platform,
            kind=kind,
            target=self.cipher.seal(target) if private else target,
            message=message,
            notify=self.cipher.seal(notify) if notify else "",
            ref=ref,
            post=post,
        )
        now = self.clock.now()
        added = tx.outbox.add(delivery, dedupe_key=dedupe_key, sealed=private, now=now)
        if added:
            self.wake.set()
        return added

    def send(
        self,
        tx: Tx,
        practice: Practice,
        target: str,
        message: Message,
        key: str,
        *,
        kind: DeliveryKind = DeliveryKind.DIRECT,
        private: bool = False,
        notify: str = "",
        ref: str = "",
        post: str = "",
    ) -> bool:
        """`enqueue` for one practice: a direct message unless `kind` says otherwise.

        `post` names the rant or question the send belongs to, so its seals die with it."""
        return self.enqueue(
            tx,
            practice_id=practice.id,
            platform=practice.platform,
            kind=kind,
            target=target,
            message=message,
            dedupe_key=key,
            private=private,
            notify=notify,
            ref=ref,
            post=post,
        )

    # --- sending --------------------------------------------------------------------------
    def drain(self, limit: int = 100) -> DrainReport:
        """Send what is due now, each claimed first so no other worker sends it too."""
        report = DrainReport()
        with self.uow() as tx:
            due = tx.outbox.due_ids(self.clock.now(), limit)
        for delivery_id in due:
            with self.uow() as tx:
                claimed = tx.outbox.claim(delivery_id, worker=self.worker_id, now=self.clock.now())
            if claimed is not None:
                self._send(claimed, report)
        return report

    def _send(self, stored: Delivery, report: DrainReport) -> None:
        delivery = self._unsealed(stored)
        messenger = self.messengers.get(delivery.platform)
        if messenger is None:
            self._give_up(stored, "no_messenger", report)
            return
        try:
            ref = messenger.deliver(delivery)
        except OutcomeUnknown as exc:
            self._after_unknown(stored, messenger, exc, report)
        except TryAgain as exc:
            self._retry(stored, exc, report)
        except CannotDeliver as exc:
            self._give_up(stored, exc.code, report)
        else:
            with self.uow() as tx:
                tx.outbox.mark_sent(stored.id, self._storable(stored, ref), self.clock.now())
            report.sent += 1

    def _after_unknown(
        self, stored: Delivery, messenger: Messenger, exc: DeliveryError, report: DrainReport
    ) -> None:
        # It may have landed: look before trying again, or leave it to the reconciler.
        report.unknown += 1
        report.codes.append(exc.code)
        try:
            self._settle(stored, messenger)
        except DeliveryError as lookup:
            log.warning("outbox %s: outcome unknown (%s); will reconcile", stored.id, lookup.code)

    def _retry(self, stored: Delivery, exc: DeliveryError, report: DrainReport) -> None:
        if stored.attempts >= MAX_ATTEMPTS:
            self._give_up(stored, exc.code, report)
            return
        now = self.clock.now()
        wait = (
            timedelta(seconds=exc.retry_after)
            if exc.retry_after is not None
            else min(timedelta(seconds=2**stored.attempts), MAX_BACKOFF)
        )
        with self.uow() as tx:
            tx.outbox.retry_at(stored.id, now + wait, exc.code, now)
        report.retried += 1
        report.codes.append(exc.code)
        log.info("outbox %s: %s, retrying in %ss", stored.id, exc.code, wait.total_seconds())

    def _give_up(self, stored: Delivery, code: str, report: DrainReport) -> None:
        """Mark it failed and tell the person whose words these were, once."""
        with self.uow() as tx:
            tx.outbox.mark_failed(stored.id, code, self.clock.now())
            if stored.notify:
                tx.outbox.add(
                    Delivery(
                        id=str(uuid.uuid4()),
                        practice_id=stored.practice_id,
                        platform=stored.platform,
                        kind=DeliveryKind.DIRECT,
                        target=stored.notify,
                        message=handed_back(stored.message),
                        post=stored.post,
                    ),
                    dedupe_key=f"failed-notice:{stored.id}",
                    sealed=True,
                    now=self.clock.now(),
                )
        report.failed += 1
        report.codes.append(code)
        log.warning("outbox %s: gave up (%s)", stored.id, code)

    # --- reconciling ----------------------------------------------------------------------
    def reconcile(self, limit: int = 50) -> int:
        """Settle claims left 'sending' by a crash: sent if the platform has it, else retry."""
        with self.uow() as tx:
            stale = tx.outbox.stale(self.clock.now() - LEASE, limit)
        settled = 0
        for stored in stale:
            messenger = self.messengers.get(stored.platform)
            if messenger is None:
                continue
            try:
                self._settle(stored, messenger)
            except DeliveryError as exc:
                log.warning("outbox %s: cannot reconcile yet (%s)", stored.id, exc.code)
                continue
            settled += 1
        return settled

    def _settle(self, stored: Delivery, messenger: Messenger) -> None:
        found = messenger.find(self._unsealed(stored))
        now = self.clock.now()
        with self.uow() as tx:
            current = tx.outbox.get(stored.id)
            if current is None or current.status is not OutboxStatus.SENDING:
                return  # someone else settled it meanwhile
            if found is not None:
                tx.outbox.mark_sent(stored.id, self._storable(stored, found), now)
            else:
                tx.outbox.retry_at(stored.id, now, "not_found_on_platform", now)

    @staticmethod
    def _storable(stored: Delivery, ref: SentRef) -> SentRef:
        # A direct message's channel names its recipient; for a sealed send, keep no trace of it.
        return SentRef("", ref.ref) if stored.sealed else ref

    def _unsealed(self, stored: Delivery) -> Delivery:
        if not stored.sealed:
            return stored
        return replace(stored, target=self.cipher.open(stored.target), sealed=False)


def handed_back(failed: Message) -> Message:
    """What its author is told when a send fails for good: sorry, and their own words back."""
    words = [span.value for span in failed.text if span.kind is Kind.QUOTE]
    if not words:
        return Message(wording.COULD_NOT_DELIVER)
    back: list[Part] = [wording.COULD_NOT_DELIVER, "\n\n", wording.WORDS_HANDED_BACK]
    for piece in words:
        back += ["\n", quote(piece)]
    return Message(Text(*back))
