"""Pool the work: a swamped GP's tasks reach colleagues free now first (else the practice's
channel), each is taken by exactly one colleague (also when two tap at once, on SQLite and
PostgreSQL), the asker sees who took what, thanks them, and withdraws what is left."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from bot.app.assembly import Assembly, build
from bot.app.settings import Settings
from bot.core.clock import FixedClock
from bot.free_now.values import Span
from bot.safety.checks import Unsafe
from bot.ui import flow
from bot.workload.service import PoolRequest
from bot.workload.values import Destination, Due, PoolAction, TaskKind
from tests.callers import caller, count, set_up
from tests.connections import button, inbox, sent, texts
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, LOCUM_GUEST, SALARIED_GP, SALARIED_GP_2, TRAINEE

ADVICE = "C0ADVICE"
SWAMPED = PoolRequest(
    tasks=(TaskKind.RESULTS, TaskKind.HOME_VISIT),
    how_many=3,
    due=Due.TODAY,
    to=Destination.FREE_FIRST,
    note="Clinic overran; the visit is a routine review.",
)


def pool(assembly: Assembly, asker: str = LOCUM_GUEST, request: PoolRequest = SWAMPED) -> None:
    assembly.services.workload.pool(caller(asker), request, key=f"pool-{asker}")
    sent(assembly)


def claim(assembly: Assembly, who: str, value: str) -> str:
    outcome = flow.tap(assembly.services.catalogue, caller(who), PoolAction.CLAIM, value)
    assert isinstance(outcome, flow.Done)
    return outcome.said.text.words()


def test_with_nobody_free_it_goes_to_the_practice_channel_kindly(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    done = assembly.services.workload.pool(caller(LOCUM_GUEST), SWAMPED, key="k1")
    sent(assembly)
    assert done.fell_back and done.where == "run-it-past" and done.reached == 0
    (posted,) = texts(fake_slack, ADVICE)
    assert "is swamped and could use a hand, by the end of today" in posted
    assert "3 results to review" in posted and "3 home visits" in posted
    labels = [e["text"]["text"] for e in inbox(fake_slack, ADVICE)[0]["blocks"][-1]["elements"]]
    assert labels == ["I'll take it: 3 results to review", "I'll take it: 3 home visits"]
    receipt = texts(fake_slack, LOCUM_GUEST)[-1]
    assert "Nobody is marked as free just now" in receipt


def test_colleagues_free_now_are_reached_first_and_the_channel_not_at_all(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    assembly.services.free_now.mark(caller(SALARIED_GP), Span.HALF_HOUR)
    assembly.services.free_now.mark(caller(TRAINEE), Span.TODAY)
    done = assembly.services.workload.pool(caller(LOCUM_GUEST), SWAMPED, key="k1")
    sent(assembly)
    assert done.reached == 2 and not done.fell_back
    assert inbox(fake_slack, ADVICE) == []
    for free in (SALARIED_GP, TRAINEE):
        assert "You're marked as free" in texts(fake_slack, free)[-1]
    assert texts(fake_slack, SALARIED_GP_2) == []  # not free: not disturbed


def test_free_now_lapses_and_never_shows_during_surgery(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    assembly.services.free_now.mark(caller(SALARIED_GP), Span.TODAY)  # until 19:00
    clock.set(datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # in the afternoon surgery
    done = assembly.services.workload.pool(caller(LOCUM_GUEST), SWAMPED, key="k1")
    assert done.fell_back
    assembly.services.free_now.mark(caller(TRAINEE), Span.HALF_HOUR)
    clock.set(datetime(2026, 11, 23, 15, 31, tzinfo=UTC))  # half an hour on: lapsed
    later = assembly.services.workload.pool(caller(LOCUM_GUEST), SWAMPED, key="k2")
    assert later.fell_back


def test_one_colleague_takes_a_task_the_next_is_told_kindly_and_the_asker_thanks(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    pool(assembly)
    _, results = button(inbox(fake_slack, ADVICE)[0], "I'll take it: 3 results")
    assert claim(assembly, SALARIED_GP, results).startswith("It's yours: 3 results to review")
    assert "has just taken that one" in claim(assembly, TRAINEE, results)
    assert claim(assembly, SALARIED_GP, results) == "You've already taken that one: thank you."
    assert "That's your own request" in claim(assembly, LOCUM_GUEST, results)
    sent(assembly)
    told = inbox(fake_slack, LOCUM_GUEST)[-1]
    assert f"<@{SALARIED_GP}> took *3 results to review*" in told["text"]
    action, value = button(told, "Thank them")
    for _ in range(2):  # a second tap thanks nobody twice
        flow.tap(assembly.services.catalogue, caller(LOCUM_GUEST), action, value)
    sent(assembly)
    thanks = [t for t in texts(fake_slack, SALARIED_GP) if "says thank you" in t]
    assert len(thanks) == 1
    refused = flow.tap(assembly.services.catalogue, caller(TRAINEE), action, value)
    assert isinstance(refused, flow.Done)
    assert refused.said.text.words() == "Only the colleague who asked can do that."
    with assembly.services.workload.uow() as tx:  # they have now crossed paths
        assert LOCUM_GUEST in tx.contacts.of(1, SALARIED_GP)


def test_the_asker_withdraws_what_is_left_and_what_was_taken_stays(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    pool(assembly)
    message = inbox(fake_slack, ADVICE)[0]
    _, results = button(message, "I'll take it: 3 results")
    _, visits = button(message, "I'll take it: 3 home visits")
    claim(assembly, SALARIED_GP, results)
    action, pool_id = button(inbox(fake_slack, LOCUM_GUEST)[0], "Withdraw")
    assert action == PoolAction.WITHDRAW
    assert "Withdrawn: the 1 task nobody had taken" in assembly.services.workload.withdraw(
        caller(LOCUM_GUEST), pool_id
    )
    assert (
        claim(assembly, TRAINEE, visits)
        == "That request has been withdrawn, so there's nothing to take."
    )
    assert count(assembly, "pool_tasks", f"claimed_by = '{SALARIED_GP}'") == 1
    assert "Nothing left to withdraw" in assembly.services.workload.withdraw(
        caller(LOCUM_GUEST), pool_id
    )


def test_patient_details_in_the_note_stop_the_request_and_nothing_is_kept(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    risky = PoolRequest(tasks=(TaskKind.CALLBACKS,), note="Callback for NHS 943 476 5919 please")
    with pytest.raises(Unsafe):
        assembly.services.workload.pool(caller(LOCUM_GUEST), risky, key="k1")
    sent(assembly)
    assert count(assembly, "pools") == 0 and count(assembly, "outbox") == 0
    assert inbox(fake_slack, ADVICE) == []


def test_a_request_with_no_task_is_refused_under_its_field(assembly: Assembly) -> None:
    set_up(assembly)
    outcome = flow.submit(
        assembly.services.catalogue,
        caller(LOCUM_GUEST),
        "pool_form",
        {},
        {"tasks": (), "how_many": "1", "due": "today", "to": "space", "text": ""},
        "k1",
    )
    assert isinstance(outcome, flow.Problem) and outcome.field == "tasks"


def test_two_colleagues_tapping_at_once_get_exactly_one_claim(
    assembly: Assembly, settings: Settings, clock: FixedClock, fake_slack: FakeSlack
) -> None:
    """Two assemblies (two replicas) on one database, each in its own thread, released
    together by a barrier: the conditional UPDATE lets exactly one of them take the task."""
    set_up(assembly)
    pool(assembly)
    _, results = button(inbox(fake_slack, ADVICE)[0], "I'll take it: 3 results")
    other = build(settings, clock=clock, migrate=False)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def tap(replica: Assembly, who: str) -> None:
        barrier.wait()
        outcomes[who] = claim(replica, who, results)

    threads = [
        threading.Thread(target=tap, args=(assembly, SALARIED_GP)),
        threading.Thread(target=tap, args=(other, ADMIN)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.engine.dispose()
    won = [who for who, said in outcomes.items() if said.startswith("It's yours")]
    lost = [who for who, said in outcomes.items() if "has just taken that one" in said]
    assert len(won) == 1 and len(lost) == 1
    assert count(assembly, "pool_tasks", "claimed_by IS NOT NULL") == 1
    sent(assembly)
    assert sum("took" in t for t in texts(fake_slack, LOCUM_GUEST)) == 1  # told once
