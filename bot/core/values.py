"""Who and where: platforms, practices, members, roles and shared spaces."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo


class Platform(StrEnum):
    """Where a practice lives."""

    SLACK = "slack"
    TEAMS = "teams"
    CHAT = "chat"  # the local text adapter


class Role(StrEnum):
    """A GP's self-declared role; 'not set' until they say."""

    NOT_SET = "not_set"
    PARTNER = "partner"
    SALARIED = "salaried"
    LOCUM = "locum"
    TRAINEE = "trainee"


class SpacePurpose(StrEnum):
    """The shared channels Coffee Room posts into."""

    RANTS = "rants"
    ADVICE = "advice"


@dataclass(frozen=True, slots=True)
class WeekDefaults:
    """What a member who has not chosen their own settings gets: set by the practice's leads,
    product.md's defaults until then (nudges on, check-ins opt-in, from Monday morning)."""

    nudges_on: bool = True
    checkins_on: bool = False
    weekday: int = 0  # Monday is 0
    hour: int = 10  # local; messages land from 10:00 anyway (calendar.DAYTIME)

    def reached(self, moment: datetime, zone: str) -> bool:
        """Whether this week's moment has come: from then on, at the first free moment."""
        local = moment.astimezone(ZoneInfo(zone))
        return (local.weekday(), local.hour) >= (self.weekday, self.hour)


@dataclass(frozen=True, slots=True)
class Practice:
    """A general practice (or PCN) inside one workspace or tenant."""

    id: int
    platform: Platform
    workspace_id: str
    name: str
    timezone: str
    holiday_region: str = "england-wales"
    defaults: WeekDefaults = field(default_factory=WeekDefaults)
    channel_id: str | None = None  # its members are this channel's; None: the whole workspace


@dataclass(frozen=True, slots=True)
class PlatformUser:
    """A person as the platform describes them, before we decide if they are a member."""

    user_id: str
    name: str
    is_bot: bool = False
    deleted: bool = False
    external: bool = False
    guest: bool = False
    admin: bool = False
    owner: bool = False

    @property
    def is_person_in_workspace(self) -> bool:
        """Members are people: never bots, Slackbot, deactivated or external accounts."""
        return not (self.is_bot or self.deleted or self.external or self.user_id == "USLACKBOT")


@dataclass(frozen=True, slots=True)
class Member:
    """A GP who belongs to a practice."""

    practice_id: int
    user_id: str
    name: str
    role: Role = Role.NOT_SET
    guest: bool = False
    active: bool = True


@dataclass(frozen=True, slots=True)
class Space:
    """A channel the practice uses for one purpose."""

    practice_id: int
    purpose: SpacePurpose
    channel_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking, and where from: the one value every request carries into the domain."""

    platform: Platform
    workspace: str  # the platform's workspace (Slack team, Teams team, the chat's practice)
    user: str  # the platform's id for the person
    channel: str = ""  # the channel it came from, when there is one (picks a locum's practice)


@dataclass(frozen=True, slots=True)
class ConversationRef:
    """Where a platform lets the bot speak again unprompted (a Teams conversation reference):
    learnt from what arrives, since such a platform cannot be asked for it beforehand."""

    conversation: str  # the platform's id of the chat or channel
    kind: str  # personal, channel, groupChat
    service_url: str  # the regional endpoint that conversation is reached through
    tenant: str
    team: str = ""  # the workspace it belongs to ('' for a personal chat)
    person: str = ""  # a personal chat's person ('' otherwise)
