"""Helpers for the connections tests: send what is queued, and read what each person received."""

from __future__ import annotations

from typing import Any

from bot.app.assembly import Assembly
from tests.fakes.slack_api import FakeSlack


def sent(assembly: Assembly) -> None:
    """Deliver everything queued (to the fake Slack)."""
    while assembly.services.outbox.drain().sent:
        pass


def inbox(fake: FakeSlack, where: str) -> list[dict[str, Any]]:
    """Messages a person (by user id) or a channel received, oldest first."""
    return fake.messages(where)


def texts(fake: FakeSlack, where: str) -> list[str]:
    """The words of each message there (Slack's fallback text and every block's)."""
    found = []
    for message in inbox(fake, where):
        words = [message.get("text", "")]
        words += [str(b["text"]["text"]) for b in message.get("blocks", []) if _texty(b)]
        found.append("\n".join(words))
    return found


def button(message: dict[str, Any], label_starts: str) -> tuple[str, str]:
    """The action id and value of the button whose label starts with `label_starts`."""
    for block in message.get("blocks", []):
        for element in block.get("elements", []):
            if not isinstance(element, dict) or element.get("type") != "button":
                continue
            label = element["text"]["text"]
            if label.startswith(label_starts):
                return element["action_id"], element.get("value", "")
    raise AssertionError(f"no button starting {label_starts!r}")


def _texty(block: dict[str, Any]) -> bool:
    return isinstance(block.get("text"), dict) and "text" in block["text"]
