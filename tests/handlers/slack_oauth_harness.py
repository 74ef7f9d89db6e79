"""Installs by OAuth against the fake Slack: the real ASGI app served by uvicorn on a real port,
browsers' install round trips over real HTTP, and signed requests from each workspace."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography.fernet import Fernet
from starlette.types import ASGIApp

from bot.app.assembly import Assembly, build
from bot.app.settings import Settings
from bot.core.clock import FixedClock
from bot.core.values import Caller, Platform, Practice, SpacePurpose
from handlers.web import build_asgi
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS, ADMIN, PARTNER_OWNER, TEAM_ID, make_channel
from tests.inline import InlineExecutor
from tests.process import eventually, free_port
from tests.slack_requests import SIGNING_SECRET, command_body, signed_headers, view_submission

CLIENT_ID, CLIENT_SECRET = "1111.2222", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
STATE_COOKIE = "slack-app-oauth-state"
VIEWS = itertools.count(1)


@dataclass(frozen=True)
class Workspace:
    """A workspace that installs the app: its id, name, bot token and its own two channels."""

    team_id: str
    name: str
    token: str
    rants: str
    advice: str

    def caller(self, user: str) -> Caller:
        return Caller(Platform.SLACK, self.team_id, user)

    def signed(self, body: str) -> str:
        """A request body the fake workspace's own would be, with this workspace's id in it."""
        return body.replace(TEAM_ID, self.team_id)


RIVERSIDE = Workspace("T0RIVER", "Riverside Surgery", "xoxb-riverside-1", "C0RANTS", "C0ADVICE")
HILLSIDE = Workspace("T0HILL", "Hillside Practice", "xoxb-hillside-2", "C0HRANTS", "C0HADVICE")
NEVER = Workspace("T0NEVER", "Never Installed", "xoxb-never", "C0NRANTS", "C0NADVICE")


class Served:
    """An ASGI app served by uvicorn on a free local port, in a thread, until the block ends."""

    def __init__(self, app: ASGIApp) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="served", daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        eventually(lambda: self.server.started, "the server to start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class OAuthBot:
    """The bot installed by OAuth, served over HTTP, and the fake Slack it talks to."""

    def __init__(self, assembly: Assembly, fake: FakeSlack, served: Served) -> None:
        self.assembly, self.fake, self.url = assembly, fake, served.url
        assert assembly.slack_workspaces is not None
        self.workspaces = assembly.slack_workspaces

    def install(self, ws: Workspace, code: str = "") -> httpx.Response:
        """A browser's round trip: the install page, Slack (the fake) grants a code, and the
        redirect back with it and the state cookie the install page set."""
        page = httpx.get(self.url + "/slack/install")
        assert page.status_code == 200, page.text
        state = cookie(page, STATE_COOKIE)
        assert f"state={state}" in page.text  # the Add to Slack link carries the same state
        code = code or f"code-{ws.team_id}"
        self.fake.grant(
            code, team_id=ws.team_id, team_name=ws.name, token=ws.token, installer=ADMIN
        )
        return httpx.get(
            self.url + "/slack/oauth_redirect",
            params={"code": code, "state": state},
            headers={"cookie": f"{STATE_COOKIE}={state}"},
        )

    def ready(self, ws: Workspace) -> Practice:
        """Installed, its roster learnt (in the background after the install), and a lead has
        chosen its own rant and advice channels."""
        assert self.install(ws).status_code == 200
        eventually(lambda: self.leads(ws), f"{ws.name}'s roster")  # leads are seeded last
        for channel, name in ((ws.rants, "rants"), (ws.advice, "advice")):
            if channel not in self.fake.state.channels:
                self.fake.add_channel(make_channel(channel, f"{name}-{ws.team_id.lower()}"), [])
                self.fake.set_members(channel, list(ACTIVE_HUMANS))
        spaces = {SpacePurpose.RANTS: ws.rants, SpacePurpose.ADVICE: ws.advice}
        self.assembly.services.practices.set_spaces(ws.caller(ADMIN), spaces)
        practice = self.practice(ws)
        assert practice is not None
        return practice

    def practice(self, ws: Workspace) -> Practice | None:
        with self.assembly.services.outbox.uow() as tx:
            found = [p for p in tx.practices.all() if p.workspace_id == ws.team_id]
        return found[0] if found else None

    def leads(self, ws: Workspace) -> tuple[str, ...]:
        practice = self.practice(ws)
        if practice is None:
            return ()
        with self.assembly.services.outbox.uow() as tx:
            return tx.leads.list(practice.id)

    def post(self, body: str, *, json_body: bool = False) -> httpx.Response:
        content_type = "application/json" if json_body else "application/x-www-form-urlencoded"
        headers = signed_headers(body, content_type=content_type)
        return httpx.post(self.url + "/slack/events", content=body, headers=headers, timeout=10)

    def rant(self, ws: Workspace, user: str, words: str) -> dict[str, Any]:
        """/rant in `ws`, then the form sent to the rant channel: the view Slack opened."""
        before = len(self.fake.calls("views.open"))
        url = self.fake.url + f"response/{ws.team_id}"
        assert self.post(ws.signed(command_body("/rant", user, response_url=url))).text == ""
        opened = self.fake.wait_for("views.open", before + 1)[-1]
        assert opened.token == ws.token  # opened with this workspace's own token
        view: dict[str, Any] = opened.body["view"]
        state = rant_state(words)
        view_id = f"V{ws.team_id}{next(VIEWS)}"  # each form its own view, as Slack gives
        answer = self.post(ws.signed(view_submission(user, view, state, view_id=view_id)))
        assert answer.status_code == 200, answer.text
        return view

    def posted(self) -> list[tuple[str | None, str]]:
        """(token, channel) of every chat.postMessage the fake received."""
        return [(c.token, str(c.body.get("channel"))) for c in self.fake.calls("chat.postMessage")]


def rant_state(words: str) -> dict[str, Any]:
    from tests.slack_requests import form_state

    return form_state(words, destination="space")


def cookie(response: httpx.Response, name: str) -> str:
    """A cookie's value from Set-Cookie (it is Secure, so an http client would not send it)."""
    for header in response.headers.get_list("set-cookie"):
        key, _, rest = header.partition("=")
        if key.strip() == name:
            return rest.split(";", 1)[0]
    raise AssertionError(f"no {name} cookie in {response.headers}")


def oauth_settings(database_url: str, fake: FakeSlack, tmp_path: Path) -> Settings:
    return Settings(
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        coffeeroom_token_key=Fernet.generate_key().decode(),
        slack_api_url=fake.url,
        database_url=database_url,
        key_file=str(tmp_path / "test.key"),
        environment="test",
    )


@pytest.fixture
def oauth_bot(
    database_url: str, fake_slack: FakeSlack, tmp_path: Path, clock: FixedClock
) -> Iterator[OAuthBot]:
    settings = oauth_settings(database_url, fake_slack, tmp_path)
    assembly = build(settings, clock=clock, migrate=False, slack_executor=InlineExecutor())
    app = build_asgi(
        slack=assembly.slack_app, healthy=assembly.healthy, signing_secret=SIGNING_SECRET
    )
    with Served(app) as served:
        yield OAuthBot(assembly, fake_slack, served)
    assembly.engine.dispose()


__all__ = ["HILLSIDE", "NEVER", "PARTNER_OWNER", "RIVERSIDE", "OAuthBot", "Workspace", "oauth_bot"]
