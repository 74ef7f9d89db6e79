"""Every Slack command, callback, block and action id: one place for builders and routes."""

from __future__ import annotations

from enum import StrEnum


class Command(StrEnum):
    RANT = "/rant"
    RUN_IT_PAST = "/runitpast"
    COFFEEROOM = "/coffeeroom"


class CommandText(StrEnum):
    """What may follow /coffeeroom."""

    PROTECTED_TIME = "protected-time"


class Shortcut(StrEnum):
    RUN_THIS_PAST = "run_this_past"


class Block(StrEnum):
    TEXT = "text"  # the main free-text input of every form (the error handler relies on it)
    SETUP = "setup"
    SETUP_BUTTONS = "setup_buttons"
    DESTINATION = "destination"
    COLLEAGUE = "colleague"
    ANONYMOUS = "anonymous"
    TOPIC = "topic"
    URGENCY = "urgency"
    # the practice's week: forms
    SESSIONS = "sessions"  # a GP's week; one block per weekday, see SESSION_BLOCKS
    STARTS = "starts"
    QUIET_FROM = "quiet_from"
    QUIET_TO = "quiet_to"
    ENDS = "ends"  # PreferenceService.add_leave refuses under this field
    SLOT_DAY = "slot_day"
    SLOT_START = "slot_start"
    SLOT_LENGTH = "slot_length"
    SLOT_REPEAT = "slot_repeat"
    SLOT_FIRST = "slot_first"
    SLOT_CHANNEL = "slot_channel"
    SLOT_KIND = "slot_kind"
    CLOSURE_DAY = "closure_day"
    CLOSURE_PART = "closure_part"
    CLOSURE_REASON = "closure_reason"
    # the practice's week: the App Home
    PROTECTED_TIME = "protected_time"


# One checkbox block per weekday in the "Change my week" form, Monday first.
SESSION_BLOCKS = tuple(
    f"{Block.SESSIONS}_{day}" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)


class View(StrEnum):
    RANT = "rant_form"
    QUESTION = "question_form"
    ANSWER = "answer_form"
    WEEK = "week_form"
    LEAVE = "leave_form"
    SLOT = "slot_form"
    CLOSURE = "closure_form"
    CHECKIN_COLLEAGUE = "checkin_colleague_form"


class ActionId(StrEnum):
    SETUP_RANTS = "setup.rants"
    SETUP_ADVICE = "setup.advice"
    SETUP_SAVE = "setup.save"
    SETUP_CREATE = "setup.create"
    TEXT_INPUT = "text_input"
    PICK = "pick"  # the one element of each input block (the block id says which)
    ROLE = "settings.role"
    CHANGE_WEEK = "settings.week"
    PAUSE = "settings.pause"
    RESUME = "settings.resume"
    ADD_LEAVE = "settings.leave"
    CLEAR_LEAVE = "settings.leave_clear"
    NUDGES = "settings.nudges"  # value "on" or "off"
    CHECKINS = "settings.checkins"  # value "on" or "off"
    ADD_SLOT = "protected_time.add"
    REMOVE_SLOT = "protected_time.remove"  # value: the slot's id
    ADD_CLOSURE = "protected_time.closure"
    REGION = "protected_time.region"
