"""Coffee pairing's buttons, commands, the leads' setting and its part of the home, as data."""

from __future__ import annotations

from bot.core import wording as core_words
from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.values import Caller
from bot.pairing import wording
from bot.pairing.service import Pairing
from bot.pairing.values import PairingAction
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Tap, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices
from bot.ui.page import Block, controls, divider, heading, note

CADENCE = "pairing_form"


def cadence_form() -> Form:
    """Leads: how often coffee pairing runs."""
    every = Field(
        "every",
        FieldKind.CHOICE,
        wording.EVERY_LABEL,
        choices=choices(wording.CADENCES),
        initial="2",
    )
    return Form(id=CADENCE, title=wording.SETTINGS_TITLE, submit=core_words.SAVE, fields=(every,))


def section(view: HomeView) -> list[Block]:
    """Join or leave; for leads, how often and 'pair now'."""
    blocks = [
        divider(),
        heading(wording.TITLE),
        note(wording.INTRO),
        controls(
            Button(PairingAction.JOIN, wording.JOIN, primary=True),
            Button(PairingAction.LEAVE, wording.LEAVE),
        ),
    ]
    if view.is_lead:
        blocks.append(
            controls(
                Button(PairingAction.SETTINGS, wording.SETTINGS_TITLE),
                Button(PairingAction.NOW, wording.PAIR_NOW),
            )
        )
    return blocks


class Entries:
    """Coffee pairing's entries, bound to the service."""

    def __init__(self, service: Pairing) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        service = self.service
        return Catalogue.of(
            [
                Command("pairing", wording.SUMMARY, self.typed),
                FormSpec(CADENCE, lambda _c, _s: cadence_form(), self.cadence),
                Tap(PairingAction.JOIN, lambda caller, _v: said(service.opt(caller, True))),
                Tap(PairingAction.LEAVE, lambda caller, _v: said(service.opt(caller, False))),
                Tap(PairingAction.SKIP, lambda caller, v: said(service.skip(caller, v))),
                Tap(PairingAction.MET, lambda caller, v: said(service.met(caller, v, True))),
                Tap(PairingAction.MISSED, lambda caller, v: said(service.met(caller, v, False))),
                Tap(PairingAction.SETTINGS, lambda caller, _v: self.settings(caller)),
                Tap(PairingAction.NOW, lambda caller, _v: said(service.pair_now(caller))),
            ]
        )

    def settings(self, caller: Caller) -> Reply:
        self.service.practices.require_lead_of(caller)  # a courtesy: saving checks again
        return Opens(cadence_form())

    def cadence(self, caller: Caller, answers: Answers) -> Reply:
        return said(self.service.set_cadence(caller, answers.number("every")))

    def typed(self, caller: Caller, rest: str) -> Reply:
        """`pairing` (how things stand), `pairing on|off`, leads: `pairing every`, `pairing now`."""
        word = rest.strip().lower()
        if word in ("on", "join"):
            return said(self.service.opt(caller, True))
        if word in ("off", "leave"):
            return said(self.service.opt(caller, False))
        if word == "every":
            return self.settings(caller)
        if word == "now":
            return said(self.service.pair_now(caller))
        return said(self.service.status(caller))


def catalogue(service: Pairing) -> Catalogue:
    """Coffee pairing's entries, bound to the service."""
    return Entries(service).catalogue()
