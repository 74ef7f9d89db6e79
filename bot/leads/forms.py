"""The leads' console as data: its part of Home, its forms, buttons and typed commands."""

from __future__ import annotations

from bot.core import wording as core_words
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text
from bot.core.values import Caller, SpacePurpose, WeekDefaults
from bot.leads import wording
from bot.leads.digest import Leadership
from bot.leads.insights import MODERATORS, Week
from bot.leads.service import Console
from bot.leads.values import LeadAction
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Tap, TapRun, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices
from bot.ui.page import Block, Select, controls, divider, heading, note, para

LEAD_FORM = "leads.lead_form"
WEEK_FORM = "leads.week_form"
CLOSURES_SHOWN = 6
ANONYMOUS = {
    LeadAction.ANONYMOUS_RANTS: SpacePurpose.RANTS,
    LeadAction.ANONYMOUS_ADVICE: SpacePurpose.ADVICE,
}


def lead_form() -> Form:
    return Form(
        id=LEAD_FORM,
        title=wording.LEAD_FORM_TITLE,
        submit=core_words.SAVE,
        fields=(Field("person", FieldKind.PERSON, wording.LEAD_FORM_PERSON),),
    )


def week_form(current: WeekDefaults | None = None) -> Form:
    """The practice's nudge and check-in defaults; opened showing the current ones."""
    now = current or WeekDefaults()
    on_off = choices(wording.ON_OFF)
    return Form(
        id=WEEK_FORM,
        title=wording.WEEK_FORM_TITLE,
        submit=core_words.SAVE,
        intro=Text(wording.WEEK_FORM_INTRO),
        fields=(
            Field(
                "nudges",
                FieldKind.CHOICE,
                wording.WEEK_NUDGES,
                choices=on_off,
                initial="on" if now.nudges_on else "off",
            ),
            Field(
                "checkins",
                FieldKind.CHOICE,
                wording.WEEK_CHECKINS,
                choices=on_off,
                initial="on" if now.checkins_on else "off",
            ),
            Field(
                "day",
                FieldKind.CHOICE,
                wording.WEEK_DAY,
                choices=choices(wording.WEEK_DAYS),
                initial=str(now.weekday),
            ),
            Field(
                "hour",
                FieldKind.CHOICE,
                wording.WEEK_HOUR,
                choices=choices(wording.WEEK_HOURS),
                initial=str(now.hour),
            ),
        ),
    )


def figure_lines(week: Week) -> list[Text]:
    """This week's protected figures, each naming what it speaks to."""
    lines = []
    for key, figure in week.figures.items():
        share = week.participation if key == "active" else None
        lines.append(wording.figure_line(wording.FIGURES[key], figure.value, figure.serves, share))
    return lines


def moderator_lines(addressing: dict[str, bool]) -> list[Text]:
    yes = [m for m in MODERATORS if addressing.get(m)]
    no = [m for m in MODERATORS if not addressing.get(m)]
    return [
        Text(wording.moderators_line(yes, addressing=True)),
        Text(wording.moderators_line(no, addressing=False)),
    ]


def _lines(texts: list[Text]) -> Text:
    return Text(*(Text(t, "\n") if i < len(texts) - 1 else t for i, t in enumerate(texts)))


def section(view: HomeView, console: Console | None) -> list[Block]:
    """A lead's console (nothing for anyone else): leads, settings, closures, insights, audit."""
    if not view.is_lead or console is None:
        return []
    return [*_leads(console), *_settings(console), *_insights(console), *_audit(console)]


def _leads(console: Console) -> list[Block]:
    rows = [
        para(Text(name), Button(LeadAction.REMOVE_LEAD, wording.REMOVE, user))
        for user, name in console.leads
    ]
    return [
        divider(),
        heading(wording.LEADS_TITLE),
        note(wording.LEADS_INTRO),
        *rows,
        controls(Button(LeadAction.ADD_LEAD, wording.ADD_LEAD)),
    ]


def _settings(console: Console) -> list[Block]:
    s, d = console.settings, console.defaults
    yes_no = choices(wording.ALLOWED)
    closures = [
        para(
            wording.closure_line(c.day, c.part, c.reason),
            Button(LeadAction.REMOVE_CLOSURE, wording.REMOVE, c.day.isoformat()),
        )
        for c in console.closures[:CLOSURES_SHOWN]
    ]
    return [
        divider(),
        heading(wording.SETTINGS_TITLE),
        para(
            wording.RANT_DAYS_LABEL,
            Select(LeadAction.RANT_DAYS, choices(wording.RANT_DAYS), str(s.rant_days)),
        ),
        para(
            wording.ANONYMOUS_LABELS["rants"],
            Select(LeadAction.ANONYMOUS_RANTS, yes_no, "yes" if s.anonymous_rants else "no"),
        ),
        para(
            wording.ANONYMOUS_LABELS["advice"],
            Select(LeadAction.ANONYMOUS_ADVICE, yes_no, "yes" if s.anonymous_advice else "no"),
        ),
        note(wording.WEEK_LABEL),
        para(
            wording.week_defaults_line(d.nudges_on, d.checkins_on, d.weekday, d.hour),
            Button(LeadAction.WEEK_DEFAULTS, wording.WEEK_CHANGE),
        ),
        note(wording.CLOSURES_TITLE),
        *(closures or [para(wording.NO_CLOSURES)]),
    ]


