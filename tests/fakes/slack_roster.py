"""Default practice roster and channels, Slack object builders and protocol helpers for the fake."""

from __future__ import annotations

import base64
import copy
import json
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qs

Body = dict[str, Any]

TEAM_ID = "T0001"
APP_ID = "A0COFFEE"
DEFAULT_SCOPES = (  # what auth.test reports in its x-oauth-scopes header
    *("app_mentions:read", "channels:history", "channels:join", "channels:manage"),
    *("channels:read", "chat:write", "commands", "groups:read", "im:history", "im:read"),
    *("files:write", "im:write", "users:read", "users:read.email"),
)
OTHER_TEAM_ID = "T0OTHER"
EMAIL_DOMAIN = "riverside-surgery.example"

# Stable ids of the default roster, so tests can name people without magic strings.
PARTNER_OWNER = "U0PARTNER"  # Dr Priya Shah: GP partner, workspace primary owner (and admin)
ADMIN = "U0ADMIN"  # Dr Tom Okafor: GP partner, workspace admin
SALARIED_GP = "U0SALGP"  # Dr Emma Clarke: salaried GP
SALARIED_GP_2 = "U0SALGP2"  # Dr Niamh O'Brien: part-time salaried GP
LOCUM_GUEST = "U0LOCUM"  # Dr Sam Reid: locum, multi-channel guest (is_restricted)
TRAINEE = "U0TRAINEE"  # Dr Aisha Rahman: GP specialty trainee (ST2)
DEACTIVATED = "U0LEFT"  # Dr Mark Evans: retired partner, account deactivated (deleted)
BOT_USER = "U0BOT"  # Coffee Room's own bot user (bot_id B0BOT)
OTHER_BOT = "U0ROTABOT"  # "Rota Reminder", another app's bot user (bot_id B0ROTA)
SLACKBOT = "USLACKBOT"  # Slackbot: is_bot is False, as in real Slack
EXTERNAL = "U0EXTERNAL"  # Dr Chris Lee: Slack Connect user from another practice (T0OTHER)

ACTIVE_HUMANS = (PARTNER_OWNER, ADMIN, SALARIED_GP, SALARIED_GP_2, LOCUM_GUEST, TRAINEE)
USER_FLAGS = ("deleted", "is_admin", "is_owner", "is_primary_owner", "is_restricted", "is_bot")
ROLE_FLAGS = ("is_ultra_restricted", "is_app_user")


def make_user(
    user_id: str,
    name: str,
    real_name: str,
    *,
    team_id: str = TEAM_ID,
    title: str = "",
    email: str | None = None,
    tz: str = "Europe/London",
    **flags: Any,
) -> dict[str, Any]:
    """A full Slack user object; `flags` override the is_*/deleted booleans or add fields."""
    first, _, last = real_name.removeprefix("Dr ").partition(" ")
    display = flags.pop("display_name", first)
    profile: dict[str, Any] = {"title": title, "real_name": real_name, "display_name": display}
    profile.update(real_name_normalized=real_name, display_name_normalized=display)
    profile.update(first_name=first, last_name=last, status_text="", status_emoji="")
    profile.update(image_72=f"https://avatars.example/{user_id}_72.png", team=team_id)
    if email is not None:
        profile["email"] = email
    london = tz == "Europe/London"
    user: dict[str, Any] = {"id": user_id, "team_id": team_id, "name": name, "color": "9f69e7"}
    user.update(real_name=real_name, tz=tz, tz_offset=0 if london else -28800)
    user["tz_label"] = "Greenwich Mean Time" if london else "Pacific Standard Time"
    user.update(dict.fromkeys(USER_FLAGS + ROLE_FLAGS, False), profile=profile, updated=1699990000)
    user["is_email_confirmed"] = email is not None
    user.update(flags)
    return user


def _gp(user_id: str, name: str, real_name: str, title: str, **flags: Any) -> dict[str, Any]:
    return make_user(user_id, name, real_name, title=title, email=f"{name}@{EMAIL_DOMAIN}", **flags)


def _bot(user_id: str, name: str, real_name: str, bot_id: str, app_id: str) -> dict[str, Any]:
    user = make_user(user_id, name, real_name, is_bot=True, display_name="")
    user["profile"].update(bot_id=bot_id, api_app_id=app_id, always_active=True)
    return user


