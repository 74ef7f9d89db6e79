"""Forms as prompts and pages as numbered lines: the local chat's one renderer and reader.

Every field kind has a prompt; a refusal re-asks just that field; the guard's findings come back
redacted with 'send this version?'. Nothing here decides: bot/ui's flow runs the catalogue.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.core import wording
from bot.core.errors import Refused
from bot.core.message import Button
from bot.core.text import Text
from bot.ui import flow
from bot.ui.forms import Field, FieldKind, Form, Raw
from bot.ui.page import BlockKind, Control, DatePick, Page, Select
from handlers.chat.world import CHANNELS

if TYPE_CHECKING:
    from handlers.chat.console import Session

TRIES = 3
NOT_SENT = "Not sent; nothing was kept."
YES = ("y", "yes")
HINTS = {
    FieldKind.DATE: "like 2026-12-24 or 24/12/2026",
    FieldKind.TIME: "like 10:30",
    FieldKind.PERSON: "a name, like Ben",
}


def ask_field(session: Session, field: Field) -> Raw:
    """One field, asked the way its kind needs; '' (or ()) when an optional one is skipped."""
    if field.kind in (FieldKind.CHOICE, FieldKind.CHOICES):
        return _choose(session, field)
    if field.kind is FieldKind.YES_NO:
        return "yes" if session.ask(_asked(field.label) + " (y/N)").lower() in YES else ""
    if field.kind is FieldKind.PERSON:
        return _person(session, field)
    if field.kind is FieldKind.CHANNEL:
        where = ", ".join(f"#{c}" for c in CHANNELS)
        return session.ask(_asked(field.label, where)).lstrip("#")
    initial = field.initial if isinstance(field.initial, str) else ""
    keep = f"Enter for {initial}" if initial else ("Enter to skip" if field.optional else "")
    notes = ", ".join(n for n in (HINTS.get(field.kind, field.hint), keep) if n)
    answer = session.ask(_asked(field.label, notes))
    return answer or initial


def _asked(label: str, notes: str = "") -> str:
    """A field's label as a question with any hints in brackets, ending in one question mark
    whether or not the label had its own."""
    base = label.rstrip().removesuffix("?")
    return f"{base} ({notes})?" if notes else f"{base}?"


def _choose(session: Session, field: Field) -> Raw:
    session.say(field.label)
    values = [value for value, _ in field.choices]
    for i, (_, label) in enumerate(field.choices, start=1):
        session.say(f"    {i}. {label}")
    several = field.kind is FieldKind.CHOICES
    initial = (field.initial,) if isinstance(field.initial, str) else field.initial
    current = [str(values.index(v) + 1) for v in initial if v in values]
    if current:
        skip = f" (Enter for {' '.join(current)}" + (", 0 for none)" if several else ")")
    else:
        skip = " (Enter to skip)" if field.optional or several else ""
    prompt = ("Numbers, with spaces between" if several else "Number") + skip + "?"
    for _ in range(TRIES):
        answer = session.ask(prompt)
        none = several and answer.lower() in ("0", "-", "none")
        picked = [] if none else (answer.replace(",", " ").split() if answer else current)
        if all(p.isdigit() and 1 <= int(p) <= len(values) for p in picked):
            chosen = tuple(values[int(p) - 1] for p in picked)
            return chosen if several else (chosen[0] if chosen else "")
        session.say(f"Please answer with a number from 1 to {len(values)}.")
    raise Refused(wording.NOTHING_CHANGED)


def _person(session: Session, field: Field) -> str:
    for _ in range(TRIES):
        name = session.ask(_asked(field.label, HINTS[FieldKind.PERSON]))
        if not name and field.optional:
            return ""
        person = session.world.find_person(name) if name else None
        if person is not None:
            return person.user_id
        session.say("I don't know who that is. Try Asha, Ben, Chloe, Dev or Emma.")
    raise Refused(wording.NOTHING_CHANGED)


def fill(session: Session, form: Form) -> None:
    """Ask for a form's fields, send it, and re-ask what was refused until it goes or gives up."""
    session.say(form.title)
    if form.intro:
        session.say(form.intro)
    for note in form.notes:
        session.say(note)
    raw: dict[str, Raw] = {}
    for field in form.fields:
        other, wanted = field.when
        if not other or raw.get(other) == wanted:
            answer = _prefilled(session, form, field)
            if answer is None:  # they chose not to send the redacted words
                return
            raw[field.name] = answer
    key = f"chat:{uuid.uuid4()}"
    misses: dict[str, int] = {}
    while max(misses.values(), default=0) < TRIES:
        outcome = flow.submit(
            session.catalogue, session.caller, form.id, dict(form.state), raw, key
        )
        if isinstance(outcome, (flow.Done, flow.Open)):
            session.show(outcome)
            return
        if isinstance(outcome, flow.Problem):
            session.say(outcome.text)
            if not outcome.field:  # about the whole form: nothing more to ask
                return
            misses[outcome.field] = misses.get(outcome.field, 0) + 1
            if misses[outcome.field] < TRIES:
                raw[outcome.field] = ask_field(session, _named(form, outcome.field))
            continue
        misses["guard"] = misses.get("guard", 0) + 1
        if not _resend(session, outcome.form, raw):
            return
    session.say(wording.NOTHING_CHANGED)


