"""Reading Teams activities back into what bot/ui understands: who, where, answers, commands."""

from __future__ import annotations

import re
from typing import Any

from bot.core.values import ConversationRef
from bot.ui.forms import FieldKind, Form, Raw
from handlers.teams.cards import FIELD

Json = dict[str, Any]
MENTION = re.compile(r"<at>.*?</at>", re.S)
TAGS = re.compile(r"<[^>]+>")
SPOKEN = {"run it past": "runitpast", "settings": "home", "home": "home"}


def person(activity: Json) -> str:
    """The person behind an activity: their Entra object id (short and stable), else Teams id."""
    sender = activity.get("from") or {}
    return str(sender.get("aadObjectId") or sender.get("id") or "")


def teams_id(activity: Json) -> tuple[str, str]:
    """The sender's Teams id (29:…) and name."""
    sender = activity.get("from") or {}
    return str(sender.get("id") or ""), str(sender.get("name") or "")


def team(activity: Json) -> str:
    """The team an activity happened in ('' in a personal or group chat)."""
    found = ((activity.get("channelData") or {}).get("team") or {}).get("id")
    return str(found or "")


def team_name(activity: Json) -> str:
    return str(((activity.get("channelData") or {}).get("team") or {}).get("name") or "")


def conversation(activity: Json) -> ConversationRef:
    """Where the bot can speak again: learnt from every activity."""
    chat = activity.get("conversation") or {}
    kind = str(chat.get("conversationType") or "personal")
    tenant = chat.get("tenantId") or ((activity.get("channelData") or {}).get("tenant") or {})
    tenant_id = tenant.get("id") if isinstance(tenant, dict) else tenant
    conversation_id = str(chat.get("id") or "")
    if kind == "channel":  # a reply chain is the channel's own conversation, with ;messageid=
        conversation_id = conversation_id.split(";")[0]
    return ConversationRef(
        conversation=conversation_id,
        kind=kind,
        service_url=str(activity.get("serviceUrl") or ""),
        tenant=str(tenant_id or ""),
        team=team(activity),
        person=person(activity) if kind == "personal" else "",
    )


def thread(activity: Json) -> str:
    """The root message of the reply chain a channel message is in ('' for a new post)."""
    chat_id = str((activity.get("conversation") or {}).get("id") or "")
    _, _, root = chat_id.partition(";messageid=")
    return root


def words(activity: Json) -> str:
    """What someone typed, without the bot's @mention or any markup Teams added."""
    text = MENTION.sub(" ", str(activity.get("text") or ""))
    text = TAGS.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return " ".join(text.split())


def mentions_bot(activity: Json) -> bool:
    bot = str((activity.get("recipient") or {}).get("id") or "")
    return any(
        e.get("type") == "mention" and (e.get("mentioned") or {}).get("id") == bot
        for e in activity.get("entities") or []
    )


def command(typed: str, known: set[str]) -> tuple[str, str]:
    """(command, the words after it): 'run it past my question' -> ('runitpast', 'my question')."""
    lowered = typed.lower()
    for spoken, name in SPOKEN.items():
        if lowered == spoken or lowered.startswith(spoken + " "):
            return name, typed[len(spoken) :].strip()
    first, _, rest = typed.partition(" ")
    name = first.lower()
    return (name, rest.strip()) if name in known else ("", typed)


def data(activity: Json) -> Json:
    """What a card action carried: Action.Execute, a dialog, or Action.Submit in a message."""
    value = activity.get("value") or {}
    if activity.get("name") == "adaptiveCard/action":
        found = (value.get("action") or {}).get("data")
    elif activity.get("name") in ("task/fetch", "task/submit"):
        found = value.get("data")
    else:
        found = value
    return found if isinstance(found, dict) else {}


def answers(built: Form, carried: Json) -> dict[str, Raw]:
    """A submitted card's answers by field; every value arrives as a string."""
    found: dict[str, Raw] = {}
    for item in built.fields:
        value = carried.get(FIELD + item.name)
        text = "" if value is None else str(value)
        if item.kind is FieldKind.CHOICES:
            found[item.name] = tuple(v for v in text.split(",") if v)
        elif item.kind is FieldKind.YES_NO:
            found[item.name] = "yes" if text.lower() in ("yes", "true") else "no"
        else:
            found[item.name] = text
    return found


def state(carried: Json) -> dict[str, str]:
    raw = carried.get("state")
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
