"""The weekly nudge's buttons, as data: snooze it, or turn nudges off."""

from __future__ import annotations

from bot.nudges.service import Nudges
from bot.nudges.values import NudgeAction
from bot.ui.catalogue import Catalogue, Tap, said


def catalogue(nudges: Nudges) -> Catalogue:
    """The nudge's entries, bound to the service."""

    def weeks(value: str) -> int:
        return int(value) if value.isdigit() else 1

    return Catalogue.of(
        [
            Tap(
                NudgeAction.SNOOZE, lambda caller, value: said(nudges.snooze(caller, weeks(value)))
            ),
            Tap(NudgeAction.OFF, lambda caller, _v: said(nudges.turn_off(caller))),
        ]
    )
