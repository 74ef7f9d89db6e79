"""Nothing leaks between two practices in one workspace: for each kind of record, something made
in Riverside (often by the locum who works at both) is stored under Riverside alone, and
Hillside, read by its own GPs or by the locum acting for it, never shows it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest

from bot.advice.service import QuestionRequest
from bot.app.assembly import Assembly
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.core.values import Practice, SpacePurpose
from bot.core.week import SlotKind
from bot.free_now.values import Span
from bot.mentoring.values import Profile
from bot.protected_time.service import SlotRequest
from bot.rants.service import RantRequest
from bot.rants.values import RantAction, RantDestination
from bot.workload.service import PoolRequest
from bot.workload.values import TaskKind
from handlers.chat.render import plain
from storage.tables import Base
from tests.bot.pcn import (
    HILL_ADVICE,
    HILL_RANTS,
    HILLSIDE,
    HILLSIDE_PEOPLE,
    LONDON,
    RIVERSIDE,
    RIVERSIDE_PEOPLE,
    in_channel,
    split,
)
from tests.callers import caller, count
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import (
    ADMIN,
    LOCUM_GUEST,
    PARTNER_OWNER,
    SALARIED_GP,
    SALARIED_GP_2,
    make_user,
)

MONDAY = date(2026, 11, 23)
LOCUM_AT_RIVERSIDE = in_channel(LOCUM_GUEST, RIVERSIDE)
LOCUM_AT_HILLSIDE = in_channel(LOCUM_GUEST, HILLSIDE)


@dataclass(frozen=True)
class World:
    assembly: Assembly
    fake: FakeSlack
    clock: FixedClock
    riverside: Practice
    hillside: Practice

    def one(self, sql: str) -> str:
        with self.assembly.engine.connect() as conn:
            return str(conn.exec_driver_sql(sql).scalar())


@dataclass(frozen=True)
class Kind:
    """A kind of record: made in Riverside, then looked for from Hillside."""

    table: str
    make: Callable[[World], None]
    hidden: Callable[[World], None]  # asserts Hillside shows none of it
    job: bool = False  # made by a job that also runs for Hillside (its own rows are its own)
    changes: bool = False  # changes Riverside's rows rather than adding one


def practice_tables() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables if "practice_id" in t.columns]


def refused(run: Callable[[], object]) -> None:
    with pytest.raises(Refused):
        run()


# --- each kind: made in Riverside ... and hidden from Hillside ------------------------------
def make_rant(w: World) -> None:
    request = RantRequest("Long clinic again", RantDestination.SPACE)
    w.assembly.services.rants.submit(LOCUM_AT_RIVERSIDE, request=request, key="rant-1")
    w.assembly.services.outbox.drain()


def rant_hidden(w: World) -> None:
    rant = w.one("SELECT id FROM rants")
    assert w.fake.messages(HILL_RANTS) == [] and w.fake.messages(HILL_ADVICE) == []
    refused(
        lambda: w.assembly.services.rants.reply(
            caller(SALARIED_GP_2), rant_id=rant, action=RantAction.HEAR_YOU
        )
    )


def make_question(w: World) -> None:
    request = QuestionRequest("Anyone using the new referral template?")
    w.assembly.services.advice.ask(LOCUM_AT_RIVERSIDE, request=request, key="q-1")
    w.assembly.services.outbox.drain()


def question_hidden(w: World) -> None:
    question = w.one("SELECT id FROM questions")
    assert w.fake.messages(HILL_ADVICE) == []
    refused(lambda: w.assembly.services.advice.can_help(caller(ADMIN), question_id=question))


def make_answer(w: World) -> None:
    make_question(w)
    question = w.one("SELECT id FROM questions")
    w.assembly.services.advice.answer(
        caller(SALARIED_GP), question_id=question, text="Yes, it works", anonymous=False, key="a1"
    )


def answer_hidden(w: World) -> None:
    question = w.one("SELECT id FROM questions")
    answers = w.assembly.services.advice
    refused(
        lambda: answers.answer(
            caller(SALARIED_GP_2), question_id=question, text="Me too", anonymous=False, key="a2"
        )
    )
    assert w.fake.messages(HILL_ADVICE) == []


def make_slot(w: World) -> None:
    request = SlotRequest(2, time(10, 30), 20, 1, "C0RANTS", SlotKind.COFFEE)
    w.assembly.services.protected_time.add_slot(caller(PARTNER_OWNER), request=request)


def slot_hidden(w: World) -> None:
    assert w.assembly.services.protected_time.slots(caller(ADMIN)) == []
    slot = int(w.one("SELECT id FROM protected_slots"))
    w.assembly.services.protected_time.remove_slot(caller(ADMIN), slot_id=slot)  # Hillside's lead
    assert [s.id for s in w.assembly.services.protected_time.slots(caller(PARTNER_OWNER))] == [slot]


def make_checkin(w: World) -> None:
    w.assembly.services.preferences.change(LOCUM_AT_RIVERSIDE, checkins_on=True)
    w.assembly.services.checkins.run()


def checkin_hidden(w: World) -> None:
    assert w.assembly.services.preferences.trend(LOCUM_AT_HILLSIDE) == []
    with w.assembly.services.outbox.uow() as tx:
        assert tx.checkins.claimed(w.hillside.id, "2026-W48") == set()
        assert tx.checkins.claimed(w.riverside.id, "2026-W48") == {LOCUM_GUEST}


def make_preferences(w: World) -> None:
    w.assembly.services.preferences.change(LOCUM_AT_RIVERSIDE, nudges_on=False)


def preferences_hidden(w: World) -> None:
    assert w.assembly.services.preferences.get(LOCUM_AT_HILLSIDE).nudges_on is True
    assert w.assembly.services.preferences.get(LOCUM_AT_RIVERSIDE).nudges_on is False


def make_leave(w: World) -> None:
    w.assembly.services.preferences.add_leave(
        LOCUM_AT_RIVERSIDE, starts=MONDAY, ends=MONDAY + timedelta(days=4)
    )


def leave_hidden(w: World) -> None:
    prefs = w.assembly.services.preferences
    assert not prefs.get(LOCUM_AT_HILLSIDE).pattern.on_leave(MONDAY)
    assert prefs.get(LOCUM_AT_RIVERSIDE).pattern.on_leave(MONDAY)


def make_nudges(w: World) -> None:
    w.clock.set(at(MONDAY, time(12, 45), LONDON))
    w.assembly.services.nudges.run()


def nudges_hidden(w: World) -> None:
    with w.assembly.services.outbox.uow() as tx:
        assert tx.nudges.users_in(w.hillside.id, "2026-W48") <= set(HILLSIDE_PEOPLE)
        assert tx.nudges.users_in(w.riverside.id, "2026-W48") <= set(RIVERSIDE_PEOPLE)
        assert LOCUM_GUEST in tx.nudges.users_in(w.riverside.id, "2026-W48")
        assert LOCUM_GUEST not in tx.nudges.last_kinds(w.hillside.id)  # Riverside's, not here


def make_free(w: World) -> None:
    w.assembly.services.free_now.mark(LOCUM_AT_RIVERSIDE, Span.TODAY)


def free_hidden(w: World) -> None:
    assert w.assembly.services.free_now.until(LOCUM_AT_HILLSIDE) is None
    assert w.assembly.services.free_now.until(LOCUM_AT_RIVERSIDE) is not None


def make_pool(w: World) -> None:
    request = PoolRequest((TaskKind.RESULTS,))
    w.assembly.services.workload.pool(LOCUM_AT_RIVERSIDE, request, key="pool-1")


def pool_hidden(w: World) -> None:
    task = w.one("SELECT id FROM pool_tasks")
    refused(lambda: w.assembly.services.workload.claim(caller(SALARIED_GP_2), task))
    refused(lambda: w.assembly.services.workload.claim(caller(ADMIN), task))  # Hillside's lead


def make_mentoring(w: World) -> None:
    profile = Profile(0, LOCUM_GUEST, True, False, 5, ("teaching",))
    w.assembly.services.mentoring.save(LOCUM_AT_RIVERSIDE, profile)


def mentoring_hidden(w: World) -> None:
    assert w.assembly.services.mentoring.profile(LOCUM_AT_HILLSIDE) is None
    assert w.assembly.services.mentoring.profile(LOCUM_AT_RIVERSIDE) is not None


def make_pairing(w: World) -> None:
    w.assembly.services.pairing.opt(LOCUM_AT_RIVERSIDE, True)


def pairing_hidden(w: World) -> None:
    pairing = w.assembly.services.pairing
    assert pairing.status(LOCUM_AT_HILLSIDE) == pairing.status(caller(SALARIED_GP_2))
    assert pairing.status(LOCUM_AT_RIVERSIDE) != pairing.status(LOCUM_AT_HILLSIDE)


def make_welcome(w: World) -> None:
    w.assembly.services.welcome.run()  # settles everyone already here, in each practice
    w.fake.add_user(make_user("U0NEWGP", "newgp", "Dr Jo Bloggs"))
    w.fake.set_members(RIVERSIDE, [*RIVERSIDE_PEOPLE, "U0NEWGP"])
    w.assembly.services.practices.sync_roster(caller(ADMIN).platform, w.assembly.slack_directory())
    w.clock.set(at(MONDAY, time(12, 45), LONDON))
    w.assembly.services.welcome.run()


def welcome_hidden(w: World) -> None:
    assert (
        count(w.assembly, "welcomes", f"user_id = 'U0NEWGP' AND practice_id = {w.hillside.id}") == 0
    )
    assert (
        count(w.assembly, "welcomes", f"user_id = 'U0NEWGP' AND practice_id = {w.riverside.id}")
        == 1
    )


def make_lead(w: World) -> None:
    w.assembly.services.leads.add_lead(caller(PARTNER_OWNER), SALARIED_GP)


def lead_hidden(w: World) -> None:
    assert w.assembly.services.practices.home(caller(SALARIED_GP_2)).leads == (ADMIN,)
    assert SALARIED_GP in w.assembly.services.practices.home(caller(SALARIED_GP)).leads


def make_spaces(w: World) -> None:
    spaces = {SpacePurpose.RANTS: "C0GENERAL", SpacePurpose.ADVICE: "C0ADVICE"}
    w.assembly.services.practices.set_spaces(caller(PARTNER_OWNER), spaces)


def spaces_hidden(w: World) -> None:
    spaces = w.assembly.services.practices.home(LOCUM_AT_HILLSIDE).spaces
    assert {p: s.channel_id for p, s in spaces.items()} == {
        SpacePurpose.RANTS: HILL_RANTS,
        SpacePurpose.ADVICE: HILL_ADVICE,
    }


def make_audit(w: World) -> None:
    w.assembly.services.leads.set_rant_days(caller(PARTNER_OWNER), 3)


def audit_hidden(w: World) -> None:
    mine = w.assembly.services.leads.full_audit(caller(ADMIN))  # Hillside's lead
    theirs = w.assembly.services.leads.full_audit(caller(PARTNER_OWNER))
    assert not any("rant" in plain(line).lower() for line in mine)
    assert any("rant" in plain(line).lower() for line in theirs)


def make_outbox(w: World) -> None:
    make_rant(w)


def outbox_hidden(w: World) -> None:
    assert count(w.assembly, "outbox", f"practice_id = {w.hillside.id}") == 0
    for channel in (HILL_RANTS, HILL_ADVICE, HILLSIDE):
        assert w.fake.messages(channel) == []


KINDS = {
    "rants": Kind("rants", make_rant, rant_hidden),
    "advice questions": Kind("questions", make_question, question_hidden),
    "advice answers": Kind("questions", make_answer, answer_hidden),
    "protected time": Kind("protected_slots", make_slot, slot_hidden),
    "check-ins": Kind("checkins", make_checkin, checkin_hidden, job=True),
    "preferences": Kind("preferences", make_preferences, preferences_hidden),
    "leave": Kind("leave", make_leave, leave_hidden),
    "nudges": Kind("nudges", make_nudges, nudges_hidden, job=True),
    "free now": Kind("free_now", make_free, free_hidden),
    "workload pool": Kind("pools", make_pool, pool_hidden),
    "mentoring": Kind("mentor_profiles", make_mentoring, mentoring_hidden),
    "pairing": Kind("pairing_members", make_pairing, pairing_hidden),
    "welcome": Kind("welcomes", make_welcome, welcome_hidden, job=True),
    "leads": Kind("leads", make_lead, lead_hidden),
    "spaces": Kind("spaces", make_spaces, spaces_hidden, changes=True),
    "audit": Kind("audit_log", make_audit, audit_hidden),
    "outbox": Kind("outbox", make_outbox, outbox_hidden),
}


@pytest.mark.parametrize("name", list(KINDS))
def test_a_record_made_in_one_practice_never_shows_in_the_other(
    name: str, assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    kind = KINDS[name]
    riverside, hillside = split(assembly, fake_slack)
    world = World(assembly, fake_slack, clock, riverside, hillside)
    tables = practice_tables()
    before = {t: count(assembly, t, f"practice_id = {hillside.id}") for t in tables}
    made = count(assembly, kind.table, f"practice_id = {riverside.id}")
    kind.make(world)
    assert count(assembly, kind.table, f"practice_id = {riverside.id}") > made or kind.changes
    if not kind.job:  # nothing at all was written under Hillside
        after = {t: count(assembly, t, f"practice_id = {hillside.id}") for t in tables}
        assert after == before
    kind.hidden(world)


def test_every_table_of_a_practice_is_covered_by_a_kind() -> None:
    covered = {k.table for k in KINDS.values()}
    # Rows that only ever hang off a covered one (or the roster itself) are covered with it.
    with_parent = {
        "members",
        "practices",
        "practice_settings",
        "reviews",
        "contacts",
        "closures",
        "slot_answers",
        "mentor_matches",
        "pairing_settings",
        "pairing_rounds",
        "pairing_places",
        "pairing_skips",
        "pool_tasks",
        "answers",
    }
    assert set(practice_tables()) - covered - with_parent == set()
