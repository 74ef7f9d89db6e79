"""Practices inside one workspace, as data: the split form, each practice's own settings, the
leads' part of the home, and a locum's "acting for" choice."""

from __future__ import annotations

from functools import partial

from bot.core import wording as core_words
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text
from bot.core.values import Caller, Platform, Practice
from bot.practices import wording
from bot.practices.split import Divisions, NewPractice
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices
from bot.ui.page import Block, controls, divider, heading, note, para

SPLIT, SETTINGS = "practices.split_form", "practices.settings_form"
OPEN_SPLIT, OPEN_SETTINGS, ACT = "practices.split", "practices.settings", "practices.act_for"


def _zone_and_region(practice: Practice) -> tuple[Field, Field]:
    return (
        Field(  # no initial value: each surface asks, and empty keeps the zone it has
            "timezone",
            FieldKind.TEXT,
            wording.keep_label(wording.ZONE_LABEL, practice.timezone),
            optional=True,
            hint=wording.ZONE_HINT,
        ),
        Field(
            "region",
            FieldKind.CHOICE,
            wording.REGION_LABEL,
            optional=True,  # left empty: as it is
            choices=choices(core_words.REGIONS),
            initial=practice.holiday_region,
        ),
    )


def split_form(practice: Practice) -> Form:
    """A lead makes a practice of a channel; the first time, the current practice takes a
    channel of its own too, and the form says what happens to its records before they confirm."""
    unsplit = practice.channel_id is None
    label = wording.SPLIT_FIRST_LABEL.format(name=practice.name)
    first = (Field("first_channel", FieldKind.CHANNEL, label),) if unsplit else ()
    before = wording.SPLIT_FIRST_NOTE.format(name=practice.name) if unsplit else ""
    return Form(
        id=SPLIT,
        title=wording.SPLIT_TITLE,
        intro=Text(wording.SPLIT_INTRO),
        notes=tuple(Text(n) for n in (before, wording.SPLIT_ADD_NOTE) if n),
        submit=wording.SPLIT_SUBMIT,
        fields=(
            *first,
            Field("channel", FieldKind.CHANNEL, wording.SPLIT_CHANNEL_LABEL),
            Field("name", FieldKind.TEXT, wording.SPLIT_NAME_LABEL, optional=True),
            *_zone_and_region(practice),
        ),
    )


def settings_form(practice: Practice) -> Form:
    """A lead names their practice and sets its time zone and bank holidays."""
    return Form(
        id=SETTINGS,
        title=wording.SETTINGS_TITLE,
        submit=core_words.SAVE,
        fields=(
            Field(
                "name",
                FieldKind.TEXT,
                wording.keep_label(wording.SETTINGS_NAME_LABEL, practice.name),
                optional=True,
            ),
            *_zone_and_region(practice),
        ),
    )


def lead_section(view: HomeView) -> list[Block]:
    """What a lead sees about the workspace's practices (no split on Teams: a team is one)."""
    practice = view.practice
    buttons = [Button(OPEN_SETTINGS, wording.SETTINGS_BUTTON)]
    if practice.platform is not Platform.TEAMS:
        split = wording.SPLIT_BUTTON if practice.channel_id is None else wording.ADD_BUTTON
        buttons.insert(0, Button(OPEN_SPLIT, split))
    region = core_words.REGIONS.get(practice.holiday_region, practice.holiday_region)
    return [
        divider(),
        heading(wording.SPLIT_TITLE),
        para(wording.practice_line(practice.name, practice.timezone, region)),
        controls(*buttons),
    ]


def acting_section(view: HomeView) -> list[Block]:
    """For someone in several practices: which one they act for, and a way to switch."""
    if not view.elsewhere:
        return []
    others = [p.name for p in view.elsewhere]
    return [
        note(wording.acting_for(view.practice.name, others)),
        controls(*(Button(ACT, wording.act_for_label(p.name), str(p.id)) for p in view.elsewhere)),
    ]


def _open_split(practices: Divisions, caller: Caller, _value: str) -> Reply:
    practices.authorise(caller, "practices.split")  # a refusal is audited, as the change's
    return Opens(split_form(practices.current(caller)))


def _split(practices: Divisions, caller: Caller, answers: Answers) -> Reply:
    request = NewPractice(
        channel=answers.channel("channel"),
        name=answers.text("name"),
        timezone=answers.text("timezone"),
        region=answers.choice("region"),
        first_channel=answers.channel("first_channel"),  # '' once the workspace is split
    )
    made = practices.split(caller, request)
    text = wording.split_done(made.practice.name, made.members, made.practice.timezone)
    return said(text, home=True)


def _open_settings(practices: Divisions, caller: Caller, _value: str) -> Reply:
    practices.authorise(caller, "practice.settings")
    return Opens(settings_form(practices.current(caller)))


def _settle(practices: Divisions, caller: Caller, answers: Answers) -> Reply:
    practice = practices.settle(
        caller,
        name=answers.text("name"),
        timezone=answers.text("timezone"),
        region=answers.choice("region"),
    )
    region = core_words.REGIONS.get(practice.holiday_region, practice.holiday_region)
    text = wording.SETTINGS_SAVED.format(name=practice.name, zone=practice.timezone, region=region)
    return said(text, home=True)


def _act(practices: Divisions, caller: Caller, value: str) -> Reply:
    if not value.strip():
        return said(wording.choose_practice(practices.mine(caller)))
    return said(wording.now_acting_for(practices.act_for(caller, value).name), home=True)


def catalogue(practices: Divisions) -> Catalogue:
    """Splitting, each practice's settings and acting for one, bound to the service."""
    return Catalogue.of(
        [
            Command("split", wording.SPLIT_SUMMARY, partial(_open_split, practices)),
            Command("practice", wording.ACTING_SUMMARY, partial(_act, practices)),
            Tap(OPEN_SPLIT, partial(_open_split, practices)),
            Tap(OPEN_SETTINGS, partial(_open_settings, practices)),
            Tap(ACT, partial(_act, practices)),
            FormSpec(
                SPLIT, lambda c, _s: split_form(practices.current(c)), partial(_split, practices)
            ),
            FormSpec(
                SETTINGS,
                lambda c, _s: settings_form(practices.current(c)),
                partial(_settle, practices),
            ),
        ]
    )
