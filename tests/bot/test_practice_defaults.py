"""The practice's nudge and check-in defaults: a lead sets them on the console, every member who
has not chosen their own gets them, whoever has keeps theirs, and a non-lead changes nothing."""

from __future__ import annotations

import json
from datetime import date, time

import pytest

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.core.calendar import at
from bot.core.clock import FixedClock
from bot.core.errors import Refused
from bot.core.message import Button
from bot.core.values import WeekDefaults
from bot.leads import wording
from bot.leads.forms import WEEK_FORM
from bot.leads.values import LeadAction
from bot.ui import flow
from tests.callers import ROSTER, caller, count, every_value
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, SALARIED_GP_2, TRAINEE
from tests.handlers.slack_harness import synced

LONDON = "Europe/London"
MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)
FORM = {"nudges": "on", "checkins": "off", "day": "2", "hour": "12"}


def nudged(assembly: Assembly, fake: FakeSlack, clock: FixedClock, day: date) -> set[str]:
    """Who has had a nudge, after the job runs at lunchtime on `day`."""
    clock.set(at(day, time(12, 45), LONDON))
    assembly.services.nudges.run()
    assembly.services.outbox.drain()
    with assembly.engine.connect() as conn:
        return {u for (u,) in conn.exec_driver_sql("SELECT user_id FROM nudges")}


def defaults_row(assembly: Assembly) -> tuple[object, ...]:
    with assembly.engine.connect() as conn:
        return tuple(
            conn.exec_driver_sql(
                "SELECT default_nudges_on, default_checkins_on, default_weekday, default_hour "
                "FROM practices"
            ).one()
        )


@pytest.fixture
def practice(assembly: Assembly) -> Assembly:
    """The roster learnt; SALARIED_GP_2 has chosen their own settings (nudges on, no check-in),
    ADMIN has turned nudges off; everyone else has chosen nothing."""
    synced(assembly)
    assembly.services.preferences.change(caller(SALARIED_GP_2), sessions="mon:am tue:am,pm")
    assembly.services.preferences.change(caller(ADMIN), nudges_on=False)
    return assembly


