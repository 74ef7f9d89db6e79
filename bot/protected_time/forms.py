"""Protected time's forms, buttons, commands and its part of a lead's home, as data."""

from __future__ import annotations

from collections.abc import Callable

from bot.core import wording as core_words
from bot.core.calendar import Region
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text
from bot.core.values import Caller
from bot.core.week import DayPart, Slot, SlotKind
from bot.protected_time import wording
from bot.protected_time.service import ProtectedTime, SlotRequest
from bot.protected_time.values import SlotAction
from bot.ui.catalogue import Catalogue, Command, Entry, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices
from bot.ui.page import Block, Select, controls, divider, heading, note, para

SLOT, CLOSURE = "protected_time.slot_form", "protected_time.closure_form"
REGION = "protected_time.region_form"
ADD_SLOT, REMOVE_SLOT = "protected_time.add", "protected_time.remove"
ADD_CLOSURE, PICK_REGION = "protected_time.closure", "protected_time.region"


def slot_form() -> Form:
    """A lead adds protected time."""
    days = {str(i): name for i, name in enumerate(core_words.DAY_NAMES)}
    lengths = {str(n): wording.minutes(n) for n in wording.SLOT_LENGTHS}
    return Form(
        id=SLOT,
        title=wording.SLOT_FORM_TITLE,
        submit=core_words.SAVE,
        fields=(
            Field("day", FieldKind.CHOICE, wording.PICK_DAY, choices=choices(days)),
            Field("start", FieldKind.TIME, wording.PICK_START, initial="12:30", hint="10:30"),
            Field(
                "length",
                FieldKind.CHOICE,
                wording.PICK_LENGTH,
                choices=choices(lengths),
                initial="15",
            ),
            Field(
                "repeat",
                FieldKind.CHOICE,
                wording.SLOT_REPEAT_LABEL,
                choices=choices(wording.REPEATS),
                initial="1",
            ),
            Field("first", FieldKind.DATE, wording.SLOT_FIRST_WEEK, optional=True),
            Field("channel", FieldKind.CHANNEL, wording.SLOT_CHANNEL_LABEL),
            Field(
                "kind",
                FieldKind.CHOICE,
                wording.SLOT_KIND_LABEL,
                choices=choices(core_words.KIND_LABELS),
                initial="coffee",
            ),
        ),
    )


def closure_form() -> Form:
    """A closed day, or a protected-learning half day: protected time is skipped then."""
    return Form(
        id=CLOSURE,
        title=wording.CLOSURE_FORM_TITLE,
        submit=core_words.SAVE,
        fields=(
            Field("day", FieldKind.DATE, wording.CLOSURE_DATE),
            Field(
                "part",
                FieldKind.CHOICE,
                wording.CLOSURE_PART_LABEL,
                choices=choices(wording.CLOSURE_PARTS),
                initial="pm",
            ),
            Field(
                "reason",
                FieldKind.CHOICE,
                wording.CLOSURE_REASON_LABEL,
                choices=choices(wording.CLOSURE_REASONS),
                initial="plt",
            ),
        ),
    )


def region_form(current: str = "") -> Form:
    return Form(
        id=REGION,
        title=wording.REGION_TITLE,
        submit=core_words.SAVE,
        fields=(
            Field(
                "region",
                FieldKind.CHOICE,
                wording.REGION_LABEL,
                choices=choices(wording.REGIONS),
                initial=current,
            ),
        ),
    )


def describe(slot: Slot) -> Text:
    return wording.slot_line(
        slot.kind, slot.weekday, slot.start, slot.minutes, slot.every_weeks, slot.channel_name
    )


def section(view: HomeView) -> list[Block]:
    """For leads: each slot with a Remove button, adding slots and closures, bank holidays."""
    if not view.is_lead:
        return []
    slots = [para(describe(s), Button(REMOVE_SLOT, wording.REMOVE, str(s.id))) for s in view.slots]
    region = Select(PICK_REGION, choices(wording.REGIONS), view.practice.holiday_region)
    return [
        divider(),
        heading(wording.PT_TITLE),
        note(wording.PT_INTRO),
        *(slots or [para(wording.NO_SLOTS)]),
        controls(
            Button(ADD_SLOT, wording.ADD_SLOT, primary=True),
            Button(ADD_CLOSURE, wording.ADD_CLOSURE),
        ),
        para(wording.REGION_LABEL, region),
    ]


