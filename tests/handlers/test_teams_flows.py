"""Rant and run it past someone on Teams: cards in the personal chat, posts in channels,
dialogs under them, each step once however often Teams retries it."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from tests.fakes.teams_connector import FakeConnector
from tests.handlers import teams_activities as act
from tests.handlers.teams_harness import TeamsBot, fake_connector, teams_bot

__all__ = ["fake_connector", "teams_bot"]
RANT = "Eleven extras on the duty list and the heating's broken again"
QUESTION = "Is anyone else declining the new shared-care request for ADHD meds?"
ANSWER = "We are, until the LMC guidance lands; there's a template letter on the drive."


def ready(bot: TeamsBot) -> None:
    bot.install()
    bot.choose_spaces()
    bot.drain()


def typed(bot: TeamsBot, who: dict[str, str], words: str) -> dict[str, object]:
    bot.post(act.message(bot.fake.url, who, words))
    return bot.last_card()


def test_an_anonymous_rant_goes_to_the_rant_channel_once_with_no_trace_of_its_author(
    teams_bot: TeamsBot, fake_connector: FakeConnector, database_url: str
) -> None:
    ready(teams_bot)
    form = typed(teams_bot, act.GP, "rant")
    assert form["actions"][0]["type"] == "Action.Execute"
    inputs = {b.get("id") for b in form["body"]}
    assert {"field:text", "field:destination", "field:colleague"} <= inputs
    colleague = next(b for b in form["body"] if b.get("id") == "field:colleague")
    assert act.aad(act.GP) not in json.dumps(colleague["choices"])  # not oneself
    sent = act.filled(form, {"text": RANT, "destination": "space_anonymous", "colleague": ""})
    press = act.card_action(fake_connector.url, act.GP, sent)
    first = teams_bot.post(press)
    again = teams_bot.post(press)  # Teams retried the invoke
    assert first["type"] == "application/vnd.microsoft.card.adaptive"
    assert "actions" not in first["value"]  # the form is gone: it cannot be sent twice
    assert again["type"] == first["type"]
    before = len(fake_connector.posts())
    teams_bot.drain()
    posted = [c for c in fake_connector.posts()[before:] if c.conversation == act.RANTS_CHANNEL]
    assert len(posted) == 1
    body = json.dumps(posted[0].body)
    assert "heating" in body
    assert act.GP["name"] not in body and act.aad(act.GP) not in body and act.GP["id"] not in body
    traces = _rows_mentioning(database_url, [act.aad(act.GP), act.GP["id"]])
    assert traces <= {"members", "teams_people", "teams_conversations", "preferences"}, traces


def test_run_it_past_refuses_an_nhs_number_shows_why_and_an_answer_reaches_the_asker(
    teams_bot: TeamsBot, fake_connector: FakeConnector
) -> None:
    ready(teams_bot)
    form = typed(teams_bot, act.GP, "run it past")
    risky = act.filled(form, {"text": "Mrs A, NHS 943 476 5919, on methotrexate: refer?"})
    shown = teams_bot.post(act.card_action(fake_connector.url, act.GP, risky))["value"]
    assert "943 476 5919" not in json.dumps(shown)
    assert any(b.get("color") == "Attention" for b in shown["body"])  # the GP is shown why
    before = len(fake_connector.posts())
    teams_bot.drain()
    assert not [c for c in fake_connector.posts()[before:] if c.conversation == act.ADVICE_CHANNEL]

    clean = act.filled(shown, {"text": QUESTION, "anonymous": "no"})
    teams_bot.post(act.card_action(fake_connector.url, act.GP, clean))
    teams_bot.drain()
    question = [c for c in fake_connector.posts() if c.conversation == act.ADVICE_CHANNEL][-1]
    root = question  # its activity id is what the fake answered
    card = question.body["attachments"][0]["content"]
    answer_button = next(a for a in card["actions"] if a["data"]["tap"] == "question.answer")
    assert answer_button["data"]["msteams"] == {"type": "task/fetch"}
    opened = teams_bot.post(
        act.dialog_fetch(fake_connector.url, act.LEAD, answer_button["data"], act.ADVICE_CHANNEL)
    )
    dialog_form = opened["task"]["value"]["card"]["content"]
    assert dialog_form["actions"][0]["type"] == "Action.Submit"
    reply = act.filled(dialog_form, {"text": ANSWER, "anonymous": "no"})
    submit = act.dialog_submit(fake_connector.url, act.LEAD, reply, act.ADVICE_CHANNEL)
    done = teams_bot.post(submit)
    teams_bot.post(submit)  # retried
    assert "actions" not in done["task"]["value"]["card"]["content"]
    before = len(fake_connector.posts())
    teams_bot.drain()
    after = fake_connector.posts()[before:]
    in_thread = [c for c in after if ";messageid=" in c.path]
    to_asker = [c for c in after if c.conversation == act.personal_chat(act.GP)["id"]]
    assert len(in_thread) == 1 and "LMC" in json.dumps(in_thread[0].body)
    assert len(to_asker) == 1 and "LMC" in json.dumps(to_asker[0].body)
    assert root.path  # (the question was the root of that thread)


def _rows_mentioning(database_url: str, needles: list[str]) -> set[str]:
    engine = create_engine(database_url.replace("postgresql+psycopg", "postgresql+psycopg"))
    found: set[str] = set()
    with engine.connect() as conn:
        from storage.tables import Base

        for table in Base.metadata.sorted_tables:
            for row in conn.execute(text(f'SELECT * FROM "{table.name}"')):
                if any(n in str(v) for v in row for n in needles):
                    found.add(table.name)
    engine.dispose()
    return found
