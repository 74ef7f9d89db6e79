"""Retention: a shared rant leaves the channel after its week, and its relay link goes with it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.rants.service import RANT_LIFETIME, RantRequest
from bot.rants.values import RantAction, RantDestination
from tests.callers import caller, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, SALARIED_GP, TRAINEE
from tests.handlers.slack_harness import ready


def rant(assembly: Assembly, destination: RantDestination, key: str) -> None:
    assembly.services.rants.submit(
        caller(TRAINEE), request=RantRequest("Long day, longer list", destination), key=key
    )
    assembly.services.outbox.drain()


def test_an_expired_rant_is_taken_down_and_its_author_unlinked(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    ready(assembly)
    rant(assembly, RantDestination.SPACE_ANONYMOUS, "k1")
    (posted,) = fake_slack.messages("C0RANTS")
    rant_id = posted["blocks"][-1]["elements"][0]["value"]
    retention = assembly.services.retention
    clock.set(clock.now() + RANT_LIFETIME - timedelta(minutes=1))
    assert retention.run().rants == 0  # not yet
    clock.set(clock.now() + timedelta(minutes=2))
    assert retention.run().rants == 1
    assert retention.run().rants == 0  # once only
    assembly.services.outbox.drain()
    assert fake_slack.messages("C0RANTS") == []
    (deleted,) = fake_slack.calls("chat.delete")
    assert deleted.body["ts"] == posted["ts"]
    with assembly.engine.connect() as conn:
        sealed = conn.exec_driver_sql("SELECT author_sealed FROM rants").scalars().all()
    assert sealed == [None]
    with pytest.raises(Refused, match="has gone"):
        assembly.services.rants.reply(caller(ADMIN), rant_id=rant_id, action=RantAction.HEAR_YOU)


def test_a_rant_already_removed_by_hand_is_not_an_error(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    ready(assembly)
    rant(assembly, RantDestination.SPACE, "k2")
    fake_slack.fail_next("chat.delete", error="message_not_found")
    clock.set(clock.now() + RANT_LIFETIME + timedelta(minutes=1))
    assembly.services.retention.run()
    report = assembly.services.outbox.drain()
    assert report.sent == 1 and report.failed == 0


def test_old_event_ids_are_forgotten(assembly: Assembly, clock: FixedClock) -> None:
    with assembly.services.outbox.uow() as tx:
        tx.events.claim("slack:old", clock.now())
    clock.set(clock.now() + timedelta(days=8))
    assert assembly.services.retention.run().events == 1


def test_a_month_after_expiry_the_bare_records_are_deleted_too(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    ready(assembly)
    rant(assembly, RantDestination.SPACE_ANONYMOUS, "k3")
    clock.set(clock.now() + RANT_LIFETIME + timedelta(minutes=1))
    assembly.services.retention.run()
    assembly.services.outbox.drain()
    clock.set(clock.now() + timedelta(days=31))
    assert assembly.services.retention.run().forgotten >= 3  # the rant, its post, its removal
    with assembly.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM rants").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


def test_leave_is_forgotten_once_it_has_ended(assembly: Assembly, clock: FixedClock) -> None:
    synced(assembly)
    prefs = assembly.services.preferences
    prefs.add_leave(caller(SALARIED_GP), starts=date(2026, 11, 30), ends=date(2026, 12, 4))
    assembly.services.retention.run()
    assert prefs.get(caller(SALARIED_GP)).pattern.leave  # still to come: kept
    clock.set(clock.now() + timedelta(days=14))
    assembly.services.retention.run()
    assert prefs.get(caller(SALARIED_GP)).pattern.leave == ()
