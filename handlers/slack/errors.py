"""Turn Slack Web API failures into the outbox's three outcomes: try again, unknown, or never."""

from __future__ import annotations

import http.client
import socket
import urllib.error

from slack_sdk.errors import SlackApiError

from bot.core.ports import CannotDeliver, DeliveryError, OutcomeUnknown, TryAgain

# Slack's own word that it failed before doing anything: safe to send again later.
TEMPORARY = {"ratelimited", "service_unavailable", "team_added_to_org", "invalid_auth"}
# Slack says it hit trouble part-way: the message may exist, so look before resending.
UNKNOWN = {"internal_error", "fatal_error", "request_timeout"}
NETWORK_ERRORS = (
    urllib.error.URLError,
    socket.timeout,
    TimeoutError,
    ConnectionError,
    http.client.HTTPException,
)


def classify(exc: Exception) -> DeliveryError:
    """The outbox outcome for an exception raised by a WebClient call."""
    if isinstance(exc, SlackApiError):
        status = exc.response.status_code
        code = str(exc.response.get("error") or f"http_{status}")
        if status == 429:
            retry_after = exc.response.headers.get("retry-after") or exc.response.headers.get(
                "Retry-After"
            )
            return TryAgain("ratelimited", retry_after=_seconds(retry_after))
        if status >= 500 or code in UNKNOWN:
            return OutcomeUnknown(code)
        if code in TEMPORARY:
            return TryAgain(code)
        return CannotDeliver(code)
    if isinstance(exc, NETWORK_ERRORS):
        return OutcomeUnknown(type(exc).__name__)
    raise exc


def _seconds(value: object) -> float | None:
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(0.0, float(str(value)))
    except (TypeError, ValueError):
        return None
