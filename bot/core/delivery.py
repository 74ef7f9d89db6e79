"""One send through the outbox: what, where, and how far it got."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.core import wording
from bot.core.message import Message
from bot.core.text import Kind
from bot.core.values import Platform


class OutboxStatus(StrEnum):
    """Where a send is in its life."""

    PENDING = "pending"  # waiting for its turn (or for Retry-After)
    SENDING = "sending"  # claimed by a worker; outcome not yet known
    SENT = "sent"
    FAILED = "failed"  # given up; the person behind it has been told


class DeliveryKind(StrEnum):
    """What the outbox asks the platform to do."""

    POST = "post"  # a message into a channel
    DIRECT = "direct"  # a direct message to a person
    DELETE = "delete"  # remove one of our own messages (its platform ref in `ref`)
    FILE = "file"  # a file sent privately to a person (the message's `file`, its text beside it)


@dataclass(frozen=True, slots=True)
class Delivery:
    """One send waiting in, or taken from, the outbox."""

    id: str
    practice_id: int
    platform: Platform
    kind: DeliveryKind
    target: str  # channel id (POST/DELETE) or user id (DIRECT); sealed when `sealed`
    message: Message
    status: OutboxStatus = OutboxStatus.PENDING
    attempts: int = 0
    created_at: datetime | None = None
    claimed_at: datetime | None = None
    sent_ref: str = ""
    notify: str = ""  # who to tell if it finally fails: always sealed, or ''
    ref: str = ""  # for DELETE: the platform's reference of the message to remove
    sealed: bool = False  # whether `target` is sealed as stored
    post: str = ""  # the rant or question it belongs to: its seals die with it


@dataclass(frozen=True, slots=True)
class SentRef:
    """Where a delivered message landed on the platform."""

    channel: str
    ref: str  # Slack ts, Teams activity id


@dataclass
class DrainReport:
    """What one pass over the outbox did (counts only, never content)."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    unknown: int = 0
    paced: int = 0  # the workspace said 'too many': back in the queue, no attempt counted
    held: int = 0  # not tried: its workspace asked us to wait
    codes: list[str] = field(default_factory=list)

    def add(self, other: DrainReport) -> None:
        """Fold another pass into this one."""
        for name in ("sent", "retried", "failed", "unknown", "paced", "held"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.codes += other.codes

    @property
    def moved(self) -> bool:
        """Whether the pass did anything but wait."""
        return bool(self.sent or self.retried or self.failed or self.unknown or self.paced)


def new_worker_id() -> str:
    """Names this process in claims, so a reader can tell replicas apart."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def handed_back(failed: Message) -> Message:
    """What its author is told when a send fails for good: sorry, and their own words back."""
    words = [span.value for span in failed.text if span.kind is Kind.QUOTE]
    return Message(wording.could_not_deliver(words))


def may_not_have_arrived(unsure: Message) -> Message:
    """What its author is told when a send may or may not have arrived (and the platform cannot
    be asked): it may not have, and their own words back to send again."""
    words = [span.value for span in unsure.text if span.kind is Kind.QUOTE]
    return Message(wording.may_not_have_arrived(words))


def to_author(stored: Delivery, message: Message) -> Delivery:
    """A direct message to whoever `stored` names to tell (`notify`, kept sealed)."""
    return Delivery(
        id=str(uuid.uuid4()),
        practice_id=stored.practice_id,
        platform=stored.platform,
        kind=DeliveryKind.DIRECT,
        target=stored.notify,
        message=message,
        post=stored.post,
    )


def storable(stored: Delivery, ref: SentRef) -> SentRef:
    # A direct message's channel names its recipient; for a sealed send, keep no trace of it.
    return SentRef("", ref.ref) if stored.sealed else ref
