"""Neutral text as Teams markdown: escaped words, <at>Name</at> mentions with their entities,
**bold**, > quotes, and the words a person types for a command.

A GP's words are escaped, so they never become markup, a link or a mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.core.text import Kind, Span, Words, as_text

Who = Callable[[str], tuple[str, str]]  # a user id -> (their Teams id, their name)
TYPED = {"runitpast": "run it past", "home": "home"}  # what a person types in the chat
SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def nobody(user_id: str) -> tuple[str, str]:
    """When no names are known: the id itself (tests and the local chat)."""
    return user_id, user_id


@dataclass
class Rendered:
    """Markdown, and the mention entities Teams needs beside it."""

    text: str
    mentions: list[dict[str, Any]] = field(default_factory=list)


def escape(words: str) -> str:
    """HTML's three, then markdown's punctuation, so nothing typed is read as markup."""
    html = words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return SPECIAL.sub(r"\\\1", html)


def markdown(words: Words, who: Who = nobody) -> Rendered:
    """The whole text as one markdown string, with its mentions."""
    out = Rendered("")
    out.text = "".join(_span(span, who, out.mentions) for span in as_text(words))
    return out


def _span(span: Span, who: Who, mentions: list[dict[str, Any]]) -> str:
    value = span.value
    if span.kind is Kind.MENTION:
        teams_id, name = who(value)
        tag = f"<at>{escape(name)}</at>"
        mentions.append(
            {"type": "mention", "text": tag, "mentioned": {"id": teams_id, "name": name}}
        )
        return tag
    if span.kind is Kind.STRONG:
        return f"**{escape(value)}**"
    if span.kind is Kind.QUOTE:
        lines = escape(value).splitlines() or [""]
        return "\n\n".join("> " + line if line.strip() else ">" for line in lines) + "\n\n"
    if span.kind is Kind.CHANNEL:
        return f"**{escape(value)}**"
    if span.kind is Kind.COMMAND:
        return f"**{TYPED.get(value, value)}**"
    return escape(value)


def plain(words: Words, who: Who = nobody) -> str:
    """The words with no markup at all (a dialog's title, a notification's preview)."""
    parts = []
    for span in as_text(words):
        if span.kind is Kind.MENTION:
            parts.append(who(span.value)[1])
        elif span.kind is Kind.COMMAND:
            parts.append(TYPED.get(span.value, span.value))
        else:
            parts.append(span.value)
    return "".join(parts)
