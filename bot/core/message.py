"""What the bot says, in platform-neutral form, and the buttons under it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
