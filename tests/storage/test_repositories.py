"""Repositories on SQLite and PostgreSQL: the claims that keep events and sends single."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.core.clock import FixedClock
from bot.core.delivery import Delivery, DeliveryKind
from bot.core.message import Message
from bot.core.values import Member, Platform, Role
from storage.database import make_engine, make_session_factory
from storage.tables import Base
from storage.unit_of_work import SqlUnitOfWork
from tests.conftest import MONDAY_LUNCH


@pytest.fixture
def uow(database_url: str) -> Iterator[SqlUnitOfWork]:
    engine = make_engine(database_url)
    yield SqlUnitOfWork(make_session_factory(engine))
    engine.dispose()


def practice_id(uow: SqlUnitOfWork) -> int:
    with uow() as tx:
        return tx.practices.create(
            platform=Platform.SLACK,
            workspace_id="T1",
            name="P",
            timezone="Europe/London",
            now=MONDAY_LUNCH,
        ).id


def test_an_event_can_be_claimed_once(uow: SqlUnitOfWork) -> None:
    with uow() as tx:
        assert tx.events.claim("slack:Ev1", MONDAY_LUNCH) is True
        assert tx.events.claim("slack:Ev1", MONDAY_LUNCH) is False
    with uow() as tx:
        assert tx.events.claim("slack:Ev1", MONDAY_LUNCH) is False


def test_a_rolled_back_claim_leaves_the_event_unhandled(uow: SqlUnitOfWork) -> None:
    with pytest.raises(RuntimeError), uow() as tx:
        assert tx.events.claim("slack:Ev2", MONDAY_LUNCH)
        raise RuntimeError("the effects failed")
    with uow() as tx:
        assert tx.events.claim("slack:Ev2", MONDAY_LUNCH) is True


def test_old_events_are_forgotten(uow: SqlUnitOfWork) -> None:
    with uow() as tx:
        tx.events.claim("old", MONDAY_LUNCH - timedelta(days=8))
        tx.events.claim("new", MONDAY_LUNCH)
        assert tx.events.forget_before(MONDAY_LUNCH - timedelta(days=7)) == 1


def test_leads_are_a_set(uow: SqlUnitOfWork) -> None:
    pid = practice_id(uow)
    with uow() as tx:
        assert tx.leads.add(pid, "U1", MONDAY_LUNCH) is True
        assert tx.leads.add(pid, "U1", MONDAY_LUNCH) is False
        assert tx.leads.add(pid, "U2", MONDAY_LUNCH) is True
        assert tx.leads.list(pid) == ("U1", "U2")
        assert tx.leads.remove(pid, "U1") is True
        assert tx.leads.list(pid) == ("U2",)


def test_members_keep_their_role_and_leavers_are_deactivated(uow: SqlUnitOfWork) -> None:
    pid = practice_id(uow)
    with uow() as tx:
        tx.members.upsert(Member(pid, "U1", "Dr One", Role.TRAINEE), MONDAY_LUNCH)
        tx.members.upsert(Member(pid, "U2", "Dr Two"), MONDAY_LUNCH)
        assert tx.members.deactivate_except(pid, {"U1"}, MONDAY_LUNCH) == 1
        assert [m.user_id for m in tx.members.active(pid)] == ["U1"]
        assert tx.members.get(pid, "U1") == Member(pid, "U1", "Dr One", Role.TRAINEE)


def test_only_one_worker_wins_a_claim(uow: SqlUnitOfWork) -> None:
    pid = practice_id(uow)
    delivery = Delivery(
        str(uuid.uuid4()), pid, Platform.SLACK, DeliveryKind.POST, "C1", Message("hi")
    )
    clock = FixedClock(MONDAY_LUNCH)
    with uow() as tx:
        assert tx.outbox.add(delivery, dedupe_key="d1", sealed=False, now=clock.now())
        assert not tx.outbox.add(delivery, dedupe_key="d1", sealed=False, now=clock.now())
    with uow() as tx:
        assert tx.outbox.claim(delivery.id, worker="a", now=clock.now()) is not None
    with uow() as tx:
        assert tx.outbox.claim(delivery.id, worker="b", now=clock.now()) is None
        assert tx.outbox.counts() == {"sending": 1}


def test_every_test_starts_from_an_empty_database(database_url: str, uow: SqlUnitOfWork) -> None:
    """The fixture's per-test reset (a copied file; DELETE and sequence reset on PostgreSQL)
    leaves no rows behind, and ids start again, though earlier tests here made practices."""
    engine = make_engine(database_url)
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            assert conn.execute(select(func.count()).select_from(table)).scalar() == 0, table.name
    engine.dispose()
    assert practice_id(uow) == 1
