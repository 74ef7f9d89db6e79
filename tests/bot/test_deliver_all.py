"""`jobs run NAME` sends everything it queued before it exits: past the 100 a pass takes, and
waiting out a workspace's Retry-After rather than leaving the rest behind."""

from __future__ import annotations

from datetime import timedelta

from bot.app.assembly import Assembly
from bot.app.commands import deliver_all
from bot.core.clock import FixedClock
from bot.core.delivery import DeliveryKind
from bot.core.message import Message
from bot.core.pacing import Pacer
from tests.callers import synced
from tests.fakes.slack_api import FakeSlack


def queue(assembly: Assembly, count: int) -> None:
    outbox = assembly.services.outbox
    with outbox.uow() as tx:
        (practice,) = tx.practices.all()
        for n in range(count):
            outbox.send(tx, practice, "C0RANTS", Message(f"n{n}"), f"k{n}", kind=DeliveryKind.POST)


def test_everything_queued_is_sent_not_just_one_pass(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    queue(assembly, 250)
    line = deliver_all(assembly.services.outbox)
    assert line == "Sent 250 messages."
    assert len(fake_slack.messages("C0RANTS")) == 250


def test_a_rate_limit_is_waited_out_and_nothing_fails(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    synced(assembly)
    queue(assembly, 30)
    assembly.services.outbox.pacer = Pacer(
        lambda: clock.now().timestamp()
    )  # paced on the test's clock
    fake_slack.fail_next(
        "chat.postMessage", status=429, error="ratelimited", retry_after=2, times=4
    )
    waited: list[float] = []

    def wait(seconds: float) -> None:  # time passes, as it would
        waited.append(seconds)
        clock.set(clock.now() + timedelta(seconds=seconds))

    report = assembly.services.outbox.drain_all(wait=wait)
    assert (report.sent, report.failed, report.paced) == (30, 0, 4)
    assert waited and all(0 < w <= 2 for w in waited)
    assert len(fake_slack.messages("C0RANTS")) == 30


def test_a_clock_that_stands_still_still_waits_out_the_rate_limit(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    """`jobs run NAME --now …` runs on a fixed clock: Slack's Retry-After is real time, so the
    wait still ends (one real second here) and everything is sent."""
    synced(assembly)
    queue(assembly, 6)
    fake_slack.fail_next("chat.postMessage", status=429, error="ratelimited", retry_after=1)
    assert deliver_all(assembly.services.outbox) == "Sent 6 messages."
