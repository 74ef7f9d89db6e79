"""The weekly check-in's buttons and its 'choose a colleague' form, as data."""

from __future__ import annotations

from bot.checkins import wording
from bot.checkins.service import Checkins
from bot.checkins.values import CheckinAction
from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.core.text import Text
from bot.core.values import Caller
from bot.ui.catalogue import Catalogue, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form

COLLEAGUE = "checkin_colleague_form"


def colleague_form(checkin_id: str) -> Form:
    """'Yes, I'll choose': who should check in (they learn nothing of the answer)."""
    return Form(
        id=COLLEAGUE,
        title=wording.CHOOSE_TITLE,
        fields=(Field("colleague", FieldKind.PERSON, wording.CHOOSE_LABEL),),
        notes=(Text(wording.CHOOSE_NOTE),),
        state=(("checkin", checkin_id),),
    )


def _number(value: str) -> int:
    if not value.isdigit():
        raise Refused(core_words.BAD_CHOICE)
    return int(value)


def catalogue(checkins: Checkins) -> Catalogue:
    """The check-in's entries, bound to the service."""

    def chosen(caller: Caller, answers: Answers) -> Reply:
        checkin = _number(answers.state.get("checkin", ""))
        colleague = answers.person("colleague")
        return said(checkins.ask_colleague(caller, checkin_id=checkin, colleague=colleague))

    def match(caller: Caller, value: str) -> Reply:
        return said(checkins.ask_colleague(caller, checkin_id=_number(value)))

    return Catalogue.of(
        [
            Tap(
                CheckinAction.SCORE,
                lambda caller, value: said(checkins.answer(caller, value=value)),
            ),
            Tap(CheckinAction.MATCH, match),
            Tap(CheckinAction.CHOOSE, lambda _c, value: Opens(colleague_form(value))),
            Tap(CheckinAction.NO, lambda _c, _v: said(wording.CHECKIN_NO_REPLY)),
            Tap(CheckinAction.SKIP, lambda _c, _v: said(wording.SKIPPED)),
            FormSpec(COLLEAGUE, lambda _c, state: colleague_form(state.get("checkin", "")), chosen),
        ]
    )
