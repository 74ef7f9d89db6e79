"""Seals die with the post: once an anonymous rant or question expires, no table holds anything
that can be opened (with the key) to learn who wrote it, who answered, or who was relayed to."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from bot.advice.service import QuestionRequest
from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.rants.service import RantRequest
from bot.rants.values import RantAction, RantDestination
from storage.tables import Base
from tests.callers import caller, set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE


def openable(assembly: Assembly) -> list[str]:
    """Every stored value that the key opens: a seal that still exists, table by table."""
    cipher = assembly.services.rants.cipher
    found = []
    with assembly.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(text(f'SELECT * FROM "{table.name}"')):
                for value in row:
                    if isinstance(value, str) and value.startswith("gAAAA"):
                        try:
                            found.append(f"{table.name}: {cipher.open(value)}")
                        except Exception:  # noqa: BLE001 - not a token of ours: not a seal
                            continue
    return found


def test_an_anonymous_rants_seals_die_when_it_leaves_the_channel(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    request = RantRequest("Rota chaos", RantDestination.SPACE_ANONYMOUS)
    assembly.services.rants.submit(caller(TRAINEE), request=request, key="r")
    assembly.services.outbox.drain()
    rant_id = fake_slack.messages("C0RANTS")[0]["blocks"][-1]["elements"][0]["value"]
    assembly.services.rants.reply(caller(ADMIN), rant_id=rant_id, action=RantAction.COFFEE)
    assembly.services.outbox.drain()
    assert any(TRAINEE in s for s in openable(assembly))  # the control: sealed while it lives
    clock.set(clock.now() + timedelta(days=8))  # expired, but its sends are not yet forgotten
    assembly.services.retention.run()
    assert openable(assembly) == []


def test_an_anonymous_questions_seals_die_with_it(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    advice = assembly.services.advice
    question = QuestionRequest("Anyone using the new eRS template?", anonymous=True)
    advice.ask(caller(TRAINEE), request=question, key="q")
    assembly.services.outbox.drain()
    question_id = fake_slack.messages("C0ADVICE")[0]["blocks"][-1]["elements"][0]["value"]
    clock.set(clock.now() + timedelta(days=29))  # late answers: their sends are recent
    advice.answer(caller(SALARIED_GP), question_id=question_id, text="Yes", anonymous=True, key="a")
    advice.can_help(caller(PARTNER_OWNER), question_id=question_id)
    assembly.services.outbox.drain()
    sealed = openable(assembly)
    assert any(TRAINEE in s for s in sealed) and any(SALARIED_GP in s for s in sealed)
    clock.set(clock.now() + timedelta(days=1, hours=1))  # the question has expired
    assembly.services.retention.run()
    assert openable(assembly) == []