def default_roster(
    team_id: str = TEAM_ID, bot_user_id: str = BOT_USER, bot_id: str = "B0BOT"
) -> list[dict[str, Any]]:
    """A fresh copy of the default practice roster (the ids are the constants above)."""
    owner = {"is_admin": True, "is_owner": True, "is_primary_owner": True}
    users = [
        _gp(PARTNER_OWNER, "priya.shah", "Dr Priya Shah", "GP Partner", **owner),
        _gp(ADMIN, "tom.okafor", "Dr Tom Okafor", "GP Partner", is_admin=True),
        _gp(SALARIED_GP, "emma.clarke", "Dr Emma Clarke", "Salaried GP"),
        _gp(SALARIED_GP_2, "niamh.obrien", "Dr Niamh O'Brien", "Salaried GP (Tue/Thu)"),
        _gp(LOCUM_GUEST, "sam.reid", "Dr Sam Reid", "Locum GP", is_restricted=True),
        _gp(TRAINEE, "aisha.rahman", "Dr Aisha Rahman", "GP Registrar (ST2)"),
        _gp(DEACTIVATED, "mark.evans", "Dr Mark Evans", "Retired GP Partner", deleted=True),
        _bot(bot_user_id, "coffeeroom", "Coffee Room", bot_id, APP_ID),
        _bot(OTHER_BOT, "rota_reminder", "Rota Reminder", "B0ROTA", "A0ROTA"),
        make_user(SLACKBOT, "slackbot", "Slackbot", tz="America/Los_Angeles", display_name=""),
        make_user(
            EXTERNAL,
            "chris.lee",
            "Dr Chris Lee",
            team_id=OTHER_TEAM_ID,
            title="GP, Hillside Practice",
            email="chris.lee@hillside-practice.example",
            is_stranger=True,
        ),
    ]
    for user in users:
        if user["team_id"] == TEAM_ID:
            user["team_id"] = user["profile"]["team"] = team_id
    return users


def make_channel(
    channel_id: str,
    name: str,
    *,
    is_private: bool = False,
    is_member: bool = False,
    is_archived: bool = False,
    creator: str = PARTNER_OWNER,
    purpose: str = "",
    num_members: int = 0,
) -> dict[str, Any]:
    """A Slack conversation object for a public or private channel."""
    chan: dict[str, Any] = {"id": channel_id, "name": name, "name_normalized": name}
    chan.update(dict.fromkeys(("is_group", "is_im", "is_mpim", "is_shared"), False))
    chan.update(dict.fromkeys(("is_ext_shared", "is_org_shared"), False))
    chan.update(is_channel=True, is_private=is_private, is_archived=is_archived)
    chan.update(is_general=name == "general", is_member=is_member, created=1690000000)
    chan.update(creator=creator, num_members=num_members, unlinked=0)
    chan["topic"] = {"value": "", "creator": "", "last_set": 0}
    chan["purpose"] = {"value": purpose, "creator": creator if purpose else "", "last_set": 0}
    return chan


def default_channels() -> list[dict[str, Any]]:
    """A fresh copy of the default public channels; the bot is a member of none of them."""
    return [
        make_channel("C0GENERAL", "general", purpose="Practice announcements", num_members=6),
        make_channel("C0RANTS", "coffee-room", purpose="Tea and letting off steam", num_members=5),
        make_channel("C0ADVICE", "run-it-past", purpose="Quick sense-checks", num_members=5),
    ]


def default_members() -> dict[str, list[str]]:
    """Human members of each default channel."""
    return {
        "C0GENERAL": list(ACTIVE_HUMANS),
        "C0RANTS": [PARTNER_OWNER, ADMIN, SALARIED_GP, SALARIED_GP_2, TRAINEE],
        "C0ADVICE": [ADMIN, SALARIED_GP, SALARIED_GP_2, LOCUM_GUEST, TRAINEE],
    }


# -- Slack protocol helpers shared by the fake's modules ----------------------------------------
class SlackError(Exception):
    """Raised by a handler to answer `{"ok": false, "error": code}`."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def truthy(value: Any) -> bool:
    """Slack's notion of a boolean argument: JSON true, 1, "1" or "true"."""
    return value is True or value in (1, "1", "true", "True")


