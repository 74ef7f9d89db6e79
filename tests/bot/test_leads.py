"""Lead-only settings, once, at the domain: who the leads are, and every lead-only change
refused (with nothing changed, joined or created) when a non-lead replays it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, time

import pytest
from sqlalchemy import text

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.core.calendar import Region
from bot.core.errors import Refused
from bot.core.values import Platform, SpacePurpose
from bot.core.week import DayPart, SlotKind
from bot.practices import wording as practices_words
from bot.protected_time import wording as protected_time_words
from bot.protected_time.service import SlotRequest
from bot.ui import flow
from tests.callers import ROSTER, SPACES, caller, count, every_value, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, LOCUM_GUEST, PARTNER_OWNER, SALARIED_GP, TRAINEE

COFFEE = SlotRequest(0, time(12, 30), 15, 1, "C0GENERAL", SlotKind.COFFEE)


def audited(assembly: Assembly, action: str) -> list[tuple[str, dict[str, object]]]:
    with assembly.engine.connect() as conn:
        found = conn.execute(
            text("SELECT actor, detail FROM audit_log WHERE action = :action ORDER BY id"),
            {"action": action},
        ).all()
    return [(actor, json.loads(detail)) for actor, detail in found]


def test_leads_are_seeded_from_owners_and_admins_once(assembly: Assembly) -> None:
    report = assembly.services.practices.sync_roster(Platform.SLACK, assembly.slack_directory())
    assert report.leads_seeded == 2
    view = assembly.services.practices.home(caller(SALARIED_GP))
    assert sorted(view.leads) == sorted([ADMIN, PARTNER_OWNER]) and not view.is_lead
    assert assembly.services.practices.home(caller(ADMIN)).is_lead
    synced(assembly)  # a later sync seeds nobody more
    assert [d["why"] for _, d in audited(assembly, "leads.seeded")] == ["owners and admins"]


def test_a_lead_chooses_the_channels_the_bot_joins_them_and_it_is_audited(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    view = assembly.services.practices.set_spaces(caller(ADMIN), dict(SPACES))
    assert {p: s.name for p, s in view.spaces.items()} == {
        SpacePurpose.RANTS: "coffee-room",
        SpacePurpose.ADVICE: "run-it-past",
    }
    joined = sorted(c.body["channel"] for c in fake_slack.calls("conversations.join"))
    assert joined == ["C0ADVICE", "C0RANTS"]
    assert audited(assembly, "spaces.set") == [(ADMIN, {"rants": "C0RANTS", "advice": "C0ADVICE"})]


def test_a_lead_can_have_the_channels_created(assembly: Assembly, fake_slack: FakeSlack) -> None:
    synced(assembly)
    view = assembly.services.practices.create_spaces(caller(PARTNER_OWNER))
    created = sorted(c.body["name"] for c in fake_slack.calls("conversations.create"))
    assert created == ["coffee-room", "run-it-past"]
    # The names were taken in the fake workspace: the existing channels are used, not doubled.
    assert {p: s.channel_id for p, s in view.spaces.items()} == SPACES


@pytest.mark.parametrize(
    "channels",
    [{SpacePurpose.RANTS: "C0RANTS"}, {SpacePurpose.RANTS: "C0RANTS", SpacePurpose.ADVICE: ""}],
)
def test_both_channels_are_needed(
    assembly: Assembly, fake_slack: FakeSlack, channels: dict[SpacePurpose, str]
) -> None:
    synced(assembly)
    with pytest.raises(Refused, match=practices_words.SETUP_NEEDS_BOTH):
        assembly.services.practices.set_spaces(caller(ADMIN), channels)
    assert fake_slack.calls("conversations.join") == []
    assert count(assembly, "spaces") == 0


def _set_spaces(assembly: Assembly, who: str) -> None:
    assembly.services.practices.set_spaces(caller(who), dict(SPACES))


def _create_spaces(assembly: Assembly, who: str) -> None:
    assembly.services.practices.create_spaces(caller(who))


def _add_slot(assembly: Assembly, who: str) -> None:
    assembly.services.protected_time.add_slot(caller(who), request=COFFEE)


def _remove_slot(assembly: Assembly, who: str) -> None:
    assembly.services.protected_time.remove_slot(caller(who), slot_id=1)


def _add_closure(assembly: Assembly, who: str) -> None:
    assembly.services.protected_time.add_closure(
        caller(who), closure_day=date(2026, 12, 9), part=DayPart.PM, reason="plt"
    )


def _set_region(assembly: Assembly, who: str) -> None:
    assembly.services.protected_time.set_region(caller(who), region=Region.SCOTLAND)


REFUSED_AS = {
    "set_spaces": "spaces.set",
    "create_spaces": "spaces.create",
    "add_slot": "slot.add",
    "remove_slot": "slot.remove",
    "add_closure": "closure.add",
    "set_region": "region.set",
}
LEAD_ONLY: dict[str, Callable[[Assembly, str], None]] = {
    "set_spaces": _set_spaces,
    "create_spaces": _create_spaces,
    "add_slot": _add_slot,
    "remove_slot": _remove_slot,
    "add_closure": _add_closure,
    "set_region": _set_region,
}


@pytest.mark.parametrize("who", [TRAINEE, SALARIED_GP, LOCUM_GUEST])
@pytest.mark.parametrize("change", list(LEAD_ONLY))
def test_a_non_lead_replaying_a_lead_only_change_changes_nothing_but_the_audit_log(
    assembly: Assembly, fake_slack: FakeSlack, change: str, who: str
) -> None:
    synced(assembly)
    _add_slot(assembly, ADMIN)  # something to remove
    fake_slack.clear()
    before = every_value(assembly, skip=(*ROSTER, "audit_log"))
    audited = count(assembly, "audit_log")
    with pytest.raises(Refused, match=core_words.ONLY_LEADS):
        LEAD_ONLY[change](assembly, who)
    assert every_value(assembly, skip=(*ROSTER, "audit_log")) == before
    assert count(assembly, "audit_log") == audited + 1  # who tried what, and when
    with assembly.engine.connect() as conn:
        actor, action, detail = conn.exec_driver_sql(
            "SELECT actor, action, detail FROM audit_log ORDER BY id DESC LIMIT 1"
        ).one()
    assert (actor, action) == (who, f"refused:{REFUSED_AS[change]}")
    assert "not a lead" in str(detail)
    touched = {c.method for c in fake_slack.calls()} & {
        "conversations.join",
        "conversations.create",
        "chat.postMessage",
    }
    assert touched == set()  # refused before the bot joined or created anything


@pytest.mark.parametrize("change", list(LEAD_ONLY))
def test_each_lead_only_change_works_for_a_lead(
    assembly: Assembly, fake_slack: FakeSlack, change: str
) -> None:
    """The refusals above are for non-leads only: the same calls by a lead change something."""
    synced(assembly)
    _add_slot(assembly, ADMIN)
    before = every_value(assembly)
    LEAD_ONLY[change](assembly, ADMIN)
    assert every_value(assembly) != before


def test_a_lead_who_stops_being_one_is_refused(assembly: Assembly) -> None:
    synced(assembly)
    with assembly.services.outbox.uow() as tx:
        tx.leads.remove(1, ADMIN)
    with pytest.raises(Refused, match=core_words.ONLY_LEADS):
        _add_slot(assembly, ADMIN)
    assert count(assembly, "protected_slots") == 0


@pytest.mark.parametrize(
    ("action", "refusal"),
    [
        ("setup.choose", core_words.ONLY_LEADS),
        ("setup.create", core_words.ONLY_LEADS),
        ("protected_time.add", protected_time_words.PT_ONLY_LEADS),
        ("protected_time.closure", protected_time_words.PT_ONLY_LEADS),
        ("protected_time.region", core_words.ONLY_LEADS),
        ("protected_time.remove", core_words.ONLY_LEADS),
    ],
)
def test_a_non_lead_is_not_shown_lead_only_forms_and_taps_change_nothing(
    assembly: Assembly, fake_slack: FakeSlack, action: str, refusal: str
) -> None:
    synced(assembly)
    _add_slot(assembly, ADMIN)
    before = every_value(assembly, skip=(*ROSTER, "audit_log"))
    value = {"protected_time.region": "scotland", "protected_time.remove": "1"}.get(action, "")
    outcome = flow.tap(assembly.services.catalogue, caller(TRAINEE), action, value)
    assert isinstance(outcome, flow.Done)  # not a form
    assert outcome.said.text.words() == refusal
    assert every_value(assembly, skip=(*ROSTER, "audit_log")) == before
    assert fake_slack.calls("conversations.create") == []


FORGED = {
    "setup_form": {"rants": "C0GENERAL", "advice": "C0GENERAL"},
    "protected_time.slot_form": {
        "day": "0",
        "start": "12:30",
        "length": "15",
        "repeat": "1",
        "first": "",
        "channel": "C0GENERAL",
        "kind": "coffee",
    },
    "protected_time.closure_form": {"day": "2026-12-09", "part": "pm", "reason": "plt"},
    "protected_time.region_form": {"region": "scotland"},
}


@pytest.mark.parametrize("form", list(FORGED))
def test_a_forged_lead_only_form_from_a_non_lead_is_refused_under_a_field(
    assembly: Assembly, fake_slack: FakeSlack, form: str
) -> None:
    synced(assembly)
    before = every_value(assembly, skip=(*ROSTER, "audit_log"))
    catalogue = assembly.services.catalogue
    outcome = flow.submit(catalogue, caller(TRAINEE), form, {}, FORGED[form], "forged-1")
    assert isinstance(outcome, (flow.Problem, flow.Done))
    said = outcome.text.words() if isinstance(outcome, flow.Problem) else outcome.said.text.words()
    assert said == core_words.ONLY_LEADS
    assert every_value(assembly, skip=(*ROSTER, "audit_log")) == before
    assert fake_slack.calls("conversations.join") == []
    lead = flow.submit(catalogue, caller(ADMIN), form, {}, FORGED[form], "lead-1")
    assert isinstance(lead, flow.Done)  # the same answers from a lead are taken
    assert every_value(assembly) != before
