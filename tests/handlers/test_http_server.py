"""`python -m bot run --http` as a real process, against a fake Slack over real HTTP."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import SALARIED_GP
from tests.process import Server
from tests.slack_requests import SIGNING_SECRET, app_home_opened, signed_headers


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, FakeSlack]]:
    """One server for the module, started once: no test here changes what another sees."""
    tmp_path = tmp_path_factory.mktemp("http")
    with FakeSlack() as fake:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-http-test",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'http.db'}",
        }
        with Server(cwd=tmp_path, env=env) as server:
            fake.wait_for("users.list")  # start-up roster sync finished
            yield server, fake


@pytest.fixture
def fake_slack(running: tuple[Server, FakeSlack]) -> FakeSlack:
    """The fake the module's server talks to, with the calls of earlier tests forgotten."""
    fake = running[1]
    fake.clear()
    return fake


@pytest.fixture
def server(running: tuple[Server, FakeSlack], fake_slack: FakeSlack) -> Server:
    return running[0]


def post(server: Server, body: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(server.url + "/slack/events", content=body, headers=headers, timeout=10)


def test_healthz(server: Server) -> None:
    response = httpx.get(server.url + "/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True}


def test_forged_and_stale_signatures_get_401_and_touch_nothing(
    server: Server, fake_slack: FakeSlack
) -> None:
    before = len(fake_slack.calls())
    body = app_home_opened(SALARIED_GP, event_id="Ev0FORGED")
    forged = signed_headers(body, secret="0" * 32, content_type="application/json")
    stale = signed_headers(body, at=time.time() - 301, content_type="application/json")
    assert post(server, body, forged).status_code == 401
    assert post(server, body, stale).status_code == 401
    time.sleep(0.3)  # anything a bad request set off would have reached the fake by now
    assert len(fake_slack.calls()) == before


def test_an_event_delivered_four_times_publishes_the_home_once(
    server: Server, fake_slack: FakeSlack
) -> None:
    body = app_home_opened(SALARIED_GP, event_id="Ev0RETRIED")
    for attempt in range(4):
        headers = signed_headers(body, content_type="application/json")
        if attempt:
            headers |= {"x-slack-retry-num": str(attempt), "x-slack-retry-reason": "http_timeout"}
        assert post(server, body, headers).status_code == 200
    fake_slack.wait_for("views.publish")
    time.sleep(0.3)
    assert len(fake_slack.calls("views.publish")) == 1
