"""Export and delete cover every table that holds a member id: a new column holding one fails
here until storage/repos/personal_data.py says what forgetting does to it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Integer, String, Table, Text, insert, select

from bot.app.assembly import Assembly
from bot.leads.values import LeadAction
from bot.ui import flow
from storage.repos.personal_data import FORMER, KEEP, PEOPLE
from storage.tables import Base
from tests.callers import caller, synced

MARKER = "U0MARKER"
# Every text column that does not hold a member's id, and why (checked to exist, too).
NOT_PERSON: dict[str, set[str]] = {
    "practices": {"platform", "workspace_id", "name", "timezone", "holiday_region", "channel_id"},
    "processed_events": {"key"},  # event ids, never who
    "members": {"name", "role"},
    "spaces": {"purpose", "channel_id", "name"},
    "outbox": {
        *("id", "dedupe_key", "platform", "kind", "payload", "notify_sealed", "status"),
        *("claimed_by", "sent_channel", "sent_ref", "last_error", "ref", "post"),
    },  # payload: words until sent (cleared); notify: sealed, opened by the service
    "audit_log": {"action", "detail"},  # detail: rewritten by forget
    "checkins": {"week"},
    "closures": {"part", "reason"},
    "nudges": {"week", "kind"},
    "preferences": {"sessions", "quiet_start", "quiet_end"},
    "protected_slots": {"channel_id", "channel_name", "kind", "start"},
    "slot_answers": {"phase", "answer"},
    "rants": {"id", "destination", "author_sealed"},  # sealed: opened by the service
    "questions": {"id", "asker_sealed", "topic", "urgency", "channel", "ref"},
    "answers": {"id", "question_id", "helper_sealed"},
    "pools": {"id", "due"},
    "pool_tasks": {"pool_id", "kind"},
    "mentor_profiles": {"interests"},
    "mentor_matches": {"status", "start"},
    "pairing_rounds": {"week"},
    "welcomes": {"status", "asked"},
    "reviews": {"baseline"},  # protected totals only
    "teams_conversations": {"conversation_id", "kind", "service_url", "tenant_id", "team_id"},
    "teams_installs": {"team_id", "name", "tenant_id", "service_url"},
    "teams_people": {"teams_id", "name", "chosen_team"},
    # Slack installs by OAuth (slack_sdk's columns): the workspace, the app and its bot; tokens.
    "slack_installations": {
        *("client_id", "app_id", "enterprise_id", "enterprise_name", "enterprise_url"),
        *("team_id", "team_name", "bot_token", "bot_id", "bot_user_id", "bot_scopes"),
        *("bot_refresh_token", "user_token", "user_scopes", "user_refresh_token", "token_type"),
        *("incoming_webhook_url", "incoming_webhook_channel", "incoming_webhook_channel_id"),
        "incoming_webhook_configuration_url",
    },
    "slack_bots": {
        *("client_id", "app_id", "enterprise_id", "enterprise_name", "team_id", "team_name"),
        *("bot_token", "bot_id", "bot_user_id", "bot_scopes", "bot_refresh_token"),
    },
    "slack_oauth_states": {"state"},
}


def text_columns(table: Table) -> set[str]:
    return {c.name for c in table.columns if isinstance(c.type, (String, Text))}


def test_every_text_column_is_a_member_id_that_is_covered_or_is_said_not_to_be_one() -> None:
    unknown = {
        f"{t.name}.{c}"
        for t in Base.metadata.sorted_tables
        for c in text_columns(t)
        if c not in PEOPLE.get(t.name, {}) and c not in NOT_PERSON.get(t.name, set())
    }
    assert unknown == set(), "say in personal_data.PEOPLE what forgetting does to these"


def _value(table: Table, column: Any, parents: dict[str, Any]) -> Any:
    if column.foreign_keys:
        return parents[next(iter(column.foreign_keys)).column.table.name]
    if column.name in PEOPLE.get(table.name, {}):
        return MARKER
    kind = column.type
    if isinstance(kind, Boolean):
        return column.name == "active"  # a member still here; every other flag off
    if isinstance(kind, DateTime):
        return datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2026, 11, 23)
    if isinstance(kind, Integer):
        return 1
    if (table.name, column.name) == ("members", "role"):
        return "not_set"
    if table.name == "audit_log" and column.name == "detail":
        return json.dumps({"lead": MARKER})
    return f"{table.name}-{column.name}"[: getattr(kind, "length", None) or 200]


def seed_everywhere(assembly: Assembly) -> None:
    """One row naming the marker in every column that can hold a member id."""
    parents: dict[str, Any] = {"practices": 1}
    with assembly.engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "practices":
                continue
            values = {
                c.name: _value(table, c, parents)
                for c in table.columns
                if not (c.primary_key and isinstance(c.type, Integer))
            }
            row = conn.execute(insert(table).values(values).returning(*table.primary_key))
            parents[table.name] = row.scalar_one()


def where_marker_is(assembly: Assembly) -> set[str]:
    found = set()
    with assembly.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                for key, value in row._asdict().items():
                    if isinstance(value, str) and MARKER in value:
                        found.add(f"{table.name}.{key}")
    return found


def test_export_and_delete_cover_every_column_holding_a_member_id(assembly: Assembly) -> None:
    synced(assembly)
    seed_everywhere(assembly)
    everywhere = where_marker_is(assembly)
    expected = {f"{t}.{c}" for t, cols in PEOPLE.items() for c in cols if t in Base.metadata.tables}
    assert expected <= everywhere | {"audit_log.actor"}
    held = assembly.services.data_rights.held(caller(MARKER))
    assert set(held.rows) == {t for t in PEOPLE if t in Base.metadata.tables}
    assembly.services.data_rights.delete(caller(MARKER))
    kept = {f"{t}.{c}" for t, cols in PEOPLE.items() for c, p in cols.items() if p == KEEP}
    assert where_marker_is(assembly) <= kept
    with assembly.engine.connect() as conn:
        actors = {a for (a,) in conn.exec_driver_sql("SELECT actor FROM audit_log")}
        details = [d for (d,) in conn.exec_driver_sql("SELECT detail FROM audit_log")]
    assert FORMER in actors and MARKER not in " ".join(details)
    after = assembly.services.data_rights.held(caller(MARKER)).rows
    assert set(after) <= {t for t, cols in PEOPLE.items() if KEEP in cols.values()}


def _exported(assembly: Assembly, user: str) -> dict[str, Any]:
    with assembly.engine.connect() as conn:
        payload = conn.exec_driver_sql(
            "SELECT payload FROM outbox WHERE kind = 'file' ORDER BY created_at DESC LIMIT 1"
        ).scalar_one()
    from base64 import b64decode

    document: dict[str, Any] = json.loads(b64decode(json.loads(payload)["file"]["data"]))
    assert document["you"] == user
    return document


@pytest.mark.parametrize("anonymous", [True, False])
def test_a_gp_exports_reads_deletes_and_then_holds_only_a_bare_membership(
    assembly: Assembly, anonymous: bool
) -> None:
    from bot.rants.service import RantRequest
    from bot.rants.values import RantDestination
    from tests.callers import set_up
    from tests.fakes.slack_roster import SALARIED_GP, TRAINEE

    set_up(assembly)
    where = RantDestination.SPACE_ANONYMOUS if anonymous else RantDestination.SPACE
    assembly.services.rants.submit(
        caller(SALARIED_GP), request=RantRequest("Long clinic", where), key="r1"
    )
    assembly.services.rants.submit(
        caller(TRAINEE), request=RantRequest("Mine", RantDestination.SPACE_ANONYMOUS), key="r2"
    )
    catalogue = assembly.services.catalogue
    flow.tap(catalogue, caller(SALARIED_GP), LeadAction.EXPORT, "")
    document = _exported(assembly, SALARIED_GP)
    assert len(document["anonymous_posts_still_linked_to_you"]) == int(anonymous)
    assert ("rants" in document["held"]) is not anonymous
    assert TRAINEE not in json.dumps(document)  # nothing about anyone else
    refused = flow.submit(
        catalogue, caller(SALARIED_GP), "leads.delete_form", {}, {"confirm": "no"}, "k0"
    )
    assert isinstance(refused, flow.Done) and "Nothing" in refused.said.text.words()
    outcome = flow.submit(
        catalogue, caller(SALARIED_GP), "leads.delete_form", {}, {"confirm": "yes"}, "k1"
    )
    assert isinstance(outcome, flow.Done)
    flow.tap(catalogue, caller(SALARIED_GP), LeadAction.EXPORT, "")
    after = _exported(assembly, SALARIED_GP)
    assert set(after["held"]) == {"members"} and after["anonymous_posts_still_linked_to_you"] == []
    with assembly.engine.connect() as conn:
        rants = conn.exec_driver_sql("SELECT count(*) FROM rants").scalar_one()
    assert rants == 2  # the practice's totals do not move
