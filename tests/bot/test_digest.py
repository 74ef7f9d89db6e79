"""The leads' weekly digest (a chart readable on a phone, at a free moment, once a week), the
figures as CSV on request, the 12-week review, and a file as the local chat delivers it."""

from __future__ import annotations

import io
import json
from base64 import b64decode
from datetime import timedelta
from pathlib import Path

from PIL import Image

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.delivery import Delivery, DeliveryKind
from bot.core.message import Attachment, Message
from bot.core.values import Platform
from handlers.chat.world import ChatMessenger, World
from tests.callers import caller, count, set_up
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP


def files(assembly: Assembly, like: str) -> list[tuple[str, dict[str, str]]]:
    """(who, the file) of each file queued under a dedupe key like `like`."""
    with assembly.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT target, payload FROM outbox WHERE kind = 'file' AND dedupe_key LIKE ?"
            if assembly.engine.dialect.name == "sqlite"
            else "SELECT target, payload FROM outbox WHERE kind = 'file' AND dedupe_key LIKE %s",
            (like,),
        ).all()
    return [(target, json.loads(payload)["file"]) for target, payload in rows]


def test_each_lead_gets_a_chart_once_a_week_at_a_free_moment(
    assembly: Assembly, clock: FixedClock
) -> None:
    set_up(assembly)
    clock.set(clock.now().replace(hour=10))  # in surgery: nothing yet
    assert assembly.services.leads.run() == 0
    clock.set(clock.now().replace(hour=12, minute=45))  # lunchtime
    assert assembly.services.leads.run() == 2
    assert assembly.services.leads.run() == 0  # once a week
    sent = files(assembly, "digest:%")
    assert sorted(who for who, _ in sent) == sorted([ADMIN, PARTNER_OWNER])
    image = Image.open(io.BytesIO(b64decode(sent[0][1]["data"])))
    assert image.format == "PNG" and image.height > image.width >= 900  # tall: a phone's shape
    assert SALARIED_GP not in json.dumps(sent)


def test_a_lead_asks_for_the_figures_as_csv(assembly: Assembly) -> None:
    set_up(assembly)
    assembly.services.leads.send(caller(ADMIN), "csv")
    ((who, file),) = files(assembly, "insights-csv:%")
    rows = b64decode(file["data"]).decode().splitlines()
    assert who == ADMIN and rows[0] == "week,figure,serves,value,members"
    assert len(rows) == 1 + 13 * 14  # 13 weeks of 14 figures
    assert all("fewer than 5" in row for row in rows[1:])  # a quiet practice shows nothing


def test_a_twelve_week_review_reports_once_with_the_chart(
    assembly: Assembly, clock: FixedClock
) -> None:
    set_up(assembly)
    assembly.services.leads.start_review(caller(ADMIN))
    clock.set(clock.now() + timedelta(weeks=6))
    assembly.services.leads.run()
    assert files(assembly, "review:%") == []
    clock.set(clock.now() + timedelta(weeks=6))
    assembly.services.leads.run()
    assembly.services.leads.run()
    reports = files(assembly, "review:%")
    assert sorted(who for who, _ in reports) == sorted([ADMIN, PARTNER_OWNER])
    assert count(assembly, "reviews", "reported_at IS NOT NULL") == 1


def test_the_local_chat_saves_a_file_and_says_where() -> None:
    world = World()
    picture = Attachment("coffee-room-2026-W48.png", "Chart", b"\x89PNG fake")
    delivery = Delivery(
        "0123456789ab", 1, Platform.CHAT, DeliveryKind.FILE, "asha", Message("Digest", file=picture)
    )
    ChatMessenger(world).deliver(delivery)
    saved = Path(world.out[-1].split("File saved: ")[1])
    assert saved.read_bytes() == b"\x89PNG fake" and "DM to Dr Asha Patel" in world.out[-2]
