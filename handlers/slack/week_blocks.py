"""Block Kit for the practice's week: the Home tab's settings and protected time, and forms."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bot.checkins import wording as checkins_words
from bot.core import wording as core_words
from bot.core.calendar import WEEKDAYS
from bot.core.values import Role
from bot.core.week import CheckIn, Preferences
from bot.practices import wording as practices_words
from bot.practices.values import HomeView
from bot.preferences import wording as preferences_words
from bot.protected_time import wording as protected_time_words
from handlers.slack.blocks import Blocks, button, context, plain, section
from handlers.slack.ids import SESSION_BLOCKS, ActionId, Block, View

Modal = dict[str, Any]
Element = dict[str, Any]
DIVIDER = {"type": "divider"}


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": plain(label), "value": value}


def _options(choices: dict[str, str]) -> list[dict[str, Any]]:
    return [_option(value, label) for value, label in choices.items()]


def _select(action_id: str, choices: dict[str, str], current: str | None = None) -> Element:
    element: Element = {"type": "static_select", "action_id": action_id}
    element["options"] = _options(choices)
    if current in choices:
        element["initial_option"] = _option(current, choices[current])
    return element


def _with(block: dict[str, Any], accessory: Element) -> dict[str, Any]:
    return {**block, "accessory": accessory}


# --- The Home tab ------------------------------------------------------------------------------
def settings_blocks(view: HomeView) -> Blocks:
    """Every GP's own settings (only they see their Home): role, week, pauses, nudges, check-ins."""
    prefs = view.preferences
    if prefs is None:
        return []
    today = view.today or date.min
    return [
        DIVIDER,
        {"type": "header", "text": plain(preferences_words.SETTINGS_TITLE)},
        context(preferences_words.SETTINGS_PRIVATE),
        _with(
            section(practices_words.home_role_line(view.member.role)),
            _role_select(view.member.role),
        ),
        *_week(prefs, today),
        *_pause(prefs, today),
        *_switches(prefs, today),
        *_trend(view.trend),
    ]


def _role_select(role: str) -> Element:
    choices = {**preferences_words.ROLE_LABELS, Role.NOT_SET.value: preferences_words.ROLE_NOT_SET}
    return _select(ActionId.ROLE, choices, role)


def _week(prefs: Preferences, today: date) -> Blocks:
    pattern = prefs.pattern
    summary = preferences_words.surgeries_line(pattern.sessions, prefs.customised)
    leave = [(a, b) for a, b in pattern.leave if b >= today]
    return [
        _with(
            section(f"{summary}\n{preferences_words.quiet_line(pattern.quiet)}"),
            button(ActionId.CHANGE_WEEK, preferences_words.CHANGE_WEEK),
        ),
        _with(
            section(preferences_words.leave_line(leave)),
            button(ActionId.ADD_LEAVE, preferences_words.ADD_LEAVE),
        ),
        *(
            [
                {
                    "type": "actions",
                    "elements": [button(ActionId.CLEAR_LEAVE, preferences_words.CANCEL_LEAVE)],
                }
            ]
            if leave
            else []
        ),
    ]


def _pause(prefs: Preferences, today: date) -> Blocks:
    until = prefs.pattern.paused_until
    picker: Element = {"type": "datepicker", "action_id": ActionId.PAUSE}
    picker["placeholder"] = plain(preferences_words.PAUSE_PICK)
    if until is None or until < today:
        return [_with(section(preferences_words.PAUSE_HINT), picker)]
    picker["initial_date"] = until.isoformat()
    return [
        _with(section(preferences_words.paused(until)), picker),
        {"type": "actions", "elements": [button(ActionId.RESUME, preferences_words.RESUME)]},
    ]


def _switches(prefs: Preferences, today: date) -> Blocks:
    nudges = (
        (preferences_words.TURN_NUDGES_OFF, "off")
        if prefs.nudges_on
        else (preferences_words.TURN_NUDGES_ON, "on")
    )
    checkins = (
        (preferences_words.STOP_CHECKINS, "off")
        if prefs.checkins_on
        else (preferences_words.START_CHECKINS, "on")
    )
    line = preferences_words.nudges_line(prefs.nudges_on, prefs.snoozed_until, today)
    return [
        _with(section(line), button(ActionId.NUDGES, nudges[0], nudges[1])),
        _with(
            section(preferences_words.checkins_line(prefs.checkins_on)),
            button(ActionId.CHECKINS, checkins[0], checkins[1]),
        ),
    ]


