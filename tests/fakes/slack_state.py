"""Workspace state and per-method Web API handlers behind the fake Slack HTTP server."""

from __future__ import annotations

import copy
import json
import re
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from tests.fakes.slack_roster import (
    DEFAULT_SCOPES,
    Body,
    SlackError,
    decimal_ts,
    default_channels,
    default_members,
    default_roster,
    make_channel,
    make_message,
    make_view,
    paginate,
    public_message,
    truthy,
    with_thread_info,
)

API_METHOD = re.compile(r"(apps|chat|conversations|files|oauth|users|views)\.[A-Za-z0-9.]+")


class SlackState:
    """Users, channels, DMs, messages and views, plus one handler per Web API method.

    Handlers take the parsed body, return what to merge into {"ok": true}, and raise SlackError.
    """

    def __init__(
        self,
        *,
        team_id: str,
        bot_user_id: str,
        bot_id: str,
        users: list[Body] | None,
        channels: list[Body] | None,
        scopes: tuple[str, ...] = DEFAULT_SCOPES,
    ) -> None:
        self.lock = threading.RLock()
        self.team_id, self.bot_user_id, self.bot_id = team_id, bot_user_id, bot_id
        self.scopes = scopes
        self.socket_url = "ws://127.0.0.1:1/link"
        roster = default_roster(team_id, bot_user_id, bot_id) if users is None else users
        self.users: dict[str, Body] = {u["id"]: copy.deepcopy(u) for u in roster}
        chans = default_channels() if channels is None else channels
        self.channels: dict[str, Body] = {c["id"]: copy.deepcopy(c) for c in chans}
        self.members: dict[str, list[str]] = default_members() if channels is None else {}
        self.dms: dict[str, str] = {}  # user id -> D id
        self.dm_users: dict[str, str] = {}  # D id -> user id
        self.messages: dict[str, list[Body]] = {}
        self.views: dict[str, Body] = {}
        self.home_views: dict[str, str] = {}  # user id -> view id
        self._clock = 1700000000_000000
        self.base_url = ""  # the fake's own address, for upload URLs (set by FakeSlack)
        self.uploads: dict[str, Body] = {}  # file id -> {"name", "length", "data" once uploaded}
        # Installs by OAuth: what each code yields, and whose workspace each bot token is.
        self.grants: dict[str, Body] = {}  # code -> oauth.v2.access's answer (single use)
        self.identities: dict[str, Body] = {}  # token -> auth.test's team, team_id, user_id, bot_id
        self.revoked: set[str] = set()  # tokens Slack now refuses (an uninstalled workspace)
        self._serial = 0

    # -- dispatch -----------------------------------------------------------------------------
    def handler(self, method: str) -> Callable[[Body], Body]:
        """The handler for a Web API method (`chat.postMessage` -> `chat_postMessage`)."""
        known = API_METHOD.fullmatch(method)
        found = getattr(self, method.replace(".", "_"), None) if known else None
        return found or (lambda b: {})  # Slack methods this fake does not model just say ok

    def auth_test(self, token: Any) -> Body:
        out: Body = {"url": "https://example.slack.com/", "team": "Example Practice"}
        out.update(user="coffeeroom", team_id=self.team_id, user_id=self.bot_user_id)
        out.update(bot_id=self.bot_id, is_enterprise_install=False)
        out.update(self.identities.get(str(token), {}))  # an installed workspace's own bot
        owner = next((u for u in self.users.values() if u.get("is_primary_owner")), None)
        if str(token).startswith("xoxp-") and owner:  # a user token: "you" are the owner
            out.update(user=owner["name"], user_id=owner["id"])
            del out["bot_id"]
        return out

    def oauth_v2_access(self, b: Body) -> Body:
        """A code from Slack's redirect, exchanged (once) for that workspace's bot token."""
        grant = self.grants.pop(str(b.get("code") or ""), None)
        if grant is None:
            raise SlackError("invalid_code")
        return grant

    def next_ts(self) -> str:
        self._clock += 100
        return f"{self._clock // 1_000_000}.{self._clock % 1_000_000:06d}"

    def _next_id(self, prefix: str) -> str:
        self._serial += 1
        return f"{prefix}1{self._serial:07d}"

    # -- users and conversations --------------------------------------------------------------
    def user(self, user_id: Any) -> Body:
        if user_id not in self.users:
            raise SlackError("user_not_found")
        return self.users[user_id]

    def apps_connections_open(self, b: Body) -> Body:
        return {"url": self.socket_url}

    def users_info(self, b: Body) -> Body:
        return {"user": copy.deepcopy(self.user(b.get("user")))}

    def users_list(self, b: Body) -> Body:
        page = paginate(list(self.users.values()), b, "members")  # copy the page, not everyone
        page["members"] = copy.deepcopy(page["members"])
        return {**page, "cache_ts": int(time.time())}

    def dm_for(self, user_id: str) -> str:
        """Stable D id of the bot's DM with `user_id` (U0PARTNER -> D0PARTNER)."""
        if user_id not in self.dms:
            dm = f"D{user_id[1:]}"
            self.dms[user_id] = dm if dm not in self.dm_users else self._next_id("D")
            self.dm_users[self.dms[user_id]] = user_id
        return self.dms[user_id]

    def _info(self, channel: str) -> Body:
        if channel in self.channels:
            return copy.deepcopy(self.channels[channel])
        user = self.dm_users[channel]
        gone = bool(self.users.get(user, {}).get("deleted"))
        out = {"id": channel, "created": 1700000000, "is_im": True, "is_org_shared": False}
        return {**out, "user": user, "is_user_deleted": gone, "priority": 0, "is_open": True}

    def _known(self, b: Body) -> str:
        if b.get("channel") not in self.channels and b.get("channel") not in self.dm_users:
            raise SlackError("channel_not_found")
        return str(b["channel"])

    def conversations_open(self, b: Body) -> Body:
        raw = b.get("users") or ""
        ids = [u.strip() for u in (raw if isinstance(raw, list) else str(raw).split(",")) if u]
        ids = [u for u in ids if u != self.bot_user_id]
        if b.get("channel"):
            ids = [self.dm_users.get(self._known(b), "")]
        if len(ids) != 1:  # group DMs (mpim) are not modelled
            raise SlackError("users_list_not_supplied" if not ids else "not_supported")
        user = self.user(ids[0])
        if user.get("deleted"):
            raise SlackError("user_disabled")
        if user.get("is_bot"):
            raise SlackError("cannot_dm_bot")
        already = ids[0] in self.dms
        dm = self.dm_for(ids[0])
        full = self._info(dm) if truthy(b.get("return_im")) else {"id": dm}
        return {"no_op": already, "already_open": already, "channel": full}

    def resolve(self, channel: Any, *, posting: bool = False) -> str:
        """The channel a message to `channel` lands in; U ids mean the bot's DM with them."""
        if channel in self.channels:
            if posting and self.channels[channel].get("is_archived"):
                raise SlackError("is_archived")
            return str(channel)
        if channel in self.dm_users:
            return str(channel)
        if isinstance(channel, str) and channel[:1] in "UW" and channel in self.users:
            return self.dm_for(channel)
        raise SlackError("channel_not_found")

    def conversations_list(self, b: Body) -> Body:
        types = str(b.get("types") or "public_channel").split(",")
        found = []
        for c in self.channels.values():
            kind = "private_channel" if c.get("is_private") else "public_channel"
            if kind in types and not (truthy(b.get("exclude_archived")) and c.get("is_archived")):
                found.append(copy.deepcopy(c))
        found += [self._info(dm) for dm in self.dm_users if "im" in types]
        return paginate(found, b, "channels", limit=100)

    def conversations_info(self, b: Body) -> Body:
        return {"channel": self._info(self._known(b))}

    def conversations_join(self, b: Body) -> Body:
        info = self.channels.get(str(b.get("channel")))
        if info is None:
            raise SlackError("channel_not_found")
        if info.get("is_archived"):
            raise SlackError("is_archived")
        if info.get("is_private") and not info.get("is_member"):
            raise SlackError("method_not_supported_for_channel_type")
        warning = {"warning": "already_in_channel"} if info.get("is_member") else {}
        info["is_member"] = True
        members = self.members.setdefault(info["id"], [])
        members += [] if self.bot_user_id in members else [self.bot_user_id]
        return {"channel": copy.deepcopy(info), **warning}

    def conversations_create(self, b: Body) -> Body:
        name = str(b.get("name") or "")
        if not name or name != name.lower() or len(name) > 80 or " " in name or "." in name:
            raise SlackError("invalid_name_specials" if name else "invalid_name_required")
        if any(c.get("name") == name for c in self.channels.values()):
            raise SlackError("name_taken")
        private = truthy(b.get("is_private"))
        chan = make_channel(self._next_id("C"), name, is_private=private, is_member=True)
        chan.update(creator=self.bot_user_id, created=int(time.time()), num_members=1)
        self.channels[chan["id"]] = chan
        self.members[chan["id"]] = [self.bot_user_id]
        return {"channel": copy.deepcopy(chan)}

    def conversations_members(self, b: Body) -> Body:
        channel = self._known(b)
        who = self.dm_users.get(channel)
        members = [who, self.bot_user_id] if who else self.members.get(channel, [])
        return paginate(list(members), b, "members", limit=100)

    # -- messages -----------------------------------------------------------------------------
    def conversations_history(self, b: Body) -> Body:
        channel = self._known(b)
        oldest = decimal_ts(b.get("oldest"), "0")
        latest = decimal_ts(b.get("latest"), "9999999999")
        inclusive, meta = truthy(b.get("inclusive")), truthy(b.get("include_all_metadata"))
        found = []
        for m in reversed(self.messages.get(channel, [])):
            ts = Decimal(m["ts"])
            in_window = oldest <= ts <= latest if inclusive else oldest < ts < latest
            top_level = m.get("thread_ts") in (None, m["ts"]) or m.get("reply_broadcast")
            if in_window and top_level:
                found.append(public_message(with_thread_info(m, self.messages[channel]), meta))
        return {**paginate(found, b, "messages", limit=100, more=True), "pin_count": 0}

    def conversations_replies(self, b: Body) -> Body:
        channel = self._known(b)
        msgs = self.messages.get(channel, [])
        parent = next((m for m in msgs if m["ts"] == b.get("ts")), None)
        if parent is None:
            raise SlackError("thread_not_found")
        thread = [with_thread_info(parent, self.messages[channel])]
        thread += [m for m in msgs if m.get("thread_ts") == parent["ts"] and m is not parent]
        thread = [public_message(m, truthy(b.get("include_all_metadata"))) for m in thread]
        return paginate(thread, b, "messages", limit=1000, more=True)

    def store_message(self, channel: str, b: Body, user: str | None = None) -> Body:
        """Append a message (from the bot, or from `user`) to `channel` and return it."""
        sender, bot_id = (user, None) if user else (self.bot_user_id, self.bot_id)
        msg = make_message(self.next_ts(), b, user=sender, bot_id=bot_id, team=self.team_id)
        self.messages.setdefault(channel, []).append(msg)
        return msg

    def chat_postMessage(self, b: Body) -> Body:
        channel = self.resolve(b.get("channel"), posting=True)
        if not (b.get("text") or b.get("blocks") or b.get("attachments")):
            raise SlackError("no_text")
        check_blocks(b.get("blocks"))
        msg = self.store_message(channel, b)
        return {"channel": channel, "ts": msg["ts"], "message": public_message(msg)}

    # -- files, as files_upload_v2 sends them: get a URL, POST the bytes there, complete -------
    def files_getUploadURLExternal(self, b: Body) -> Body:
        if not b.get("filename") or not str(b.get("length") or "").isdigit():
            raise SlackError("invalid_arguments")
        file_id = self._next_id("F")
        self.uploads[file_id] = {"name": b["filename"], "length": int(b["length"])}
        return {"upload_url": f"{self.base_url}upload/{file_id}", "file_id": file_id}

    def receive_upload(self, file_id: str, data: bytes) -> bool:
        """The bytes POSTed to an upload URL; False for an unknown file or the wrong length."""
        pending = self.uploads.get(file_id)
        if pending is None or len(data) != pending["length"]:
            return False
        pending["data"] = data
        return True

    def files_completeUploadExternal(self, b: Body) -> Body:
        given = b.get("files")
        files = json.loads(given) if isinstance(given, str) else given
        if not isinstance(files, list) or not files:
            raise SlackError("invalid_arguments")
        shared = []
        for f in files:
            pending = self.uploads.get(str(f.get("id")))
            if pending is None or "data" not in pending:
                raise SlackError("file_not_found")  # never uploaded
            shared.append({"id": f["id"], "name": pending["name"], "title": f.get("title") or ""})
        if b.get("channel_id"):
            channel = self.resolve(b.get("channel_id"), posting=True)
            msg = self.store_message(channel, {"text": b.get("initial_comment") or ""})
            msg["files"] = shared
        return {"files": shared}

    def chat_postEphemeral(self, b: Body) -> Body:
        self.resolve(b.get("channel"), posting=True)
        self.user(b.get("user"))
        if not (b.get("text") or b.get("blocks") or b.get("attachments")):
            raise SlackError("no_text")
        return {"message_ts": self.next_ts()}

    def _own_message(self, b: Body, verb: str) -> tuple[str, Body]:
        channel = self._known(b)
        msg = next((m for m in self.messages.get(channel, []) if m["ts"] == b.get("ts")), None)
        if msg is None:
            raise SlackError("message_not_found")
        if msg.get("bot_id") != self.bot_id:
            raise SlackError(f"cant_{verb}_message")
        return channel, msg

    def chat_update(self, b: Body) -> Body:
        channel, msg = self._own_message(b, "update")
        msg.update({k: b[k] for k in ("text", "blocks", "attachments", "metadata") if k in b})
        msg["edited"] = {"user": self.bot_user_id, "ts": self.next_ts()}
        text, message = msg["text"], public_message(msg)
        return {"channel": channel, "ts": msg["ts"], "text": text, "message": message}

    def chat_delete(self, b: Body) -> Body:
        channel, msg = self._own_message(b, "delete")
        self.messages[channel].remove(msg)
        return {"channel": channel, "ts": msg["ts"]}

    # -- views --------------------------------------------------------------------------------
    @staticmethod
    def _given_view(b: Body) -> Body:
        given = json.loads(b["view"]) if isinstance(b.get("view"), str) else b.get("view")
        if not isinstance(given, dict) or "type" not in given:
            raise SlackError("invalid_arguments")
        return given

    def _store_view(self, b: Body, view_id: str | None = None, root: str | None = None) -> Body:
        vid = view_id or self._next_id("V")
        view = make_view(vid, self._given_view(b), team=self.team_id, bot_id=self.bot_id)
        view.update(hash=f"{int(time.time())}.{self.next_ts()}", root_view_id=root or vid)
        self.views[vid] = view
        return {"view": copy.deepcopy(view)}

    def views_open(self, b: Body) -> Body:
        self._given_view(b)
        if not b.get("trigger_id") and not b.get("interactivity_pointer"):
            raise SlackError("invalid_arguments")
        return self._store_view(b)

    views_push = views_open

    def views_update(self, b: Body) -> Body:
        ext = b.get("external_id")
        by_ext = [v["id"] for v in self.views.values() if ext and v["external_id"] == ext]
        vid = b.get("view_id") or (by_ext[0] if by_ext else None)
        if vid not in self.views:
            raise SlackError("not_found")
        if b.get("hash") and b["hash"] != self.views[vid]["hash"]:
            raise SlackError("hash_conflict")
        return self._store_view(b, vid, self.views[vid]["root_view_id"])

    def views_publish(self, b: Body) -> Body:
        user = self.user(b.get("user_id"))["id"]
        if self._given_view(b)["type"] != "home":
            raise SlackError("invalid_arguments")
        out = self._store_view(b, self.home_views.get(user))
        self.home_views[user] = out["view"]["id"]
        return out


SECTION_LIMIT = 3000  # Slack's: a section's text holds at most 3,000 characters
BLOCKS_LIMIT = 50  # and a message at most 50 blocks


def check_blocks(blocks: object) -> None:
    """Refuse blocks as Slack does ('invalid_blocks'): too many, or a section too long."""
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    if not blocks:
        return
    if not isinstance(blocks, list) or len(blocks) > BLOCKS_LIMIT:
        raise SlackError("invalid_blocks")
    for block in blocks:
        text = (block.get("text") or {}).get("text", "") if isinstance(block, dict) else ""
        if block.get("type") == "section" and len(text) > SECTION_LIMIT:
            raise SlackError("invalid_blocks")
