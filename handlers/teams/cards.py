"""Adaptive Cards for every form, page and message, from the data bot/ui declares.

A form typed for in the personal chat is a card whose Action.Execute sends it; the answer
replaces the card, so it cannot be sent twice. A button under a message opens a dialog (what
it answers is private even in a channel). A page (the home) is a card whose controls are
Action.Execute too.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core import wording
from bot.core.message import Button, Message
from bot.core.text import Text, Words
from bot.ui.catalogue import Said
from bot.ui.forms import Field, FieldKind, Form
from bot.ui.page import Block, BlockKind, Control, DatePick, Page, Select
from handlers.teams.render import Who, markdown, nobody

Json = dict[str, Any]
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
EXPANDED = 4  # this many choices or fewer show as radio buttons
FIELD = "field:"  # input ids: never clash with the routing keys beside them in `data`
PICK = "pick:"
SUBMIT, TAP, TEAM = "coffeeroom.submit", "coffeeroom.tap", "coffeeroom.team"


@dataclass
class Options:
    """What a card needs from outside: names for mentions, and the pickers' lists."""

    who: Who = nobody
    people: Sequence[tuple[str, str]] = ()  # (user id, name): the practice's members
    channels: Sequence[tuple[str, str]] = ()  # (channel id, name): the team's channels
    mentions: list[Json] = field(default_factory=list)

    def text(self, words: Words, **extra: Any) -> Json:
        rendered = markdown(words, self.who)
        self.mentions += rendered.mentions
        return {"type": "TextBlock", "text": rendered.text, "wrap": True, **extra}


def card(body: list[Json], options: Options, actions: list[Json] | None = None) -> Json:
    found: Json = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        found["actions"] = actions
    found["msteams"] = {"width": "Full"}
    if options.mentions:
        found["msteams"]["entities"] = options.mentions
    return found


def attachment(content: Json) -> Json:
    return {"contentType": "application/vnd.microsoft.card.adaptive", "content": content}


# --- forms ---------------------------------------------------------------------------------
def form(
    shown: Form,
    options: Options | None = None,
    *,
    dialog: bool = False,
    sub: str = "",
    problem: tuple[str, Text] | None = None,
) -> Json:
    """A form as a card; `sub` names this submission (kept when it comes back)."""
    options = options or Options()
    body: list[Json] = [options.text(shown.title, weight="Bolder", size="Medium")]
    if shown.intro:
        body.append(options.text(shown.intro, isSubtle=True))
    if shown.notice:
        body.append(options.text(Text("⚠️ ", shown.notice), color="Attention"))
    if problem is not None and not problem[0]:
        body.append(options.text(problem[1], color="Attention"))
    for item in shown.fields:
        body.append(_input(item, options))
        if problem is not None and problem[0] == item.name:
            body.append(options.text(problem[1], color="Attention", spacing="None"))
    body += [options.text(n, isSubtle=True, size="Small") for n in shown.notes]
    data = {"action": SUBMIT, "form": shown.id, "state": dict(shown.state)}
    data["sub"] = sub or uuid.uuid4().hex
    kind = "Action.Submit" if dialog else "Action.Execute"
    send: Json = {"type": kind, "title": shown.submit, "data": data, "style": "positive"}
    if not dialog:
        send["verb"] = SUBMIT
    return card(body, options, [send])


def _input(item: Field, options: Options) -> Json:
    initial = item.initial if isinstance(item.initial, str) else ",".join(item.initial)
    base: Json = {"id": FIELD + item.name, "label": item.label, "isRequired": not item.optional}
    base["errorMessage"] = wording.FILL_THIS_IN
    if item.kind is FieldKind.TEXT:
        found = {"type": "Input.Text", **base, "value": initial}
        if item.max_length:
            found.update(isMultiline=True, maxLength=item.max_length)
        if item.hint:
            found["placeholder"] = item.hint
        return found
    if item.kind is FieldKind.YES_NO:
        base.pop("isRequired")
        return {
            "type": "Input.Toggle",
            **base,
            "title": item.label,
            "valueOn": "yes",
            "valueOff": "no",
            "value": "yes" if initial == "yes" else "no",
        }
    if item.kind is FieldKind.DATE:
        return {"type": "Input.Date", **base, "value": initial}
    if item.kind is FieldKind.TIME:
        return {"type": "Input.Time", **base, "value": initial}
    listed = {
        FieldKind.PERSON: options.people,
        FieldKind.CHANNEL: options.channels,
    }.get(item.kind, item.choices)
    return _choice_set(base, item, listed, initial)