def _trend(trend: tuple[CheckIn, ...]) -> Blocks:
    scores = [(c.week, c.score) for c in trend if c.score is not None]
    if not scores:
        return []
    return [section(checkins_words.trend(scores)), context(checkins_words.TREND_PRIVATE)]


def protected_time_blocks(view: HomeView) -> Blocks:
    """For leads: each slot with a Remove button, adding slots and closures, bank holidays."""
    slots: Blocks = [
        _with(
            section(
                protected_time_words.slot_line(
                    s.kind, s.weekday, s.start, s.minutes, s.every_weeks, s.channel_name
                )
            ),
            button(ActionId.REMOVE_SLOT, protected_time_words.REMOVE, str(s.id)),
        )
        for s in view.slots
    ]
    region = _select(ActionId.REGION, protected_time_words.REGIONS, view.practice.holiday_region)
    return [
        DIVIDER,
        {"type": "header", "text": plain(protected_time_words.PT_TITLE)},
        context(protected_time_words.PT_INTRO),
        *(slots or [section(protected_time_words.NO_SLOTS)]),
        {
            "type": "actions",
            "block_id": Block.PROTECTED_TIME,
            "elements": [
                button(ActionId.ADD_SLOT, protected_time_words.ADD_SLOT, primary=True),
                button(ActionId.ADD_CLOSURE, protected_time_words.ADD_CLOSURE),
            ],
        },
        _with(section(protected_time_words.REGION_LABEL), region),
    ]


# --- Forms -------------------------------------------------------------------------------------
def _modal(
    callback: View, title: str, blocks: Blocks, metadata: dict[str, Any] | None = None
) -> Modal:
    return {
        "type": "modal",
        "callback_id": str(callback),
        "title": plain(title),
        "submit": plain(core_words.SAVE),
        "close": plain(core_words.CANCEL),
        "private_metadata": json.dumps(metadata or {}),
        "blocks": blocks,
    }


def _input(block: str, label: str, element: Element, optional: bool = False) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block,
        "optional": optional,
        "label": plain(label),
        "element": {**element, "action_id": ActionId.PICK},
    }


def _picker(kind: str, initial: str = "") -> Element:
    element: Element = {"type": kind}
    if initial:
        element["initial_date" if kind == "datepicker" else "initial_time"] = initial
    return element


def _choice(kind: str, choices: dict[str, str], current: str) -> Element:
    options = _options(choices)
    return {"type": kind, "options": options, "initial_option": _option(current, choices[current])}


def week_modal(prefs: Preferences) -> Modal:
    """'Change my week': a row of surgeries to tick for each day."""
    days = []
    for day, block in enumerate(SESSION_BLOCKS):
        element: Element = {
            "type": "checkboxes",
            "options": _options(preferences_words.SURGERY_OPTIONS),
        }
        ticked = prefs.pattern.sessions.get(day, ())
        if ticked:
            element["initial_options"] = [
                _option(s, preferences_words.SURGERY_OPTIONS[s])
                for s in ticked
                if s in preferences_words.SURGERY_OPTIONS
            ]
        days.append(_input(block, core_words.DAY_NAMES[day], element, optional=True))
    quiet_from, quiet_to = (t.strftime("%H:%M") for t in prefs.pattern.quiet)
    blocks = [
        context(preferences_words.WEEK_INTRO),
        *days,
        _input(
            Block.QUIET_FROM, preferences_words.QUIET_FROM_LABEL, _picker("timepicker", quiet_from)
        ),
        _input(Block.QUIET_TO, preferences_words.QUIET_TO_LABEL, _picker("timepicker", quiet_to)),
    ]
    return _modal(View.WEEK, preferences_words.WEEK_FORM_TITLE, blocks)


