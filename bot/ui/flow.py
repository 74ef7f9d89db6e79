"""The one way every surface runs an interaction, so none of them decides anything.

A command, a tap or a submitted form goes to the catalogue; what comes back is one of four
outcomes for the adapter to show: words (Done), a form to open (Open), the same form again with
the guard's findings redacted (Again), or a refusal under one field (Problem).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.errors import Refused
from bot.core.text import Text, as_text
from bot.core.values import Caller
from bot.safety.checks import Unsafe
from bot.ui.catalogue import Catalogue, Opens, Reply, Said, said
from bot.ui.forms import Answers, FieldKind, Form, Raw


@dataclass(frozen=True, slots=True)
class Done:
    said: Said


@dataclass(frozen=True, slots=True)
class Open:
    form: Form


@dataclass(frozen=True, slots=True)
class Again:
    form: Form  # refilled, the guarded text redacted, the notice saying why


@dataclass(frozen=True, slots=True)
class Problem:
    field: str  # '' when the refusal is about the form as a whole
    text: Text


Outcome = Done | Open | Again | Problem


def _outcome(reply: Reply) -> Done | Open:
    return Open(reply.form) if isinstance(reply, Opens) else Done(reply)


def command(catalogue: Catalogue, caller: Caller, name: str, rest: str = "") -> Done | Open:
    """Someone typed a command."""
    entry = catalogue.commands[name]
    try:
        return _outcome(entry.run(caller, rest))
    except Refused as refusal:
        return Done(said(refusal.text))
    except Unsafe as unsafe:  # pre-filled words the guard objected to
        return Done(said(unsafe.explanation))


def tap(catalogue: Catalogue, caller: Caller, action: str, value: str) -> Done | Open:
    """Someone tapped a button or picked something on a page."""
    try:
        return _outcome(catalogue.taps[action].run(caller, value))
    except Refused as refusal:
        return Done(said(refusal.text, home=True))


def form(catalogue: Catalogue, caller: Caller, form_id: str, state: Mapping[str, str]) -> Form:
    """A form built again from the state it carried."""
    return catalogue.forms[form_id].build(caller, state)


def submit(
    catalogue: Catalogue,
    caller: Caller,
    form_id: str,
    state: Mapping[str, str],
    raw: Mapping[str, Raw],
    key: str,
) -> Outcome:
    """Someone sent a form: the capability decides, and this says how it went.

    `key` names this submission (a platform's view id): a retried one changes nothing more.
    """
    spec = catalogue.forms[form_id]
    built = spec.build(caller, state)
    try:
        return _outcome(spec.submit(caller, Answers(built, raw, key)))
    except Unsafe as unsafe:
        guarded = _guarded_field(built, unsafe.field)
        redacted = {**raw, guarded: unsafe.redacted(str(raw.get(guarded, "")))}
        return Again(built.refilled(redacted, unsafe.explanation))
    except Refused as refusal:  # under its field; '' when it is about the whole form
        names = [f.name for f in built.fields]
        return Problem(refusal.field if refusal.field in names else "", as_text(refusal.text))


def _guarded_field(built: Form, named: str) -> str:
    if built.field(named) is not None:
        return named
    texts = [f.name for f in built.fields if f.guarded or f.kind is FieldKind.TEXT]
    return texts[0] if texts else named
