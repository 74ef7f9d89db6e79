"""Neutral text as the local chat prints it: names for mentions, quotes indented, #channels."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.text import Kind, Span, Words, as_text

COMMANDS = {"help": "help", "rant": "rant", "runitpast": "runitpast", "home": "home"}


def plain(words: Words, name: Callable[[str], str] = str) -> str:
    """The text for a terminal; `name` turns a user id into a person's name."""

    def span(s: Span) -> str:
        if s.kind is Kind.MENTION:
            return name(s.value)
        if s.kind is Kind.QUOTE:
            return "\n".join("  | " + line for line in s.value.splitlines())
        if s.kind is Kind.CHANNEL:
            return f"#{s.value}"
        if s.kind is Kind.COMMAND:
            return f"`{COMMANDS.get(s.value, s.value)}`"
        return s.value

    return "".join(span(s) for s in as_text(words))
