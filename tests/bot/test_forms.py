"""Forms as data, at the domain: a bad answer is refused under its own field and changes nothing,
whatever surface it came from (a Slack picker, a Teams card, a typed line in the chat)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.ui import flow
from tests.callers import caller, every_value, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN

SLOT = {
    "day": "1",
    "start": "10:30",
    "length": "15",
    "repeat": "1",
    "first": "",
    "channel": "C0GENERAL",
    "kind": "coffee",
}
CLOSURE = {"day": "2026-12-09", "part": "pm", "reason": "plt"}


@pytest.mark.parametrize(
    ("form", "raw", "field", "refusal"),
    [
        ("protected_time.slot_form", {**SLOT, "start": "25:61"}, "start", core_words.BAD_TIME),
        ("protected_time.slot_form", {**SLOT, "start": "half ten"}, "start", core_words.BAD_TIME),
        ("protected_time.slot_form", {**SLOT, "day": "9"}, "day", core_words.BAD_CHOICE),
        ("protected_time.slot_form", {**SLOT, "channel": ""}, "channel", core_words.FILL_THIS_IN),
        ("protected_time.closure_form", {**CLOSURE, "day": "9th December"}, "day",
         core_words.BAD_DATE),
        ("protected_time.closure_form", {**CLOSURE, "day": "31/02/2026"}, "day",
         core_words.BAD_DATE),
        ("protected_time.closure_form", {**CLOSURE, "day": ""}, "day", core_words.FILL_THIS_IN),
    ],
)  # fmt: skip
def test_a_bad_answer_is_refused_under_its_field_and_nothing_changes(
    assembly: Assembly,
    fake_slack: FakeSlack,
    form: str,
    raw: dict[str, str],
    field: str,
    refusal: str,
) -> None:
    synced(assembly)
    before = every_value(assembly)
    outcome = flow.submit(assembly.services.catalogue, caller(ADMIN), form, {}, raw, "k1")
    assert isinstance(outcome, flow.Problem)
    assert (outcome.field, outcome.text.words()) == (field, refusal)
    assert every_value(assembly) == before
    assert fake_slack.calls("conversations.join") == []


@pytest.mark.parametrize("typed", ["2026-12-09", "09/12/2026", "9.12.2026", "9-12-2026"])
def test_a_date_may_be_typed_the_uk_way(assembly: Assembly, typed: str) -> None:
    synced(assembly)
    raw = {**CLOSURE, "day": typed}
    catalogue = assembly.services.catalogue
    outcome = flow.submit(catalogue, caller(ADMIN), "protected_time.closure_form", {}, raw, "k")
    assert isinstance(outcome, flow.Done)
    with assembly.services.outbox.uow() as tx:
        (closure,) = tx.closures.between(1, date(2026, 12, 1), date(2026, 12, 31))
    assert (closure.day, closure.part, closure.reason) == (date(2026, 12, 9), "pm", "plt")
