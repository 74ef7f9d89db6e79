"""Domain values: plain frozen dataclasses that know no platform and no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from bot.rhythm import CheckIn, Preferences, Slot


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


class Action(StrEnum):
    """Buttons on messages the bot sends; each platform maps these to its own ids."""

    HEAR_YOU = "rant.hear_you"
    COFFEE = "rant.coffee"
    ANSWER = "question.answer"
    CAN_HELP = "question.can_help"
    HELPFUL = "answer.helpful"
    PT_IN = "pt.in"
    PT_OUT = "pt.out"
    PT_YES = "pt.yes"
    PT_PARTLY = "pt.partly"
    PT_NO = "pt.no"
    NUDGE_SNOOZE = "nudge.snooze"
    NUDGE_OFF = "nudge.off"
    CHECKIN_SCORE = "checkin.score"
    CHECKIN_MATCH = "checkin.match"
    CHECKIN_CHOOSE = "checkin.choose"
    CHECKIN_NO = "checkin.no"


@dataclass(frozen=True, slots=True)
class Practice:
    """A general practice (or PCN) inside one workspace or tenant."""

    id: int
    platform: Platform
    workspace_id: str
    name: str
    timezone: str
    holiday_region: str = "england-wales"


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
class Button:
    """A one-tap answer under a message."""

    action: Action | str
    label: str
    value: str = ""
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Message:
    """What the bot says, in platform-neutral form; each platform renders it."""

    text: str
    buttons: tuple[Button, ...] = ()
    note: str = ""  # a small line under the text (e.g. 'Posted anonymously')
    thread: str = ""  # the platform's reference of the message this replies under

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form for the outbox."""
        return {
            "text": self.text,
            "buttons": [
                {"action": str(b.action), "label": b.label, "value": b.value, "primary": b.primary}
                for b in self.buttons
            ],
            "note": self.note,
            "thread": self.thread,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Message:
        """The inverse of to_dict."""
        buttons = data.get("buttons") or []
        assert isinstance(buttons, list)
        return cls(
            text=str(data.get("text", "")),
            buttons=tuple(
                Button(str(b["action"]), str(b["label"]), str(b["value"]), bool(b["primary"]))
                for b in buttons
            ),
            note=str(data.get("note", "")),
            thread=str(data.get("thread", "")),
        )


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


@dataclass(frozen=True, slots=True)
class SentRef:
    """Where a delivered message landed on the platform."""

    channel: str
    ref: str  # Slack ts, Teams activity id


@dataclass(frozen=True, slots=True)
class HomeView:
    """What a person sees on Coffee Room's home: who they are to it and what is set up."""

    practice: Practice
    member: Member
    is_lead: bool
    spaces: dict[SpacePurpose, Space] = field(default_factory=dict)
    leads: tuple[str, ...] = ()
    today: date | None = None  # in the practice's time zone
    preferences: Preferences | None = None  # the member's own
    trend: tuple[CheckIn, ...] = ()  # the member's own answered check-ins, oldest first
    slots: tuple[Slot, ...] = ()  # the practice's protected time, filled for leads only

    @property
    def needs_setup(self) -> bool:
        """A practice is ready once it has both shared spaces."""
        return not all(p in self.spaces for p in SpacePurpose)


class RantDestination(StrEnum):
    """Where a rant goes; the GP chooses."""

    JUST_OUT = "just_out"  # nobody sees it, nothing is kept
    COLLEAGUE = "colleague"
    SPACE = "space"  # the rant space, as themselves
    SPACE_ANONYMOUS = "space_anonymous"


class Topic(StrEnum):
    """What a question is about (optional)."""

    CLINICAL = "clinical"
    PRESCRIBING = "prescribing"
    REFERRALS = "referrals"
    ADMIN = "admin"
    SAFEGUARDING = "safeguarding"
    OTHER = "other"


class Urgency(StrEnum):
    """How soon the asker would like an answer (optional)."""

    NOW = "now"
    TODAY = "today"
    THIS_WEEK = "this_week"


@dataclass(frozen=True, slots=True)
class Rant:
    """A rant that went somewhere. Its words are not kept; who wrote an anonymous one is sealed."""

    id: str
    practice_id: int
    destination: RantDestination
    author: str  # '' when anonymous
    author_sealed: str  # set only when anonymous, until the rant expires
    colleague: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Question:
    """A question run past colleagues. Its words are not kept once posted."""

    id: str
    practice_id: int
    asker: str  # '' when anonymous
    asker_sealed: str
    anonymous: bool
    colleague: str  # '' when it went to the advice space
    topic: Topic | None
    urgency: Urgency | None
    created_at: datetime
    expires_at: datetime
    channel: str = ""  # where it landed, once it has
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer to a question; its words are not kept once delivered."""

    id: str
    question_id: str
    helper: str  # '' when anonymous
    helper_sealed: str
    anonymous: bool
    created_at: datetime
    helpful: bool = False
