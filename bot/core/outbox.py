"""The outbox: every send is stored, claimed, sent once, retried, reconciled, or reported."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import timedelta

from bot.core.clock import speed_of
from bot.core.delivery import (
    Delivery,
    DeliveryKind,
    DrainReport,
    OutboxStatus,
    SentRef,
    handed_back,
    may_not_have_arrived,
    new_worker_id,
    storable,
    to_author,
)
from bot.core.message import Message
from bot.core.pacing import Pacer, backoff
from bot.core.ports import (
    CannotDeliver,
    CannotLook,
    Cipher,
    Clock,
    DeliveryError,
    Messenger,
    OutcomeUnknown,
    TryAgain,
    Tx,
    UnitOfWork,
)
from bot.core.values import Platform, Practice

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)  # a claim older than this, still 'sending', is reconciled
MAX_ATTEMPTS = 12
RATE_LIMITED = "ratelimited"  # a platform's 429: pace the workspace, not a failed attempt
DEFAULT_PAUSE = 1.0  # seconds, when a 429 came with no Retry-After


class Outbox:
    """Queues sends inside a caller's transaction and delivers them afterwards."""

    def __init__(
        self,
        *,
        uow: UnitOfWork[Tx],
        messengers: Mapping[Platform, Messenger],
        cipher: Cipher,
        clock: Clock,
        worker_id: str | None = None,
    ) -> None:
        self.uow, self.messengers = uow, dict(messengers)
        self.cipher, self.clock = cipher, clock
        self.lease = LEASE * speed_of(clock)  # real time, however fast `clock` runs
        self.worker_id = worker_id or new_worker_id()
        self.wake, self.stopping = threading.Event(), threading.Event()  # stopping: claim no more
        self.pacer = Pacer()  # real time: Retry-After runs on it, whatever `clock` says
        self.places: dict[int, tuple[str, str]] = {}  # practice id -> (platform, workspace)

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
        """Send what is due now, each claimed first so no other worker sends it too; nothing to
        a workspace that asked us to wait (its sends stay queued, the others go)."""
        report = DrainReport()
        held = [p for p, place in self.places.items() if self.pacer.waiting(place)]
        with self.uow() as tx:
            due = tx.outbox.due(self.clock.now(), limit, skip=held)
        for delivery_id, practice_id in due:
            if self.stopping.is_set() or self.pacer.waiting(self._place(practice_id)):
                report.held += 1
                continue
            with self.uow() as tx:
                claimed = tx.outbox.claim(delivery_id, worker=self.worker_id, now=self.clock.now())
            if claimed is not None:
                self._send(claimed, report)
        return report

    def drain_all(
        self,
        progress: Callable[[DrainReport], None] | None = None,
        wait: Callable[[float], None] = time.sleep,
    ) -> DrainReport:
        """Keep sending until nothing is due (waiting out a workspace's Retry-After when that is
        all that is left); what fails for now stays queued for the worker or the next run."""
        total = DrainReport()
        while True:
            report = self.drain()
            total.add(report)
            if progress is not None:
                progress(total)
            if report.moved:
                continue
            pause = self.pacer.remaining()
            if not (pause and self._due_at_all()):
                return total
            wait(pause)
            if self.pacer.remaining() >= pause:  # a clock that stands still (--now): stop here
                return total

    def _due_at_all(self) -> bool:
        with self.uow() as tx:
            return bool(tx.outbox.due(self.clock.now(), 1))

    def _place(self, practice_id: int) -> tuple[str, str]:
        if practice_id not in self.places:
            with self.uow() as tx:
                practice = tx.practices.get(practice_id)
            self.places[practice_id] = (practice.platform, practice.workspace_id)
        return self.places[practice_id]

    def _send(self, stored: Delivery, report: DrainReport) -> None:
        delivery = self._unsealed(stored)
        messenger = self.messengers.get(delivery.platform)
        if messenger is None:
            self._give_up(stored, "no_messenger", report)
            return
        began = self.pacer.now()
        try:
            ref = messenger.deliver(delivery)
        except OutcomeUnknown as exc:
            self._after_unknown(stored, messenger, exc, report)
        except TryAgain as exc:
            self._retry(stored, exc, report)
        except CannotDeliver as exc:
            self._give_up(stored, exc.code, report)
        else:
            self.pacer.sent(self._place(stored.practice_id), began)
            with self.uow() as tx:
                tx.outbox.mark_sent(stored.id, storable(stored, ref), self.clock.now())
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
        if exc.code == RATE_LIMITED:
            self._pace(stored, exc, report)
            return
        if stored.attempts >= MAX_ATTEMPTS:
            self._give_up(stored, exc.code, report)
            return
        now, wait = self.clock.now(), backoff(stored.attempts, exc.retry_after)
        with self.uow() as tx:
            tx.outbox.retry_at(stored.id, now + wait, exc.code, now)
        report.retried += 1
        report.codes.append(exc.code)
        log.info("outbox %s: %s, retrying in %ss", stored.id, exc.code, wait.total_seconds())

    def _pace(self, stored: Delivery, exc: DeliveryError, report: DrainReport) -> None:
        """'Too many': hold the whole workspace for its Retry-After; this is not a failure."""
        self.pacer.hold(self._place(stored.practice_id), exc.retry_after or DEFAULT_PAUSE)
        now = self.clock.now()
        with self.uow() as tx:
            tx.outbox.retry_at(stored.id, now, exc.code, now, counted=False)
        report.paced += 1
        report.codes.append(exc.code)

    def _give_up(self, stored: Delivery, code: str, report: DrainReport) -> None:
        """Mark it failed and tell the person whose words these were, once."""
        with self.uow() as tx:
            tx.outbox.mark_failed(stored.id, code, self.clock.now())
            self._tell_author(tx, stored, handed_back(stored.message), "failed-notice")
        report.failed += 1
        report.codes.append(code)
        log.warning("outbox %s: gave up (%s)", stored.id, code)

    def _tell_author(self, tx: Tx, stored: Delivery, words: Message, key: str) -> None:
        if stored.notify:  # the person whose words these were (sealed as stored), once
            notice, now = to_author(stored, words), self.clock.now()
            tx.outbox.add(notice, dedupe_key=f"{key}:{stored.id}", sealed=True, now=now)

    def reconcile(self, limit: int = 50) -> int:
        """Settle claims left 'sending' by a crash: sent if the platform has it, else retry."""
        with self.uow() as tx:
            stale = tx.outbox.stale(self.clock.now() - self.lease, limit)
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
        try:
            found: SentRef | str | None = messenger.find(self._unsealed(stored))
        except CannotLook:  # it may have arrived, and the platform cannot be asked (Teams)
            found = "unsure"
        now = self.clock.now()
        with self.uow() as tx:
            current = tx.outbox.get(stored.id)
            if current is None or current.status is not OutboxStatus.SENDING:
                return  # someone else settled it meanwhile
            if found == "unsure":  # never resent blindly: a GP's words handed back, a nudge dropped
                tx.outbox.mark_failed(stored.id, "unsure", now)
                self._tell_author(tx, stored, may_not_have_arrived(stored.message), "unsure")
            elif isinstance(found, SentRef):
                tx.outbox.mark_sent(stored.id, storable(stored, found), now)
            else:
                tx.outbox.retry_at(stored.id, now, "not_found_on_platform", now)

    def _unsealed(self, stored: Delivery) -> Delivery:
        if not stored.sealed:
            return stored
        return replace(stored, target=self.cipher.open(stored.target), sealed=False)
