"""Two replicas, one PostgreSQL database, one simulated week: each occurrence exactly once.

Two `python -m bot run --http` processes start together on a fresh database (both migrate it:
the advisory lock lets one do it), share one fake Slack, and run a week of the fast simulated
clock (a day in ten seconds), every job ticking on both. A Slack event delivered to both (a
retry may land on another replica) has its effect once."""

from __future__ import annotations

import os
import signal
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine, create_engine, text

from bot.app.assembly import build
from bot.app.settings import Settings, normalise_database_url
from bot.core.clock import FixedClock
from bot.core.week import SlotKind
from bot.protected_time.service import SlotRequest
from bot.protected_time.values import Phase
from storage.migrate import head_revision
from tests.callers import SPACES, caller
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS, ADMIN, SALARIED_GP
from tests.process import Server, eventually
from tests.slack_requests import SIGNING_SECRET, app_home_opened, signed_headers

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.timeout(300)]

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
# A simulated day in twenty real seconds: the week in 140. A reminder's 10-minute window is then
# 139 ms of real time, room for a busy CI machine to be late with a tick (at twice the speed
# it was 69 ms: enough alone, tight beside the rest of the suite on 2 cores).
SPEED = 4320
DAYS = 86_400 / SPEED  # real seconds a simulated day takes
LEAD = 6.0  # real seconds before Monday 00:00, for both replicas to start and migrate
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)  # London is on GMT: local midnight
WEEK = "2026-W48"
SLOTS = (  # weekday, start, minutes, kind: each happens once in the week
    (2, clock_time(12, 30), 30, SlotKind.COFFEE),  # Wednesday
    (4, clock_time(8, 0), 20, SlotKind.REFLECTION),  # Friday
)


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """A new, empty PostgreSQL database (never migrated), dropped at the end."""
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL (CI does)")
    admin = create_engine(normalise_database_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"coffeeroom_replicas_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield normalise_database_url(PG_URL).rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def replica_env(url: str, fake: FakeSlack, key: str, epoch: datetime) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-replicas",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": url,
        "COFFEEROOM_SECRET_KEY": key,  # every replica seals with the same key
        "COFFEEROOM_ENV": "test",
        "COFFEEROOM_SIMULATED_START": MONDAY.isoformat(),
        "COFFEEROOM_SIMULATED_SPEED": str(SPEED),
        "COFFEEROOM_SIMULATED_EPOCH": epoch.isoformat(),
        "LOG_LEVEL": "INFO",
    }


def simulated_now(epoch: datetime) -> datetime:
    return MONDAY + (datetime.now(UTC) - epoch) * SPEED


def scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(sql).scalar() or 0)


def set_up_practice(url: str, fake: FakeSlack, key: str) -> list[int]:
    """A lead chooses the spaces and adds two slots; three GPs opt in to check-ins."""
    settings = Settings(
        slack_bot_token="xoxb-replicas",
        slack_api_url=fake.url,
        database_url=url,
        secret_key=key,
        environment="test",
    )
    assembly = build(settings, clock=FixedClock(MONDAY - timedelta(hours=1)), migrate=False)
    try:
        services = assembly.services
        services.practices.set_spaces(caller(ADMIN), dict(SPACES))
        slots = [
            services.protected_time.add_slot(
                caller(ADMIN),
                request=SlotRequest(day, start, minutes, 1, "C0GENERAL", kind, MONDAY.date()),
            )[0].id
            for day, start, minutes, kind in SLOTS
        ]
        for user in ACTIVE_HUMANS[:3]:
            services.preferences.change(caller(user), checkins_on=True)
        return slots
    finally:
        assembly.engine.dispose()


def sent_ids(fake: FakeSlack) -> Counter[str]:
    """How many times each outbox id was posted (chat.postMessage calls carrying it)."""
    return Counter(
        str(call.body["metadata"]["event_payload"]["id"])
        for call in fake.calls("chat.postMessage")
        if isinstance(call.body.get("metadata"), dict)
    )


