"""Neutral rich text: words, with mentions, emphasis, quotes, channels and commands as tokens.

Nothing in bot/ writes a chat platform's syntax. A sentence is built as
`Text("Posted in ", channel(name), ". ", strong("Thanks"))` and each platform's renderer turns
the tokens into its own markup (Slack mentions and bold, Teams mentions and markdown, a plain
name in the local chat), escaping the words as that platform needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Union


class Kind(StrEnum):
    """What a span of text is."""

    PLAIN = "plain"
    STRONG = "strong"  # emphasis: a heading or the point of a sentence
    MENTION = "mention"  # a person, by the platform's user id
    QUOTE = "quote"  # a GP's own words, shown as a quotation (never as markup)
    CHANNEL = "channel"  # a shared space, by name
    COMMAND = "command"  # one of Coffee Room's commands, by its neutral name


@dataclass(frozen=True, slots=True)
class Span:
    """One run of text of one kind."""

    kind: Kind
    value: str


Part = Union[str, Span, "Text"]


class Text(tuple[Span, ...]):
    """A sequence of spans; build it from strings, spans and other Texts."""

    __slots__ = ()

    def __new__(cls, *parts: Part) -> Text:
        spans: list[Span] = []
        for part in parts:
            if isinstance(part, Text):
                spans.extend(part)
            elif isinstance(part, Span):
                spans.append(part)
            elif part:
                spans.append(Span(Kind.PLAIN, part))
        return super().__new__(cls, spans)

    def __add__(self, other: object) -> Text:
        if not isinstance(other, (str, Span, Text)):
            return NotImplemented
        return Text(self, other)

    def __radd__(self, other: object) -> Text:
        if not isinstance(other, (str, Span)):
            return NotImplemented
        return Text(other, self)

    def words(self) -> str:
        """The text with every token as its bare value (for tests and length checks)."""
        return "".join(span.value for span in self)

    def to_json(self) -> list[list[str]]:
        """A JSON-ready form for the outbox."""
        return [[str(span.kind), span.value] for span in self]

    @classmethod
    def from_json(cls, data: object) -> Text:
        """The inverse of to_json; a bare string (an older outbox row) is plain text."""
        if isinstance(data, str):
            return cls(data)
        if not isinstance(data, list):
            return cls()
        return cls(*(Span(Kind(str(kind)), str(value)) for kind, value in data))


def text(*parts: Part) -> Text:
    """Text from strings, spans and Texts (a shorter spelling of `Text(...)`)."""
    return Text(*parts)


def strong(value: str) -> Span:
    return Span(Kind.STRONG, value)


def mention(user_id: str) -> Span:
    return Span(Kind.MENTION, user_id)


def quote(value: str) -> Span:
    return Span(Kind.QUOTE, value)


def channel(name: str) -> Span:
    return Span(Kind.CHANNEL, name)


def command(name: str) -> Span:
    """One of Coffee Room's commands by neutral name: 'rant', 'runitpast' or 'help'."""
    return Span(Kind.COMMAND, name)


def joined(separator: str, parts: Iterable[Part]) -> Text:
    """Parts with `separator` between them."""
    out: list[Part] = []
    for i, part in enumerate(parts):
        if i:
            out.append(separator)
        out.append(part)
    return Text(*out)


Words = str | Text  # what wording hands to a renderer: plain words, or tokens


def as_text(words: Words) -> Text:
    """Plain words or Text, as Text."""
    return words if isinstance(words, Text) else Text(words)
