"""Help, first-use setup of the shared spaces, and the frame of each person's home."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core import wording as core_words
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text
from bot.core.values import Caller, SpacePurpose
from bot.practices import split_forms, wording
from bot.practices.service import Practices
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Slash, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form
from bot.ui.page import Block, Page, controls, divider, heading, note, para

SETUP = "setup_form"
CHOOSE, CREATE = "setup.choose", "setup.create"

SLASH = Slash("/coffeeroom", "What Coffee Room is, and help", "[help | protected-time]")


def setup_form(view: HomeView | None = None) -> Form:
    """A lead picks the two shared channels (or asks the bot to create them)."""
    spaces = view.spaces if view else {}
    current = {p: s.channel_id for p, s in spaces.items()}
    return Form(
        id=SETUP,
        title=wording.SETUP_TITLE,
        intro=Text(wording.SETUP_INTRO),
        submit=core_words.SAVE,
        fields=(
            Field(
                "rants",
                FieldKind.CHANNEL,
                wording.SETUP_RANTS_LABEL,
                initial=current.get(SpacePurpose.RANTS, ""),
            ),
            Field(
                "advice",
                FieldKind.CHANNEL,
                wording.SETUP_ADVICE_LABEL,
                initial=current.get(SpacePurpose.ADVICE, ""),
            ),
        ),
    )


def home_page(view: HomeView, sections: Iterable[list[Block]]) -> Page:
    """Someone's home: what Coffee Room is and is not, each capability's part, help at the end."""
    rants = view.spaces.get(SpacePurpose.RANTS)
    advice = view.spaces.get(SpacePurpose.ADVICE)
    top = [
        heading(core_words.NAME),
        para(core_words.WHAT_IT_IS),
        para(core_words.WHAT_IT_IS_NOT),
        divider(),
        para(
            wording.home_spaces_line(rants.name if rants else None, advice.name if advice else None)
        ),
        note(wording.leads_line(view.leads)),
    ]
    top += split_forms.acting_section(view)
    setup = [*_setup(view), *split_forms.lead_section(view)] if view.is_lead else []
    first, last = (setup, []) if view.needs_setup else ([], setup)  # first use: setup first
    middle = [block for section in sections for block in section]
    bottom = [divider(), para(core_words.COMMANDS), note(core_words.HELP_NOW)]
    return Page(tuple(top + first + middle + last + bottom))


def _setup(view: HomeView) -> list[Block]:
    intro = [heading(wording.SETUP_TITLE)] if view.needs_setup else []
    return [
        divider(),
        *intro,
        para(wording.SETUP_INTRO),
        controls(
            Button(CHOOSE, wording.SETUP_CHOOSE, primary=True),
            Button(CREATE, wording.SETUP_CREATE),
        ),
    ]


def catalogue(practices: Practices) -> Catalogue:
    """Help and setup, bound to the service."""

    def help_(caller: Caller, _rest: str) -> Reply:
        return said(core_words.help_text(is_lead=practices.home(caller).is_lead))

    def choose(caller: Caller, _value: str) -> Reply:
        view = practices.home(caller)
        practices.require_lead_of(caller)
        return Opens(setup_form(view))

    def chosen(caller: Caller, answers: Answers) -> Reply:
        channels = {
            SpacePurpose.RANTS: answers.channel("rants"),
            SpacePurpose.ADVICE: answers.channel("advice"),
        }
        view = practices.set_spaces(caller, channels)
        return said(_saved(view), home=True)

    def create(caller: Caller, _value: str) -> Reply:
        return said(_saved(practices.create_spaces(caller)), home=True)

    return split_forms.catalogue(practices) + Catalogue.of(
        [
            Command("help", wording.HELP_SUMMARY, help_, SLASH),
            Command("setup", wording.SETUP_SUMMARY, lambda c, _r: choose(c, "")),
            Tap(CHOOSE, choose),
            Tap(CREATE, create),
            FormSpec(SETUP, lambda _c, _s: setup_form(), chosen),
        ]
    )


def _saved(view: HomeView) -> Text:
    return wording.spaces_saved(
        view.spaces[SpacePurpose.RANTS].name, view.spaces[SpacePurpose.ADVICE].name
    )
