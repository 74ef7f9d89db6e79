"""Free now's command and its part of the home, as data."""

from __future__ import annotations

from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.values import Caller
from bot.free_now import wording
from bot.free_now.service import FreeNow
from bot.free_now.values import FreeAction, Span
from bot.ui.catalogue import Catalogue, Command, Reply, Tap, said
from bot.ui.page import Block, controls, divider, heading, note

WORDS = {"30m": Span.HALF_HOUR, "30": Span.HALF_HOUR, "session": Span.SESSION, "today": Span.TODAY}


def section(view: HomeView) -> list[Block]:
    """Buttons to say you're free, and to stop."""
    marks = [Button(FreeAction.MARK, label, span) for span, label in wording.SPANS.items()]
    return [
        divider(),
        heading(wording.TITLE),
        note(wording.INTRO),
        controls(*marks, Button(FreeAction.STOP, wording.STOP)),
    ]


class Entries:
    """Free now's entries, bound to the service."""

    def __init__(self, service: FreeNow) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        return Catalogue.of(
            [
                Command("free", wording.SUMMARY, self.typed),
                Tap(FreeAction.MARK, self.mark),
                Tap(FreeAction.STOP, lambda caller, _v: self.stop(caller)),
            ]
        )

    def mark(self, caller: Caller, value: str) -> Reply:
        if value not in set(Span):
            return said(wording.BAD_SPAN)
        return said(wording.marked(self.service.mark(caller, Span(value))))

    def stop(self, caller: Caller) -> Reply:
        return said(wording.STOPPED if self.service.stop(caller) else wording.NOTHING_TO_STOP)

    def typed(self, caller: Caller, rest: str) -> Reply:
        """`free` (how things stand), `free 30m|session|today`, `free off`."""
        word = rest.strip().lower()
        if not word:
            return said(wording.status(self.service.until(caller)))
        if word in ("off", "stop", "no"):
            return self.stop(caller)
        span = WORDS.get(word)
        return self.mark(caller, span) if span else said(wording.BAD_SPAN)


def catalogue(service: FreeNow) -> Catalogue:
    """Free now's entries, bound to the service."""
    return Entries(service).catalogue()
