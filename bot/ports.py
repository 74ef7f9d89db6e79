"""What the domain needs from outside, as Protocols: storage, the platforms and the clock."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from bot.model import (
    Delivery,
    Member,
    Platform,
    PlatformUser,
    Practice,
    SentRef,
    Space,
    SpacePurpose,
)


class Clock(Protocol):
    """Tells the time (always timezone-aware, UTC)."""

    def now(self) -> datetime: ...


class PracticeRepo(Protocol):
    def by_workspace(self, platform: Platform, workspace_id: str) -> Practice | None: ...
    def get(self, practice_id: int) -> Practice: ...
    def create(
        self, *, platform: Platform, workspace_id: str, name: str, timezone: str, now: datetime
    ) -> Practice: ...


class MemberRepo(Protocol):
    def get(self, practice_id: int, user_id: str) -> Member | None: ...
    def upsert(self, member: Member, now: datetime) -> None: ...
    def active(self, practice_id: int) -> list[Member]: ...
    def deactivate_except(self, practice_id: int, keep: set[str], now: datetime) -> int: ...


class LeadRepo(Protocol):
    def list(self, practice_id: int) -> tuple[str, ...]: ...
    def add(self, practice_id: int, user_id: str, now: datetime) -> bool: ...
    def remove(self, practice_id: int, user_id: str) -> bool: ...


class SpaceRepo(Protocol):
    def all(self, practice_id: int) -> dict[SpacePurpose, Space]: ...
    def set(self, space: Space, now: datetime) -> None: ...


class EventRepo(Protocol):
    def claim(self, key: str, now: datetime) -> bool:
        """Record an inbound event as handled; False when it already was."""
        ...

    def forget_before(self, cutoff: datetime) -> int: ...


class OutboxRepo(Protocol):
    def add(self, delivery: Delivery, *, dedupe_key: str, sealed: bool, now: datetime) -> bool: ...
    def due_ids(self, now: datetime, limit: int) -> list[str]: ...
    def claim(self, delivery_id: str, *, worker: str, now: datetime) -> Delivery | None: ...
    def stale(self, claimed_before: datetime, limit: int) -> list[Delivery]: ...
    def mark_sent(self, delivery_id: str, ref: SentRef, now: datetime) -> None: ...
    def retry_at(self, delivery_id: str, at: datetime, error: str, now: datetime) -> None: ...
    def mark_failed(self, delivery_id: str, error: str, now: datetime) -> None: ...
    def get(self, delivery_id: str) -> Delivery | None: ...
    def counts(self) -> dict[str, int]: ...


class AuditRepo(Protocol):
    def record(
        self, *, practice_id: int, actor: str, action: str, detail: dict[str, Any], now: datetime
    ) -> None: ...
    def recent(self, practice_id: int, limit: int) -> list[dict[str, Any]]: ...


class Tx(Protocol):
    """The repositories inside one transaction."""

    @property
    def practices(self) -> PracticeRepo: ...
    @property
    def members(self) -> MemberRepo: ...
    @property
    def leads(self) -> LeadRepo: ...
    @property
    def spaces(self) -> SpaceRepo: ...
    @property
    def events(self) -> EventRepo: ...
    @property
    def outbox(self) -> OutboxRepo: ...
    @property
    def audit(self) -> AuditRepo: ...


class UnitOfWork(Protocol):
    """Opens one transaction: commits when the block ends, rolls back if it raises."""

    def __call__(self) -> AbstractContextManager[Tx, Any]: ...


class Cipher(Protocol):
    """Seals values (such as who wrote an anonymous post) with a key kept outside the database."""

    def seal(self, value: str) -> str: ...
    def open(self, token: str) -> str: ...


class DeliveryError(Exception):
    """A send did not go through; subclasses say whether to try again."""

    def __init__(self, code: str, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.retry_after = retry_after


class TryAgain(DeliveryError):
    """Rate limited or a temporary fault: the message surely did not arrive; retry later."""


class OutcomeUnknown(DeliveryError):
    """A timeout or dropped connection: it may have arrived; reconcile before retrying."""


class CannotDeliver(DeliveryError):
    """The platform refused for good (channel gone, user deactivated...)."""


class Messenger(Protocol):
    """Sends outbox deliveries on one platform and finds them again after a crash."""

    def deliver(self, delivery: Delivery) -> SentRef: ...
    def find(self, delivery: Delivery) -> SentRef | None:
        """Look on the platform for a delivery whose outcome is unknown; None if it never landed."""
        ...


class Directory(Protocol):
    """The people and channels of one workspace, as the platform reports them."""

    def workspace(self) -> tuple[str, str]:
        """The workspace's id and name."""
        ...

    def people(self) -> list[PlatformUser]: ...
    def person(self, user_id: str) -> PlatformUser | None: ...
    def join(self, channel_id: str) -> str:
        """Join a channel and return its name; raises CannotDeliver if the bot may not."""
        ...

    def create_channel(self, name: str) -> tuple[str, str]:
        """Create (or reuse) a public channel, join it, return its id and name."""
        ...
