"""Neutral text as Slack mrkdwn: escaped words, <@U…> mentions, *bold*, > quotes, /commands.

Slack shows at most 3,000 characters in one section, so long text is split across sections at
line breaks (never trimmed): whatever a form accepted lands whole.
"""

from __future__ import annotations

from bot.core.text import Kind, Span, Words, as_text

SECTION_LIMIT = 3000
SLASH = {"help": "/coffeeroom", "rant": "/rant", "runitpast": "/runitpast"}
PLACES = {"home": "Coffee Room's Home tab"}


def escape(words: str) -> str:
    """Slack's three control characters, so a GP's words never become markup or mentions."""
    return words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _span(span: Span) -> str:
    value = span.value
    if span.kind is Kind.MENTION:
        return f"<@{value}>"
    if span.kind is Kind.STRONG:
        return f"*{escape(value)}*"
    if span.kind is Kind.QUOTE:
        lines = escape(value).splitlines() or [""]
        return "\n".join("> " + line if line.strip() else ">" for line in lines)
    if span.kind is Kind.CHANNEL:
        return f"#{escape(value)}"
    if span.kind is Kind.COMMAND:
        return PLACES.get(value) or f"`{SLASH.get(value, '/' + value)}`"
    return escape(value)


def mrkdwn(words: Words) -> str:
    """The whole text as one mrkdwn string."""
    return "".join(_span(span) for span in as_text(words))


def chunks(words: Words, limit: int = SECTION_LIMIT) -> list[str]:
    """mrkdwn split into pieces of at most `limit` characters, at line breaks where possible."""
    pieces: list[str] = []
    current = ""
    for line in mrkdwn(words).split("\n"):
        while len(line) > limit:  # one very long line: cut at a space before the limit
            cut = line.rfind(" ", 0, limit) if " " in line[:limit] else limit
            cut = cut if cut > 0 else limit
            current, pieces = _flush(current, pieces)
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    _, pieces = _flush(current, pieces)
    return pieces or [""]


def _flush(current: str, pieces: list[str]) -> tuple[str, list[str]]:
    if current:
        pieces.append(current)
    return "", pieces
