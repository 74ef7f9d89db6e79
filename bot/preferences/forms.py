"""A GP's own settings as data: their part of the home, the forms and the typed commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.core import wording as core_words
from bot.core.calendar import WEEKDAYS, format_sessions
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.values import Caller, Role
from bot.core.week import Preferences
from bot.preferences import wording
from bot.preferences.service import PreferenceService
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices, parse_date
from bot.ui.page import Block, DatePick, Select, controls, divider, heading, note, para

WEEK, LEAVE, PAUSE_FORM, ROLE_FORM = "week_form", "leave_form", "pause_form", "role_form"
ROLE, CHANGE_WEEK, PAUSE, RESUME = (
    "settings.role",
    "settings.week",
    "settings.pause",
    "settings.resume",
)
ADD_LEAVE, CLEAR_LEAVE = "settings.leave", "settings.leave_clear"
NUDGES, CHECKINS = "settings.nudges", "settings.checkins"  # value "on" or "off"
ROLES = {**wording.ROLE_LABELS, Role.NOT_SET.value: wording.ROLE_NOT_SET}


def week_form(prefs: Preferences) -> Form:
    """'Change my week': the surgeries of each day, and quiet hours."""
    days = tuple(
        Field(
            WEEKDAYS[day],
            FieldKind.CHOICES,
            core_words.DAY_NAMES[day],
            optional=True,
            choices=choices(wording.SURGERY_OPTIONS),
            initial=tuple(prefs.pattern.sessions.get(day, ())),
        )
        for day in range(7)
    )
    quiet_from, quiet_to = (t.strftime("%H:%M") for t in prefs.pattern.quiet)
    return Form(
        id=WEEK,
        title=wording.WEEK_FORM_TITLE,
        intro=wording.WEEK_INTRO_TEXT,
        submit=core_words.SAVE,
        fields=(
            *days,
            Field("quiet_from", FieldKind.TIME, wording.QUIET_FROM_LABEL, initial=quiet_from),
            Field("quiet_to", FieldKind.TIME, wording.QUIET_TO_LABEL, initial=quiet_to),
        ),
    )


def leave_form() -> Form:
    return Form(
        id=LEAVE,
        title=wording.LEAVE_FORM_TITLE,
        submit=core_words.SAVE,
        fields=(
            Field("starts", FieldKind.DATE, wording.LEAVE_FIRST_DAY),
            Field("ends", FieldKind.DATE, wording.LEAVE_ENDS_LABEL),
        ),
    )


def pause_form() -> Form:
    until = Field("until", FieldKind.DATE, wording.PAUSE_PICK, optional=True)
    return Form(id=PAUSE_FORM, title=wording.PAUSE_TITLE, submit=core_words.SAVE, fields=(until,))


def role_form(current: str = "") -> Form:
    role = Field(
        "role", FieldKind.CHOICE, wording.ROLE_LABEL, choices=choices(ROLES), initial=current
    )
    return Form(id=ROLE_FORM, title=wording.ROLE_TITLE, submit=core_words.SAVE, fields=(role,))


def section(view: HomeView) -> list[Block]:
    """Every GP's own settings (only they see their home): role, week, leave, pause, switches."""
    prefs = view.preferences
    if prefs is None:
        return []
    today = view.today or date.min
    pattern = prefs.pattern
    leave = [(a, b) for a, b in pattern.leave if b >= today]
    week = wording.surgeries_line(pattern.sessions, prefs.customised)
    return [
        divider(),
        heading(wording.SETTINGS_TITLE),
        note(wording.SETTINGS_PRIVATE),
        para(
            wording.home_role_line(view.member.role), Select(ROLE, choices(ROLES), view.member.role)
        ),
        para(
            f"{week}\n{wording.quiet_line(pattern.quiet)}", Button(CHANGE_WEEK, wording.CHANGE_WEEK)
        ),
        para(wording.leave_line(leave), Button(ADD_LEAVE, wording.ADD_LEAVE)),
        *([controls(Button(CLEAR_LEAVE, wording.CANCEL_LEAVE))] if leave else []),
        *_pause(pattern.paused_until, today),
        *_switches(prefs, today),
        *_trend(view),
    ]


def _pause(until: date | None, today: date) -> list[Block]:
    if until is None or until < today:
        return [para(wording.PAUSE_HINT, DatePick(PAUSE, wording.PAUSE_PICK))]
    picker = DatePick(PAUSE, wording.PAUSE_PICK, until.isoformat())
    return [para(wording.paused(until), picker), controls(Button(RESUME, wording.RESUME))]


def _trend(view: HomeView) -> list[Block]:
    if not any(c.score is not None for c in view.trend):
        return []
    return [para(wording.trend_of(view.trend)), note(wording.TREND_PRIVATE)]


def _switches(prefs: Preferences, today: date) -> list[Block]:
    nudges = (wording.TURN_NUDGES_OFF, "off") if prefs.nudges_on else (wording.TURN_NUDGES_ON, "on")
    checkins = (
        (wording.STOP_CHECKINS, "off") if prefs.checkins_on else (wording.START_CHECKINS, "on")
    )
    return [
        para(
            wording.nudges_line(prefs.nudges_on, prefs.snoozed_until, today),
            Button(NUDGES, *nudges),
        ),
        para(wording.checkins_line(prefs.checkins_on), Button(CHECKINS, *checkins)),
    ]


