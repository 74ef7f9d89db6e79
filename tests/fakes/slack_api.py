"""A fake Slack Web API served over real HTTP on 127.0.0.1, for driving real slack_sdk clients."""

from __future__ import annotations

import copy
import json
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.fakes.slack_roster import (
    APP_ID,
    DEFAULT_SCOPES,
    Body,
    SlackError,
    default_channels,
    default_roster,
    parse_body,
)
from tests.fakes.slack_state import SlackState

__all__ = ["Call", "FakeSlack", "Fault", "default_channels", "default_roster"]

SPECIAL_TOKENS = {  # tokens that look valid but Slack would refuse
    "xoxb-invalid": "invalid_auth",
    "xoxb-revoked": "token_revoked",
    "xoxb-inactive": "account_inactive",
}
XAPP_METHODS = ("apps.connections.open", "auth.test")


def _check_token(method: str, token: str | None) -> None:
    if not token:
        raise SlackError("not_authed")
    if token in SPECIAL_TOKENS or not token.startswith(("xoxb-", "xoxp-", "xapp-")):
        raise SlackError(SPECIAL_TOKENS.get(token, "invalid_auth"))
    if token.startswith("xapp-") != (method in XAPP_METHODS) and method != "auth.test":
        raise SlackError("not_allowed_token_type")


@dataclass(frozen=True)
class Fault:
    """A scripted failure queued with FakeSlack.fail_next()."""

    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    drop_connection: bool = False
    delay: float = 0.0

    @property
    def replaces_answer(self) -> bool:
        """False for a pure delay: that call is still answered normally, only late."""
        return self.status != 200 or self.error is not None