def open_home_on_both(servers: tuple[Server, Server]) -> list[int]:
    """The same signed event (one event_id) delivered to both replicas at once."""
    body = app_home_opened(SALARIED_GP, event_id="Ev0REPLICA1")
    answers: list[int] = []

    def deliver(server: Server) -> None:
        response = httpx.post(
            server.url + "/slack/events", content=body, headers=signed_headers(body), timeout=10
        )
        answers.append(response.status_code)

    threads = [threading.Thread(target=deliver, args=(s,)) for s in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_two_replicas_for_a_simulated_week_send_each_occurrence_once(
    tmp_path: Path, fresh_database: str, fake_slack: FakeSlack
) -> None:
    url, key = fresh_database, Fernet.generate_key().decode()
    epoch = datetime.now(UTC) + timedelta(seconds=LEAD)
    env = replica_env(url, fake_slack, key, epoch)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = Server(cwd=tmp_path / "a", env=env)
    second = Server(cwd=tmp_path / "b", env=env)  # started together: both migrate at once
    engine = create_engine(url)
    try:
        with first, second:
            eventually(lambda: scalar(engine, "SELECT count(*) FROM leads") > 0, "the roster", 30)
            slots = set_up_practice(url, fake_slack, key)
            first_slot = MONDAY + timedelta(days=2, hours=12)  # Wednesday's reminder: 12:20
            assert simulated_now(epoch) < first_slot, "set-up finished too late: raise LEAD"
            for server in (first, second):
                assert httpx.get(server.url + "/readyz", timeout=5).json()["ok"] is True
            eventually(
                lambda: simulated_now(epoch) > MONDAY + timedelta(days=3),
                "Wednesday",
                3 * DAYS + 20,
            )
            homes = len(fake_slack.calls("views.publish"))
            assert open_home_on_both((first, second)) == [200, 200]
            eventually(
                lambda: simulated_now(epoch) > MONDAY + timedelta(days=7), "the week", 4 * DAYS + 20
            )
            week_end = MONDAY + timedelta(days=7)
            eventually(lambda: unsettled(engine, week_end) == 0, "the outbox to settle", 30)
            for server in (first, second):  # SIGTERM: each finishes what it holds and exits 0
                server.proc.send_signal(signal.SIGTERM)
            for server in (first, second):
                assert server.proc.wait(30) == 0, server.log.read_text()[-3000:]
        publishes = fake_slack.calls("views.publish")[homes:]
        rows = outbox_rows(engine, week_end)
        with engine.connect() as conn:
            leads = sorted(str(u) for (u,) in conn.exec_driver_sql("SELECT user_id FROM leads"))
        sending = scalar(engine, "SELECT count(*) FROM outbox WHERE status = 'sending'")
    finally:
        engine.dispose()
    logs = [server.log.read_text() for server in (first, second)]
    # Migrations ran once: the schema is at the code's head, and neither replica failed.
    assert scalar_head(url) == head_revision()
    for log in logs:
        assert "Traceback" not in log and " ERROR " not in log, log[-3000:]
    # Every send went out once: no outbox id posted twice, every row settled, none left.
    posted = sent_ids(fake_slack)
    assert posted and max(posted.values()) == 1, posted.most_common(3)
    assert sending == 0  # SIGTERM finished or handed back every claim
    assert {status for _key, status, _kind, _id in rows} == {"sent"}  # everything of the week
    messages = {row_id for _key, _status, kind, row_id in rows if kind in ("post", "direct")}
    assert messages <= set(posted)
    files = [row_id for _key, _status, kind, row_id in rows if kind == "file"]
    assert len(fake_slack.calls("files.completeUploadExternal")) == len(files)
    keys = Counter(k for k, _status, _kind, _id in rows)
    # Every GP got exactly one weekly nudge this week (each a direct message, once).
    nudges = [k for k in keys if k.startswith("nudge:") and k.endswith(WEEK)]
    assert sorted(k.split(":")[-2] for k in nudges) == sorted(ACTIVE_HUMANS)
    # The three who opted in were asked how they are once; each lead had their digest once.
    assert len([k for k in keys if k.startswith("checkin:")]) == 3
    digests = [k for k in keys if k.startswith("digest:") and k.endswith(WEEK)]
    assert sorted(k.split(":")[-2] for k in digests) == leads
    # Every occurrence of protected time: its reminder, starter and follow-up, once each.
    for slot, (weekday, *_rest) in zip(slots, SLOTS, strict=True):
        day: date = MONDAY.date() + timedelta(days=weekday)
        for phase in Phase:
            assert keys[f"pt:{slot}:{day.isoformat()}:{phase}"] == 1, (slot, phase, sorted(keys))
    # The event both replicas were sent was handled once: one Home published for it.
    assert [c.body["user_id"] for c in publishes].count(SALARIED_GP) == 1


def unsettled(engine: Engine, before: datetime) -> int:
    """Sends queued before `before` not yet settled (pending or being sent)."""
    sql = "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending') AND created_at < %s"
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(sql, (before,)).scalar() or 0)


def outbox_rows(engine: Engine, before: datetime) -> list[tuple[str, str, str, str]]:
    """(dedupe key, status, kind, id) of every send queued before `before`."""
    sql = "SELECT dedupe_key, status, kind, id FROM outbox WHERE created_at < %s"
    with engine.connect() as conn:
        found = conn.exec_driver_sql(sql, (before,))
        return [(str(k), str(s), str(kind), str(i)) for k, s, kind, i in found]


def scalar_head(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            (only,) = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
            return str(only[0])
    finally:
        engine.dispose()
