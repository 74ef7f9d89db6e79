"""What the bot says, in platform-neutral form, and the buttons under it."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from bot.core.text import Text, Words, as_text


@dataclass(frozen=True, slots=True)
class Button:
    """A one-tap answer under a message."""

    action: str  # a capability's own action id, e.g. 'rant.hear_you'
    label: str
    value: str = ""
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a message (a chart, an export): kept in the outbox only until sent."""

    name: str  # 'coffee-room-2026-W48.png'
    title: str
    data: bytes

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "data": base64.b64encode(self.data).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: object) -> Attachment | None:
        if not isinstance(data, dict):
            return None
        return cls(str(data["name"]), str(data["title"]), base64.b64decode(str(data["data"])))


@dataclass(frozen=True, slots=True, init=False)
class Message:
    """What the bot says, in platform-neutral form; each platform renders it."""

    text: Text
    buttons: tuple[Button, ...]
    note: Text  # a small line under the text (e.g. 'Posted anonymously')
    thread: str  # the platform's reference of the message this replies under
    file: Attachment | None  # for DeliveryKind.FILE

    def __init__(
        self,
        text: Words,
        buttons: tuple[Button, ...] = (),
        note: Words = "",
        thread: str = "",
        file: Attachment | None = None,
    ) -> None:
        object.__setattr__(self, "text", as_text(text))
        object.__setattr__(self, "buttons", tuple(buttons))
        object.__setattr__(self, "note", as_text(note))
        object.__setattr__(self, "thread", thread)
        object.__setattr__(self, "file", file)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form for the outbox."""
        return {
            "text": self.text.to_json(),
            "buttons": [
                {"action": str(b.action), "label": b.label, "value": b.value, "primary": b.primary}
                for b in self.buttons
            ],
            "note": self.note.to_json(),
            "thread": self.thread,
            **({"file": self.file.to_dict()} if self.file else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Message:
        """The inverse of to_dict."""
        buttons = data.get("buttons") or []
        assert isinstance(buttons, list)
        return cls(
            text=Text.from_json(data.get("text", "")),
            buttons=tuple(
                Button(str(b["action"]), str(b["label"]), str(b["value"]), bool(b["primary"]))
                for b in buttons
            ),
            note=Text.from_json(data.get("note", "")),
            thread=str(data.get("thread", "")),
            file=Attachment.from_dict(data.get("file")),
        )
