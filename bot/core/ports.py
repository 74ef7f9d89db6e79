"""What the domain needs from outside, as Protocols: storage, the platforms and the clock."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from bot.core.delivery import Delivery, SentRef
from bot.core.values import (
    Member,
    Platform,
    PlatformUser,
    Practice,
    Space,
    SpacePurpose,
    WeekDefaults,
)
from bot.core.week import CheckIn, Closure, Preferences, Slot


class Clock(Protocol):
    """Tells the time (always timezone-aware, UTC)."""

    def now(self) -> datetime: ...


class PracticeRepo(Protocol):
    def by_workspace(self, platform: Platform, workspace_id: str) -> Practice | None: ...
    def get(self, practice_id: int) -> Practice: ...
    def create(
        self, *, platform: Platform, workspace_id: str, name: str, timezone: str, now: datetime
    ) -> Practice: ...
    def all(self) -> list[Practice]: ...
    def set_region(self, practice_id: int, region: str) -> None: ...
    def set_defaults(self, practice_id: int, defaults: WeekDefaults) -> None:
        """What members who have not chosen their own settings get."""
        ...

    def in_workspace(self, platform: Platform, workspace_id: str) -> list[Practice]:
        """The workspace's practices, the first created first."""
        ...

    def joined(self, platform: Platform, workspace_id: str, user_id: str) -> list[Practice]:
        """The practices `user_id` is an active member of: the one they last chose first, then
        in the order they joined."""
        ...

    def define(self, practice_id: int, *, name: str, channel_id: str | None) -> None:
        """A practice becomes the members of a channel, under a name (unique in its workspace)."""
        ...

    def set_timezone(self, practice_id: int, timezone: str) -> None: ...


class MemberRepo(Protocol):
    def get(self, practice_id: int, user_id: str) -> Member | None: ...
    def upsert(self, member: Member, now: datetime) -> None: ...
    def active(self, practice_id: int) -> list[Member]: ...
    def deactivate_except(self, practice_id: int, keep: set[str], now: datetime) -> int: ...
    def choose(self, practice_id: int, user_id: str, now: datetime) -> None:
        """A member of several practices acts for this one from now on."""
        ...


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
    def due(
        self, now: datetime, limit: int, *, skip: Collection[int] = ()
    ) -> list[tuple[str, int]]:
        """(id, practice id) of sends due now, oldest first, leaving out `skip`'s practices."""
        ...

    def claim(self, delivery_id: str, *, worker: str, now: datetime) -> Delivery | None: ...
    def stale(self, claimed_before: datetime, limit: int) -> list[Delivery]: ...
    def mark_sent(self, delivery_id: str, ref: SentRef, now: datetime) -> None: ...
    def retry_at(
        self, delivery_id: str, at: datetime, error: str, now: datetime, *, counted: bool = True
    ) -> None:
        """Back in the queue from `at`; `counted=False` gives back the attempt its claim took."""
        ...

    def mark_failed(self, delivery_id: str, error: str, now: datetime) -> None: ...
    def get(self, delivery_id: str) -> Delivery | None: ...
    def landed(self, dedupe_key: str) -> SentRef | None:
        """Where the send queued under `dedupe_key` landed, once it has."""
        ...

    def purge(self, before: datetime) -> int:
        """Forget sends settled (sent or failed) before then."""
        ...

    def forget_seals(self, post: str) -> int:
        """Destroy the seals the settled sends of a post keep (it has expired)."""
        ...

    def key_for(self, channel: str, ref: str) -> str | None:
        """The dedupe key of the send that landed at `ref` in `channel`."""
        ...

    def counts(self) -> dict[str, int]: ...


class AuditRepo(Protocol):
    def record(
        self, *, practice_id: int, actor: str, action: str, detail: dict[str, Any], now: datetime
    ) -> None: ...
    def recent(self, practice_id: int, limit: int) -> list[dict[str, Any]]: ...


class SlotRepo(Protocol):
    def add(self, slot: Slot, now: datetime) -> Slot: ...
    def active(self, practice_id: int | None = None) -> list[Slot]: ...
    def get(self, slot_id: int) -> Slot | None: ...
    def remove(self, practice_id: int, slot_id: int) -> bool: ...


class ClosureRepo(Protocol):
    def add(self, closure: Closure) -> bool: ...
    def between(self, practice_id: int, first: date, last: date) -> list[Closure]: ...
    def remove(self, practice_id: int, day: date) -> int: ...


class PreferenceRepo(Protocol):
    def get(self, practice_id: int, user_id: str) -> Preferences: ...
    def of_practice(self, practice_id: int) -> dict[str, Preferences]:
        """Everyone who set any preference or leave in the practice, in bulk."""
        ...

    def forget_leave_before(self, day: date) -> int: ...
    def save(self, prefs: Preferences, now: datetime) -> None: ...
    def add_leave(self, practice_id: int, user_id: str, starts: date, ends: date) -> None: ...
    def clear_leave(self, practice_id: int, user_id: str) -> int: ...


class CheckinRepo(Protocol):
    def claimed(self, practice_id: int, week: str) -> set[str]: ...
    def claim(self, practice_id: int, user_id: str, week: str, now: datetime) -> int | None: ...
    def get(self, checkin_id: int) -> CheckIn | None: ...
    def answer(self, checkin_id: int, score: int) -> None: ...
    def history(self, practice_id: int, user_id: str, limit: int) -> list[CheckIn]: ...


class ContactRepo(Protocol):
    def all(self, practice_id: int) -> dict[str, set[str]]: ...
    def record(self, practice_id: int, one: str, other: str, now: datetime) -> None: ...
    def of(self, practice_id: int, user_id: str) -> set[str]: ...


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
    @property
    def slots(self) -> SlotRepo: ...
    @property
    def closures(self) -> ClosureRepo: ...
    @property
    def preferences(self) -> PreferenceRepo: ...
    @property
    def checkins(self) -> CheckinRepo: ...
    @property
    def contacts(self) -> ContactRepo: ...


TxT = TypeVar("TxT", bound=Tx, covariant=True)


class UnitOfWork(Protocol[TxT]):
    """Opens one transaction: commits when the block ends, rolls back if it raises.

    Each capability names the repositories it needs as its own `Tx` (a Protocol extending
    this one); storage's one transaction object provides them all.
    """

    def __call__(self) -> AbstractContextManager[TxT, Any]: ...

    def read(self) -> AbstractContextManager[TxT, Any]:
        """A transaction that only reads (it takes no write lock where the database has one)."""
        ...


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


class CannotLook(DeliveryError):
    """Raised by `Messenger.find` on a platform that cannot be asked whether a send arrived
    (Teams): the outbox then never resends blindly (see Outbox._unsure)."""


class Messenger(Protocol):
    """Sends outbox deliveries on one platform and finds them again after a crash."""

    def deliver(self, delivery: Delivery) -> SentRef: ...
    def find(self, delivery: Delivery) -> SentRef | None:
        """Look on the platform for a delivery whose outcome is unknown; None if it never landed.
        Raises CannotLook where the platform offers no way to look."""
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

    def channel_members(self, channel_id: str) -> set[str]:
        """The user ids of a channel's members (a practice defined by a channel has these);
        raises CannotDeliver if the bot may not see them."""
        ...


class Directories(Protocol):
    """Finds the Directory of a platform's workspace (one per installation)."""

    def __call__(self, platform: Platform, workspace: str) -> Directory: ...