def sessions_text(answers: dict[str, Any]) -> str:
    """The week as ticked, written as the service reads it: 'mon:am,pm thu:pm'."""
    return " ".join(
        f"{WEEKDAYS[day]}:{','.join(sorted(answers[block]))}"
        for day, block in enumerate(SESSION_BLOCKS)
        if answers.get(block)
    )


def leave_modal() -> Modal:
    blocks = [
        _input(Block.STARTS, preferences_words.LEAVE_FIRST_DAY, _picker("datepicker")),
        _input(Block.ENDS, preferences_words.LEAVE_ENDS_LABEL, _picker("datepicker")),
    ]
    return _modal(View.LEAVE, preferences_words.LEAVE_FORM_TITLE, blocks)


def slot_modal() -> Modal:
    """A lead adds protected time (from the Home tab or /coffeeroom protected-time)."""
    days = {str(i): name for i, name in enumerate(core_words.DAY_NAMES)}
    lengths = {str(n): protected_time_words.minutes(n) for n in protected_time_words.SLOT_LENGTHS}
    channel = {
        "type": "conversations_select",
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    blocks = [
        _input(
            Block.SLOT_DAY,
            protected_time_words.PICK_DAY,
            {"type": "static_select", "options": _options(days)},
        ),
        _input(Block.SLOT_START, protected_time_words.PICK_START, _picker("timepicker", "12:30")),
        _input(
            Block.SLOT_LENGTH,
            protected_time_words.PICK_LENGTH,
            _choice("static_select", lengths, "15"),
        ),
        _input(
            Block.SLOT_REPEAT,
            protected_time_words.SLOT_REPEAT_LABEL,
            _choice("radio_buttons", protected_time_words.REPEATS, "1"),
        ),
        _input(
            Block.SLOT_FIRST,
            protected_time_words.SLOT_FIRST_WEEK,
            _picker("datepicker"),
            optional=True,
        ),
        _input(Block.SLOT_CHANNEL, protected_time_words.SLOT_CHANNEL_LABEL, channel),
        _input(
            Block.SLOT_KIND,
            protected_time_words.SLOT_KIND_LABEL,
            _choice("static_select", core_words.KIND_LABELS, "coffee"),
        ),
    ]
    return _modal(View.SLOT, protected_time_words.SLOT_FORM_TITLE, blocks)


def closure_modal() -> Modal:
    blocks = [
        _input(Block.CLOSURE_DAY, protected_time_words.CLOSURE_DATE, _picker("datepicker")),
        _input(
            Block.CLOSURE_PART,
            protected_time_words.CLOSURE_PART_LABEL,
            _choice("radio_buttons", protected_time_words.CLOSURE_PARTS, "pm"),
        ),
        _input(
            Block.CLOSURE_REASON,
            protected_time_words.CLOSURE_REASON_LABEL,
            _choice("radio_buttons", protected_time_words.CLOSURE_REASONS, "plt"),
        ),
    ]
    return _modal(View.CLOSURE, protected_time_words.CLOSURE_FORM_TITLE, blocks)


def colleague_modal(checkin_id: str) -> Modal:
    """'Yes, I'll choose': who should check in (they learn nothing of the answer)."""
    blocks = [
        _input(Block.COLLEAGUE, checkins_words.CHOOSE_LABEL, {"type": "users_select"}),
        context(checkins_words.CHOOSE_NOTE),
    ]
    modal = _modal(
        View.CHECKIN_COLLEAGUE, checkins_words.CHOOSE_TITLE, blocks, {"checkin": checkin_id}
    )
    return {**modal, "submit": plain(core_words.SEND)}


def as_opened(view: dict[str, Any]) -> Modal:
    """A submitted form as we built it (to send it back unchanged)."""
    keys = ("type", "callback_id", "title", "submit", "close", "private_metadata", "blocks")
    return {k: view[k] for k in keys if k in view}


def input_blocks(view: dict[str, Any]) -> list[str]:
    """The ids of a form's input blocks, in order (where a message can be shown)."""
    return [str(b["block_id"]) for b in view.get("blocks") or [] if b.get("type") == "input"]
