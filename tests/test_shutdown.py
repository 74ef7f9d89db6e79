"""Stopping and readiness, as a service manager meets them: SIGTERM ends `run` with exit code 0
once the send in flight has finished (nothing stuck in 'sending', nothing sent twice after a
restart), and /readyz says whether the database is there and at this code's schema."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from bot.app.assembly import Assembly, build
from bot.app.serving import readiness
from bot.app.settings import Settings
from bot.core.clock import FixedClock
from handlers.web import build_asgi
from storage.database import make_engine
from storage.migrate import head_revision
from tests.callers import set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS
from tests.process import Server, bot_env
from tests.slack_requests import SIGNING_SECRET

MONDAY_LUNCH = datetime(2026, 11, 23, 12, 45, tzinfo=UTC)
SLOW = 1.0  # seconds the fake Slack takes over each of the first sends


def env(db: Path, fake: FakeSlack) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-shutdown",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": f"sqlite:///{db}",
        "COFFEEROOM_ENV": "test",
        "LOG_LEVEL": "INFO",
    }


def statuses(db: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT status, count(*) FROM outbox GROUP BY status"))
            return {str(status): int(n) for status, n in rows}
    finally:
        engine.dispose()


def posted(fake: FakeSlack) -> Counter[str]:
    """Each outbox id, and how many messages carrying it are in the workspace."""
    found: Counter[str] = Counter()
    with fake.state.lock:
        for messages in fake.state.messages.values():
            for message in messages:
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                found.update([str(payload["id"])] if "id" in payload else [])
    return found


def queue_nudges(db: Path, fake: FakeSlack) -> int:
    """This week's nudges for everyone, queued (not sent) by a pass at Monday lunchtime."""
    settings = Settings(
        slack_bot_token="xoxb-shutdown",
        slack_api_url=fake.url,
        database_url=f"sqlite:///{db}",
        key_file=str(db.parent / "coffeeroom.key"),  # the server's, in the same folder
        environment="test",
    )
    assembly = build(settings, clock=FixedClock(MONDAY_LUNCH), listen=False)
    try:
        set_up(assembly)
        return assembly.services.nudges.run().sent
    finally:
        assembly.engine.dispose()


def test_sigterm_with_sends_in_flight_exits_0_and_a_restart_sends_the_rest_once(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    db = tmp_path / "shutdown.db"
    assert queue_nudges(db, fake_slack) == len(ACTIVE_HUMANS)
    fake_slack.clear()
    fake_slack.fail_next("chat.postMessage", delay=SLOW, times=3)  # slow, then answered
    server = Server(cwd=tmp_path, env=env(db, fake_slack), args=["--no-scheduler"])
    with server:
        assert httpx.get(server.url + "/readyz", timeout=5).json() == {
            "ok": True,
            "reason": "ready",
        }
        fake_slack.wait_for("chat.postMessage", 2, timeout=30)  # the second send is in flight
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(30) == 0, server.log.read_text()
    log = server.log.read_text()
    assert "SIGTERM: stopping" in log and "Traceback" not in log, log
    after = statuses(db)
    assert "sending" not in after  # the send in flight was finished, and recorded
    assert after["sent"] == len(fake_slack.calls("chat.postMessage")) == 2  # nothing new taken
    assert after["pending"] == len(ACTIVE_HUMANS) - 2  # the rest wait for the next start
    with Server(cwd=tmp_path, env=env(db, fake_slack), args=["--no-scheduler"]) as again:
        deadline = time.monotonic() + 30
        while statuses(db).get("pending") and time.monotonic() < deadline:
            time.sleep(0.05)
        again.proc.send_signal(signal.SIGTERM)
        assert again.proc.wait(30) == 0
    assert statuses(db) == {"sent": len(ACTIVE_HUMANS)}
    copies = posted(fake_slack)
    assert len(copies) == len(ACTIVE_HUMANS) and set(copies.values()) == {1}
    for user in ACTIVE_HUMANS:  # each GP has this week's nudge once
        assert len(fake_slack.messages(fake_slack.dm_channel(user))) == 1


def test_sigterm_stops_socket_mode_cleanly(tmp_path: Path, fake_slack: FakeSlack) -> None:
    settings = {
        **env(tmp_path / "socket.db", fake_slack),
        "SLACK_APP_TOKEN": "xapp-1-A0COFFEE-1-abc",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=bot_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        fake_slack.wait_for("apps.connections.open", timeout=30)  # the handler is running
        fake_slack.wait_for("users.list", timeout=30)
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=30)[0]
    finally:
        proc.kill()
    assert proc.returncode == 0, output
    assert "Socket Mode" in output and "SIGTERM: stopping" in output
    assert "Traceback" not in output


def test_readyz_says_when_the_schema_is_behind_the_code(assembly: Assembly) -> None:
    client = TestClient(build_asgi(slack=None, healthy=assembly.healthy, ready=assembly.ready))
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"ok": True, "reason": "ready"}
    with assembly.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    try:
        behind = client.get("/readyz")
    finally:  # PostgreSQL's test database is shared by the session: put it back
        with assembly.engine.begin() as conn:
            conn.execute(
                text("UPDATE alembic_version SET version_num = :v"), {"v": head_revision()}
            )
    assert behind.status_code == 503
    assert behind.json() == {
        "ok": False,
        "reason": f"the database schema is 0001; this code needs {head_revision()}",
    }
    assert client.get("/healthz").status_code == 200  # alive, just not ready for traffic


def test_readyz_says_when_the_database_cannot_be_reached() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:9/nowhere")
    client = TestClient(
        build_asgi(slack=None, healthy=lambda: True, ready=lambda: readiness(engine))
    )
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json() == {
        "ok": False,
        "reason": "the database cannot be reached (OperationalError)",
    }
    assert "Traceback" not in answer.text


def test_readyz_on_a_database_never_migrated(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert readiness(engine) == (
        False,
        f"the database schema is empty; this code needs {head_revision()}",
    )
