"""Mentoring's forms, buttons, command and its part of the home, as data."""

from __future__ import annotations

from bot.core import wording as core_words
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text
from bot.core.values import Caller
from bot.mentoring import wording
from bot.mentoring.service import Mentoring
from bot.mentoring.values import MentorAction, MentorSlot, Profile
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices
from bot.ui.page import Block, controls, divider, heading, note

PROFILE, SLOT = "mentoring_form", "mentoring_slot_form"


def _wants(current: Profile | None) -> str:
    if current is None:
        return "none"
    both = {(True, True): "both", (True, False): "seek", (False, True): "offer"}
    return both.get((current.seeking, current.offering), "none")


def profile_form(current: Profile | None = None) -> Form:
    """Offering, looking, or both; years since registration; interests; a line manager."""
    return Form(
        id=PROFILE,
        title=wording.PROFILE_TITLE,
        intro=Text(wording.INTRO),
        submit=core_words.SAVE,
        fields=_profile_fields(current),
    )


def _profile_fields(current: Profile | None) -> tuple[Field, ...]:
    wants = _wants(current)
    return (
        Field(
            "wants",
            FieldKind.CHOICE,
            wording.WANTS_LABEL,
            choices=choices(wording.WANTS),
            initial=wants,
        ),
        Field(
            "years",
            FieldKind.CHOICE,
            wording.YEARS_LABEL,
            choices=choices(wording.YEARS),
            initial=str(current.years) if current else "",
        ),
        Field(
            "interests",
            FieldKind.CHOICES,
            wording.INTERESTS_LABEL,
            optional=True,
            choices=choices(wording.INTERESTS),
            initial=current.interests if current else (),
        ),
        Field(
            "manager",
            FieldKind.PERSON,
            wording.MANAGER_LABEL,
            optional=True,
            initial=current.line_manager if current else "",
        ),
    )


def slot_form(match_id: str) -> Form:
    """The regular time blocked off for mentoring."""
    days = {str(i): name for i, name in enumerate(core_words.DAY_NAMES[:5])}
    return Form(
        id=SLOT,
        title=wording.SLOT_TITLE,
        submit=core_words.SAVE,
        state=(("match", match_id),),
        fields=(
            Field("day", FieldKind.CHOICE, wording.SLOT_DAY, choices=choices(days)),
            Field("start", FieldKind.TIME, wording.SLOT_START, initial="13:00", hint="13:00"),
            Field(
                "length",
                FieldKind.CHOICE,
                wording.SLOT_LENGTH,
                choices=choices(wording.LENGTHS),
                initial="30",
            ),
            Field(
                "every",
                FieldKind.CHOICE,
                wording.SLOT_EVERY,
                choices=choices(wording.EVERIES),
                initial="2",
            ),
        ),
    )


def section(_view: HomeView) -> list[Block]:
    return [
        divider(),
        heading(wording.TITLE),
        note(wording.INTRO),
        controls(
            Button(MentorAction.PROFILE, wording.EDIT, primary=True),
            Button(MentorAction.FIND, wording.FIND),
        ),
    ]


class Entries:
    """Mentoring's entries, bound to the service."""

    def __init__(self, service: Mentoring) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        service = self.service
        return Catalogue.of(
            [
                Command("mentoring", wording.SUMMARY, self.typed),
                FormSpec(
                    PROFILE, lambda caller, _s: profile_form(service.profile(caller)), self.save
                ),
                FormSpec(SLOT, lambda _c, s: slot_form(s.get("match", "")), self.slot),
                Tap(MentorAction.PROFILE, lambda caller, _v: self.edit(caller)),
                Tap(MentorAction.FIND, lambda caller, _v: said(service.find(caller))),
                Tap(MentorAction.ACCEPT, lambda caller, v: said(service.accept(caller, v))),
                Tap(MentorAction.DECLINE, lambda caller, v: said(service.decline(caller, v))),
                Tap(MentorAction.SLOT, lambda _c, v: Opens(slot_form(v))),
                Tap(MentorAction.END, lambda caller, v: said(service.end(caller, v))),
            ]
        )

    def edit(self, caller: Caller) -> Reply:
        return Opens(profile_form(self.service.profile(caller)))

    def typed(self, caller: Caller, rest: str) -> Reply:
        """`mentoring` opens the profile; `mentoring find` proposes a match."""
        if rest.strip().lower() == "find":
            return said(self.service.find(caller))
        return self.edit(caller)

    def save(self, caller: Caller, answers: Answers) -> Reply:
        wants = answers.choice("wants")
        profile = Profile(
            practice_id=0,  # the service files it under the caller's practice
            user_id=caller.user,
            offering=wants in ("offer", "both"),
            seeking=wants in ("seek", "both"),
            years=answers.number("years"),
            interests=answers.choices("interests"),
            line_manager=answers.person("manager"),
        )
        return said(self.service.save(caller, profile))

    def slot(self, caller: Caller, answers: Answers) -> Reply:
        start = answers.time("start")
        assert start is not None  # required: Answers refuses an empty one
        slot = MentorSlot(
            weekday=answers.number("day"),
            start=start,
            minutes=answers.number("length"),
            every_weeks=answers.number("every"),
            anchor=self.service.today(caller),
        )
        return said(self.service.set_slot(caller, answers.state.get("match", ""), slot))


def catalogue(service: Mentoring) -> Catalogue:
    """Mentoring's entries, bound to the service."""
    return Entries(service).catalogue()
