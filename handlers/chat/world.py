"""The sample practice the local chat runs in: its people, its channels, and what was said."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from bot.core.clock import FixedClock
from bot.core.delivery import Delivery, DeliveryKind, SentRef
from bot.core.ports import CannotDeliver
from bot.core.values import PlatformUser
from handlers.chat.render import plain

WORKSPACE = ("CHAT-PRACTICE", "Riverside Surgery (sample)")

PEOPLE = [
    PlatformUser("asha", "Dr Asha Patel", owner=True),  # partner and wellbeing lead
    PlatformUser("ben", "Dr Ben Okafor"),  # salaried GP
    PlatformUser("chloe", "Dr Chloe Evans", guest=True),  # locum
    PlatformUser("dev", "Dr Dev Shah"),  # GP trainee
    PlatformUser("emma", "Dr Emma Brown"),  # partner
    PlatformUser("bot", "Coffee Room", is_bot=True),
]
# The roles they have said (a role is self-declared; these GPs said theirs before the chat began).
ROLES = {
    "asha": "partner",
    "ben": "salaried",
    "chloe": "locum",
    "dev": "trainee",
    "emma": "partner",
}
CHANNELS = {"general": "general", "coffee-room": "coffee-room", "run-it-past": "run-it-past"}


class ChatClock(FixedClock):
    """The chat's clock: stands still until `time` moves it, but each reading is a microsecond on.

    The outbox sends in the order things were queued (by time, then by a random id), so a
    clock that never ticked would shuffle messages queued together.
    """

    def __init__(self, at: datetime) -> None:
        super().__init__(at)
        self.ticks = 0

    def now(self) -> datetime:
        self.ticks += 1
        return self.at + timedelta(microseconds=self.ticks)

    def set(self, at: datetime) -> None:
        super().set(at)
        self.ticks = 0


@dataclass
class Posted:
    """A message as it appeared in the sample practice."""

    ref: str
    where: str  # '#channel' or 'DM to Name'
    delivery: Delivery


@dataclass
class World:
    """People, channels and the transcript; what Slack or Teams would hold."""

    out: list[str] = field(default_factory=list)
    posted: list[Posted] = field(default_factory=list)
    joined: set[str] = field(default_factory=set)

    def name(self, user_id: str) -> str:
        return next((p.name for p in PEOPLE if p.user_id == user_id), user_id)

    def find_person(self, text: str) -> PlatformUser | None:
        """A person by id, first name or full name, case-insensitively."""
        wanted = text.strip().lower().removeprefix("dr ").strip()
        for person in PEOPLE:
            names = {person.user_id, person.name.lower(), person.name.lower().split()[1]}
            if wanted in names and not person.is_bot:
                return person
        return None


class ChatDirectory:
    """The Directory port over the sample practice."""

    def __init__(self, world: World) -> None:
        self.world = world

    def workspace(self) -> tuple[str, str]:
        return WORKSPACE

    def people(self) -> list[PlatformUser]:
        return list(PEOPLE)

    def person(self, user_id: str) -> PlatformUser | None:
        return next((p for p in PEOPLE if p.user_id == user_id), None)

    def join(self, channel_id: str) -> str:
        name = channel_id.lstrip("#")
        if name not in CHANNELS:
            raise CannotDeliver("channel_not_found")
        self.world.joined.add(name)
        return name

    def create_channel(self, name: str) -> tuple[str, str]:
        CHANNELS.setdefault(name, name)
        self.world.joined.add(name)
        return name, name

    def channel_members(self, channel_id: str) -> set[str]:
        """Everyone in the sample practice is in each of its channels."""
        if channel_id.lstrip("#") not in CHANNELS:
            raise CannotDeliver("channel_not_found")
        return {p.user_id for p in PEOPLE}


class ChatMessenger:
    """The Messenger port: 'sending' prints to the terminal and keeps a transcript."""

    def __init__(self, world: World) -> None:
        self.world = world

    def deliver(self, delivery: Delivery) -> SentRef:
        if delivery.kind is DeliveryKind.DELETE:
            self.world.out.append(f"[{delivery.ref}] was removed from #{delivery.target}.")
            return SentRef(delivery.target, delivery.ref)
        ref = str(len(self.world.posted) + 1)
        where = (
            f"DM to {self.world.name(delivery.target)}"
            if delivery.kind in (DeliveryKind.DIRECT, DeliveryKind.FILE)
            else f"#{delivery.target}"
        )
        self.world.posted.append(Posted(ref, where, delivery))
        names = {p.user_id: p.name for p in PEOPLE}
        self.world.out.append(render(ref, where, delivery, names))
        if delivery.message.file is not None:  # what Slack would attach, saved where it can open
            self.world.out.append(f"    File saved: {save(delivery)}")
        return SentRef(delivery.target, ref)

    def find(self, delivery: Delivery) -> SentRef | None:
        for posted in self.world.posted:
            if posted.delivery.id == delivery.id:
                return SentRef(delivery.target, posted.ref)
        return None


def save(delivery: Delivery) -> Path:
    """A file sent in the chat, written to a temporary folder of its own."""
    assert delivery.message.file is not None
    folder = Path(tempfile.gettempdir()) / "coffeeroom-files"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{delivery.id[:8]}-{delivery.message.file.name}"
    path.write_bytes(delivery.message.file.data)
    return path


def render(ref: str, where: str, delivery: Delivery, names: dict[str, str]) -> str:
    """A delivered message as terminal text, with numbered buttons and names for mentions."""
    message = delivery.message
    thread = f" (in reply to [{message.thread}])" if message.thread else ""
    text = plain(message.text, lambda user: names.get(user, user))
    lines = [f"[{ref}] {where}{thread}:", *("    " + line for line in text.splitlines())]
    if message.note:
        lines.append(f"    ({plain(message.note)})")
    for i, b in enumerate(message.buttons, start=1):
        lines.append(f"    [{ref}.{i}] {b.label}")
    return "\n".join(lines)
