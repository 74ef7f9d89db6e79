"""Installs by OAuth into many workspaces, against the fake Slack over real HTTP: two workspaces
install the app, a rant in each lands only in its own workspace with its own token, tokens are
unreadable in the database, and a workspace that leaves takes its data with it."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import replace

import httpx
import pytest
from sqlalchemy import event, func, select, text

from bot.app.settings import SettingsError
from handlers.slack.oauth import NOT_INSTALLED
from handlers.slack.workspaces import NOT_INSTALLED as NOT_SENT
from storage.repos.personal_data import scope
from storage.tables import Base
from tests.callers import every_value
from tests.fakes.slack_roster import BOT_USER, SALARIED_GP, SALARIED_GP_2
from tests.handlers.slack_oauth_harness import (
    CLIENT_ID,
    CLIENT_SECRET,
    HILLSIDE,
    NEVER,
    RIVERSIDE,
    STATE_COOKIE,
    OAuthBot,
    Workspace,
    cookie,
    oauth_bot,
)
from tests.process import eventually
from tests.slack_requests import app_home_opened, command_body, event_body, home_action

__all__ = ["oauth_bot"]  # the fixture, used by name


def test_two_workspaces_install_by_oauth(oauth_bot: OAuthBot) -> None:
    for ws in (RIVERSIDE, HILLSIDE):
        page = oauth_bot.install(ws)
        assert page.status_code == 200
        assert f"Coffee Room is in {ws.name}" in page.text
    exchanged = oauth_bot.fake.calls("oauth.v2.access")
    assert [c.body["code"] for c in exchanged] == ["code-T0RIVER", "code-T0HILL"]
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert {c.headers["authorization"] for c in exchanged} == {f"Basic {basic}"}
    store = oauth_bot.workspaces.store
    assert store.teams() == ["T0HILL", "T0RIVER"]
    for ws in (RIVERSIDE, HILLSIDE):
        bot = store.find_bot(enterprise_id=None, team_id=ws.team_id)
        assert bot is not None and bot.bot_token == ws.token


WORDS = {
    RIVERSIDE: "Riverside: the printer ate the prescriptions",
    HILLSIDE: "Hillside: no parking",
}


def test_a_rant_in_each_workspace_lands_only_in_its_own(oauth_bot: OAuthBot) -> None:
    for ws in (RIVERSIDE, HILLSIDE):
        oauth_bot.ready(ws)
    oauth_bot.fake.clear()
    for ws in (RIVERSIDE, HILLSIDE):
        oauth_bot.rant(ws, SALARIED_GP, WORDS[ws])
    oauth_bot.assembly.services.outbox.drain()
    assert sorted(oauth_bot.posted()) == sorted(
        [(RIVERSIDE.token, RIVERSIDE.rants), (HILLSIDE.token, HILLSIDE.rants)]
    )
    for ws, other in ((RIVERSIDE, HILLSIDE), (HILLSIDE, RIVERSIDE)):
        landed = json.dumps(oauth_bot.fake.messages(ws.rants))
        assert WORDS[ws] in landed and WORDS[other] not in landed
    # Every call after the installs went out with one of the two workspaces' own tokens.
    assert {c.token for c in oauth_bot.fake.calls() if c.method != "response_url"} <= {
        RIVERSIDE.token,
        HILLSIDE.token,
    }


def test_tokens_are_unreadable_in_the_database(oauth_bot: OAuthBot) -> None:
    for ws in (RIVERSIDE, HILLSIDE):
        oauth_bot.install(ws)
    with oauth_bot.assembly.engine.connect() as conn:
        stored = [
            str(token)
            for table in ("slack_bots", "slack_installations")
            for (token,) in conn.execute(text(f"SELECT bot_token FROM {table}"))
        ]
    assert len(stored) == 4 and all(token.startswith("gAAAA") for token in stored)  # Fernet
    everything = every_value(oauth_bot.assembly, skip=())
    assert "xoxb-" not in everything
    assert RIVERSIDE.token[5:] not in everything and HILLSIDE.token[5:] not in everything


def uninstalled(ws: Workspace, event_id: str) -> str:
    return ws.signed(event_body({"type": "app_uninstalled"}, event_id=event_id))


def revoked(ws: Workspace, event_id: str) -> str:
    event = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": [BOT_USER]}}
    return ws.signed(event_body(event, event_id=event_id))


def held(oauth_bot: OAuthBot, practice_id: int) -> dict[str, int]:
    """Rows held for a practice in every table scoped to one (its own row in practices too)."""
    counts: dict[str, int] = {}
    with oauth_bot.assembly.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            scoped = (
                table.c.id == practice_id
                if table.name == "practices"
                else scope(table, practice_id)
            )
            if scoped is not None:
                counts[table.name] = conn.execute(select(func.count()).where(scoped)).scalar_one()
    return {name: n for name, n in counts.items() if n}


@pytest.mark.parametrize("leaving", [uninstalled, revoked])
def test_a_workspace_that_leaves_takes_its_data_and_the_other_carries_on(
    oauth_bot: OAuthBot, leaving: Callable[[Workspace, str], str]
) -> None:
    river, hill = oauth_bot.ready(RIVERSIDE), oauth_bot.ready(HILLSIDE)
    oauth_bot.rant(RIVERSIDE, SALARIED_GP, WORDS[RIVERSIDE])  # queued, not sent yet
    oauth_bot.rant(HILLSIDE, SALARIED_GP, WORDS[HILLSIDE])
    assert {"practices", "members", "leads", "spaces", "rants", "outbox"} <= set(
        held(oauth_bot, river.id)
    )
    before = held(oauth_bot, hill.id)
    oauth_bot.fake.clear()

    answer = oauth_bot.post(leaving(RIVERSIDE, "Ev0LEAVE"), json_body=True)
    assert answer.status_code == 200
    assert (
        oauth_bot.post(leaving(RIVERSIDE, "Ev0LEAVE"), json_body=True).status_code == 200
    )  # again
    oauth_bot.fake.revoke(RIVERSIDE.token)

    store = oauth_bot.workspaces.store
    assert store.find_bot(enterprise_id=None, team_id=RIVERSIDE.team_id) is None
    assert store.find_installation(enterprise_id=None, team_id=RIVERSIDE.team_id) is None
    assert held(oauth_bot, river.id) == {}
    assert held(oauth_bot, hill.id) == before
    assert store.teams() == [HILLSIDE.team_id]

    oauth_bot.assembly.services.outbox.drain()  # Riverside's queued rant is gone with it
    assert oauth_bot.posted() == [(HILLSIDE.token, HILLSIDE.rants)]
    oauth_bot.rant(HILLSIDE, SALARIED_GP_2, "Hillside again: still no parking")
    oauth_bot.assembly.services.outbox.drain()
    assert oauth_bot.posted()[-1] == (HILLSIDE.token, HILLSIDE.rants)
    assert "still no parking" in json.dumps(oauth_bot.fake.messages(HILLSIDE.rants))


def test_a_workspace_that_never_installed_gets_a_kind_word(
    oauth_bot: OAuthBot, caplog: pytest.LogCaptureFixture
) -> None:
    oauth_bot.install(RIVERSIDE)
    eventually(lambda: oauth_bot.leads(RIVERSIDE), "its roster, learnt in the background")
    oauth_bot.fake.clear()
    url = oauth_bot.fake.url + "response/never"
    command = NEVER.signed(command_body("/rant", SALARIED_GP, "my words", response_url=url))
    answer = oauth_bot.post(command)
    assert answer.status_code == 200 and answer.text == ""
    (said,) = oauth_bot.fake.calls("response_url")
    assert said.body["text"] == NOT_INSTALLED
    home = oauth_bot.post(
        NEVER.signed(app_home_opened(SALARIED_GP, event_id="Ev0NEVER")), json_body=True
    )
    assert home.status_code == 200 and "Traceback" not in home.text
    assert [c.method for c in oauth_bot.fake.calls()] == ["response_url"]  # nothing else
    assert oauth_bot.practice(NEVER) is None
    assert "Traceback" not in caplog.text and "my words" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records)


def test_a_send_to_a_workspace_without_an_installation_is_refused_once(
    oauth_bot: OAuthBot, caplog: pytest.LogCaptureFixture
) -> None:
    oauth_bot.ready(RIVERSIDE)
    oauth_bot.rant(RIVERSIDE, SALARIED_GP, WORDS[RIVERSIDE])  # queued, then the install is lost
    store = oauth_bot.workspaces.store
    store.delete_bot(enterprise_id=None, team_id=RIVERSIDE.team_id)
    store.delete_installation(enterprise_id=None, team_id=RIVERSIDE.team_id)
    oauth_bot.fake.clear()
    outbox = oauth_bot.assembly.services.outbox
    report = outbox.drain_all()  # the rant, then the notice handing the GP's words back
    assert (report.sent, report.retried, report.failed) == (0, 0, 2)
    assert set(report.codes) == {NOT_SENT}
    assert outbox.drain().moved == 0  # refused for good: nothing is tried again
    assert oauth_bot.fake.calls() == []
    with oauth_bot.assembly.engine.connect() as conn:
        rows = conn.execute(text("SELECT status, last_error, attempts FROM outbox")).all()
    assert {tuple(r) for r in rows} == {("failed", NOT_SENT, 1)}
    assert WORDS[RIVERSIDE] not in caplog.text


def test_the_roster_job_visits_every_installed_workspace(oauth_bot: OAuthBot) -> None:
    for ws in (RIVERSIDE, HILLSIDE):
        oauth_bot.ready(ws)
    oauth_bot.fake.clear()
    (job,) = [j for j in oauth_bot.assembly.jobs() if j.name == "roster-sync"]
    job.run()
    tokens = {c.token for c in oauth_bot.fake.calls("users.list")}
    assert tokens == {RIVERSIDE.token, HILLSIDE.token}


def test_install_failures_get_a_kind_page_and_change_nothing(oauth_bot: OAuthBot) -> None:
    cancelled = httpx.get(
        oauth_bot.url + "/slack/oauth_redirect", params={"error": "access_denied"}
    )
    assert cancelled.status_code == 200
    assert "The install was cancelled" in cancelled.text
    forged = httpx.get(
        oauth_bot.url + "/slack/oauth_redirect",
        params={"code": "code-x", "state": "made-up"},
        headers={"cookie": "slack-app-oauth-state=made-up"},
    )
    assert forged.status_code == 401 and "start again" in forged.text
    page = httpx.get(oauth_bot.url + "/slack/install")
    state = cookie(page, STATE_COOKIE)
    ungranted = httpx.get(
        oauth_bot.url + "/slack/oauth_redirect",
        params={"code": "never-granted", "state": state},
        headers={"cookie": f"{STATE_COOKIE}={state}"},
    )
    assert ungranted.status_code == 401 and "Slack did not confirm the install" in ungranted.text
    for page in (cancelled, forged, ungranted):
        assert "Traceback" not in page.text and "<h1>Coffee Room was not added</h1>" in page.text
    assert oauth_bot.workspaces.store.teams() == []


def test_a_workspace_installed_again_is_sent_to_with_its_new_token(oauth_bot: OAuthBot) -> None:
    oauth_bot.ready(RIVERSIDE)
    outbox = oauth_bot.assembly.services.outbox
    oauth_bot.rant(RIVERSIDE, SALARIED_GP, "first, with the first token")
    outbox.drain()  # the workspace's clients are now kept, with its first token
    again = replace(RIVERSIDE, token="xoxb-riverside-again")
    assert oauth_bot.install(again, code="code-again").status_code == 200
    oauth_bot.fake.revoke(RIVERSIDE.token)
    oauth_bot.fake.clear()
    oauth_bot.rant(again, SALARIED_GP_2, "second, after installing again")
    report = outbox.drain()
    assert (report.sent, report.failed) == (1, 0)
    posts = oauth_bot.fake.calls("chat.postMessage")
    assert [c.token for c in posts] == [again.token]
    assert "second, after installing again" in json.dumps(oauth_bot.fake.messages(again.rants))


def test_an_install_that_breaks_on_our_side_gets_a_kind_page(
    oauth_bot: OAuthBot, caplog: pytest.LogCaptureFixture
) -> None:
    engine = oauth_bot.assembly.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("breaks the schema: only on a throwaway SQLite file")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE slack_oauth_states"))  # the state store cannot write
    page = httpx.get(oauth_bot.url + "/slack/install")
    assert page.status_code == 500
    assert "Something went wrong on our side" in page.text and "Traceback" not in page.text
    assert "Traceback" not in caplog.text


def test_commands_that_name_no_workspace_use_the_only_one_or_ask(oauth_bot: OAuthBot) -> None:
    with pytest.raises(SettingsError, match="No workspace has installed Coffee Room yet"):
        oauth_bot.assembly.slack_directory()
    oauth_bot.install(RIVERSIDE)
    assert oauth_bot.assembly.slack_directory().workspace()[0] == RIVERSIDE.team_id
    oauth_bot.install(HILLSIDE)
    with pytest.raises(SettingsError, match="name one with --workspace"):
        oauth_bot.assembly.slack_directory()


def test_each_token_is_checked_with_slack_once_not_on_every_request(oauth_bot: OAuthBot) -> None:
    oauth_bot.ready(RIVERSIDE)
    oauth_bot.fake.clear()
    for n in range(3):
        opened = RIVERSIDE.signed(app_home_opened(SALARIED_GP, event_id=f"Ev0HOME{n}"))
        assert oauth_bot.post(opened, json_body=True).status_code == 200
    assert len(oauth_bot.fake.calls("views.publish")) == 3
    assert [c.token for c in oauth_bot.fake.calls("auth.test")] == [RIVERSIDE.token]


def test_finding_a_workspaces_token_takes_no_write_lock(oauth_bot: OAuthBot) -> None:
    """Bolt looks the installation up on every request: on SQLite through a reading connection,
    so a tap that only reads never queues behind a roster sync for the write lock."""
    engine = oauth_bot.assembly.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("the write lock up front is SQLite's (BEGIN IMMEDIATE)")
    oauth_bot.ready(RIVERSIDE)
    oauth_bot.fake.clear()
    begun: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("BEGIN"):
            begun.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        for _ in range(3):
            tap = RIVERSIDE.signed(home_action(SALARIED_GP, "settings.week", {"values": {}}))
            assert oauth_bot.post(tap).status_code == 200
        eventually(lambda: len(oauth_bot.fake.calls("views.open")) == 3, "three forms")
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert begun and "BEGIN IMMEDIATE" not in begun, begun
