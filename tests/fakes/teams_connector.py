"""A fake Bot Connector served over real HTTP on 127.0.0.1 (port 0), recording every request.

It answers like the connector: activity ids for posts, a conversation id for a new personal
chat (403 for someone the app is not installed for), paged members with a continuation token,
the team's channels, 429 with Retry-After (or any status) when told to, and dropped
connections. It also serves a JSON Web Key Set, so token checks can be tested offline.
"""

from __future__ import annotations

import json
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

Json = dict[str, Any]


@dataclass(frozen=True)
class Call:
    """One request as it reached the connector."""

    method: str
    path: str  # unquoted, without the query
    query: dict[str, list[str]]
    body: Json
    authorization: str

    @property
    def conversation(self) -> str:
        parts = self.path.split("/")
        at = parts.index("conversations") if "conversations" in parts else len(parts)
        return parts[at + 1] if at + 1 < len(parts) else ""


@dataclass(frozen=True)
class Fault:
    status: int = 500
    retry_after: int | None = None
    drop_connection: bool = False


@dataclass
class Team:
    id: str
    name: str
    members: list[Json]
    channels: list[Json] = field(default_factory=list)


class FakeConnector:
    """`with FakeConnector() as fake:` then point activities' serviceUrl at `fake.url`."""

    PAGE = 2  # members per page, so paging is always exercised

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.teams: dict[str, Team] = {}
        self.unreachable: set[str] = set()  # member ids a new personal chat is refused for
        self.keys: Json = {"keys": []}
        self._faults: deque[tuple[str, Fault]] = deque()
        self._lock = threading.Lock()
        self._ids = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/uk/"  # a regional path
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeConnector:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_team(self, team: Team) -> None:
        self.teams[team.id] = team

    def fail_next(self, fault: Fault, *, method: str = "POST") -> None:
        self._faults.append((method, fault))

    def posts(self) -> list[Call]:
        """Activities the bot sent, in order."""
        return [c for c in self.calls if c.method == "POST" and c.path.endswith("/activities")]

    def texts(self) -> list[str]:
        return [json.dumps(c.body) for c in self.posts()]

    def _next_id(self) -> str:
        with self._lock:
            self._ids += 1
            return str(1764000000000 + self._ids)

    def _answer(self, call: Call) -> tuple[int, Json, dict[str, str]]:
        parts = [p for p in call.path.split("/") if p]
        if parts[:2] == ["uk", "v1"] or "keys" in parts:
            return 200, self.keys, {}
        parts = parts[1:] if parts and parts[0] == "uk" else parts
        if call.method == "POST" and parts == ["v3", "conversations"]:
            member = call.body["members"][0]["id"]
            if member in self.unreachable:
                return 403, {"error": {"code": "Forbidden"}}, {}
            return 201, {"id": f"a:personal-{member}"}, {}
        if call.method == "POST" and parts[-1] == "activities":
            return 201, {"id": self._next_id()}, {}
        if call.method in ("PUT", "DELETE"):
            return 200, {}, {}
        if parts[-1] == "pagedmembers":
            return self._members(parts[2], call.query)
        if parts[-1] == "conversations" and parts[1] == "teams":
            team = self.teams.get(parts[2])
            return (200, {"conversations": team.channels}, {}) if team else (404, {}, {})
        if parts[1] == "teams":
            team = self.teams.get(parts[2])
            return (200, {"id": team.id, "name": team.name}, {}) if team else (404, {}, {})
        if len(parts) == 5 and parts[3] == "members":
            return self._member(parts[2], parts[4])
        return 404, {"error": {"code": "NotFound"}}, {}

    def _members(
        self, team_id: str, query: dict[str, list[str]]
    ) -> tuple[int, Json, dict[str, str]]:
        team = self.teams.get(team_id)
        if team is None:
            return 404, {}, {}
        start = int((query.get("continuationToken") or ["0"])[0])
        page = team.members[start : start + self.PAGE]
        found: Json = {"members": page}
        if start + self.PAGE < len(team.members):
            found["continuationToken"] = str(start + self.PAGE)
        return 200, found, {}

    def _member(self, team_id: str, member: str) -> tuple[int, Json, dict[str, str]]:
        team = self.teams.get(team_id)
        for m in team.members if team else []:
            if member in (m.get("id"), m.get("aadObjectId")):
                return 200, m, {}
        return 404, {"error": {"code": "MemberNotFoundInConversation"}}, {}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                split = urlsplit(self.path)
                call = Call(
                    self.command,
                    unquote(split.path),
                    parse_qs(split.query),
                    json.loads(raw) if raw else {},
                    self.headers.get("Authorization") or "",
                )
                if "keys" not in call.path:
                    fake.calls.append(call)
                fault = fake._fault(self.command)
                if fault is not None and fault.drop_connection:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if fault is not None:
                    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
                    self._send(fault.status, {"error": {"code": "Fault"}}, headers)
                    return
                self._send(*fake._answer(call))

            def _send(self, status: int, body: Json, headers: dict[str, str]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *_: Any) -> None:
                return

        return Handler

    def _fault(self, method: str) -> Fault | None:
        with self._lock:
            if self._faults and self._faults[0][0] == method:
                return self._faults.popleft()[1]
        return None
