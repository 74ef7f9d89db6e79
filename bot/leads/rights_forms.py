"""Every GP's data rights as data: a part of Home, the confirmation form, typed commands."""

from __future__ import annotations

from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text
from bot.core.values import Caller
from bot.leads import rights_wording as words
from bot.leads.rights import DataRights
from bot.leads.values import LeadAction
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices
from bot.ui.page import Block, controls, divider, heading, note

CONFIRM = "leads.delete_form"


def confirm_form() -> Form:
    """Delete only after saying so, on purpose: 'no' is the answer it starts with."""
    return Form(
        id=CONFIRM,
        title=words.CONFIRM_TITLE,
        intro=words.CONFIRM_INTRO,
        submit=words.DELETE,
        fields=(
            Field(
                "confirm",
                FieldKind.CHOICE,
                words.CONFIRM_LABEL,
                choices=choices(words.CONFIRM_YES),
                initial="no",
            ),
        ),
    )


def section(_view: HomeView) -> list[Block]:
    """For everyone: see, export, delete."""
    return [
        divider(),
        heading(words.TITLE),
        note(words.INTRO),
        controls(
            Button(LeadAction.MY_DATA, words.SHOW),
            Button(LeadAction.EXPORT, words.EXPORT),
            Button(LeadAction.DELETE, words.DELETE),
        ),
    ]


class Entries:
    """Data rights' entries, bound to the service."""

    def __init__(self, service: DataRights) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        return Catalogue.of(
            [
                Tap(LeadAction.MY_DATA, lambda c, _v: self.show(c)),
                Tap(LeadAction.EXPORT, lambda c, _v: self.export(c)),
                Tap(LeadAction.DELETE, lambda _c, _v: Opens(confirm_form())),
                FormSpec(CONFIRM, lambda _c, _s: confirm_form(), self.confirmed),
                Command("data", words.MY_DATA_SUMMARY, self.typed),
                Command("my", words.MY_DATA_SUMMARY, self.typed_my),
            ]
        )

    def show(self, caller: Caller) -> Reply:
        held = self.service.held(caller)
        lines = [Text(words.held_line(t, len(rows))) for t, rows in held.rows.items()]
        return said(words.TITLE, *lines, Text(words.anonymous_line(len(held.anonymous))))

    def export(self, caller: Caller) -> Reply:
        self.service.export(caller)
        return said(words.EXPORT_QUEUED)

    def confirmed(self, caller: Caller, answers: Answers) -> Reply:
        if answers.choice("confirm") != "yes":
            return said(words.NOT_DELETED)
        self.service.delete(caller)
        return said(words.DELETED, home=True)

    def typed(self, caller: Caller, rest: str) -> Reply:
        """`data`: what is held; `data export`; `data delete` (asks first)."""
        word = rest.strip().lower()
        if word == "export":
            return self.export(caller)
        if word == "delete":
            return Opens(confirm_form())
        return self.show(caller)

    def typed_my(self, caller: Caller, rest: str) -> Reply:
        """`my data`, as a person would say it."""
        return self.typed(caller, rest.strip().removeprefix("data"))


def catalogue(service: DataRights) -> Catalogue:
    return Entries(service).catalogue()