def test_a_lead_moves_the_practice_moment_and_only_members_without_their_own_wait_for_it(
    practice: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    outcome = flow.submit(practice.services.catalogue, caller(ADMIN), WEEK_FORM, {}, FORM, "w1")
    assert isinstance(outcome, flow.Done) and outcome.said.text.words() == wording.WEEK_SAVED
    assert defaults_row(practice) in ((1, 0, 2, 12), (True, False, 2, 12))
    monday = nudged(practice, fake_slack, clock, MONDAY)
    assert monday == {SALARIED_GP_2}  # their own settings: any free moment, as before
    wednesday = nudged(practice, fake_slack, clock, WEDNESDAY)
    assert {SALARIED_GP, PARTNER_OWNER, TRAINEE} <= wednesday
    assert ADMIN not in wednesday  # turned their own off, and it stays off
    with practice.engine.connect() as conn:
        detail = conn.exec_driver_sql(
            "SELECT actor, detail FROM audit_log WHERE action = 'week_defaults.set'"
        ).one()
    assert detail[0] == ADMIN
    assert json.loads(detail[1]) == {"nudges": True, "checkins": False, "weekday": 2, "hour": 12}


def test_with_the_nudge_off_for_the_practice_only_those_who_chose_it_are_nudged(
    practice: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    off = WeekDefaults(nudges_on=False)
    practice.services.leads.set_week_defaults(caller(ADMIN), off)
    assert nudged(practice, fake_slack, clock, MONDAY) == {SALARIED_GP_2}
    assert nudged(practice, fake_slack, clock, WEDNESDAY) == {SALARIED_GP_2}
    assert practice.services.nudges.waiting()[0] == 0
    assert not practice.services.preferences.get(caller(SALARIED_GP)).nudges_on  # what they see
    assert practice.services.preferences.get(caller(SALARIED_GP_2)).nudges_on


def test_check_ins_on_for_the_practice_reach_those_who_chose_nothing(
    practice: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    on = WeekDefaults(checkins_on=True, weekday=0, hour=13)
    practice.services.leads.set_week_defaults(caller(ADMIN), on)
    clock.set(at(MONDAY, time(12, 45), LONDON))  # a free moment, before the practice's
    practice.services.checkins.run()
    assert count(practice, "checkins") == 0
    clock.set(at(MONDAY, time(13, 15), LONDON))
    practice.services.checkins.run()
    with practice.engine.connect() as conn:
        asked = {u for (u,) in conn.exec_driver_sql("SELECT user_id FROM checkins")}
    assert {SALARIED_GP, PARTNER_OWNER} <= asked
    assert not asked & {SALARIED_GP_2, ADMIN}  # they chose their own: check-ins stay off


def test_a_non_lead_cannot_change_the_defaults_or_open_the_form(
    practice: Assembly, fake_slack: FakeSlack
) -> None:
    before = every_value(practice, skip=(*ROSTER, "audit_log"))
    row = defaults_row(practice)
    audits = count(practice, "audit_log")
    with pytest.raises(Refused, match=core_words.ONLY_LEADS):
        practice.services.leads.set_week_defaults(caller(TRAINEE), WeekDefaults(nudges_on=False))
    catalogue = practice.services.catalogue
    forged = flow.submit(catalogue, caller(TRAINEE), WEEK_FORM, {}, FORM, "forged")
    tapped = flow.tap(catalogue, caller(TRAINEE), LeadAction.WEEK_DEFAULTS, "")
    for outcome in (forged, tapped):
        words = outcome.text.words() if isinstance(outcome, flow.Problem) else ""
        if isinstance(outcome, flow.Done):
            words = outcome.said.text.words()
        assert words == core_words.ONLY_LEADS
    assert defaults_row(practice) == row
    assert every_value(practice, skip=(*ROSTER, "audit_log")) == before
    assert count(practice, "audit_log") == audits + 3
    assert count(practice, "audit_log", "action = 'refused:week_defaults.set'") == 2
    assert count(practice, "audit_log", f"actor = '{TRAINEE}'") == 3


@pytest.mark.parametrize(
    ("field", "value"), [("day", "6"), ("hour", "23"), ("nudges", "maybe"), ("hour", "")]
)
def test_bad_answers_are_refused_kindly_under_their_field_and_change_nothing(
    practice: Assembly, field: str, value: str
) -> None:
    row, audits = defaults_row(practice), count(practice, "audit_log")
    answers = {**FORM, field: value}
    outcome = flow.submit(practice.services.catalogue, caller(ADMIN), WEEK_FORM, {}, answers, "b")
    assert isinstance(outcome, flow.Problem) and outcome.field == field
    assert defaults_row(practice) == row
    assert count(practice, "audit_log") == audits
    with pytest.raises(Refused, match=wording.BAD_DEFAULT_HOUR):
        practice.services.leads.set_week_defaults(caller(ADMIN), WeekDefaults(hour=8))


def test_home_shows_the_practice_defaults_and_the_form_opens_with_them(
    practice: Assembly,
) -> None:
    practice.services.leads.set_week_defaults(caller(ADMIN), WeekDefaults(weekday=3, hour=14))
    page = practice.services.home(caller(ADMIN))
    buttons = [c for c in page.controls() if isinstance(c, Button)]
    assert LeadAction.WEEK_DEFAULTS in [b.action for b in buttons]
    assert "From Thursday at 14:00" in page_words(practice, ADMIN)
    outcome = flow.tap(practice.services.catalogue, caller(ADMIN), LeadAction.WEEK_DEFAULTS, "")
    assert isinstance(outcome, flow.Open)
    initial = {f.name: f.initial for f in outcome.form.fields}
    assert initial == {"nudges": "on", "checkins": "off", "day": "3", "hour": "14"}
    member = practice.services.home(caller(SALARIED_GP))
    assert LeadAction.WEEK_DEFAULTS not in [getattr(c, "action", "") for c in member.controls()]


def page_words(assembly: Assembly, user: str) -> str:
    console = assembly.services.leads.console(caller(user))
    assert console is not None
    d = console.defaults
    return wording.week_defaults_line(d.nudges_on, d.checkins_on, d.weekday, d.hour)
