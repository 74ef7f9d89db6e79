"""The Bot Connector's REST API, synchronously: the few calls a messenger and directory make.

The Teams SDK's own clients are async and bound to an event loop; the outbox worker, the
scheduler and `jobs run` are plain threads, so outbound calls go through this small client
(httpx, no retries of its own: the outbox retries). Failures become the outbox's outcomes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import jwt

from bot.core.ports import CannotDeliver, DeliveryError, OutcomeUnknown, TryAgain

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
TIMEOUT = 10.0  # seconds; slower than this is 'outcome unknown'
Token = Callable[[], str]
Json = dict[str, Any]


def placeholder_token(client_id: str) -> Token:
    """Development without Entra: a JWT-shaped token no connector but a fake one accepts."""
    value = jwt.encode(
        {"aud": BOT_FRAMEWORK_SCOPE, "appid": client_id, "iat": int(time.time())},
        "coffeeroom-development-only-not-a-secret",
        algorithm="HS256",
    )
    return lambda: value


def entra_token(client_id: str, secret: str, tenant: str) -> Token:
    """The bot's own app token from Entra (MSAL caches and renews it). MSAL is made at the first
    send, not at start-up: it asks Entra about the tenant when it is made."""
    import msal

    made: list[Any] = []

    def token() -> str:
        if not made:
            made.append(
                msal.ConfidentialClientApplication(
                    client_id,
                    client_credential=secret,
                    authority=f"https://login.microsoftonline.com/{tenant}",
                )
            )
        found = made[0].acquire_token_for_client(scopes=[BOT_FRAMEWORK_SCOPE])
        if "access_token" not in found:
            raise TryAgain(f"entra_{found.get('error') or 'no_token'}")
        return str(found["access_token"])

    return token


class Connector:
    """One client for every service URL (they differ by region; keep each whole)."""

    def __init__(self, token: Token, bot_id: str, *, timeout: float = TIMEOUT) -> None:
        self.token = token
        self.bot_id = bot_id  # 28:<client id>
        self.http = httpx.Client(timeout=timeout)

    def send(self, service_url: str, conversation: str, activity: Json) -> str:
        """Post an activity into a conversation; its activity id."""
        found = self._call(
            "POST", service_url, f"v3/conversations/{conversation}/activities", activity
        )
        return str(found.get("id") or "")

    def update(self, service_url: str, conversation: str, activity_id: str, activity: Json) -> None:
        path = f"v3/conversations/{conversation}/activities/{activity_id}"
        self._call("PUT", service_url, path, activity)

    def delete(self, service_url: str, conversation: str, activity_id: str) -> None:
        path = f"v3/conversations/{conversation}/activities/{activity_id}"
        self._call("DELETE", service_url, path)

    def open_chat(self, service_url: str, member: str, tenant: str) -> str:
        """A personal chat with someone (403 unless the app is installed for them)."""
        body = {
            "bot": {"id": self.bot_id},
            "members": [{"id": member}],
            "tenantId": tenant,
            "isGroup": False,
            "channelData": {"tenant": {"id": tenant}},
        }
        return str(self._call("POST", service_url, "v3/conversations", body).get("id") or "")

    def members(self, service_url: str, team: str) -> list[Json]:
        """Every member of a team, page by page."""
        found: list[Json] = []
        token = ""
        while True:
            query = "?pageSize=500" + (f"&continuationToken={token}" if token else "")
            page = self._call("GET", service_url, f"v3/conversations/{team}/pagedmembers{query}")
            found += list(page.get("members") or [])
            token = str(page.get("continuationToken") or "")
            if not token:
                return found

    def member(self, service_url: str, team: str, member: str) -> Json | None:
        try:
            return self._call("GET", service_url, f"v3/conversations/{team}/members/{member}")
        except CannotDeliver as exc:
            if exc.code == "http_404":
                return None
            raise

    def channels(self, service_url: str, team: str) -> list[Json]:
        found = self._call("GET", service_url, f"v3/teams/{team}/conversations")
        return list(found.get("conversations") or [])

    def team(self, service_url: str, team: str) -> Json:
        return self._call("GET", service_url, f"v3/teams/{team}")

    def _call(self, method: str, service_url: str, path: str, body: Json | None = None) -> Json:
        url = service_url.rstrip("/") + "/" + path
        try:
            headers = {"Authorization": f"Bearer {self.token()}"}
        except DeliveryError:
            raise
        except Exception as exc:  # Entra unreachable (any error of MSAL's): nothing was sent
            raise TryAgain("token_unavailable") from exc
        try:
            response = self.http.request(method, url, json=body, headers=headers)
        except httpx.ConnectError as exc:  # nothing reached the connector
            raise TryAgain("connect_error") from exc
        except httpx.TransportError as exc:  # timeout or dropped part-way: it may have arrived
            raise OutcomeUnknown(type(exc).__name__) from exc
        if response.status_code >= 400:
            raise classify(response)
        try:
            found = response.json() if response.content else {}
        except ValueError:
            found = {}
        return found if isinstance(found, dict) else {}


def classify(response: httpx.Response) -> DeliveryError:
    """The outbox's outcome for a connector's error answer."""
    status = response.status_code
    if status == 429:
        return TryAgain("ratelimited", retry_after=_seconds(response.headers.get("Retry-After")))
    if status == 504:  # the gateway gave up waiting: the connector may have taken it
        return OutcomeUnknown("http_504")
    if status >= 500 or status == 401:  # refused before anything was accepted; a token renews
        return TryAgain(f"http_{status}")
    return CannotDeliver(f"http_{status}")  # 403 blocked or not installed, 404, 413 too long


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
