"""Rant, once, at the domain: where it goes, what it leaves behind, and what the guard stops.

Each platform's adapter is tested for translation only; the rules live here, on real storage.
"""

from __future__ import annotations

import logging

import pytest

from bot.app.assembly import Assembly
from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.rants import wording
from bot.rants.service import RantRequest
from bot.rants.values import RantAction, RantDestination
from bot.safety.checks import Unsafe
from bot.ui import flow
from tests.callers import caller, count, every_value, set_up, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, LOCUM_GUEST, PARTNER_OWNER, SALARIED_GP, TRAINEE

WORDS = "Third home visit request after 6pm and the printer has jammed again"
IDENTIFIERS = ["943 476 5919", "9434765919", "943-476-5919", "DOB 12/03/1961", "SW1A 1AA"]


def rant(
    assembly: Assembly,
    user: str,
    destination: RantDestination,
    text: str = WORDS,
    *,
    colleague: str = "",
    key: str = "k1",
) -> str:
    """Submit a rant and let the outbox send it; returns where it went (for the confirmation)."""
    request = RantRequest(text, destination, colleague)
    outcome = assembly.services.rants.submit(caller(user), request=request, key=key)
    assembly.services.outbox.drain()
    return outcome.where


def dms(fake: FakeSlack, user: str) -> list[dict]:
    return fake.messages(fake.dm_channel(user))