@dataclass(frozen=True)
class Call:
    """One request the fake received, its body parsed whatever the encoding."""

    method: str  # "chat.postMessage", ... or "response_url"
    http_method: str  # "GET" | "POST"
    body: dict[str, Any]
    headers: dict[str, str]  # names lower-cased
    token: str | None
    path: str = ""  # request path without the leading "/" or query, e.g. "response/abc"
    fault: Fault | None = field(default=None, compare=False)
    at: float = field(default=0.0, compare=False)  # time.monotonic() when it arrived

    @property
    def faulted(self) -> bool:
        """True if a fail_next() fault was applied to this call."""
        return self.fault is not None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # slack_sdk opens a connection per call; the default backlog of 5 drops bursts (and the
    # client retries a second later), which would measure the fake rather than the bot.
    request_queue_size = 128

    def __init__(self, fake: FakeSlack) -> None:
        self.fake = fake
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up mid-answer (timeouts, dropped connections) are expected


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _serve(self, http_method: str) -> None:
        url = urlsplit(self.path)
        path = url.path.lstrip("/").removeprefix("api/")
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k.lower(): v for k, v in self.headers.items()}
        body = parse_body(raw, headers.get("content-type", ""), url.query)
        auth = headers.get("authorization", "")
        form_token = body.get("token") if isinstance(body.get("token"), str) else None
        token = auth[7:] if auth.lower().startswith("bearer ") else form_token
        if path.startswith("upload/"):  # files_upload_v2's step 2: the bytes themselves
            self._upload(path.removeprefix("upload/"), raw)
            return
        method = "response_url" if path.startswith("response/") else path
        call = Call(method, http_method, body, headers, token, path)
        fault = self.server.fake._record(call)
        if self.server.fake.latency:
            time.sleep(self.server.fake.latency)
        if fault and fault.delay:
            time.sleep(fault.delay)
        if fault and fault.drop_connection:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif fault and fault.replaces_answer:
            error = fault.error or ("ratelimited" if fault.status == 429 else "internal_error")
            retry = fault.retry_after
            retry = 1 if retry is None and fault.status == 429 else retry  # Slack always sends one
            extra = {} if retry is None else {"Retry-After": str(retry)}
            self._send(fault.status, {"ok": False, "error": error}, extra)
        else:
            self._send(*self.server.fake._answer(call))

    def _upload(self, file_id: str, raw: bytes) -> None:
        fake = self.server.fake
        fake._record(Call("upload", "POST", {"file_id": file_id, "length": len(raw)}, {}, None))
        with fake.state.lock:
            stored = fake.state.receive_upload(file_id, raw)
        self._send(200 if stored else 404, {"ok": stored}, {})

    def _send(self, status: int, payload: Body, headers: dict[str, str]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class FakeSlack:
    """A stateful fake Slack Web API on an ephemeral local port; also a context manager.

    Point clients at it with `WebClient(token="xoxb-...", base_url=fake.url)`, and use
    `fake.url + "response/<anything>"` as the response_url of interaction payloads.
    """

    def __init__(
        self,
        *,
        team_id: str = "T0001",
        bot_user_id: str = "U0BOT",
        bot_id: str = "B0BOT",
        users: list[dict[str, Any]] | None = None,
        channels: list[dict[str, Any]] | None = None,
        scopes: tuple[str, ...] = DEFAULT_SCOPES,
        rate_limits: Mapping[str, int] | None = None,
        retry_after: int = 1,
        latency: float = 0.0,
    ) -> None:
        """`rate_limits` ({"chat.postMessage": 5}, off by default) makes the workspace answer
        429 with `Retry-After: retry_after` to a call of that method when that many were already
        accepted in the last second, as Slack's per-workspace limits do. `latency` (seconds)
        delays every answer, after the call is recorded, as a Slack an ocean away would."""
        ids = {"team_id": team_id, "bot_user_id": bot_user_id, "bot_id": bot_id}
        self.state = SlackState(**ids, users=users, channels=channels, scopes=scopes)
        self.errors: list[str] = []  # exceptions raised inside the fake itself (its own bugs)
        self._calls: list[Call] = []
        self._faults: dict[str, deque[list[Any]]] = {}
        self.rate_limits = dict(rate_limits or {})
        self.retry_after = retry_after
        self.latency = latency
        self._accepted: dict[str, deque[float]] = {}  # per limited method: recent arrivals
        self._lock = threading.Lock()
        self._server = _Server(self)
        self._thread: threading.Thread | None = None
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self.state.base_url = self.url

    def start(self) -> FakeSlack:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.01,), name="fake-slack", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- call log -----------------------------------------------------------------------------
    def calls(self, method: str | None = None) -> list[Call]:
        """Calls received so far (all, or of one method), in arrival order."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def clear(self) -> None:
        """Forget recorded calls; workspace state and pending faults are kept."""
        with self._lock:
            self._calls.clear()

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Poll until at least `count` calls of `method` arrived, then return all of them."""
        deadline = time.monotonic() + timeout
        while len(got := self.calls(method)) < count:
            if time.monotonic() >= deadline:
                raise AssertionError(self._summary(method, count, timeout, len(got)))
            time.sleep(0.01)
        return got

    def _summary(self, method: str, count: int, timeout: float, got: int) -> str:
        everything = self.calls()
        tally = ", ".join(f"{m} x{n}" for m, n in Counter(c.method for c in everything).items())
        lines = [f"expected >= {count} {method} call(s) within {timeout}s, got {got}."]
        lines.append(f"Received {len(everything)} call(s): {tally or 'none'}. Latest:")
        for c in everything[-10:]:
            flag = " [faulted]" if c.faulted else ""
            lines.append(f"  {c.http_method} {c.method}{flag} {json.dumps(c.body)[:160]}")
        return "\n".join(lines + [f"Fake error: {e}" for e in self.errors])

    def _record(self, call: Call) -> Fault | None:
        with self._lock:
            at = time.monotonic()
            fault = None
            queue = self._faults.get(call.method)
            if queue:
                fault, left = queue[0]
                queue[0][1] = left - 1
                if left <= 1:
                    queue.popleft()
            fault = fault or self._over_limit(call.method, at)
            self._calls.append(replace(call, fault=fault, at=at))
            return fault

    def _over_limit(self, method: str, at: float) -> Fault | None:
        """A 429 when `method` is limited and its last second is full; else count this call."""
        limit = self.rate_limits.get(method)
        if limit is None:
            return None
        recent = self._accepted.setdefault(method, deque())
        while recent and recent[0] <= at - 1.0:
            recent.popleft()
        if len(recent) >= limit:
            return Fault(429, "ratelimited", self.retry_after)
        recent.append(at)
        return None

    def inside_retry_after(self, method: str) -> list[Call]:
        """Calls of `method` that arrived while an earlier 429's Retry-After was still running."""
        inside, until = [], -1.0
        for call in self.calls(method):
            if call.at < until:
                inside.append(call)
            if call.fault is not None and call.fault.status == 429:
                until = max(until, call.at + (call.fault.retry_after or 1))
        return inside

    def fail_next(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        drop_connection: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Make the next `times` calls of `method` fail (or be slow); faults queue in order."""
        if times < 1:
            raise ValueError("times must be >= 1")
        fault = Fault(status, error, retry_after, drop_connection, delay)
        with self._lock:
            self._faults.setdefault(method, deque()).append([fault, times])

    def _answer(self, call: Call) -> tuple[int, Body, dict[str, str]]:
        """(HTTP status, JSON payload, extra headers) for an unfaulted call."""
        if call.method == "response_url":
            return 200, {"ok": True}, {}
        state, method = self.state, call.method
        try:
            with state.lock:
                if call.token in state.revoked:
                    raise SlackError("token_revoked")
                if not method.startswith("oauth."):  # OAuth methods use client credentials
                    _check_token(method, call.token)
                is_auth_test = method == "auth.test"
                payload = (
                    state.auth_test(call.token)
                    if is_auth_test
                    else state.handler(method)(call.body)
                )
            payload = self._as_seen_by(call.token, payload)
        except SlackError as exc:
            return 200, {"ok": False, "error": exc.code}, {}
        except Exception as exc:  # noqa: BLE001 - a bug in the fake: answer loudly, don't hang
            self.errors.append(f"{method}: {exc!r}")
            return 500, {"ok": False, "error": f"fake_error: {exc!r}"}, {}
        return 200, {"ok": True, **payload}, {"x-oauth-scopes": ",".join(state.scopes)}

    def _as_seen_by(self, token: str | None, payload: Body) -> Body:
        """An installed workspace's token sees the (shared) roster and channels as its own
        workspace's: the default team id is that workspace's in whatever is answered."""
        team = self.state.identities.get(str(token), {}).get("team_id")
        if not team:
            return payload
        seen: Body = json.loads(json.dumps(payload).replace(f'"{self.state.team_id}"', f'"{team}"'))
        return seen

    # -- workspace inspection -----------------------------------------------------------------
    def messages(self, channel: str) -> list[dict[str, Any]]:
        """Messages now in `channel` (a C/D id, or a user id for the bot's DM), oldest first."""
        with self.state.lock:
            where = self.state.dm_for(channel) if channel in self.state.users else channel
            return copy.deepcopy(self.state.messages.get(where, []))

    def dm_channel(self, user_id: str) -> str:
        """The stable D id of the bot's DM with `user_id`, as conversations.open returns it."""
        with self.state.lock:
            return self.state.dm_for(user_id)

    def add_user(self, user: dict[str, Any]) -> None:
        with self.state.lock:
            self.state.users[user["id"]] = copy.deepcopy(user)

    def add_channel(self, channel: dict[str, Any], members: list[str]) -> None:
        """A channel and its (human) members, as conversations.members will list them."""
        with self.state.lock:
            self.state.channels[channel["id"]] = copy.deepcopy(channel)
            self.state.members[channel["id"]] = list(members)

    def set_members(self, channel: str, members: list[str]) -> None:
        """People join or leave a channel (the bot stays if it was in)."""
        with self.state.lock:
            bot = self.state.bot_user_id
            stays = [bot] if bot in self.state.members.get(channel, []) else []
            self.state.members[channel] = [*members, *stays]

    def grant(self, code: str, *, team_id: str, team_name: str, token: str, installer: str) -> None:
        """Slack's redirect will carry `code`: oauth.v2.access answers it (once) with an install
        into that workspace, whose bot token is `token`; auth.test with it names the workspace."""
        bot = {"bot_user_id": self.state.bot_user_id, "app_id": APP_ID}
        with self.state.lock:
            self.state.grants[code] = {
                **bot,
                "access_token": token,
                "token_type": "bot",
                "scope": ",".join(self.state.scopes),
                "team": {"id": team_id, "name": team_name},
                "enterprise": None,
                "is_enterprise_install": False,
                "authed_user": {"id": installer},
            }
            self.state.identities[token] = {"team_id": team_id, "team": team_name}

    def revoke(self, token: str) -> None:
        """Slack refuses `token` from now on (token_revoked), as after an uninstall."""
        with self.state.lock:
            self.state.revoked.add(token)

    def post_user_message(self, channel: str, user: str, text: str, thread_ts: str = "") -> str:
        """Put a message from a human into `channel` (e.g. to seed history); return its ts."""
        with self.state.lock:
            where = self.state.resolve(channel)
            msg = self.state.store_message(
                where, {"text": text, "thread_ts": thread_ts or None}, user
            )
            return str(msg["ts"])

    def home_view(self, user_id: str) -> dict[str, Any] | None:
        """The Home tab view last published for `user_id`, if any."""
        with self.state.lock:
            view_id = self.state.home_views.get(user_id)
            return copy.deepcopy(self.state.views[view_id]) if view_id else None
