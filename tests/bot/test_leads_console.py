"""The leads' console: who leads (never nobody), the practice's settings, closures, the audit
log that never names who was refused, and every lead-only action or form, found in the
catalogue, replayed by a non-lead: refused, audited, nothing else changed."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.core.values import Platform, SpacePurpose
from bot.core.week import Closure, DayPart, SlotKind
from bot.leads import wording
from bot.leads.values import LeadAction
from bot.protected_time import wording as pt_words
from bot.protected_time.service import SlotRequest
from bot.ui import flow
from bot.ui.forms import FieldKind, Raw
from bot.ui.page import Select
from tests.callers import ROSTER, caller, count, every_value, set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TEAM_ID, TRAINEE

REFUSALS = {core_words.ONLY_LEADS, pt_words.PT_ONLY_LEADS}
VALUES = {  # a plausible value for each lead-only tap a forger might send
    LeadAction.REMOVE_LEAD: ADMIN,
    LeadAction.REMOVE_CLOSURE: "2026-12-09",
    LeadAction.RANT_DAYS: "3",
    LeadAction.ANONYMOUS_RANTS: "no",
    LeadAction.ANONYMOUS_ADVICE: "no",
    "protected_time.region": "scotland",
    "protected_time.remove": "1",
}
MUST_REFUSE = {  # the least the catalogue must show to be lead-only
    *(str(a) for a in VALUES),
    str(LeadAction.ADD_LEAD),
    str(LeadAction.CHART),
    str(LeadAction.CSV),
    str(LeadAction.REVIEW),
    str(LeadAction.AUDIT),
    str(LeadAction.WEEK_DEFAULTS),
    "leads.lead_form",
    "leads.week_form",
    "setup_form",
    "protected_time.slot_form",
    "protected_time.closure_form",
}
NOT_REPLAYED = {"setup.create"}  # creates channels on Slack: covered by test_leads.py


def answers_for(assembly: Assembly, form_id: str) -> dict[str, Raw]:
    """What a forger would send: a plausible answer to every field of the form."""
    built = assembly.services.catalogue.forms[form_id].build(caller(ADMIN), {})
    by_kind: dict[FieldKind, Raw] = {
        FieldKind.TEXT: "A quiet word",
        FieldKind.PERSON: SALARIED_GP,
        FieldKind.CHANNEL: "C0GENERAL",
        FieldKind.DATE: "2026-12-10",
        FieldKind.TIME: "12:30",
        FieldKind.YES_NO: "yes",
    }
    raw: dict[str, Raw] = {}
    for f in built.fields:
        if f.kind in (FieldKind.CHOICE, FieldKind.CHOICES):
            first = f.initial or f.choices[0][0]
            raw[f.name] = first if f.kind is FieldKind.CHOICE else [str(first)]
        else:
            raw[f.name] = by_kind[f.kind]
    return raw


def replay(assembly: Assembly, entry: str, who: str, key: str) -> str:
    """Run a tap or form as `who`; the words they were shown."""
    catalogue = assembly.services.catalogue
    if entry in catalogue.taps:
        outcome = flow.tap(catalogue, caller(who), entry, VALUES.get(entry, "1"))
    else:
        outcome = flow.submit(catalogue, caller(who), entry, {}, answers_for(assembly, entry), key)
    if isinstance(outcome, flow.Done):
        return outcome.said.text.words()
    return outcome.text.words() if isinstance(outcome, flow.Problem) else ""


@pytest.fixture
def console(assembly: Assembly) -> Assembly:
    set_up(assembly)
    with assembly.services.outbox.uow() as tx:
        tx.closures.add(Closure(1, date(2026, 12, 9), DayPart.PM, "plt"))
    coffee = SlotRequest(0, time(12, 30), 15, 1, "C0GENERAL", SlotKind.COFFEE)
    assembly.services.protected_time.add_slot(caller(ADMIN), request=coffee)  # one to remove
    return assembly


def test_every_lead_only_entry_in_the_catalogue_refuses_a_non_lead_and_changes_nothing(
    console: Assembly, fake_slack: FakeSlack
) -> None:
    catalogue = console.services.catalogue
    entries = sorted({*catalogue.taps, *catalogue.forms} - NOT_REPLAYED)
    refused = set()
    for n, entry in enumerate(entries):
        before = every_value(console, skip=(*ROSTER, "audit_log", "outbox", "processed_events"))
        audits = count(console, "audit_log")
        try:
            said = replay(console, entry, TRAINEE, f"forged-{n}")
        except ValueError:  # another capability's button, fed a value it never sends
            continue
        if said not in REFUSALS:
            continue
        refused.add(entry)
        after = every_value(console, skip=(*ROSTER, "audit_log", "outbox", "processed_events"))
        assert after == before, entry
        if entry in catalogue.forms or entry.startswith("leads."):
            assert count(console, "audit_log") == audits + 1, entry  # the refusal, recorded
    assert refused >= MUST_REFUSE, sorted(MUST_REFUSE - refused)
    insights = "substr(dedupe_key, 1, 8) = 'insights'"
    assert count(console, "outbox", insights) == 0  # no chart, no figures went out


def test_a_lead_adds_a_colleague_who_is_told_and_it_shows_in_the_audit_log(
    console: Assembly,
) -> None:
    console.services.leads.add_lead(caller(ADMIN), SALARIED_GP)
    assert console.services.practices.home(caller(SALARIED_GP)).is_lead
    assert count(console, "outbox", f"target = '{SALARIED_GP}'") == 1  # "you now lead"
    with pytest.raises(Refused, match=wording.ALREADY_A_LEAD):
        console.services.leads.add_lead(caller(ADMIN), SALARIED_GP)
    with pytest.raises(Refused, match=core_words.ONLY_LEADS):
        console.services.leads.add_lead(caller(TRAINEE), TRAINEE)
    lines = [t.words() for t in console.services.leads.full_audit(caller(ADMIN))]
    assert any("lead added" in line for line in lines)
    refusal = next(line for line in lines if "tried to" in line)
    assert refusal.startswith(refusal[:12]) and wording.SOMEONE in refusal
    assert TRAINEE not in " ".join(lines)  # never named


def test_never_the_last_lead(console: Assembly) -> None:
    leads = console.services.leads
    leads.remove_lead(caller(ADMIN), PARTNER_OWNER)
    with pytest.raises(Refused, match=wording.LAST_LEAD):
        leads.remove_lead(caller(ADMIN), ADMIN)
    with pytest.raises(Refused, match=wording.LAST_LEAD):
        leads.operator(Platform.SLACK, TEAM_ID, "remove", ADMIN)
    assert leads.operator(Platform.SLACK, TEAM_ID, "add", TRAINEE) == [ADMIN, TRAINEE]
    assert leads.operator(Platform.SLACK, TEAM_ID, "list") == [ADMIN, TRAINEE]


def test_settings_closures_and_anonymity_from_home(console: Assembly) -> None:
    leads = console.services.leads
    page = console.services.home(caller(ADMIN))
    selects = {c.action: c for c in page.controls() if isinstance(c, Select)}
    assert selects[LeadAction.RANT_DAYS].current == "7"
    removes = [c for c in page.controls() if getattr(c, "action", "") == LeadAction.REMOVE_CLOSURE]
    assert [c.value for c in removes] == ["2026-12-09"]
    leads.set_rant_days(caller(ADMIN), 1)
    leads.set_anonymous(caller(ADMIN), SpacePurpose.RANTS, False)
    leads.remove_closure(caller(ADMIN), "2026-12-09")
    assert count(console, "closures") == 0
    outcome = flow.submit(
        console.services.catalogue,
        caller(SALARIED_GP),
        "rant",
        {},
        {"text": "An awful morning", "destination": "space_anonymous", "colleague": ""},
        "anon-1",
    )
    assert isinstance(outcome, flow.Problem) and outcome.field == "destination"
    assert outcome.text.words() == wording.ANONYMOUS_OFF
    assert count(console, "rants") == 0
    page = console.services.home(caller(SALARIED_GP))  # not a lead: no console at all
    assert not [c for c in page.controls() if str(getattr(c, "action", "")).startswith("leads.r")]
    with console.engine.connect() as conn:
        actions = [a for (a,) in conn.exec_driver_sql("SELECT action FROM audit_log")]
    assert {"rant_days.set", "anonymous.set", "closure.removed"} <= set(actions)


def test_shorter_retention_brings_shared_rants_down_sooner(console: Assembly) -> None:
    from bot.rants.service import RantRequest
    from bot.rants.values import RantDestination

    request = RantRequest("Long clinic", RantDestination.SPACE)
    console.services.rants.submit(caller(SALARIED_GP), request=request, key="r1")
    console.services.leads.set_rant_days(caller(ADMIN), 1)
    with console.engine.connect() as conn:
        made, expires = conn.exec_driver_sql("SELECT created_at, expires_at FROM rants").one()
    made, expires = (
        v if isinstance(v, datetime) else datetime.fromisoformat(v) for v in (made, expires)
    )
    assert (expires - made).days == 1
    with console.engine.connect() as conn:
        detail = conn.exec_driver_sql(
            "SELECT detail FROM audit_log WHERE action = 'rant_days.set'"
        ).scalar_one()
    assert json.loads(detail) == {"days": 1}
