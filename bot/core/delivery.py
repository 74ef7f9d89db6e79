"""One send through the outbox: what, where, and how far it got."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.core.message import Message
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
