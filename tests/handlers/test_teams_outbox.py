"""The outbox on Teams: rate limits honoured, and a send whose fate is unknown never resent
blindly (the connector cannot be asked): a GP's words are handed back, a nudge is dropped."""

from __future__ import annotations

import base64
import json

from bot.core.delivery import DeliveryKind
from bot.core.message import Attachment, Message
from tests.fakes.teams_connector import FakeConnector, Fault
from tests.handlers import teams_activities as act
from tests.handlers.teams_harness import TeamsBot, fake_connector, teams_bot

__all__ = ["fake_connector", "teams_bot"]
RANT = "Third locum cancellation this week and nobody to cover the afternoon"


def rant_as_myself(bot: TeamsBot) -> None:
    bot.install()
    bot.choose_spaces()
    bot.drain()
    bot.post(act.message(bot.fake.url, act.GP, "rant"))
    sent = act.filled(bot.last_card(), {"text": RANT, "destination": "space"})
    bot.post(act.card_action(bot.fake.url, act.GP, sent))


def statuses(bot: TeamsBot) -> dict[str, str]:
    with bot.assembly.services.outbox.uow() as tx:
        rows = tx.outbox.counts()
    return {k: str(v) for k, v in rows.items()}


def test_a_dropped_connection_hands_a_gps_words_back_and_never_resends_them(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    rant_as_myself(teams_bot)
    fake_connector.fail_next(Fault(drop_connection=True))
    before = len(fake_connector.posts())
    report = teams_bot.drain()
    assert report.unknown == 1
    after = fake_connector.posts()[before:]
    to_channel = [c for c in after if c.conversation == act.RANTS_CHANNEL]
    assert len(to_channel) == 1  # the one attempt that may have landed; never a second
    notice = [c for c in after if c.conversation == act.personal_chat(act.GP)["id"]]
    assert len(notice) == 1
    words = json.dumps(notice[0].body)
    assert "may not have arrived" in words and "locum cancellation" in words


def test_a_nudge_whose_fate_is_unknown_is_dropped_and_nobody_is_told(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    teams_bot.install()
    teams_bot.post(act.message(fake_connector.url, act.GP, "help"))  # their chat is known
    outbox = teams_bot.assembly.services.outbox
    with outbox.uow() as tx:
        practice = tx.practices.get(teams_bot.practice_id())
        outbox.send(tx, practice, act.aad(act.GP), Message("A gentle nudge"), "nudge:test")
    fake_connector.fail_next(Fault(drop_connection=True))
    before = len(fake_connector.posts())
    teams_bot.drain()
    assert teams_bot.drain().sent == 0  # nothing is sent again, and nobody is told
    assert len(fake_connector.posts()) == before + 1
    with outbox.uow() as tx:
        assert tx.outbox.counts().get("failed") == 1


def test_429_is_honoured_and_5xx_is_retried(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    teams_bot.install()
    outbox = teams_bot.assembly.services.outbox
    with outbox.uow() as tx:
        practice = tx.practices.get(teams_bot.practice_id())
        outbox.send(tx, practice, act.aad(act.GP), Message("Hello"), "hello:test")
    fake_connector.fail_next(Fault(429, retry_after=7))
    report = outbox.drain()
    assert report.paced == 1 and report.sent == 0
    assert 6 < outbox.pacer.remaining() <= 7  # Retry-After honoured for the whole team
    outbox.pacer = type(outbox.pacer)(lambda: outbox.clock.now().timestamp())  # time has passed
    fake_connector.fail_next(Fault(503))
    assert outbox.drain().retried == 1


def test_someone_the_app_is_not_installed_for_is_counted_not_silently_lost(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    teams_bot.install()
    fake_connector.unreachable.add(act.TRAINEE["id"])
    outbox = teams_bot.assembly.services.outbox
    with outbox.uow() as tx:
        practice = tx.practices.get(teams_bot.practice_id())
        outbox.send(tx, practice, act.aad(act.TRAINEE), Message("Welcome"), "welcome:test")
    report = teams_bot.drain()
    assert report.failed == 1 and "teams_not_installed_for_person" in report.codes
    with outbox.uow() as tx:
        assert tx.teams.unreachable(act.TEAM) == 1  # type: ignore[attr-defined]
    teams_bot.post(act.message(fake_connector.url, act.LEAD, "home"))
    assert "1 member of this team cannot get private messages" in json.dumps(teams_bot.last_card())


def test_the_leads_chart_reaches_teams_inline_and_a_csv_goes_as_its_text(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    teams_bot.install()
    outbox = teams_bot.assembly.services.outbox
    chart = Attachment("coffee-room-2026-W48.png", "12 weeks", b"\x89PNG\r\n\x1a\n" * 8)
    table = Attachment("coffee-room-2026-W48.csv", "12 weeks", b"week,rants\n2026-W48,5\n")
    with outbox.uow() as tx:
        practice = tx.practices.get(teams_bot.practice_id())
        for name, file in (("chart", chart), ("csv", table)):
            message = Message(f"Your {name}", file=file)
            outbox.send(tx, practice, act.aad(act.GP), message, name, kind=DeliveryKind.FILE)
    assert teams_bot.drain().sent == 2
    sent = {p.body.get("text"): p.body for p in fake_connector.posts()[-2:]}
    picture, text = sent["Your chart"], sent["Your csv"]
    (inline,) = picture["attachments"]
    assert inline["contentType"] == "image/png" and inline["name"] == chart.name
    assert base64.b64decode(inline["contentUrl"].split(",", 1)[1]) == chart.data
    assert "attachments" not in text
