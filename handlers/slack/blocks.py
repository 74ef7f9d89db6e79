"""Block Kit primitives, and a message (its text, note and buttons) as blocks."""

from __future__ import annotations

from typing import Any

from bot.core.message import Message
from bot.core.text import Words
from handlers.slack import render

Blocks = list[dict[str, Any]]


def mrkdwn(text: Words) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": render.mrkdwn(text)}


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def section(text: Words) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text)}


def context(text: Words) -> dict[str, Any]:
    return {"type": "context", "elements": [mrkdwn(text)]}


def button(action_id: str, label: str, value: str = "", primary: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "button", "action_id": action_id, "text": plain(label)}
    if value:
        element["value"] = value
    if primary:
        element["style"] = "primary"
    return element


def message_blocks(message: Message) -> Blocks:
    """A domain message as blocks: its text, an optional note, and its buttons."""
    blocks: Blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece}}
        for piece in render.chunks(message.text)
    ]
    if message.note:
        blocks.append(context(message.note))
    if message.buttons:
        elements, used = [], set()
        for i, b in enumerate(message.buttons):
            # Action ids must be unique within a block; a suffix keeps repeated ones so.
            action_id = str(b.action) if b.action not in used else f"{b.action}#{i}"
            used.add(b.action)
            elements.append(button(action_id, b.label, b.value, b.primary))
        blocks.append({"type": "actions", "elements": elements})
    return blocks
