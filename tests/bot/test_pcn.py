"""A PCN in one workspace: a lead splits it into practices by channel; each practice keeps its own
leads, time zone and bank holidays; a locum belongs to both and gets one nudge a week in all."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.advice.service import QuestionRequest
from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.core.values import Caller, SpacePurpose
from bot.core.week import SlotKind
from bot.nudges.service import NudgeReport
from bot.nudges.week import NudgeWeek
from bot.practices import wording
from bot.practices.split import NewPractice
from bot.protected_time.service import SlotRequest
from bot.rants.service import RantRequest
from bot.rants.values import RantAction, RantDestination
from tests.bot.pcn import (
    BERLIN,
    HILL_ADVICE,
    HILL_RANTS,
    HILLSIDE,
    LONDON,
    RIVERSIDE,
    channels,
    in_channel,
    split,
)
from tests.callers import caller, count, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import (
    ADMIN,
    LOCUM_GUEST,
    PARTNER_OWNER,
    SALARIED_GP,
    SALARIED_GP_2,
    TRAINEE,
    make_user,
)

MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)


def active(assembly: Assembly, practice_id: int) -> set[str]:
    with assembly.services.outbox.uow() as tx:
        return {m.user_id for m in tx.members.active(practice_id)}


def test_a_lead_splits_the_workspace_and_the_first_channel_keeps_the_practice(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    channels(fake_slack)
    synced(assembly)
    with assembly.services.outbox.uow() as tx:
        (before,) = tx.practices.all()
    request = NewPractice(HILLSIDE, "Hillside", "europe/berlin", "northern-ireland", RIVERSIDE)
    made = assembly.services.practices.split(caller(ADMIN), request)
    with assembly.services.outbox.uow() as tx:
        riverside, hillside = tx.practices.all()
        leads = tx.leads.list(hillside.id), tx.leads.list(riverside.id)
        audits = [tx.audit.recent(p.id, 5)[0]["action"] for p in (riverside, hillside)]
    assert made.members == 3 and made.practice == hillside
    assert (riverside.id, riverside.name, riverside.channel_id) == (
        before.id,
        before.name,
        RIVERSIDE,
    )
    assert (riverside.timezone, riverside.holiday_region) == (LONDON, "england-wales")
    assert (hillside.name, hillside.channel_id, hillside.timezone) == ("Hillside", HILLSIDE, BERLIN)
    assert hillside.holiday_region == "northern-ireland"
    assert active(assembly, riverside.id) == {PARTNER_OWNER, SALARIED_GP, LOCUM_GUEST}
    assert active(assembly, hillside.id) == {ADMIN, SALARIED_GP_2, LOCUM_GUEST}
    # Hillside's leads: the lead who split it, and its channel's owners and admins (ADMIN again).
    assert leads == ((ADMIN,), (ADMIN, PARTNER_OWNER))
    assert audits == ["practices.split", "practices.split"]


def test_only_a_lead_may_split_and_the_refusal_is_kept_in_the_audit_log(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    channels(fake_slack)
    synced(assembly)
    request = NewPractice(HILLSIDE, "Hillside", "", "", RIVERSIDE)
    with pytest.raises(Refused) as refused:
        assembly.services.practices.split(caller(SALARIED_GP), request)
    assert refused.value.text == core_words.ONLY_LEADS
    assert count(assembly, "practices") == 1
    assert count(assembly, "audit_log", "action = 'refused:practices.split'") == 1
    assert fake_slack.calls("conversations.members") == []


@pytest.mark.parametrize(
    ("request_", "field", "words"),
    [
        (NewPractice(HILLSIDE, "Hillside", "Mars/Olympus", "", RIVERSIDE), "timezone", "BAD_ZONE"),
        (NewPractice(HILLSIDE, "Hillside", "", "", ""), "first_channel", "PICK_A_CHANNEL"),
        (NewPractice("", "Hillside", "", "", RIVERSIDE), "channel", "PICK_A_CHANNEL"),
        (NewPractice(RIVERSIDE, "Hillside", "", "", RIVERSIDE), "channel", "SAME_CHANNEL"),
        (NewPractice(HILLSIDE, "x" * 81, "", "", RIVERSIDE), "name", "NAME_TOO_LONG"),
    ],
)
def test_a_bad_split_is_refused_under_its_field_and_changes_nothing(
    assembly: Assembly, fake_slack: FakeSlack, request_: NewPractice, field: str, words: str
) -> None:
    channels(fake_slack)
    synced(assembly)
    with pytest.raises(Refused) as refused:
        assembly.services.practices.split(caller(ADMIN), request_)
    assert (refused.value.field, refused.value.text) == (field, getattr(wording, words))
    assert count(assembly, "practices") == 1
    assert count(assembly, "practices", "channel_id IS NOT NULL") == 0


def test_a_channel_or_name_already_a_practices_is_refused(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    split(assembly, fake_slack)
    again = NewPractice(HILLSIDE, "Hillside Two", "", "", "")
    with pytest.raises(Refused) as taken:
        assembly.services.practices.split(caller(ADMIN), again)
    same_name = NewPractice("C0GENERAL", "hillside", "", "", "")
    with pytest.raises(Refused) as named:
        assembly.services.practices.split(caller(ADMIN), same_name)
    assert (taken.value.field, named.value.field) == ("channel", "name")
    assert count(assembly, "practices") == 2


def test_a_locum_is_in_both_and_acts_where_they_are_or_where_they_chose(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    practices = assembly.services.practices
    # In a practice's channel: that practice; elsewhere, the first they joined.
    assert practices.home(in_channel(LOCUM_GUEST, HILLSIDE)).practice.id == hillside.id
    assert practices.home(in_channel(LOCUM_GUEST, HILL_RANTS)).practice.id == hillside.id
    view = practices.home(caller(LOCUM_GUEST))
    assert view.practice.id == riverside.id
    assert [p.id for p in view.elsewhere] == [hillside.id]
    # Choosing (by name, as /coffeeroom practice Hillside does) sticks until they choose again.
    assert practices.act_for(caller(LOCUM_GUEST), "hillside").id == hillside.id
    assert practices.home(caller(LOCUM_GUEST)).practice.id == hillside.id
    assert practices.home(in_channel(LOCUM_GUEST, RIVERSIDE)).practice.id == riverside.id
    # A GP of one practice only cannot act for the other.
    with pytest.raises(Refused) as refused:
        practices.act_for(caller(SALARIED_GP), "Hillside")
    assert refused.value.text == wording.NOT_YOUR_PRACTICE
    assert practices.home(caller(SALARIED_GP)).elsewhere == ()


def test_someone_in_no_practice_channel_is_told_who_to_ask(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    split(assembly, fake_slack)  # the trainee is in neither practice's channel
    with pytest.raises(Refused) as refused:
        assembly.services.practices.home(caller(TRAINEE))
    assert "not in any practice's channel" in refused.value.text
    assert "Dr Tom Okafor" in refused.value.text  # a lead, by name


def test_a_newcomer_in_a_practice_channel_is_learnt_on_first_use(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    _, hillside = split(assembly, fake_slack)
    fake_slack.add_user(make_user("U0NEWGP", "newgp", "Dr Jo Bloggs"))
    fake_slack.set_members(HILLSIDE, ["U0NEWGP", ADMIN, SALARIED_GP_2, LOCUM_GUEST])
    view = assembly.services.practices.home(Caller(caller(ADMIN).platform, "T0001", "U0NEWGP"))
    assert view.practice.id == hillside.id
    assert "U0NEWGP" in active(assembly, hillside.id)


def test_roster_sync_follows_each_practice_channel(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    fake_slack.set_members(HILLSIDE, [ADMIN, LOCUM_GUEST])  # a GP left Hillside's channel
    fake_slack.set_members(RIVERSIDE, [PARTNER_OWNER, SALARIED_GP, LOCUM_GUEST, TRAINEE])
    synced(assembly)
    assert active(assembly, hillside.id) == {ADMIN, LOCUM_GUEST}
    assert active(assembly, riverside.id) == {PARTNER_OWNER, SALARIED_GP, LOCUM_GUEST, TRAINEE}


def test_a_lead_sets_their_own_practices_time_zone_and_region(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    practices = assembly.services.practices
    done = practices.settle(
        caller(ADMIN), name="Hillside Practice", timezone="Europe/Dublin", region="scotland"
    )
    assert (done.id, done.name, done.timezone, done.holiday_region) == (
        hillside.id,
        "Hillside Practice",
        "Europe/Dublin",
        "scotland",
    )
    with pytest.raises(Refused) as refused:
        practices.settle(caller(SALARIED_GP_2), name="", timezone="Europe/London", region="")
    assert refused.value.text == core_words.ONLY_LEADS
    with assembly.services.outbox.uow() as tx:
        assert tx.practices.get(riverside.id) == riverside  # the other practice is untouched
        assert tx.audit.recent(hillside.id, 1)[0]["action"] == "refused:practice.settings"


def test_each_practices_protected_time_is_reminded_at_its_own_local_time(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    split(assembly, fake_slack)
    pt = assembly.services.protected_time
    coffee = SlotRequest(2, time(10, 30), 20, 1, "C0RANTS", SlotKind.COFFEE)
    pt.add_slot(caller(PARTNER_OWNER), request=coffee)  # Riverside, 10:30 in London
    hill = SlotRequest(2, time(10, 30), 20, 1, HILL_RANTS, SlotKind.COFFEE)
    pt.add_slot(caller(ADMIN), request=hill)  # Hillside, 10:30 in Berlin (09:30 in London)

    def reminded_at(local: time, zone: str) -> dict[str, int]:
        fake_slack.clear()
        clock.set(at(WEDNESDAY, local, zone))
        pt.run()
        assembly.services.outbox.drain()
        posts = [c.body for c in fake_slack.calls("chat.postMessage")]
        reminders = [p for p in posts if "Coffee in 10 minutes?" in str(p.get("text"))]
        return {
            ch: sum(p.get("channel") == ch for p in reminders) for ch in ("C0RANTS", HILL_RANTS)
        }

    assert reminded_at(time(9, 22), LONDON) == {"C0RANTS": 0, HILL_RANTS: 1}  # 10:22 in Berlin
    assert reminded_at(time(10, 22), LONDON) == {"C0RANTS": 1, HILL_RANTS: 0}


def test_jobs_list_shows_the_next_protected_time_in_its_own_practices_zone(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    split(assembly, fake_slack)
    hill = SlotRequest(2, time(10, 30), 20, 1, HILL_RANTS, SlotKind.COFFEE)
    assembly.services.protected_time.add_slot(caller(ADMIN), request=hill)  # Hillside: Berlin
    clock.set(at(MONDAY, time(12, 45), LONDON))
    (job,) = [j for j in assembly.jobs() if j.name == "protected-time"]
    assert job.upcoming is not None
    assert job.upcoming().startswith("next: Wed 25 Nov 10:20 Europe/Berlin (coffee reminder")


def test_a_locum_in_both_practices_gets_one_nudge_a_week_in_all(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    split(assembly, fake_slack)
    nudges = assembly.services.nudges
    clock.set(at(MONDAY, time(12, 45), LONDON))  # lunchtime in both (13:45 in Berlin)
    first = nudges.run()
    second = nudges.run()
    assembly.services.outbox.drain()
    clock.set(at(WEDNESDAY, time(12, 45), LONDON))  # a later free moment the same week
    nudges.run()
    assembly.services.outbox.drain()
    dm = fake_slack.dm_channel(LOCUM_GUEST)
    assert len(fake_slack.messages(dm)) == 1
    assert first.sent == 5 and second.sent == 0  # five people, the locum once among them
    assert count(assembly, "nudges", f"user_id = '{LOCUM_GUEST}'") == 1
    assert nudges.waiting() == (0, 5)


def test_two_passes_reading_the_same_moment_still_send_the_locum_one(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    """Two replicas, each with its own snapshot taken before either sent: the outbox's unique
    key lets only one practice's nudge through, and the other's claim is rolled back."""
    riverside, hillside = split(assembly, fake_slack)
    clock.set(at(MONDAY, time(12, 45), LONDON))
    nudges = assembly.services.nudges
    with assembly.services.outbox.uow.read() as tx:
        weeks = [NudgeWeek.load(tx, p, clock.now()) for p in (hillside, riverside)]
    report = NudgeReport()
    for week in weeks:
        locum = next(m for m in week.members if m.user_id == LOCUM_GUEST)
        kind, text = week.choose(locum)
        nudges._send(week, locum, kind, text, report)
    assembly.services.outbox.drain()
    assert (report.sent, report.already) == (1, 1)
    assert len(fake_slack.messages(fake_slack.dm_channel(LOCUM_GUEST))) == 1
    assert count(assembly, "nudges", f"user_id = '{LOCUM_GUEST}'") == 1
    assert count(assembly, "nudges", f"practice_id = {hillside.id}") == 1


def test_a_practice_on_its_own_bank_holiday_is_quiet_while_the_other_is_not(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    assembly.services.practices.settle(caller(ADMIN), name="", timezone="", region="scotland")
    clock.set(at(date(2026, 11, 30), time(12, 45), LONDON))  # St Andrew's Day (observed)
    report = assembly.services.nudges.run()
    assert report.closed == 1
    with assembly.services.outbox.uow() as tx:
        assert tx.nudges.users_in(hillside.id, "2026-W49") == set()
        assert SALARIED_GP in tx.nudges.users_in(riverside.id, "2026-W49")


def test_a_locum_answers_the_other_practices_buttons_as_one_of_its_own(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    """Acting for Riverside, the locum still taps 'I hear you' under a Hillside rant and answers
    a Hillside question: a record's buttons act in the record's own practice."""
    _, hillside = split(assembly, fake_slack)
    services = assembly.services
    rant = RantRequest("Third locum shift this week", RantDestination.SPACE)
    services.rants.submit(caller(SALARIED_GP_2), request=rant, key="rant-h")
    services.advice.ask(caller(ADMIN), request=QuestionRequest("Who knows the hub rota?"), key="q")
    services.outbox.drain()
    rant_id = one(assembly, "SELECT id FROM rants")
    question_id = one(assembly, "SELECT id FROM questions")
    assert services.practices.home(caller(LOCUM_GUEST)).practice.id != hillside.id
    services.rants.reply(caller(LOCUM_GUEST), rant_id=rant_id, action=RantAction.HEAR_YOU)
    services.advice.answer(
        caller(LOCUM_GUEST), question_id=question_id, text="Ask the hub", anonymous=False, key="a"
    )
    assert count(assembly, "answers") == 1
    # Someone in Riverside alone still cannot.
    with pytest.raises(Refused):
        services.rants.reply(caller(SALARIED_GP), rant_id=rant_id, action=RantAction.HEAR_YOU)


def test_not_now_under_a_nudge_applies_in_every_practice_of_theirs(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    split(assembly, fake_slack)
    assembly.services.nudges.turn_off(caller(LOCUM_GUEST))
    prefs = assembly.services.preferences
    assert prefs.get(in_channel(LOCUM_GUEST, RIVERSIDE)).nudges_on is False
    assert prefs.get(in_channel(LOCUM_GUEST, HILLSIDE)).nudges_on is False


def one(assembly: Assembly, sql: str) -> str:
    with assembly.engine.connect() as conn:
        return str(conn.exec_driver_sql(sql).scalar())


def test_joining_or_leaving_a_practice_channel_changes_membership_at_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    practices = assembly.services.practices
    directory = assembly.slack_directory()
    trainee = directory.person(TRAINEE)
    locum = directory.person(LOCUM_GUEST)
    assert trainee is not None and locum is not None
    platform = caller(TRAINEE).platform
    practices.channel_changed(platform, "T0001", HILLSIDE, trainee, joined=True)
    practices.channel_changed(platform, "T0001", HILLSIDE, locum, joined=False)
    practices.channel_changed(platform, "T0001", "C0GENERAL", trainee, joined=True)  # no practice's
    assert active(assembly, hillside.id) == {ADMIN, SALARIED_GP_2, TRAINEE}
    assert active(assembly, riverside.id) == {PARTNER_OWNER, SALARIED_GP, LOCUM_GUEST}


def test_the_operators_leads_command_asks_which_practice_in_a_split_workspace(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    leads = assembly.services.leads
    workspace = caller(ADMIN).workspace
    with pytest.raises(Refused) as which:
        leads.operator(caller(ADMIN).platform, workspace, "add", SALARIED_GP_2)
    assert f"2 practices: {riverside.name}, Hillside" in which.value.text
    assert "--practice" in which.value.text
    with pytest.raises(Refused) as unknown:
        leads.operator(caller(ADMIN).platform, workspace, "list", named="Valley")
    assert "No practice here is called 'Valley'" in unknown.value.text
    added = leads.operator(caller(ADMIN).platform, workspace, "add", SALARIED_GP_2, "hillside")
    assert SALARIED_GP_2 in added
    assert SALARIED_GP_2 not in leads.operator(
        caller(ADMIN).platform, workspace, "list", "", riverside.name
    )
    assert count(assembly, "leads", f"practice_id = {hillside.id}") == len(added)


def test_a_practices_spaces_cannot_be_another_practices_channels(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    riverside, hillside = split(assembly, fake_slack)
    practices = assembly.services.practices
    for theirs in ("C0RANTS", RIVERSIDE):  # Riverside's rant space, and its own channel
        with pytest.raises(Refused) as refused:
            practices.set_spaces(
                caller(ADMIN), {SpacePurpose.RANTS: theirs, SpacePurpose.ADVICE: HILL_ADVICE}
            )
        assert refused.value.field == "rants" and riverside.name in refused.value.text
    with assembly.services.outbox.uow() as tx:
        assert tx.spaces.all(hillside.id)[SpacePurpose.RANTS].channel_id == HILL_RANTS


def test_channels_created_for_a_practice_of_a_split_workspace_are_its_own(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    _, hillside = split(assembly, fake_slack)
    assembly.services.practices.create_spaces(caller(ADMIN))
    created = [c.body["name"] for c in fake_slack.calls("conversations.create")]
    assert created == ["coffee-room-hillside", "run-it-past-hillside"]
    with assembly.services.outbox.uow() as tx:
        spaces = tx.spaces.all(hillside.id)
    assert {s.name for s in spaces.values()} == set(created)


def test_someone_in_no_practice_sees_no_practices_protected_time(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    split(assembly, fake_slack)
    coffee = SlotRequest(2, time(10, 30), 20, 1, "C0RANTS", SlotKind.COFFEE)
    assembly.services.protected_time.add_slot(caller(PARTNER_OWNER), request=coffee)
    with pytest.raises(Refused):
        assembly.services.protected_time.slots(caller(TRAINEE))
    assert len(assembly.services.protected_time.slots(caller(PARTNER_OWNER))) == 1
