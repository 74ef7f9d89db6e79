"""What a practice's people read about setting up, leads and shared spaces."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.text import Text, channel, joined, mention

SETUP_TITLE = "Let's set up Coffee Room"

SETUP_INTRO = (
    "Pick (or create) two channels: one where colleagues can rant, and one for running "
    "questions past each other. I'll join them. You can change them later here."
)

SETUP_RANTS_LABEL = "Channel for rants"

SETUP_ADVICE_LABEL = "Channel for questions"

SETUP_CREATE = "Create #coffee-room and #run-it-past for me"

SETUP_SAVE = "Use these channels"

SETUP_NEEDS_BOTH = "Please choose a channel for rants and one for questions."


def spaces_saved(rants: str, advice: str) -> Text:
    """Confirmation after a lead picks the channels."""
    return Text("Saved. Rants go to ", channel(rants), " and questions to ", channel(advice), ".")


def home_spaces_line(rants: str | None, advice: str | None) -> Text:
    """Where things go, as shown on the home."""
    if not rants or not advice:
        return Text("The shared channels aren't chosen yet.")
    return Text("Rants go to ", channel(rants), "; questions go to ", channel(advice), ".")


def leads_line(leads: Sequence[str]) -> Text:
    """Who the practice leads are (by user id)."""
    if not leads:
        return Text("Practice leads: none yet")
    return Text("Practice leads: ", joined(", ", [mention(u) for u in leads]))


SETUP_CHOOSE = "Choose the channels"
HELP_SUMMARY = "what Coffee Room is, and what you can do"
SETUP_SUMMARY = "(leads) choose the channels for rants and questions"