def _insights(console: Console) -> list[Block]:
    review = console.review
    running = review is not None and not review.reported
    return [
        divider(),
        heading(wording.INSIGHTS_TITLE),
        note(wording.INSIGHTS_INTRO),
        para(_lines(figure_lines(console.insights.this_week))),
        para(_lines(moderator_lines(console.insights.addressing))),
        controls(
            Button(LeadAction.CHART, wording.SEND_CHART),
            Button(LeadAction.CSV, wording.SEND_CSV),
        ),
        note(
            wording.review_running(review.ends_on) if running and review else wording.REVIEW_INTRO
        ),
        *([] if running else [controls(Button(LeadAction.REVIEW, wording.REVIEW_START))]),
    ]


def _audit(console: Console) -> list[Block]:
    return [
        divider(),
        heading(wording.AUDIT_TITLE),
        para(_lines(list(console.audit)) if console.audit else Text(wording.AUDIT_EMPTY)),
        controls(Button(LeadAction.AUDIT, wording.AUDIT_MORE)),
    ]


class Entries:
    """The console's entries, bound to the service."""

    def __init__(self, service: Leadership) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        s = self.service
        return Catalogue.of(
            [
                FormSpec(LEAD_FORM, lambda _c, _s: lead_form(), self.lead_added),
                FormSpec(WEEK_FORM, lambda _c, _s: week_form(), self.week_chosen),
                Tap(LeadAction.WEEK_DEFAULTS, self.opens_week_form),
                Tap(LeadAction.ADD_LEAD, self.opens_lead_form),
                Tap(LeadAction.REMOVE_LEAD, self.lead_removed),
                Tap(LeadAction.REMOVE_CLOSURE, self.closure_removed),
                Tap(LeadAction.RANT_DAYS, self.rant_days),
                *(Tap(action, self.anonymous(action)) for action in ANONYMOUS),
                Tap(LeadAction.CHART, lambda c, _v: self.file(c, "chart")),
                Tap(LeadAction.CSV, lambda c, _v: self.file(c, "csv")),
                Tap(LeadAction.REVIEW, lambda c, _v: said(s.start_review(c), home=True)),
                Tap(LeadAction.AUDIT, lambda c, _v: said(wording.AUDIT_TITLE, *s.full_audit(c))),
                Tap(LeadAction.INSIGHTS, lambda c, _v: self.typed_insights(c, "")),
                Command("leads", wording.LEAD_SUMMARY, self.typed_leads),
                Command("insights", wording.INSIGHTS_SUMMARY, self.typed_insights),
                Command("review", wording.REVIEW_SUMMARY, lambda c, _r: said(s.start_review(c))),
            ]
        )

    def opens_lead_form(self, caller: Caller, _value: str) -> Reply:
        self.service.require(caller)  # a courtesy before the form: saving checks again
        return Opens(lead_form())

    def lead_added(self, caller: Caller, answers: Answers) -> Reply:
        user = answers.person("person")
        self.service.add_lead(caller, user)
        return said(wording.lead_added(user), home=True)

    def lead_removed(self, caller: Caller, value: str) -> Reply:
        self.service.remove_lead(caller, value)
        return said(wording.lead_removed(value), home=True)

    def closure_removed(self, caller: Caller, value: str) -> Reply:
        self.service.remove_closure(caller, value)
        return said(wording.CLOSURE_REMOVED, home=True)

    def rant_days(self, caller: Caller, value: str) -> Reply:
        if not value.isdigit():
            return said(core_words.BAD_CHOICE)
        self.service.set_rant_days(caller, int(value))
        return said(wording.SETTING_SAVED, home=True)

    def anonymous(self, action: LeadAction) -> TapRun:
        def run(caller: Caller, value: str) -> Reply:
            if value not in wording.ALLOWED:
                return said(core_words.BAD_CHOICE)
            self.service.set_anonymous(caller, ANONYMOUS[action], value == "yes")
            return said(wording.SETTING_SAVED, home=True)

        return run

    def opens_week_form(self, caller: Caller, _value: str) -> Reply:
        return Opens(week_form(self.service.week_defaults(caller)))  # refused unless a lead

    def week_chosen(self, caller: Caller, answers: Answers) -> Reply:
        defaults = WeekDefaults(
            nudges_on=answers.choice("nudges") == "on",
            checkins_on=answers.choice("checkins") == "on",
            weekday=answers.number("day"),
            hour=answers.number("hour"),
        )
        self.service.set_week_defaults(caller, defaults)
        return said(wording.WEEK_SAVED, home=True)

    def file(self, caller: Caller, what: str) -> Reply:
        self.service.send(caller, what)
        return said(wording.FILE_ON_ITS_WAY)

    def typed_leads(self, caller: Caller, rest: str) -> Reply:
        """`leads`: who leads; `leads add` opens the form; `leads remove ID`."""
        word, _, user = rest.strip().partition(" ")
        if word == "add":
            return self.opens_lead_form(caller, "")
        if word == "remove":
            return self.lead_removed(caller, user.strip())
        console = self.service.console(caller)
        if console is None:
            self.service.require(caller)
        assert console is not None
        return said(wording.LEADS_TITLE, *(Text(f"{u}: {n}") for u, n in console.leads))

    def typed_insights(self, caller: Caller, _rest: str) -> Reply:
        console = self.service.console(caller)
        if console is None:
            self.service.require(caller)
        assert console is not None
        found = console.insights
        lines = figure_lines(found.this_week) + moderator_lines(found.addressing)
        return said(wording.INSIGHTS_TITLE, wording.INSIGHTS_INTRO, *lines)


def catalogue(service: Leadership) -> Catalogue:
    return Entries(service).catalogue()