def _prefilled(session: Session, form: Form, field: Field) -> Raw | None:
    if not (field.kind is FieldKind.TEXT and isinstance(field.initial, str) and field.initial):
        return ask_field(session, field)
    if form.notice and field.guarded:  # the words that came with the command were redacted
        raw: dict[str, Raw] = {}
        return raw[field.name] if _resend(session, form, raw) else None
    return field.initial  # words that came with the command


def _named(form: Form, name: str) -> Field:
    found = form.field(name)
    assert found is not None  # flow.submit names one of the form's own fields
    return found


def _resend(session: Session, again: Form, raw: dict[str, Raw]) -> bool:
    """The guard objected: show why and the redacted words; send those, edit, or stop."""
    session.say(again.notice)
    guarded = next(f for f in again.fields if f.guarded or f.kind is FieldKind.TEXT)
    redacted = str(guarded.initial)
    session.say(f"    {redacted}")
    choice = session.ask("Send this version? (yes / edit / no)").lower()
    if choice in YES:
        raw[guarded.name] = redacted
    elif choice == "edit":
        raw[guarded.name] = session.ask(guarded.label)
    else:
        session.say(NOT_SENT)
        return False
    return True


def page_lines(page: Page, say: Callable[[object], None]) -> list[Control]:
    """A page as numbered lines; returns its controls, numbered from 1 as [h1], [h2]…"""
    found: list[Control] = []
    for block in page.blocks:
        if block.kind is BlockKind.DIVIDER:
            say("")
            continue
        if block.text:
            say(block.text if block.kind is not BlockKind.NOTE else Text("(", block.text, ")"))
        for control in block.controls:
            found.append(control)
            say(f"    [h{len(found)}] {_label(control)}")
    return found


def _label(control: Control) -> str:
    if isinstance(control, Button):
        return control.label
    if isinstance(control, Select):
        current = dict(control.choices).get(control.current, "")
        return f"choose ({current})" if current else "choose"
    return control.placeholder


def control_value(session: Session, control: Control) -> str:
    """What a control is set to: a button's value, a choice, or a date (Enter clears it)."""
    if isinstance(control, Button):
        return control.value
    if isinstance(control, Select):
        field = Field("pick", FieldKind.CHOICE, "Which?", choices=control.choices)
        return str(_choose(session, field))
    assert isinstance(control, DatePick)
    return session.ask(_asked(control.placeholder, f"{HINTS[FieldKind.DATE]}, Enter to clear"))
