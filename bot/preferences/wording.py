"""Every sentence about a GP's own settings: their week, leave, pauses and switches."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from bot.core.text import Text, strong
from bot.core.week import CheckIn, Preferences
from bot.core.wording import DAY_NAMES, PARTS, clock, long_day

PREFS_SAVED = "Saved."

BAD_SESSIONS = "Write your surgeries like: mon:am,pm tue:am thu:pm"

BAD_RANGE = "The end date should be on or after the start."

WEEK_TITLE = Text(strong("Your week"), " (only you see this):")

SURGERIES_LABEL = "Your surgeries, like mon:am,pm tue:am thu:pm (Enter to keep them)"

LEAVE_STARTS_LABEL = "First day of leave (like 2026-12-24)"

LEAVE_ENDS_LABEL = "Last day of leave"


ROLE_LABEL = "Your role (optional)"

ROLE_LABELS = {
    "partner": "Partner",
    "salaried": "Salaried GP",
    "locum": "Locum",
    "trainee": "GP trainee",
}

NUDGES_NOW_ON = "Weekly nudges are on: at most one a week, never during surgery."

NUDGES_NOW_OFF = "Weekly nudges are off. Nothing else changes."

CHECKINS_NOW_ON = (
    "Check-ins are on: once a week, at a free moment. Only you will ever see your answers."
)

CHECKINS_NOW_OFF = "Check-ins are off. Your past answers stay yours alone."


def surgeries_line(sessions: dict[int, tuple[str, ...]], customised: bool) -> str:
    days = [
        f"{DAY_NAMES[d]} {' and '.join(PARTS[p] for p in parts)}"
        for d, parts in sorted(sessions.items())
        if parts
    ]
    usual = "" if customised else " (the usual pattern, until you set yours)"
    return (
        f"Surgeries: {'; '.join(days) or 'none'}{usual}. Nudges and check-ins come only "
        "outside them, between 10:00 and 17:30 on days you work."
    )


def nudges_line(on: bool, snoozed_until: date | None, today: date) -> str:
    if not on:
        return "Weekly nudges: off."
    if snoozed_until and today <= snoozed_until:
        return f"Weekly nudges: snoozed until {long_day(snoozed_until)}."
    return "Weekly nudges: on (at most one a week)."


def checkins_line(on: bool) -> str:
    return "Check-ins: on (only you see your answers)." if on else "Check-ins: off (opt-in)."


def leave_line(leave: list[tuple[date, date]]) -> str:
    if not leave:
        return "Leave: none booked."
    return "Leave: " + "; ".join(f"{long_day(s)} to {long_day(e)}" for s, e in leave) + "."


def paused(until: date | None) -> str:
    if until is None:
        return "Not paused: nudges and check-ins can reach you."
    return f"Paused until {long_day(until)}: nothing from Coffee Room until then."


def leave_saved(starts: date, ends: date) -> str:
    return f"Saved: nothing from Coffee Room from {long_day(starts)} to {long_day(ends)}."


def role_saved(label: str) -> str:
    return f"Saved. Your role: {label}."


SETTINGS_TITLE = "Your settings"

SETTINGS_PRIVATE = "Only you can see your Home tab, and only you can change these."

ROLE_NOT_SET = "Not set"

CHANGE_WEEK = "Change my week"

WEEK_FORM_TITLE = "Your working week"

WEEK_INTRO = (
    "Tick the surgeries you usually do. Nudges and check-ins never arrive during a surgery, "
    "in your quiet hours, or on a day you don't work."
)

SURGERY_OPTIONS = {"am": "Morning surgery", "pm": "Afternoon surgery"}


def quiet_line(quiet: tuple[time, time]) -> str:
    return f"Quiet hours: {clock(quiet[0])} to {clock(quiet[1])}."


def week_saved(sessions: dict[int, tuple[str, ...]]) -> str:
    return f"{PREFS_SAVED} {surgeries_line(sessions, True)}"


PAUSE_PICK = "Pause everything until"

PAUSE_HINT = Text(strong("Need a break?"), " Pause nudges and check-ins until a date you choose.")

RESUME = "Resume now"

RESUMED = "Welcome back: nudges and check-ins can reach you again."

ADD_LEAVE = "Add leave"

LEAVE_FORM_TITLE = "Add leave"

LEAVE_FIRST_DAY = "First day of leave"

TURN_NUDGES_ON = "Turn nudges on"

TURN_NUDGES_OFF = "Turn nudges off"

START_CHECKINS = "Start weekly check-ins"

STOP_CHECKINS = "Stop weekly check-ins"

PAUSE_IN_THE_PAST = "Please choose a date from today on (or resume instead)."

QUIET_FROM_LABEL = "Quiet from (nothing from Coffee Room after this)"

QUIET_TO_LABEL = "Quiet until"

CANCEL_LEAVE = "Cancel my leave"

LEAVE_CLEARED = "Your leave is cancelled: nudges and check-ins can reach you on working days."


def home_role_line(role: str) -> str:
    """The member's self-declared role, as shown on their home."""
    return "Your role: " + ("not set yet" if role == "not_set" else role.replace("_", " "))


def trend(scores: list[tuple[str, int]]) -> str:
    """A GP's own check-in history, for their eyes only."""
    if not scores:
        return "No check-ins answered yet."
    return "Your check-ins (1 = enjoying work, 5 = completely burned out): " + ", ".join(
        f"{week} {score}" for week, score in scores
    )


TREND_PRIVATE = "Only you can see this."

WEEK_INTRO_TEXT = Text(WEEK_INTRO)
USAGE = {
    "nudges": "Say 'nudges on' or 'nudges off'.",
    "checkins": "Say 'checkins on', 'checkins off', or 'checkins' for your own trend.",
}
WEEK_SUMMARY = "your working pattern, nudges, check-ins, leave and pause ('week set' to change)"
LEAVE_SUMMARY = "book leave: nothing from Coffee Room while you're away ('leave clear' cancels)"
PAUSE_SUMMARY = "pause everything until a date"
NUDGES_SUMMARY = "the weekly nudge: 'nudges on' or 'nudges off'"
CHECKINS_SUMMARY = (
    "the weekly private check-in: 'checkins on' or 'off'; 'checkins' shows your trend"
)
ROLE_SUMMARY = "say whether you're a partner, salaried GP, locum or trainee"


def week_lines(prefs: Preferences, today: date) -> list[str]:
    """A GP's week, line by line, as the typed 'week' shows it."""
    pattern = prefs.pattern
    return [
        surgeries_line(pattern.sessions, prefs.customised),
        quiet_line(pattern.quiet),
        nudges_line(prefs.nudges_on, prefs.snoozed_until, today),
        checkins_line(prefs.checkins_on),
        leave_line(list(pattern.leave)),
        paused(pattern.paused_until),
    ]


def trend_of(history: Sequence[CheckIn]) -> str:
    """A GP's own answered check-ins, for their eyes only."""
    return trend([(c.week, c.score) for c in history if c.score is not None])


PAUSE_TITLE = "Pause Coffee Room"
ROLE_TITLE = "Your role"
