"""Forms as data: a handful of field kinds that every surface can render and read back.

Slack renders a Form as a modal, Teams as an Adaptive Card, the local chat as prompts; each reads
the answers back into the same raw values (a string, or a tuple of strings for several choices),
and `Answers` turns them into typed values, refusing a bad one under its own field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum

from bot.core import wording
from bot.core.errors import Refused
from bot.core.text import Text, Words, as_text
from bot.safety.checks import MAX_TEXT

Raw = str | tuple[str, ...]  # what a surface reads back for one field


class FieldKind(StrEnum):
    """What a field asks for."""

    TEXT = "text"
    CHOICE = "choice"  # one of `choices`
    CHOICES = "choices"  # any of `choices`
    PERSON = "person"  # a member of the practice, by user id
    CHANNEL = "channel"  # a shared space, by channel id
    DATE = "date"
    TIME = "time"
    YES_NO = "yes_no"


@dataclass(frozen=True, slots=True)
class Field:
    """One question on a form."""

    name: str
    kind: FieldKind
    label: str
    optional: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label), for CHOICE and CHOICES
    initial: Raw = ""  # for YES_NO: "yes" when ticked
    max_length: int = 0  # TEXT: the most it accepts (0: a single line's worth)
    guarded: bool = False  # TEXT the patient-data guard reads: sent back redacted if it objects
    hint: str = ""  # how to type it, where a surface asks rather than offers a picker
    when: tuple[str, str] = ("", "")  # (field, value): only matters when that field has it


@dataclass(frozen=True, slots=True)
class Form:
    """A form: its fields, what surrounds them, and the state it carries there and back."""

    id: str
    title: str
    fields: tuple[Field, ...]
    intro: Text = field(default_factory=Text)
    notes: tuple[Text, ...] = ()
    submit: str = wording.SEND
    state: tuple[tuple[str, str], ...] = ()  # e.g. the question being answered
    notice: Text = field(default_factory=Text)  # why it came back (shown above the fields)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def refilled(self, raw: Mapping[str, Raw], notice: Words) -> Form:
        """The same form, showing what was typed (as `raw` says) and why it came back."""
        fields = tuple(replace(f, initial=raw.get(f.name, f.initial)) for f in self.fields)
        return replace(self, fields=fields, notice=as_text(notice))


def choices(labels: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(value, label) pairs from a mapping of value to label."""
    return tuple(labels.items())


UK_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")


class Answers:
    """A submitted form's answers, typed; a bad or missing one is refused under its field."""

    def __init__(self, form: Form, raw: Mapping[str, Raw], key: str = "") -> None:
        self.form = form
        self.raw = raw
        self.state = dict(form.state)
        self.key = key  # this submission's own id: sending it twice does it once

    def _one(self, name: str) -> str:
        value = self.raw.get(name, "")
        found = value[0] if isinstance(value, tuple) and value else value
        text = str(found or "").strip()
        spec = self.form.field(name)
        if not text and spec is not None and not spec.optional:
            raise Refused(wording.FILL_THIS_IN, field=name)
        return text

    def text(self, name: str) -> str:
        """Free text as typed (the service checks it: empty, too long, the guard)."""
        value = self.raw.get(name, "")
        return value if isinstance(value, str) else " ".join(value)

    def choice(self, name: str) -> str:
        """The value chosen ('' when an optional choice was left empty)."""
        value = self._one(name)
        spec = self.form.field(name)
        if value and spec is not None and value not in dict(spec.choices):
            raise Refused(wording.BAD_CHOICE, field=name)
        return value

    def choices(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name, ())
        picked = (value,) if isinstance(value, str) and value else tuple(value or ())
        spec = self.form.field(name)
        allowed = dict(spec.choices) if spec is not None else {}
        if any(v not in allowed for v in picked):
            raise Refused(wording.BAD_CHOICE, field=name)
        return picked

    def person(self, name: str) -> str:
        return self._one(name)

    def channel(self, name: str) -> str:
        return self._one(name).lstrip("#")

    def yes(self, name: str) -> bool:
        return self._one(name).lower() in ("yes", "y", "true", "on")

    def date(self, name: str) -> date | None:
        value = self._one(name)
        return parse_date(value, name) if value else None

    def time(self, name: str) -> time | None:
        value = self._one(name)
        if not value:
            return None
        found = CLOCK.fullmatch(value)
        try:
            if found is None:
                raise ValueError(value)
            return time(int(found[1]), int(found[2]))
        except ValueError as exc:
            raise Refused(wording.BAD_TIME, field=name) from exc

    def number(self, name: str) -> int:
        """A choice whose values are whole numbers."""
        value = self.choice(name)
        try:
            return int(value)
        except ValueError as exc:
            raise Refused(wording.BAD_CHOICE, field=name) from exc


def parse_date(value: str, field_name: str = "") -> date:
    """2026-12-24, or the UK's 24/12/2026 (also with dots or dashes); refused otherwise."""
    try:
        found = UK_DATE.fullmatch(value.strip())
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError as exc:
        raise Refused(wording.BAD_DATE, field=field_name) from exc


def words_field(name: str, label: str, words: str = "") -> Field:
    """A GP's own words: long enough for five minutes' worth, and read by the guard."""
    return Field(name, FieldKind.TEXT, label, initial=words, max_length=MAX_TEXT, guarded=True)
