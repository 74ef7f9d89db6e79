"""Block Kit for every form and page, from the data bot/ui declares: one renderer for all."""

from __future__ import annotations

import json
from typing import Any

from bot.core import wording
from bot.core.message import Button
from bot.core.text import Text, Words
from bot.ui.catalogue import Said
from bot.ui.forms import Field, FieldKind, Form
from bot.ui.page import Block, BlockKind, Control, DatePick, Page, Select
from handlers.slack.blocks import Blocks, button, context, plain, section

Json = dict[str, Any]
TITLE_LIMIT = 24  # Slack refuses a longer modal title
RADIO_LIMIT = 4  # more choices than this become a drop-down
ELEMENT = {
    FieldKind.PERSON: "users_select",
    FieldKind.CHANNEL: "conversations_select",
    FieldKind.DATE: "datepicker",
    FieldKind.TIME: "timepicker",
}
INITIAL = {
    "users_select": "initial_user",
    "conversations_select": "initial_conversation",
    "datepicker": "initial_date",
    "timepicker": "initial_time",
}


def _option(value: str, label: str) -> Json:
    return {"text": plain(label), "value": value}


def _title(title: str) -> Json:
    return plain(title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…")


def modal(form: Form, version: int = 0, channel: str = "") -> Json:
    """A form as a modal; its id, state and version travel in the view and come back, and so
    does the channel it was opened from (which practice a locum in several meant)."""
    blocks: Blocks = []
    if form.intro:
        blocks.append(context(form.intro))
    if form.notice:
        blocks.append(section(Text(":warning: ", form.notice)))
    blocks += [_input(f, version) for f in form.fields]
    blocks += [context(n) for n in form.notes]
    return {
        "type": "modal",
        "callback_id": form.id,
        "title": _title(form.title),
        "submit": plain(form.submit),
        "close": plain(wording.CANCEL),
        "private_metadata": json.dumps(
            {"state": dict(form.state), "v": version, **({"c": channel} if channel else {})}
        ),
        "blocks": blocks,
    }


def done(title: str, reply: Said) -> Json:
    """What a form turns into once sent: the reply, and anything more it needed to say."""
    return {
        "type": "modal",
        "title": _title(title),
        "close": plain(wording.CLOSE),
        "blocks": [section(p) for p in (reply.text, *reply.more) if p],
    }


def _input(field: Field, version: int) -> Json:
    element = _element(field, version)
    block: Json = {
        "type": "input",
        "block_id": field.name,
        "optional": field.optional,
        "label": plain(field.label),
        "element": element,
    }
    return block


def _element(field: Field, version: int) -> Json:
    initial = field.initial if isinstance(field.initial, str) else ""
    if field.kind is FieldKind.TEXT:
        # A new action id per version makes Slack show the new (redacted) text, not the typed one.
        element: Json = {"type": "plain_text_input", "action_id": f"field_{version}"}
        if field.max_length:
            element.update(multiline=True, max_length=field.max_length)
        if initial:
            element["initial_value"] = initial
        return element
    if field.kind in (FieldKind.CHOICE, FieldKind.CHOICES, FieldKind.YES_NO):
        return _choices(field)
    element = {"type": ELEMENT[field.kind], "action_id": "field"}
    if field.kind is FieldKind.CHANNEL:
        element["filter"] = {"include": ["public", "private"], "exclude_bot_users": True}
    if initial:
        element[INITIAL[element["type"]]] = initial
    return element


def _choices(field: Field) -> Json:
    options = (
        [_option("yes", field.label)]
        if field.kind is FieldKind.YES_NO
        else [_option(v, label) for v, label in field.choices]
    )
    picked = {field.initial} if isinstance(field.initial, str) else set(field.initial)
    chosen = [o for o in options if o["value"] in picked]
    if field.kind is FieldKind.CHOICE:
        radio = len(options) <= RADIO_LIMIT and not field.optional
        element: Json = {"type": "radio_buttons" if radio else "static_select", "options": options}
        if chosen:
            element["initial_option"] = chosen[0]
    else:
        element = {"type": "checkboxes", "options": options}
        if chosen:
            element["initial_options"] = chosen
    return {**element, "action_id": "field"}


def home(page: Page, notice: Words = "") -> Json:
    """A page as the App Home tab, with an optional notice at the top."""
    blocks = [_block(b) for b in page.blocks]
    if notice:
        blocks.insert(1, section(Text(":information_source: ", notice)))
    return {"type": "home", "blocks": blocks}


def _block(block: Block) -> Json:
    if block.kind is BlockKind.HEADING:
        return {"type": "header", "text": plain(block.text.words())}
    if block.kind is BlockKind.NOTE:
        return context(block.text)
    if block.kind is BlockKind.DIVIDER:
        return {"type": "divider"}
    if block.kind is BlockKind.CONTROLS:
        return {"type": "actions", "elements": [control(c) for c in block.controls]}
    found = section(block.text)
    if block.controls:
        found["accessory"] = control(block.controls[0])
    return found


def control(item: Control) -> Json:
    """A button, a drop-down or a date picker."""
    if isinstance(item, Button):
        return button(item.action, item.label, item.value, item.primary)
    if isinstance(item, Select):
        options = [_option(v, label) for v, label in item.choices]
        element: Json = {"type": "static_select", "action_id": item.action, "options": options}
        current = [o for o in options if o["value"] == item.current]
        if current:
            element["initial_option"] = current[0]
        if item.placeholder:
            element["placeholder"] = plain(item.placeholder)
        return element
    assert isinstance(item, DatePick)
    picker: Json = {"type": "datepicker", "action_id": item.action}
    picker["placeholder"] = plain(item.placeholder)
    if item.initial:
        picker["initial_date"] = item.initial
    return picker
