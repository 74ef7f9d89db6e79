"""The outbox against a fake Slack over real HTTP: nothing lost, nothing sent twice."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.delivery import DeliveryKind, OutboxStatus
from bot.core.message import Message
from bot.core.outbox import LEASE, MAX_ATTEMPTS
from bot.core.pacing import Pacer, backoff
from bot.core.values import Platform
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import SALARIED_GP, TEAM_ID


def queue(
    assembly: Assembly,
    key: str,
    *,
    target: str = "C0RANTS",
    text: str = "Hello",
    kind: DeliveryKind = DeliveryKind.POST,
    notify: str = "",
    private: bool = False,
) -> None:
    outbox = assembly.services.outbox
    with outbox.uow() as tx:
        practice = assembly.services.practices.practice(tx, Platform.SLACK, TEAM_ID)
        outbox.enqueue(
            tx,
            practice_id=practice.id,
            platform=Platform.SLACK,
            kind=kind,
            target=target,
            message=Message(text),
            dedupe_key=key,
            notify=notify,
            private=private,
        )


def statuses(assembly: Assembly) -> dict[str, int]:
    with assembly.services.outbox.uow() as tx:
        return tx.outbox.counts()


def test_a_queued_message_is_sent_once_with_its_outbox_id(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    queue(assembly, "k1", text="Coffee in 10 minutes?")
    assembly.services.outbox.drain()
    assembly.services.outbox.drain()
    posts = fake_slack.calls("chat.postMessage")
    assert len(posts) == 1
    assert posts[0].body["channel"] == "C0RANTS"
    assert posts[0].body["text"] == "Coffee in 10 minutes?"
    assert posts[0].body["metadata"]["event_type"] == "coffeeroom_send"
    assert statuses(assembly) == {"sent": 1}


def test_the_same_dedupe_key_is_queued_only_once(assembly: Assembly, fake_slack: FakeSlack) -> None:
    queue(assembly, "same")
    queue(assembly, "same")
    assembly.services.outbox.drain()
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_sent_words_are_not_kept_in_the_outbox(assembly: Assembly) -> None:
    queue(assembly, "k", text="a rotten morning")
    assembly.services.outbox.drain()
    with assembly.engine.connect() as conn:
        payloads = conn.exec_driver_sql("SELECT payload FROM outbox").scalars().all()
    assert payloads == [None]


def test_429_storm_honours_retry_after_and_sends_exactly_once(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    fake_slack.fail_next(
        "chat.postMessage", status=429, error="ratelimited", retry_after=30, times=5
    )
    queue(assembly, "storm")
    outbox = assembly.services.outbox
    assembly.services.outbox.pacer = Pacer(
        lambda: clock.now().timestamp()
    )  # paced on the test's clock
    for _ in range(5):
        report = outbox.drain()
        assert report.paced == 1 and report.retried == 0  # a 429 is not a failed attempt
        tried = len(fake_slack.calls("chat.postMessage"))
        assert outbox.drain().sent == 0  # the workspace is waited for until Retry-After
        assert len(fake_slack.calls("chat.postMessage")) == tried  # not even tried
        clock.set(clock.now() + timedelta(seconds=30))
    assert outbox.drain().sent == 1
    landed = [c for c in fake_slack.calls("chat.postMessage") if not c.faulted]
    assert len(landed) == 1
    assert len(fake_slack.messages("C0RANTS")) == 1


def test_5xx_is_checked_on_the_platform_before_retrying(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    fake_slack.fail_next("chat.postMessage", status=503, times=2)
    queue(assembly, "flaky")
    outbox = assembly.services.outbox
    for _ in range(3):
        outbox.drain()
        clock.set(clock.now() + timedelta(minutes=1))
    assert len(fake_slack.messages("C0RANTS")) == 1
    assert len(fake_slack.calls("conversations.history")) == 2  # looked before each retry
    assert statuses(assembly) == {"sent": 1}


def test_crash_between_claim_and_send_is_reconciled_then_sent_once(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    queue(assembly, "crash-before")
    outbox = assembly.services.outbox
    with outbox.uow() as tx:  # a worker claims it, then the process dies
        ((due, _practice),) = tx.outbox.due(clock.now(), 10)
        assert tx.outbox.claim(due, worker="dead-worker", now=clock.now()) is not None
    assert outbox.drain().sent == 0  # claimed by someone else: not ours to send
    clock.set(clock.now() + LEASE + timedelta(seconds=1))
    assert outbox.reconcile() == 1  # not found on Slack -> back in the queue
    assert outbox.drain().sent == 1
    assert len(fake_slack.messages("C0RANTS")) == 1


def test_crash_after_send_before_recording_is_found_not_resent(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    queue(assembly, "crash-after", text="only once please")
    outbox = assembly.services.outbox
    with outbox.uow() as tx:
        ((due, _practice),) = tx.outbox.due(clock.now(), 10)
        claimed = tx.outbox.claim(due, worker="dead-worker", now=clock.now())
    assert claimed is not None
    outbox.messengers[Platform.SLACK].deliver(claimed)  # it went out; then the crash
    clock.set(clock.now() + LEASE + timedelta(seconds=1))
    assert outbox.reconcile() == 1
    assert outbox.drain().sent == 0
    assert len(fake_slack.messages("C0RANTS")) == 1
    assert statuses(assembly) == {"sent": 1}


def test_dropped_connection_is_reconciled_not_guessed(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    fake_slack.fail_next("chat.postMessage", drop_connection=True)
    queue(assembly, "dropped")
    outbox = assembly.services.outbox
    report = outbox.drain()
    assert report.unknown == 1
    clock.set(clock.now() + timedelta(minutes=1))
    outbox.drain()
    assert len(fake_slack.messages("C0RANTS")) == 1


def test_permanent_failure_tells_the_gp_privately(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    queue(assembly, "gone", target="C0DELETED", notify=SALARIED_GP, private=False)
    outbox = assembly.services.outbox
    first = outbox.drain()
    assert first.failed == 1
    outbox.drain()
    dm = fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))
    assert len(dm) == 1
    assert "could not be delivered" in dm[0]["text"]
    assert statuses(assembly) == {"failed": 1, "sent": 1}


def test_gives_up_after_max_attempts_and_says_so(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    fake_slack.fail_next("chat.postMessage", error="service_unavailable", times=MAX_ATTEMPTS)
    queue(assembly, "hopeless", notify=SALARIED_GP)
    outbox = assembly.services.outbox
    for _ in range(MAX_ATTEMPTS):
        outbox.drain()
        clock.set(clock.now() + timedelta(minutes=11))  # past the longest backoff
    outbox.drain()
    assert fake_slack.messages("C0RANTS") == []
    assert len(fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))) == 1


def test_a_sealed_target_is_unreadable_in_the_database(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    queue(
        assembly,
        "sealed",
        target=SALARIED_GP,
        kind=DeliveryKind.DIRECT,
        private=True,
        notify=SALARIED_GP,
    )
    with assembly.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT target, notify_sealed FROM outbox").one()
    assert SALARIED_GP not in row[0] and SALARIED_GP not in row[1]
    assembly.services.outbox.drain()
    assert len(fake_slack.messages(fake_slack.dm_channel(SALARIED_GP))) == 1


@pytest.mark.parametrize("status", [OutboxStatus.SENT])
def test_two_workers_never_send_the_same_message(
    assembly: Assembly, fake_slack: FakeSlack, status: OutboxStatus
) -> None:
    from bot.core.outbox import Outbox

    for i in range(20):
        queue(assembly, f"fan-{i}", text=f"message {i}")
    first = assembly.services.outbox
    second = Outbox(
        uow=first.uow,
        messengers=first.messengers,
        cipher=first.cipher,
        clock=first.clock,
        worker_id="replica-2",
    )
    import threading

    threads = [threading.Thread(target=w.drain) for w in (first, second, first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    texts = sorted(m["text"] for m in fake_slack.messages("C0RANTS"))
    assert texts == sorted(f"message {i}" for i in range(20))
    assert statuses(assembly) == {status.value: 20}


def test_a_send_failing_for_now_waits_its_retry_after_else_twice_as_long_up_to_ten_minutes() -> (
    None
):
    assert [backoff(n, None).total_seconds() for n in (0, 1, 3, 9)] == [1, 2, 8, 512]
    assert backoff(10, None) == backoff(40, None) == timedelta(minutes=10)
    assert backoff(7, 2.5) == timedelta(seconds=2.5)  # the platform's word wins