SWITCHES = {
    NUDGES: ("nudges", {"on": wording.NUDGES_NOW_ON, "off": wording.NUDGES_NOW_OFF}),
    CHECKINS: ("checkins", {"on": wording.CHECKINS_NOW_ON, "off": wording.CHECKINS_NOW_OFF}),
}


class Entries:
    """A GP's settings, bound to the service; every change is their own."""

    def __init__(self, service: PreferenceService) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        service = self.service
        return Catalogue.of(
            [
                FormSpec(WEEK, lambda caller, _s: week_form(service.get(caller)), self.week),
                FormSpec(LEAVE, lambda _c, _s: leave_form(), self.leave),
                FormSpec(PAUSE_FORM, lambda _c, _s: pause_form(), self.pause_until),
                FormSpec(ROLE_FORM, lambda _c, _s: role_form(), self.role_chosen),
                Tap(ROLE, self.role),
                Tap(CHANGE_WEEK, lambda caller, _v: Opens(week_form(service.get(caller)))),
                Tap(ADD_LEAVE, lambda _c, _v: Opens(leave_form())),
                Tap(CLEAR_LEAVE, lambda caller, _v: said(service.clear_leave(caller), home=True)),
                Tap(PAUSE, self.pause),
                Tap(RESUME, lambda caller, _v: self.pause(caller, "")),
                Tap(NUDGES, lambda caller, value: self.switch(NUDGES, caller, value)),
                Tap(CHECKINS, lambda caller, value: self.switch(CHECKINS, caller, value)),
                Command("week", wording.WEEK_SUMMARY, self.typed_week),
                Command("leave", wording.LEAVE_SUMMARY, self.typed_leave),
                Command("pause", wording.PAUSE_SUMMARY, lambda _c, _r: Opens(pause_form())),
                Command("nudges", wording.NUDGES_SUMMARY, self.typed_switch(NUDGES)),
                Command("checkins", wording.CHECKINS_SUMMARY, self.typed_checkins),
                Command("role", wording.ROLE_SUMMARY, lambda _c, _r: Opens(role_form())),
            ]
        )

    def role(self, caller: Caller, value: str) -> Reply:
        if value not in ROLES:
            return said(core_words.BAD_CHOICE)
        self.service.set_role(caller, role=Role(value))
        return said(wording.role_saved(ROLES[value]), home=True)

    def role_chosen(self, caller: Caller, answers: Answers) -> Reply:
        return self.role(caller, answers.choice("role"))

    def week(self, caller: Caller, answers: Answers) -> Reply:
        sessions = {d: answers.choices(WEEKDAYS[d]) for d in range(7)}
        quiet = (answers.time("quiet_from"), answers.time("quiet_to"))
        prefs = self.service.change(caller, sessions=format_sessions(sessions), quiet=quiet)
        return said(wording.week_saved(prefs.pattern.sessions), home=True)

    def leave(self, caller: Caller, answers: Answers) -> Reply:
        starts, ends = answers.date("starts"), answers.date("ends")
        assert starts is not None and ends is not None  # both required
        self.service.add_leave(caller, starts=starts, ends=ends)
        return said(wording.leave_saved(starts, ends), home=True)

    def pause(self, caller: Caller, value: str) -> Reply:
        until = parse_date(value, "until") if value else None
        self.service.change(caller, paused_until=until)
        return said(wording.paused(until) if until else wording.RESUMED, home=True)

    def pause_until(self, caller: Caller, answers: Answers) -> Reply:
        return self.pause(caller, answers.text("until").strip())

    def switch(self, action: str, caller: Caller, value: str) -> Reply:
        name, replies = SWITCHES[action]
        if value not in replies:
            return said(wording.USAGE[name])
        self.service.change(caller, **{f"{name}_on": value == "on"})
        return said(replies[value], home=True)

    def typed_switch(self, action: str) -> Callable[[Caller, str], Reply]:
        return lambda caller, rest: self.switch(action, caller, rest.strip().lower())

    def typed_week(self, caller: Caller, rest: str) -> Reply:
        prefs = self.service.get(caller)
        if rest.strip():
            return Opens(week_form(prefs))
        return said(wording.WEEK_TITLE, *wording.week_lines(prefs, self.service.today(caller)))

    def typed_leave(self, caller: Caller, rest: str) -> Reply:
        if rest.strip() == "clear":
            return said(self.service.clear_leave(caller))
        return Opens(leave_form())

    def typed_checkins(self, caller: Caller, rest: str) -> Reply:
        if rest.strip():
            return self.switch(CHECKINS, caller, rest.strip().lower())
        return said(wording.trend_of(self.service.trend(caller)))


def catalogue(service: PreferenceService) -> Catalogue:
    """A GP's settings, bound to the service."""
    return Entries(service).catalogue()
