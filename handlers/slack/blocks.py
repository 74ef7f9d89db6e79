"""All Block Kit: pure functions from domain values to Slack payloads."""

from __future__ import annotations

from typing import Any

from bot.core import wording as core_words
from bot.core.message import Message
from bot.core.text import Words
from bot.core.values import SpacePurpose
from bot.practices import wording as practices_words
from bot.practices.values import HomeView
from handlers.slack import render
from handlers.slack.ids import ActionId, Block

Blocks = list[dict[str, Any]]


def mrkdwn(text: Words) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": render.mrkdwn(text)}


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def section(text: Words) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text)}


def context(text: Words) -> dict[str, Any]:
    return {"type": "context", "elements": [mrkdwn(text)]}


def button(action_id: str, label: str, value: str = "", primary: bool = False) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "button", "action_id": action_id, "text": plain(label)}
    if value:
        element["value"] = value
    if primary:
        element["style"] = "primary"
    return element


def message_blocks(message: Message) -> Blocks:
    """A domain message as blocks: its text, an optional note, and its buttons."""
    blocks: Blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": piece}}
        for piece in render.chunks(message.text)
    ]
    if message.note:
        blocks.append(context(message.note))
    if message.buttons:
        elements, used = [], set()
        for i, b in enumerate(message.buttons):
            # Action ids must be unique within a block; a suffix keeps repeated ones so.
            action_id = str(b.action) if b.action not in used else f"{b.action}#{i}"
            used.add(b.action)
            elements.append(button(action_id, b.label, b.value, b.primary))
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def home_view(view: HomeView) -> dict[str, Any]:
    """The App Home tab: what Coffee Room is and is not, your settings, and, for leads, protected
    time and the channels."""
    rants = view.spaces.get(SpacePurpose.RANTS)
    advice = view.spaces.get(SpacePurpose.ADVICE)
    blocks: Blocks = [
        {"type": "header", "text": plain(core_words.NAME)},
        section(core_words.WHAT_IT_IS),
        section(core_words.WHAT_IT_IS_NOT),
        {"type": "divider"},
        section(
            practices_words.home_spaces_line(
                rants.name if rants else None, advice.name if advice else None
            )
        ),
        context(practices_words.leads_line(view.leads)),
    ]
    from handlers.slack import week_blocks  # which builds on this module's primitives

    setup = setup_blocks(view) if view.is_lead else []
    first, last = (setup, []) if view.needs_setup else ([], setup)  # first use: setup first
    blocks += first + week_blocks.settings_blocks(view)
    if view.is_lead:
        blocks += week_blocks.protected_time_blocks(view)
    blocks += last
    blocks += [{"type": "divider"}, section(core_words.COMMANDS), context(core_words.HELP_NOW)]
    return {"type": "home", "blocks": blocks}


def setup_blocks(view: HomeView) -> Blocks:
    """Channel pickers for leads: first use, or changing them later."""
    rants = view.spaces.get(SpacePurpose.RANTS)
    advice = view.spaces.get(SpacePurpose.ADVICE)
    intro = (
        [{"type": "header", "text": plain(practices_words.SETUP_TITLE)}] if view.needs_setup else []
    )
    return [
        {"type": "divider"},
        *intro,
        section(practices_words.SETUP_INTRO),
        {
            "type": "actions",
            "block_id": Block.SETUP,
            "elements": [
                _channel_select(ActionId.SETUP_RANTS, practices_words.SETUP_RANTS_LABEL, rants),
                _channel_select(ActionId.SETUP_ADVICE, practices_words.SETUP_ADVICE_LABEL, advice),
            ],
        },
        {
            "type": "actions",
            "block_id": Block.SETUP_BUTTONS,
            "elements": [
                button(ActionId.SETUP_SAVE, practices_words.SETUP_SAVE, primary=True),
                button(ActionId.SETUP_CREATE, practices_words.SETUP_CREATE),
            ],
        },
    ]


def _channel_select(action_id: str, label: str, current: Any) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "conversations_select",
        "action_id": action_id,
        "placeholder": plain(label),
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if current is not None:
        element["initial_conversation"] = current.channel_id
    return element


def selected_channels(state: dict[str, Any]) -> dict[SpacePurpose, str]:
    """The channels chosen in the setup pickers, read from a view's state."""
    values = state.get("values", {}).get(Block.SETUP, {})
    picked = {
        SpacePurpose.RANTS: values.get(ActionId.SETUP_RANTS, {}).get("selected_conversation"),
        SpacePurpose.ADVICE: values.get(ActionId.SETUP_ADVICE, {}).get("selected_conversation"),
    }
    return {purpose: channel for purpose, channel in picked.items() if channel}
