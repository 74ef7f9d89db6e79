"""Files on Slack (the leads' chart, a GP's export): uploaded privately in the bot's DM through
files_upload_v2's three steps against the fake, once, and found again after a lost outcome."""

from __future__ import annotations

from datetime import timedelta

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.delivery import DeliveryKind
from bot.core.message import Attachment, Message
from bot.core.outbox import LEASE
from bot.core.values import Platform
from tests.callers import set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import SALARIED_GP

CHART = Attachment("coffee-room-2026-W48.png", "Your practice, 12 weeks", b"\x89PNG\r\n\x1a\n" * 40)


def queue_chart(assembly: Assembly, key: str = "digest:test") -> None:
    outbox = assembly.services.outbox
    with outbox.uow() as tx:
        practice = tx.practices.by_workspace(Platform.SLACK, "T0001")
        assert practice is not None
        message = Message("This week at a glance", file=CHART)
        outbox.send(tx, practice, SALARIED_GP, message, key, kind=DeliveryKind.FILE)


def test_a_file_is_uploaded_once_into_the_persons_dm(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    queue_chart(assembly)
    queue_chart(assembly)  # the same key again: still one
    assert assembly.services.outbox.drain().sent == 1
    assert assembly.services.outbox.drain().sent == 0
    (upload,) = fake_slack.calls("upload")
    assert upload.body["length"] == len(CHART.data)
    (stored,) = fake_slack.state.uploads.values()
    assert stored["data"] == CHART.data and stored["name"].endswith(CHART.name)
    (posted,) = [m for m in fake_slack.messages(SALARIED_GP) if m.get("files")]
    assert posted["text"] == "This week at a glance"
    assert [f["title"] for f in posted["files"]] == [CHART.title]


def test_a_crash_after_the_upload_is_found_by_its_filename_not_uploaded_again(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    queue_chart(assembly)
    outbox = assembly.services.outbox
    with outbox.uow() as tx:  # a worker claims it, uploads it, then the process dies
        ((due, _practice),) = tx.outbox.due(clock.now(), 10)
        claimed = tx.outbox.claim(due, worker="dead-worker", now=clock.now())
    assert claimed is not None
    outbox.messengers[Platform.SLACK].deliver(claimed)
    clock.set(clock.now() + LEASE + timedelta(seconds=1))
    assert outbox.reconcile() == 1  # found in the DM's history by its filename: sent
    assert outbox.drain().sent == 0
    assert len([m for m in fake_slack.messages(SALARIED_GP) if m.get("files")]) == 1
    assert len(fake_slack.calls("upload")) == 1


def test_a_failed_upload_is_looked_for_then_sent_once(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    queue_chart(assembly)
    fake_slack.fail_next("files.getUploadURLExternal", status=503)
    outbox = assembly.services.outbox
    assert outbox.drain().unknown == 1  # a 5xx might have landed: never guessed
    assert not [m for m in fake_slack.messages(SALARIED_GP) if m.get("files")]
    clock.set(clock.now() + timedelta(minutes=1))
    outbox.drain()  # looked for in the DM first, not there: uploaded now
    outbox.drain()
    assert len([m for m in fake_slack.messages(SALARIED_GP) if m.get("files")]) == 1
    assert len(fake_slack.calls("upload")) == 1