def _choice_set(base: Json, item: Field, listed: Sequence[tuple[str, str]], initial: str) -> Json:
    found = {
        "type": "Input.ChoiceSet",
        **base,
        "choices": [{"title": label, "value": value} for value, label in listed],
        "value": initial,
    }
    if item.kind is FieldKind.CHOICES:
        found["isMultiSelect"] = True
    if item.kind in (FieldKind.PERSON, FieldKind.CHANNEL):
        found["style"] = "filtered"  # type to narrow a long list
    elif len(listed) <= EXPANDED and not item.optional:
        found["style"] = "expanded"
    return found


def done(title: str, reply: Said, options: Options | None = None) -> Json:
    """What a form turns into once sent: the reply, and anything more it needed to say."""
    options = options or Options()
    body = [options.text(title, weight="Bolder", size="Medium")]
    body += [options.text(p) for p in (reply.text, *reply.more) if p]
    return card(body, options)


# --- messages ------------------------------------------------------------------------------
def message(sent: Message, options: Options) -> Json:
    """A message with buttons (or a note) as a card; each button opens a dialog."""
    body = [options.text(sent.text)]
    if sent.note:
        body.append(options.text(sent.note, isSubtle=True, size="Small"))
    return card(body, options, [_dialog_button(b) for b in sent.buttons])


def _dialog_button(button: Button) -> Json:
    data = {"msteams": {"type": "task/fetch"}, "action": TAP, "tap": button.action}
    data["value"] = button.value
    return {"type": "Action.Submit", "title": button.label, "data": data}


# --- pages ---------------------------------------------------------------------------------
def page(shown: Page, options: Options | None = None, notice: Words = "") -> Json:
    """A page (the home) as a card; its controls act in place."""
    options = options or Options()
    body: list[Json] = []
    separate = False
    for i, block in enumerate(shown.blocks):
        if block.kind is BlockKind.DIVIDER:
            separate = True
            continue
        parts = _block(block, options)
        if separate and parts:
            parts[0]["separator"] = True
            separate = False
        body += parts
        if i == 0 and notice:
            body.append(options.text(Text("ℹ️ ", notice), color="Accent"))
    return card(body, options)


def _block(block: Block, options: Options) -> list[Json]:
    if block.kind is BlockKind.HEADING:
        return [options.text(block.text, weight="Bolder", size="Large")]
    if block.kind is BlockKind.NOTE:
        return [options.text(block.text, isSubtle=True, size="Small")]
    parts = [options.text(block.text)] if block.text else []
    return parts + _controls(block.controls)


def _controls(controls: Sequence[Control]) -> list[Json]:
    inputs: list[Json] = []
    actions: list[Json] = []
    for item in controls:
        if isinstance(item, Button):
            actions.append(execute(item.label, TAP, tap=item.action, value=item.value))
            continue
        pick = PICK + item.action
        if isinstance(item, Select):
            choices = [{"title": label, "value": value} for value, label in item.choices]
            inputs.append(
                {
                    "type": "Input.ChoiceSet",
                    "id": pick,
                    "choices": choices,
                    "value": item.current,
                    "placeholder": item.placeholder,
                }
            )
        else:
            assert isinstance(item, DatePick)
            inputs.append(
                {
                    "type": "Input.Date",
                    "id": pick,
                    "value": item.initial,
                    "placeholder": item.placeholder,
                }
            )
        actions.append(execute(wording.SAVE, TAP, tap=item.action, pick=pick))
    return inputs + ([{"type": "ActionSet", "actions": actions}] if actions else [])


def execute(title: str, action: str, **data: str) -> Json:
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": action,
        "data": {"action": action, **data},
    }
