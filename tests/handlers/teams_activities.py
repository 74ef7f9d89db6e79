"""Realistic Teams activities (the shapes in notes/teams.md), addressed to a fake connector."""

from __future__ import annotations

import itertools
from typing import Any

Json = dict[str, Any]
TENANT = "11111111-1111-1111-1111-111111111111"  # NHSmail: one tenant for everyone
CLIENT_ID = "00000000-0000-0000-0000-000000000b07"
BOT = f"28:{CLIENT_ID}"
TEAM = "19:5c2b7a1e0f8d4c6b9a3e2d1f0a9b8c7d@thread.tacv2"  # its General channel has the same id
RANTS_CHANNEL = "19:rants0a1b2c3d4e5f60718293a4b5c6d7e@thread.tacv2"
ADVICE_CHANNEL = "19:advice1b2c3d4e5f60718293a4b5c6d7e8@thread.tacv2"
_ids = itertools.count(1)


def person(n: int, name: str, role: str = "user") -> Json:
    return {
        "id": f"29:1{n}AbCdEfGhIjKlMnOpQrStUvWxYz-{n}_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        "name": name,
        "aadObjectId": f"6b3a2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a{n:02d}",
        "objectId": f"6b3a2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a{n:02d}",
        "givenName": name.split()[-2] if " " in name else name,
        "email": f"{name.split()[-1].lower()}@nhs.net",
        "userPrincipalName": f"{name.split()[-1].lower()}@nhs.net",
        "tenantId": TENANT,
        "userRole": role,
    }


LEAD = person(1, "Dr Asha Patel")
GP = person(2, "Dr Tom Okafor")
TRAINEE = person(3, "Dr Mei Chen")
LOCUM = person(4, "Dr Sam Reid", role="guest")
ROSTER = [LEAD, GP, TRAINEE, LOCUM]


def aad(member: Json) -> str:
    return str(member["aadObjectId"])


def _common(service_url: str, sender: Json, conversation: Json, channel_data: Json) -> Json:
    return {
        "id": f"{1764100000000 + next(_ids)}",
        "timestamp": "2026-11-23T12:45:02.123Z",
        "localTimestamp": "2026-11-23T12:45:02.123+00:00",
        "localTimezone": "Europe/London",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": sender["id"], "name": sender["name"], "aadObjectId": sender["aadObjectId"]},
        "conversation": conversation,
        "recipient": {"id": BOT, "name": "Coffee Room"},
        "locale": "en-GB",
        "entities": [
            {
                "type": "clientInfo",
                "locale": "en-GB",
                "country": "GB",
                "platform": "Web",
                "timezone": "Europe/London",
            }
        ],
        "channelData": {"tenant": {"id": TENANT}, **channel_data},
    }


def personal_chat(sender: Json) -> Json:
    return {
        "conversationType": "personal",
        "tenantId": TENANT,
        "id": f"a:1chat-{sender['aadObjectId']}",
    }


def team_channel(channel: str = TEAM, root: str = "") -> Json:
    chat = channel + (f";messageid={root}" if root else "")
    return {"isGroup": True, "conversationType": "channel", "tenantId": TENANT, "id": chat}


def team_data(channel: str = TEAM) -> Json:
    return {
        "team": {
            "id": TEAM,
            "name": "Riverside Surgery",
            "aadGroupId": "d1e2f3a4-0000-4000-8000-0000000000aa",
        },
        "channel": {"id": channel},
    }


def installed_in_team(url: str, installer: Json = LEAD) -> Json:
    found = _common(url, installer, team_channel(), {**team_data(), "source": {"name": "message"}})
    return {**found, "type": "installationUpdate", "action": "add"}


def bot_added_to_team(url: str, installer: Json = LEAD) -> Json:
    data = {**team_data(), "eventType": "teamMemberAdded"}
    found = _common(url, installer, team_channel(), data)
    return {**found, "type": "conversationUpdate", "membersAdded": [{"id": BOT}]}


def installed_personally(url: str, sender: Json) -> Json:
    found = _common(url, sender, personal_chat(sender), {"source": {"name": "message"}})
    return {**found, "type": "installationUpdate", "action": "add"}


def message(url: str, sender: Json, text: str) -> Json:
    found = _common(url, sender, personal_chat(sender), {})
    return {**found, "type": "message", "textFormat": "plain", "text": text, "attachments": []}


def channel_mention(url: str, sender: Json, text: str, channel: str = TEAM) -> Json:
    found = _common(url, sender, team_channel(channel), team_data(channel))
    tag = "<at>Coffee Room</at>"
    found["entities"] = [
        *found["entities"],
        {"type": "mention", "text": tag, "mentioned": {"id": BOT, "name": "Coffee Room"}},
    ]
    return {**found, "type": "message", "textFormat": "plain", "text": f"{tag} {text}"}


def thread_reply(url: str, sender: Json, channel: str, root: str, text: str) -> Json:
    found = _common(url, sender, team_channel(channel, root), team_data(channel))
    return {**found, "type": "message", "textFormat": "plain", "text": text, "replyToId": root}


def card_action(url: str, sender: Json, data: Json, reply_to: str = "1764000000001") -> Json:
    found = _common(url, sender, personal_chat(sender), {"source": {"name": "message"}})
    found["id"] = f"f:invoke-{next(_ids)}"
    action = {
        "type": "Action.Execute",
        "title": "Send",
        "verb": str(data.get("action")),
        "data": data,
    }
    return {
        **found,
        "type": "invoke",
        "name": "adaptiveCard/action",
        "replyToId": reply_to,
        "value": {"action": action, "trigger": "manual"},
    }


def dialog_fetch(url: str, sender: Json, data: Json, channel: str = "") -> Json:
    chat, extra = (
        (team_channel(channel), team_data(channel)) if channel else (personal_chat(sender), {})
    )
    found = _common(url, sender, chat, extra)
    found["id"] = f"f:fetch-{next(_ids)}"
    value = {"type": "task/fetch", "data": data, "context": {"theme": "default"}}
    return {**found, "type": "invoke", "name": "task/fetch", "value": value}


def dialog_submit(url: str, sender: Json, data: Json, channel: str = "") -> Json:
    chat, extra = (
        (team_channel(channel), team_data(channel)) if channel else (personal_chat(sender), {})
    )
    found = _common(url, sender, chat, extra)
    found["id"] = f"f:submit-{next(_ids)}"
    value = {"type": "task/submit", "data": data, "context": {"theme": "default"}}
    return {**found, "type": "invoke", "name": "task/submit", "value": value}


def filled(card: Json, answers: Json) -> Json:
    """What Teams sends when a card's Action.Execute is pressed: its data plus every input."""
    action = next(
        a for a in card.get("actions", []) if a["type"] in ("Action.Execute", "Action.Submit")
    )
    data = dict(action["data"])
    for key, value in answers.items():
        data[f"field:{key}"] = value
    return data