class Entries:
    """Protected time's entries, bound to the service."""

    def __init__(self, service: ProtectedTime) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        entries: list[Entry] = [
            FormSpec(SLOT, lambda _c, _s: slot_form(), self.add),
            FormSpec(CLOSURE, lambda _c, _s: closure_form(), self.close),
            FormSpec(REGION, lambda _c, _s: region_form(), self.region_chosen),
            Tap(ADD_SLOT, lambda caller, _v: self.opens(caller, slot_form())),
            Tap(ADD_CLOSURE, lambda caller, _v: self.opens(caller, closure_form())),
            Tap(REMOVE_SLOT, self.remove),
            Tap(PICK_REGION, self.region),
            Command("protected", wording.PROTECTED_SUMMARY, self.typed),
            Command("protected-time", wording.PROTECTED_SUMMARY, self.typed_add),
            Command("closure", wording.CLOSURE_SUMMARY, self.typed_closure),
            Command("region", wording.REGION_SUMMARY, self.typed_region),
        ]
        entries += [Tap(action, self.answer_for(action)) for action in SlotAction]
        return Catalogue.of(entries)

    def opens(self, caller: Caller, form: Form) -> Reply:
        self.service.require_lead(caller)  # a courtesy before any question: saving checks again
        return Opens(form)

    def add(self, caller: Caller, answers: Answers) -> Reply:
        request = SlotRequest(
            weekday=answers.number("day"),
            start=answers.time("start") or wording.DEFAULT_START,
            minutes=answers.number("length"),
            every_weeks=answers.number("repeat"),
            channel=answers.channel("channel"),
            kind=SlotKind(answers.choice("kind")),
            first_week=answers.date("first"),
        )
        slot, first = self.service.add_slot(caller, request=request)
        return said(wording.slot_saved(describe(slot), first), home=True)

    def close(self, caller: Caller, answers: Answers) -> Reply:
        day = answers.date("day")
        assert day is not None  # required: Answers refuses an empty one
        part, reason = DayPart(answers.choice("part")), answers.choice("reason")
        self.service.add_closure(caller, closure_day=day, part=part, reason=reason)
        return said(wording.CLOSURE_SAVED, home=True)

    def region(self, caller: Caller, value: str) -> Reply:
        if value not in set(Region):
            return said(core_words.BAD_CHOICE)
        self.service.set_region(caller, region=Region(value))
        return said(wording.REGION_SAVED.format(region=wording.REGIONS[value]), home=True)

    def region_chosen(self, caller: Caller, answers: Answers) -> Reply:
        return self.region(caller, answers.choice("region"))

    def remove(self, caller: Caller, value: str) -> Reply:
        if not value.isdigit() or int(value) not in {s.id for s in self.service.slots(caller)}:
            return said(wording.NO_SUCH_SLOT)
        self.service.remove_slot(caller, slot_id=int(value))
        return said(wording.SLOT_REMOVED, home=True)

    def typed(self, caller: Caller, rest: str) -> Reply:
        """`protected`: the slots; `protected add`; `protected remove N`."""
        word, _, number = rest.strip().partition(" ")
        if word == "add":
            return self.typed_add(caller, "")
        if word == "remove":
            self.service.require_lead(caller)
            return self.remove(caller, number.strip())
        slots = self.service.slots(caller)
        lines = [Text(f"{s.id}. ", describe(s)) for s in slots]
        return said(wording.SLOTS_TITLE if slots else wording.NO_SLOTS, *lines)

    def typed_add(self, caller: Caller, _rest: str) -> Reply:
        return self.opens(caller, slot_form())

    def typed_closure(self, caller: Caller, _rest: str) -> Reply:
        return self.opens(caller, closure_form())

    def typed_region(self, caller: Caller, _rest: str) -> Reply:
        return self.opens(caller, region_form())

    def answer_for(self, action: SlotAction) -> Callable[[Caller, str], Reply]:
        """I'm in, can't today, or whether they got to take it."""
        return lambda caller, value: said(self.service.answer(caller, action=action, value=value))


def catalogue(service: ProtectedTime) -> Catalogue:
    """Protected time's entries, bound to the service."""
    return Entries(service).catalogue()
