"""Block Kit for the forms (rant, question, answer) and reading them back; pure functions."""

from __future__ import annotations

import json
from typing import Any

from bot.advice import wording as advice_words
from bot.core import wording as core_words
from bot.core.text import Words
from bot.rants import wording as rants_words
from bot.rants.values import RantDestination
from bot.safety.checks import MAX_TEXT
from handlers.slack.blocks import Blocks, context, plain, section
from handlers.slack.ids import ActionId, Block, View

Modal = dict[str, Any]
PICKED = {  # where each kind of picker keeps its answer
    "users_select": "selected_user",
    "conversations_select": "selected_conversation",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
}


def _modal(callback: View, title: str, blocks: Blocks, metadata: dict[str, Any]) -> Modal:
    return {
        "type": "modal",
        "callback_id": str(callback),
        "title": plain(title),
        "submit": plain(core_words.SEND),
        "close": plain(core_words.CANCEL),
        "private_metadata": json.dumps(metadata),
        "blocks": blocks,
    }


def _text_input(label: str, text: str, version: int) -> dict[str, Any]:
    # A new action id per version makes Slack show the new (redacted) text, not the typed one.
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": f"{ActionId.TEXT_INPUT}_{version}",
        "multiline": True,
        "max_length": MAX_TEXT,
    }
    if text:
        element["initial_value"] = text
    return {"type": "input", "block_id": Block.TEXT, "label": plain(label), "element": element}


def _notice(notice: str) -> Blocks:
    return [section(f":warning: {notice}")] if notice else []


def _options(choices: dict[str, str]) -> list[dict[str, Any]]:
    return [{"text": plain(label), "value": value} for value, label in choices.items()]


def _optional(block: str, label: str, element: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block,
        "optional": True,
        "label": plain(label),
        "element": element,
    }


def _colleague(label: str) -> dict[str, Any]:
    return _optional(Block.COLLEAGUE, label, {"type": "users_select", "action_id": "pick"})


def _anonymous(label: str) -> dict[str, Any]:
    element = {
        "type": "checkboxes",
        "action_id": "pick",
        "options": [{"text": plain(label), "value": "yes"}],
    }
    return _optional(Block.ANONYMOUS, label, element)


def rant_modal(text: str = "", notice: str = "", version: int = 0) -> Modal:
    """The /rant form; `notice` explains why the text came back (redacted)."""
    options = _options(rants_words.RANT_DESTINATIONS)
    where = {
        "type": "input",
        "block_id": Block.DESTINATION,
        "label": plain(rants_words.RANT_WHERE_LABEL),
        "element": {
            "type": "radio_buttons",
            "action_id": "pick",
            "options": options,
            "initial_option": options[0],
        },
    }
    blocks = [
        context(rants_words.RANT_INTRO),
        *_notice(notice),
        _text_input(rants_words.RANT_TEXT_LABEL, text, version),
        where,
        _colleague(rants_words.RANT_COLLEAGUE_LABEL),
        context(core_words.ANONYMITY_HONESTY),
    ]
    return _modal(View.RANT, rants_words.RANT_TITLE, blocks, {"v": version})


def question_modal(text: str = "", notice: str = "", version: int = 0) -> Modal:
    """The /runitpast form (also opened by the message shortcut)."""
    blocks = [
        context(advice_words.QUESTION_INTRO),
        *_notice(notice),
        _text_input(advice_words.QUESTION_TEXT_LABEL, text, version),
        _colleague(advice_words.QUESTION_TO_LABEL),
        _anonymous(advice_words.QUESTION_ANONYMOUS_LABEL),
        _optional(
            Block.TOPIC,
            advice_words.TOPIC_LABEL,
            {
                "type": "static_select",
                "action_id": "pick",
                "options": _options(advice_words.TOPICS),
            },
        ),
        _optional(
            Block.URGENCY,
            advice_words.URGENCY_LABEL,
            {
                "type": "static_select",
                "action_id": "pick",
                "options": _options(advice_words.URGENCIES),
            },
        ),
        context(core_words.ANONYMITY_HONESTY),
    ]
    return _modal(View.QUESTION, advice_words.QUESTION_TITLE, blocks, {"v": version})


def answer_modal(question_id: str, text: str = "", notice: str = "", version: int = 0) -> Modal:
    """The form behind a question's Answer button."""
    blocks = [
        *_notice(notice),
        _text_input(advice_words.ANSWER_TEXT_LABEL, text, version),
        _anonymous(advice_words.ANSWER_ANONYMOUS_LABEL),
    ]
    return _modal(View.ANSWER, advice_words.ANSWER_TITLE, blocks, {"v": version, "q": question_id})


def done_modal(title: str, *paragraphs: Words) -> Modal:
    """What the form turns into once sent: where it went (and help, when it was needed)."""
    return {
        "type": "modal",
        "title": plain(title),
        "close": plain(core_words.CLOSE),
        "blocks": [section(p) for p in paragraphs if p],
    }


def values(view: dict[str, Any]) -> dict[str, Any]:
    """A submitted form's answers, by block: text, picked option, user, channel, date, time,
    and the values ticked (a list, empty when nothing is)."""
    found: dict[str, Any] = {}
    for block, actions in (view.get("state") or {}).get("values", {}).items():
        for action in actions.values():
            found[block] = _value(action)
    return found


def _value(action: dict[str, Any]) -> Any:
    kind = action.get("type")
    if kind == "plain_text_input":
        return action.get("value") or ""
    if kind in PICKED:
        return action.get(PICKED[kind]) or ""
    if kind == "checkboxes":
        return [o.get("value") for o in action.get("selected_options") or []]
    option = action.get("selected_option")
    return option.get("value") if option else None


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    """What the form carried through Slack (its version, the question answered)."""
    try:
        return dict(json.loads(view.get("private_metadata") or "{}"))
    except ValueError:
        return {}


def destination(picked: Any) -> RantDestination:
    """The rant destination chosen, defaulting to the private one."""
    try:
        return RantDestination(picked)
    except ValueError:
        return RantDestination.JUST_OUT
