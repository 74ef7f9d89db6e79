"""The catalogue: every command, button and form a capability offers, and what each one does.

Each capability declares its entries once (in its forms module) with functions from the caller
and their input to a Reply; the assembly merges them; each platform's adapter registers one
generic listener per kind of interaction and looks the rest up here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from bot.core.text import Text, Words, as_text
from bot.core.values import Caller
from bot.safety.checks import prefill
from bot.ui.forms import Answers, Form


@dataclass(frozen=True, slots=True)
class Said:
    """A reply in words, shown only to the person who asked."""

    text: Text
    more: tuple[Text, ...] = ()  # further paragraphs (crisis help, say)
    home: bool = False  # the change shows on the person's home: show it again


def said(*paragraphs: Words, home: bool = False) -> Said:
    """A reply of one or more paragraphs (empty ones are left out)."""
    texts = [as_text(p) for p in paragraphs if p]
    return Said(texts[0] if texts else Text(), tuple(texts[1:]), home)


@dataclass(frozen=True, slots=True)
class Opens:
    """The reply is a form to fill in."""

    form: Form


Reply = Said | Opens
CommandRun = Callable[[Caller, str], Reply]  # (who, the words after the command)
TapRun = Callable[[Caller, str], Reply]  # (who, the button's value or what they picked)
Build = Callable[[Caller, Mapping[str, str]], Form]  # (who, the form's state) -> the form
SubmitRun = Callable[[Caller, Answers], Reply]


@dataclass(frozen=True, slots=True)
class Slash:
    """A command's own slash command on Slack, as the app manifest declares it."""

    command: str  # "/rant"
    description: str
    usage: str = ""


@dataclass(frozen=True, slots=True)
class Command:
    """Something a person types: `rant` (and on Slack, a slash command such as /rant)."""

    name: str
    summary: str  # one line for the local chat's command list
    run: CommandRun
    slash: Slash | None = None  # Slack's own slash command, when it has one


@dataclass(frozen=True, slots=True)
class Tap:
    """A button under a message, or a control on a page."""

    action: str
    run: TapRun


@dataclass(frozen=True, slots=True)
class FormSpec:
    """A form: how to build it again from its state, and what submitting it does."""

    id: str
    build: Build
    submit: SubmitRun


Entry = Command | Tap | FormSpec


@dataclass(frozen=True)
class Catalogue:
    """Every entry, by its id; ids are unique across capabilities."""

    commands: dict[str, Command] = field(default_factory=dict)
    taps: dict[str, Tap] = field(default_factory=dict)
    forms: dict[str, FormSpec] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Catalogue:
        catalogue = cls()
        for entry in entries:
            catalogue.add(entry)
        return catalogue

    def add(self, entry: Entry) -> None:
        table: dict[str, object]
        if isinstance(entry, Command):
            table, key = self.commands, entry.name  # type: ignore[assignment]
        elif isinstance(entry, Tap):
            table, key = self.taps, entry.action  # type: ignore[assignment]
        else:
            table, key = self.forms, entry.id  # type: ignore[assignment]
        if key in table:
            raise ValueError(f"two catalogue entries share the id {key!r}")
        table[key] = entry

    def __add__(self, other: Catalogue) -> Catalogue:
        return Catalogue.of([*self.entries(), *other.entries()])

    def entries(self) -> list[Entry]:
        return [*self.commands.values(), *self.taps.values(), *self.forms.values()]


def prefilled(build: Callable[[str, Words], Form], words: str) -> Opens:
    """A form opened with the words that came with a command, redacted (and why) if need be."""
    safe, notice = prefill(words)
    return Opens(build(safe, notice))
