"""Rant's form, buttons and command, as data: every surface renders them the same way."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core import wording as core_words
from bot.core.text import Text, Words
from bot.core.values import Caller
from bot.rants import wording
from bot.rants.service import RantRequest, Rants
from bot.rants.values import RantAction, RantDestination
from bot.safety import wording as safety_words
from bot.ui.catalogue import Catalogue, Command, FormSpec, Reply, Slash, Tap, prefilled, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices, words_field

FORM = "rant"

SLASH = Slash("/rant", "Let off steam for five minutes", "[what's on your mind]")


def rant_form(words: str = "", notice: Words = "") -> Form:
    """The rant form, pre-filled (and redacted, with `notice` saying why) when words came along."""
    return Form(
        id=FORM,
        title=wording.RANT_TITLE,
        intro=Text(wording.RANT_INTRO),
        fields=(
            words_field("text", wording.RANT_TEXT_LABEL, words),
            Field(
                "destination",
                FieldKind.CHOICE,
                wording.RANT_WHERE_LABEL,
                choices=choices(wording.RANT_DESTINATIONS),
                initial=RantDestination.JUST_OUT,
            ),
            Field(
                "colleague",
                FieldKind.PERSON,
                wording.RANT_COLLEAGUE_LABEL,
                optional=True,
                when=("destination", RantDestination.COLLEAGUE),
            ),
        ),
        notes=(Text(core_words.ANONYMITY_HONESTY),),
        notice=Text(notice),
    )


def catalogue(rants: Rants) -> Catalogue:
    """Rant's entries, bound to the service."""

    def start(_caller: Caller, words: str) -> Reply:
        return prefilled(rant_form, words)

    def build(_caller: Caller, _state: Mapping[str, str]) -> Form:
        return rant_form()

    def submit(caller: Caller, answers: Answers) -> Reply:
        destination = RantDestination(answers.choice("destination") or RantDestination.JUST_OUT)
        request = RantRequest(answers.text("text"), destination, answers.person("colleague"))
        outcome = rants.submit(caller, request=request, key=answers.key)
        help_now = safety_words.CRISIS_REPLY if outcome.signposted else ""
        return said(
            wording.rant_done(outcome.destination, outcome.where, signposted=outcome.signposted),
            help_now,
        )

    def reply(action: RantAction) -> Tap:
        return Tap(
            action, lambda caller, value: said(rants.reply(caller, rant_id=value, action=action))
        )

    return Catalogue.of(
        [
            Command(
                "rant",
                "let off steam: privately, to a colleague, or to the rant channel",
                start,
                SLASH,
            ),
            FormSpec(FORM, build, submit),
            reply(RantAction.HEAR_YOU),
            reply(RantAction.COFFEE),
        ]
    )
