"""`jobs run NAME` sends everything it queued before it exits: past the 100 a pass takes, and
waiting out a workspace's Retry-After rather than leaving the rest behind."""

from __future__ import annotations

from datetime import timedelta

from bot.app.assembly import Assembly
from bot.app.commands import deliver_all
from bot.core.clock import FixedClock
from bot.core.delivery import DeliveryKind
from bot.core.message import Message
from bot.core.pacing import LEARNT_FOR, Pacer
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


def test_after_one_rate_limit_sends_are_spaced_at_the_rate_the_workspace_accepted(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    """Under a 5-a-second limit a fan-out bumps into it once, learns its pace, and runs at it:
    without the pace, every sixth post met a 429 and waited a whole Retry-After (real time)."""
    synced(assembly)
    fake_slack.rate_limits["chat.postMessage"] = 5
    queue(assembly, 25)
    assert deliver_all(assembly.services.outbox) == "Sent 25 messages."
    posts = fake_slack.calls("chat.postMessage")
    refused = [c for c in posts if c.fault is not None]
    assert len(posts) - len(refused) == 25
    assert len(fake_slack.messages("C0RANTS")) == 25
    assert 1 <= len(refused) <= 2  # 4 or more without the pace
    assert fake_slack.inside_retry_after("chat.postMessage") == []


def test_a_learnt_pace_spaces_only_its_own_workspace_and_wears_off() -> None:
    now = [0.0]
    pacer = Pacer(lambda: now[0])
    for t in (0.0, 0.1, 0.2, 0.3, 0.4):  # five accepted in the last second, then a 429
        now[0] = t
        pacer.sent("riverside")
    now[0] = 0.5
    pacer.hold("riverside", 1.0)
    assert pacer.waiting("riverside") and not pacer.waiting("hillside")
    now[0] = 1.5  # the Retry-After is over
    assert not pacer.waiting("riverside")
    began = pacer.now()
    now[0] = 1.55  # the send took 50 ms
    pacer.sent("riverside", began)
    assert pacer.waiting("riverside")  # the next starts a fifth of a second (and a bit) after
    assert 0.15 < pacer.remaining() <= 0.16  # ... the start of this one
    now[0] = 1.72
    assert not pacer.waiting("riverside")
    pacer.sent("riverside")
    now[0] += LEARNT_FOR
    pacer.sent("riverside")
    assert not pacer.waiting("riverside") and pacer.remaining() == 0.0
