"""Every sentence of free now."""

from __future__ import annotations

from datetime import time

from bot.core.text import Text, command
from bot.core.wording import clock

TITLE = "Free now"

SUMMARY = (
    "say you're free for a quick chat or a task (free 30m, free session, free today, free off)"
)

INTRO = (
    "Got a gap? Say so, and colleagues who run something past the practice or pool their work "
    "reach you first. It lapses by itself and never shows while you're in surgery."
)

SPANS = {
    "30m": "For 30 minutes",
    "session": "Until my next surgery",
    "today": "For the rest of today",
}

STOP = "I'm not free any more"


def marked(until: time) -> Text:
    return Text(
        f"Thanks: you're down as free until {clock(until)}. Colleagues who ",
        command("runitpast"),
        " or ",
        command("pool"),
        " now will reach you first. It lapses by itself.",
    )


def status(until: time | None) -> Text:
    if until is None:
        return Text("You're not marked as free. Your ", command("home"), " has the buttons.")
    return Text(f"You're down as free until {clock(until)}.")


STOPPED = "Done: you're no longer shown as free."

NOTHING_TO_STOP = "You weren't marked as free, so nothing changed."

DAY_OVER = "Your working day is over by your own week, so there's nothing to be free for now."

BAD_SPAN = "Say how long: 30m, session or today (or off)."