def paginate(items: list[Any], b: Body, key: str, limit: int = 0, more: bool = False) -> Body:
    """Slice by `limit` + opaque `cursor`, Slack-style (next_cursor is "" on the last page)."""
    start = 0
    if b.get("cursor"):
        try:
            start = int(base64.b64decode(str(b["cursor"])).decode().removeprefix("offset:"))
        except ValueError:
            raise SlackError("invalid_cursor") from None
    end = len(items) if int(b.get("limit") or limit) <= 0 else start + int(b.get("limit") or limit)
    cursor = base64.b64encode(f"offset:{end}".encode()).decode() if end < len(items) else ""
    out = {key: items[start:end], "response_metadata": {"next_cursor": cursor}}
    return {**out, "has_more": end < len(items)} if more else out


def decimal_ts(value: Any, default: str) -> Decimal:
    """A Slack ts ("1700000000.000100") as an exactly comparable number."""
    try:
        return Decimal(str(value or default))
    except InvalidOperation:
        raise SlackError("invalid_ts_oldest") from None


def public_message(msg: Body, with_metadata: bool = True) -> Body:
    out = {k: copy.deepcopy(v) for k, v in msg.items() if v is not None}
    if not with_metadata:
        out.pop("metadata", None)
    return out


def _maybe_json(value: str) -> Any:
    if value.strip()[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            pass
    return value


def _form(text: str) -> Body:
    parsed = parse_qs(text, keep_blank_values=True)
    return {
        k: [_maybe_json(x) for x in v] if len(v) > 1 else _maybe_json(v[0])
        for k, v in parsed.items()
    }


def parse_body(raw: bytes, content_type: str, query: str = "") -> Body:
    """Merge the query string with a JSON or form-encoded body (the body wins on clashes)."""
    body = _form(query)
    text = raw.decode("utf-8", "replace")
    if "json" in content_type or text.lstrip().startswith("{"):
        try:
            decoded = json.loads(text) if text.strip() else {}
        except ValueError:
            decoded = {"_raw": text}
        body.update(decoded if isinstance(decoded, dict) else {"_json": decoded})
    elif "multipart" in content_type:
        body["_raw"] = text
    else:
        body.update(_form(text))
    return body


def make_message(ts: str, b: Body, *, user: str, bot_id: str | None, team: str) -> Body:
    """A stored message built from chat.postMessage arguments; bot_id is None for a human's."""
    msg: Body = {"type": "message", "ts": ts, "text": b.get("text") or ""}
    msg.update(blocks=b.get("blocks") or [], thread_ts=b.get("thread_ts"))
    msg.update(metadata=b.get("metadata"), attachments=b.get("attachments"))
    msg.update(reply_broadcast=True if truthy(b.get("reply_broadcast")) else None)
    msg.update(user=user, bot_id=bot_id, app_id=APP_ID if bot_id else None, team=team)
    return msg


def with_thread_info(msg: Body, channel_messages: list[Body]) -> Body:
    """`msg` plus reply_count / reply_users / latest_reply if it has thread replies."""
    replies = [m for m in channel_messages if m.get("thread_ts") == msg["ts"] and m is not msg]
    if not replies:
        return msg
    users = sorted({r["user"] for r in replies})
    info = {"thread_ts": msg["ts"], "reply_count": len(replies), "reply_users": users}
    return {**msg, **info, "latest_reply": replies[-1]["ts"]}


def make_view(view_id: str, given: Body, *, team: str, bot_id: str) -> Body:
    """A view object as views.* answer it: Slack's defaults overlaid with the caller's view."""
    view: Body = {"id": view_id, "team_id": team, "blocks": [], "state": {"values": {}}}
    view.update(dict.fromkeys(("private_metadata", "callback_id", "external_id"), ""))
    view.update(dict.fromkeys(("clear_on_close", "notify_on_close"), False))
    view.update(previous_view_id=None, root_view_id=view_id, app_id=APP_ID, bot_id=bot_id)
    view.update(app_installed_team_id=team)
    view.update({k: v for k, v in given.items() if k not in ("id", "hash")})
    return view
