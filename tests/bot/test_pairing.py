"""Coffee pairing as a GP lives it: leads choose how often, a round is announced a working day
ahead with 'skip this round', drawn the next day (nobody left out, nobody skipped or on leave
paired), and followed up with 'did you meet?', which records that they have met."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.pairing.values import PairingAction
from bot.ui import flow
from tests.callers import caller, count, synced
from tests.connections import button, inbox, sent, texts
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import (
    ACTIVE_HUMANS,
    ADMIN,
    LOCUM_GUEST,
    PARTNER_OWNER,
    SALARIED_GP,
    SALARIED_GP_2,
    TRAINEE,
)

MONDAY_LUNCH = datetime(2026, 11, 23, 12, 45, tzinfo=UTC)
TUESDAY_LUNCH = datetime(2026, 11, 24, 12, 45, tzinfo=UTC)
FRIDAY_LUNCH = datetime(2026, 11, 27, 12, 45, tzinfo=UTC)
IN = (PARTNER_OWNER, ADMIN, SALARIED_GP, SALARIED_GP_2, LOCUM_GUEST)  # TRAINEE stays out


def tap(assembly: Assembly, user: str, action: str, value: str = "") -> str:
    outcome = flow.tap(assembly.services.catalogue, caller(user), action, value)
    assert isinstance(outcome, flow.Done)
    return outcome.said.text.words()


def weekly_with(assembly: Assembly, people: tuple[str, ...] = IN) -> None:
    synced(assembly)
    assembly.services.pairing.set_cadence(caller(ADMIN), 1)
    for user in people:
        assert tap(assembly, user, PairingAction.JOIN).startswith("You're in.")


def test_only_leads_choose_how_often_and_a_refusal_is_recorded(assembly: Assembly) -> None:
    synced(assembly)
    with pytest.raises(Refused, match="Only the practice's leads"):
        assembly.services.pairing.set_cadence(caller(TRAINEE), 1)
    assert count(assembly, "audit_log", "action = 'refused:pairing.cadence'") == 1
    assert assembly.services.pairing.set_cadence(caller(ADMIN), 2).endswith("every fortnight.")
    assert "Only the practice's leads" in tap(assembly, TRAINEE, PairingAction.NOW)


def test_a_round_is_announced_drawn_and_followed_up(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    weekly_with(assembly)
    assembly.services.preferences.add_leave(
        caller(SALARIED_GP_2), starts=date(2026, 11, 23), ends=date(2026, 11, 24)
    )
    assert assembly.services.pairing.run().announced == 4  # on leave: not asked
    assert assembly.services.pairing.run().announced == 0  # once a round
    sent(assembly)
    assert texts(fake_slack, TRAINEE) == [] and texts(fake_slack, SALARIED_GP_2) == []
    announcement = inbox(fake_slack, LOCUM_GUEST)[0]
    assert "Coffee pairing tomorrow" in announcement["text"]
    action, round_id = button(announcement, "Skip this round")
    assert tap(assembly, LOCUM_GUEST, action, round_id).startswith("Skipped")
    assert assembly.services.pairing.run().paired == 0  # not before tomorrow
    clock.set(TUESDAY_LUNCH)
    report = assembly.services.pairing.run()
    assert (report.groups, report.paired) == (1, 3)  # three left: one group of three
    assert assembly.services.pairing.run().paired == 0
    sent(assembly)
    for user in (PARTNER_OWNER, ADMIN, SALARIED_GP):
        intro = texts(fake_slack, user)[-1]
        assert "This round's coffee: you, " in intro and "A starter" in intro
    assert tap(assembly, LOCUM_GUEST, action, round_id).startswith("That round has already")
    clock.set(FRIDAY_LUNCH)
    assert assembly.services.pairing.run().followed_up == 3
    assert assembly.services.pairing.run().followed_up == 0
    sent(assembly)
    follow_up = inbox(fake_slack, SALARIED_GP)[-1]
    met, value = button(follow_up, "We met")
    assert tap(assembly, SALARIED_GP, met, value) == "Lovely, thanks for letting me know."
    assert tap(assembly, SALARIED_GP, met, value) == "You've already told me, thanks."
    assert "isn't one you were paired in" in tap(assembly, LOCUM_GUEST, met, value)
    with assembly.services.pairing.uow() as tx:
        assert tx.contacts.of(1, SALARIED_GP) == {PARTNER_OWNER, ADMIN}


def test_nothing_is_sent_at_the_weekend_or_outside_the_working_day(
    assembly: Assembly, clock: FixedClock
) -> None:
    weekly_with(assembly)
    clock.set(datetime(2026, 11, 28, 12, 45, tzinfo=UTC))  # Saturday
    assert assembly.services.pairing.run().announced == 0
    clock.set(datetime(2026, 11, 30, 7, 30, tzinfo=UTC))  # Monday before the day begins
    assert assembly.services.pairing.run().announced == 0
    clock.set(datetime(2026, 11, 30, 12, 45, tzinfo=UTC))
    assert assembly.services.pairing.run().announced == len(IN)


def test_consecutive_rounds_avoid_last_rounds_pairs_when_they_can(
    assembly: Assembly, clock: FixedClock
) -> None:
    weekly_with(assembly, ACTIVE_HUMANS)
    seen: list[set[frozenset[str]]] = []
    for week in range(3):
        clock.set(MONDAY_LUNCH + timedelta(weeks=week))
        assert "Paired: 6 colleagues in 3 groups" in tap(assembly, ADMIN, PairingAction.NOW)
        with assembly.services.pairing.uow() as tx:
            current = tx.pairing.round_of(1, f"2026-W{48 + week}")
            assert current is not None
            groups = tx.pairing.groups(current.id)
        seen.append({frozenset(g) for g in groups})
    assert not seen[0] & seen[1] and not (seen[0] | seen[1]) & seen[2]  # 6 people: possible
