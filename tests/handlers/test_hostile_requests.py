"""Whatever is sent to /slack/events: no 500, no traceback, and nothing changed. Junk without a
valid signature is refused before its body is read; a signed body that is not a Slack payload
gets 400. (The ASGI app in process, with the real Bolt app behind it.)"""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from bot.app.assembly import Assembly
from handlers.web import build_asgi
from tests.callers import every_value, set_up
from tests.slack_requests import SIGNING_SECRET, signed_headers

JSON = "application/json"
JUNK = [
    ("payload={not json", None),
    ("payload=%7B%22type%22%3A%22view_submission%22%2C%22view%22%3A%22x%22%7D", None),
    ("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%7D%5D%7D", None),
    ("payload=%5B1%2C2%5D", None),
    ("command=%2Frant&text=&trigger_id=", None),
    ("command=%2Fcoffeeroom&text=protected-time", None),
    ('{"type": "event_callback", "event": {"type": "message"}}', JSON),
    ('{"type": "event_callback", "event": {"type": "app_home_opened", "tab": "home"}}', JSON),
    ('{"type": "event_callback", "event": "home"}', JSON),
    ('{"type": "url_verification"}', JSON),
    ("{not json}", JSON),
    ("", None),
    ("\x00\xff\xfe", None),
]


@pytest.fixture
def client(assembly: Assembly) -> TestClient:
    set_up(assembly)
    app = build_asgi(slack=assembly.slack_app, healthy=lambda: True, signing_secret=SIGNING_SECRET)
    return TestClient(app, raise_server_exceptions=False)


def post(client: TestClient, body: str, content_type: str | None, *, signed: bool) -> int:
    headers = signed_headers(body, content_type=content_type or "application/x-www-form-urlencoded")
    if not signed:
        headers = {"content-type": headers["content-type"]}
    return client.post("/slack/events", content=body.encode(), headers=headers).status_code


@pytest.mark.parametrize(("body", "content_type"), JUNK)
def test_junk_gets_a_plain_refusal_and_changes_nothing(
    client: TestClient,
    assembly: Assembly,
    caplog: pytest.LogCaptureFixture,
    body: str,
    content_type: str | None,
) -> None:
    caplog.set_level(logging.DEBUG)
    before = every_value(assembly)
    assert post(client, body, content_type, signed=False) == 401  # the signature comes first
    assert post(client, body, content_type, signed=True) in (200, 400, 404)
    assert every_value(assembly) == before
    assert "Traceback" not in caplog.text
    assert not any(record.exc_info for record in caplog.records)


def test_an_unsigned_request_is_one_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert post(client, "payload={not json", None, signed=False) == 401
    lines = [r.getMessage() for r in caplog.records if r.name == "handlers.web"]
    assert lines == ["refused a request to /slack/events: no valid Slack signature"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_no_signed_payload_gets_a_500(client: TestClient, payload: object) -> None:
    for kind in ("block_actions", "view_submission", "shortcut", "message_action"):
        shaped = {"type": kind, "user": payload, "view": payload, "actions": payload}
        body = "payload=" + quote(json.dumps(shaped))
        assert post(client, body, None, signed=True) in (200, 400, 404)
