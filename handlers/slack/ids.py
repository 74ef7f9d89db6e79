"""Every Slack command, callback, block and action id: one place for builders and routes."""

from __future__ import annotations

from enum import StrEnum


class Command(StrEnum):
    RANT = "/rant"
    RUN_IT_PAST = "/runitpast"
    COFFEEROOM = "/coffeeroom"


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


class View(StrEnum):
    RANT = "rant_form"
    QUESTION = "question_form"
    ANSWER = "answer_form"


class ActionId(StrEnum):
    SETUP_RANTS = "setup.rants"
    SETUP_ADVICE = "setup.advice"
    SETUP_SAVE = "setup.save"
    SETUP_CREATE = "setup.create"
    TEXT_INPUT = "text_input"
