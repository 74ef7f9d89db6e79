"""Welcome's buttons, as data (it has no command: newcomers are found by the `welcome` job)."""

from __future__ import annotations

from bot.ui.catalogue import Catalogue, Tap, said
from bot.welcome.service import Welcomes
from bot.welcome.values import WelcomeAction


def catalogue(service: Welcomes) -> Catalogue:
    """Welcome's buttons, bound to the service."""
    return Catalogue.of(
        [
            Tap(WelcomeAction.YES, lambda caller, _v: said(service.answer(caller, True))),
            Tap(WelcomeAction.NO, lambda caller, _v: said(service.answer(caller, False))),
            Tap(WelcomeAction.BUDDY_YES, lambda caller, v: said(service.buddy(caller, v, True))),
            Tap(WelcomeAction.BUDDY_NO, lambda caller, v: said(service.buddy(caller, v, False))),
        ]
    )
