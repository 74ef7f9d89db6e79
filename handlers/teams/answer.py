"""The shapes of Teams' answers: an invoke's card, a dialog's next step, a short message."""

from __future__ import annotations

from typing import Any

from bot.core.text import Text
from bot.core.text import joined as join_texts
from bot.ui.catalogue import Said
from handlers.teams.cards import attachment
from handlers.teams.render import plain

Json = dict[str, Any]
CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"


def card(content: Json) -> Json:
    """Action.Execute's answer: this card replaces the one pressed."""
    return {"statusCode": 200, "type": CARD, "value": content}


def message(words: Text | str) -> Json:
    """Action.Execute's answer when only a few words are needed (shown to the presser)."""
    return {"statusCode": 200, "type": MESSAGE, "value": plain(words)}


def dialog(title: str, content: Json) -> Json:
    """A dialog's next step: this card, in the dialog."""
    return {"task": {"type": "continue", "value": {"title": title, "card": attachment(content)}}}


def dialog_message(words: Text | str) -> Json:
    """Close the dialog with a few words."""
    return {"task": {"type": "message", "value": plain(words)}}


def joined(reply: Said) -> Text:
    """A reply's paragraphs as one text."""
    return join_texts("\n\n", [reply.text, *reply.more])


def plain_words(words: Text | str) -> str:
    return plain(words)