def test_an_anonymous_rant_leaves_no_trace_of_its_author_in_any_table(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    assert rant(assembly, TRAINEE, RantDestination.SPACE_ANONYMOUS) == "coffee-room"
    (posted,) = fake_slack.messages("C0RANTS")
    assert WORDS in posted["text"] and TRAINEE not in str(posted)
    stored = every_value(assembly)
    assert TRAINEE not in stored and "Rahman" not in stored
    assert fake_slack.dm_channel(TRAINEE) not in stored
    assert WORDS not in stored  # delivered, so the outbox forgot the words
    assert count(assembly, "rants", "author_sealed IS NOT NULL") == 1  # sealed, not readable


def test_a_named_rant_is_shown_and_kept_with_its_author(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    """The anonymity test above would pass if nothing were ever stored: this one shows it is."""
    set_up(assembly)
    rant(assembly, SALARIED_GP, RantDestination.SPACE)
    (posted,) = fake_slack.messages("C0RANTS")
    assert f"<@{SALARIED_GP}>" in posted["text"]
    assert SALARIED_GP in every_value(assembly)


def test_a_one_tap_reply_reaches_the_anonymous_author_privately_and_once(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    rant(assembly, TRAINEE, RantDestination.SPACE_ANONYMOUS)
    (posted,) = fake_slack.messages("C0RANTS")
    rant_id = posted["blocks"][-1]["elements"][0]["value"]
    rants = assembly.services.rants
    said = rants.reply(caller(PARTNER_OWNER), rant_id=rant_id, action=RantAction.HEAR_YOU)
    assert said == wording.REPLY_SENT and TRAINEE not in said
    again = rants.reply(caller(PARTNER_OWNER), rant_id=rant_id, action=RantAction.HEAR_YOU)
    assert again == core_words.REPLY_ALREADY_SENT
    assembly.services.outbox.drain()
    (relayed,) = dms(fake_slack, TRAINEE)
    assert f"<@{PARTNER_OWNER}> read your rant and says: I hear you." in relayed["text"]
    stored = every_value(assembly)
    assert TRAINEE not in stored and fake_slack.dm_channel(TRAINEE) not in stored
    assert count(assembly, "contacts") == 0  # an anonymous rant links nobody to its author


def test_the_author_cannot_reply_to_their_own_rant(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    rant(assembly, TRAINEE, RantDestination.SPACE_ANONYMOUS)
    rant_id = fake_slack.messages("C0RANTS")[0]["blocks"][-1]["elements"][0]["value"]
    with pytest.raises(Refused, match=wording.OWN_RANT):
        assembly.services.rants.reply(caller(TRAINEE), rant_id=rant_id, action=RantAction.COFFEE)


def test_a_rant_to_a_colleague_reaches_only_them(assembly: Assembly, fake_slack: FakeSlack) -> None:
    set_up(assembly)
    where = rant(assembly, SALARIED_GP, RantDestination.COLLEAGUE, colleague=ADMIN)
    assert where == "Dr Tom Okafor"
    (dm,) = dms(fake_slack, ADMIN)
    assert WORDS in dm["text"] and f"<@{SALARIED_GP}>" in dm["text"]
    assert fake_slack.messages("C0RANTS") == []
    assert len(fake_slack.calls("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("colleague", "refusal"),
    [
        ("", core_words.PICK_A_COLLEAGUE),
        (SALARIED_GP, core_words.NOT_YOURSELF),
        ("U0NOBODY", core_words.NOT_A_COLLEAGUE),
    ],
)
def test_a_rant_to_a_colleague_needs_a_colleague(
    assembly: Assembly, fake_slack: FakeSlack, colleague: str, refusal: str
) -> None:
    set_up(assembly)
    before = every_value(assembly)
    with pytest.raises(Refused) as refused:
        rant(assembly, SALARIED_GP, RantDestination.COLLEAGUE, colleague=colleague)
    assert (refused.value.text, refused.value.field) == (refusal, "colleague")
    assert every_value(assembly) == before
    assert fake_slack.calls("chat.postMessage") == []


def test_just_letting_it_out_sends_and_keeps_nothing(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    before = every_value(assembly)
    rant(assembly, SALARIED_GP, RantDestination.JUST_OUT)
    assert fake_slack.calls("chat.postMessage") == []
    assert every_value(assembly) == before


@pytest.mark.parametrize("destination", [RantDestination.SPACE, RantDestination.SPACE_ANONYMOUS])
def test_a_resubmitted_rant_is_posted_once(
    assembly: Assembly, fake_slack: FakeSlack, destination: RantDestination
) -> None:
    set_up(assembly)
    for _ in range(3):  # the original and two retries of the same submission
        rant(assembly, TRAINEE, destination, key="form-1")
    assert len(fake_slack.messages("C0RANTS")) == 1
    assert count(assembly, "rants") == 1
    rant(assembly, TRAINEE, destination, key="form-2")  # a new submission is a new rant
    assert len(fake_slack.messages("C0RANTS")) == 2


@pytest.mark.parametrize("identifier", IDENTIFIERS)
@pytest.mark.parametrize(
    "destination",
    [RantDestination.SPACE, RantDestination.SPACE_ANONYMOUS, RantDestination.COLLEAGUE],
)
def test_patient_details_stop_a_rant_and_nothing_is_kept(
    assembly: Assembly, fake_slack: FakeSlack, identifier: str, destination: RantDestination
) -> None:
    set_up(assembly)
    before = every_value(assembly)
    words = f"Furious about the pt {identifier} whose results went missing"
    with pytest.raises(Unsafe) as unsafe:
        rant(assembly, SALARIED_GP, destination, words, colleague=ADMIN)
    assert identifier not in str(unsafe.value) and identifier not in unsafe.value.explanation
    assert fake_slack.calls("chat.postMessage") == []
    assert every_value(assembly) == before


@pytest.mark.parametrize("identifier", IDENTIFIERS)
def test_a_guarded_rant_form_comes_back_redacted_with_the_reason(
    assembly: Assembly, identifier: str
) -> None:
    set_up(assembly)
    before = every_value(assembly)
    words = f"Furious about the pt {identifier} whose results went missing"
    raw = {"text": words, "destination": "space", "colleague": ""}
    outcome = flow.submit(assembly.services.catalogue, caller(SALARIED_GP), "rant", {}, raw, "v1")
    assert isinstance(outcome, flow.Again)
    text = outcome.form.field("text")
    assert text is not None and isinstance(text.initial, str)
    assert "[removed]" in text.initial and identifier not in text.initial
    assert "whose results went missing" in text.initial  # the rest of their words are kept
    assert "patient details" in outcome.form.notice.words()
    assert outcome.form.field("destination").initial == "space"  # type: ignore[union-attr]
    assert every_value(assembly) == before


def test_crisis_words_get_private_help_and_the_rant_still_goes(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    words = "I honestly want to end it all, I can't keep doing this"
    request = RantRequest(words, RantDestination.SPACE)
    outcome = assembly.services.rants.submit(caller(SALARIED_GP), request=request, key="k")
    assembly.services.outbox.drain()
    assert outcome.signposted
    assert len(fake_slack.messages("C0RANTS")) == 1
    (dm,) = dms(fake_slack, SALARIED_GP)
    assert "0300 0303 300" in dm["text"] and "nobody else has been told" in dm["text"]
    others = [dms(fake_slack, u) for u in (ADMIN, PARTNER_OWNER, TRAINEE, LOCUM_GUEST)]
    assert others == [[], [], [], []]  # nothing escalated to anyone


def test_everyday_hyperbole_is_left_alone(assembly: Assembly, fake_slack: FakeSlack) -> None:
    set_up(assembly)
    request = RantRequest("This rota is killing me", RantDestination.SPACE)
    outcome = assembly.services.rants.submit(caller(SALARIED_GP), request=request, key="k")
    assembly.services.outbox.drain()
    assert not outcome.signposted
    assert dms(fake_slack, SALARIED_GP) == []
    assert len(fake_slack.messages("C0RANTS")) == 1


def test_before_setup_a_shared_rant_is_refused_and_the_leads_are_asked_once_a_day(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    synced(assembly)
    for key in ("k1", "k2"):
        with pytest.raises(Refused, match="your practice lead needs to choose the channels"):
            rant(assembly, SALARIED_GP, RantDestination.SPACE, key=key)
    assert count(assembly, "rants") == 0
    assembly.services.outbox.drain()  # the request to the leads was kept, though the rant was not
    for lead in (ADMIN, PARTNER_OWNER):
        (asked,) = dms(fake_slack, lead)
        assert "isn't set up yet" in asked["text"]
    assert dms(fake_slack, SALARIED_GP) == []


def test_no_words_reach_the_log(
    assembly: Assembly, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    set_up(assembly)
    fake_slack.fail_next("chat.postMessage", status=500)
    rant(assembly, TRAINEE, RantDestination.SPACE_ANONYMOUS)
    with pytest.raises(Unsafe):
        rant(assembly, SALARIED_GP, RantDestination.SPACE, f"{WORDS} DOB 01/02/1950", key="k2")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged  # something was logged (the 500), just none of the words
    assert "printer" not in logged and "1950" not in logged and TRAINEE not in logged
