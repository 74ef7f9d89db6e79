"""The same scenario on Slack and on Teams stores the same domain records: an anonymous rant,
a question asked as oneself and an answer to it, through each platform's own adapter."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from bot.app.assembly import Assembly
from bot.core.values import Platform
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, SALARIED_GP
from tests.handlers import teams_activities as act
from tests.handlers.slack_harness import body_json, dispatch, ready
from tests.handlers.teams_harness import TeamsBot, fake_connector, teams_bot
from tests.slack_requests import (
    answer_state,
    command_body,
    form_state,
    message_action,
    view_submission,
)

__all__ = ["fake_connector", "teams_bot"]
RANT = "Eleven extras on the duty list and the heating's broken again"
QUESTION = "Is anyone else declining the new shared-care request for ADHD meds?"
ANSWER = "We are, until the LMC guidance lands; there's a template letter on the drive."
KEPT = {  # what the domain decided, without ids, times or who (those differ by platform)
    "rants": "destination, author IS NULL, author_sealed IS NOT NULL, colleague",
    "questions": "anonymous, topic, urgency, asker IS NULL",
    "answers": "anonymous, helpful, helper IS NULL",
}


def on_slack(assembly: Assembly, fake: FakeSlack) -> None:
    app = ready(assembly)
    for command, state in (
        ("/rant", form_state(RANT, destination="space_anonymous")),
        ("/runitpast", form_state(QUESTION)),
    ):
        dispatch(app, command_body(command, SALARIED_GP, "", response_url=fake.url + "r/c"))
        view = fake.calls("views.open")[-1].body["view"]
        dispatch(app, view_submission(SALARIED_GP, view, state, view_id=f"V{command[1:5]}"))
        assembly.services.outbox.drain()
    question = fake.messages("C0ADVICE")[-1]
    answer = next(
        e
        for b in question["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "question.answer"
    )
    press = message_action(
        ADMIN,
        answer["action_id"],
        answer["value"],
        channel="C0ADVICE",
        message_ts=question["ts"],
        response_url=fake.url + "r/a",
    )
    dispatch(app, press)
    view = fake.calls("views.open")[-1].body["view"]
    body_json(dispatch(app, view_submission(ADMIN, view, answer_state(ANSWER), view_id="VANS")))
    assembly.services.outbox.drain()


def on_teams(bot: TeamsBot) -> None:
    url = bot.fake.url
    bot.install()
    bot.choose_spaces()
    for words, answers in (
        ("rant", {"text": RANT, "destination": "space_anonymous"}),
        ("run it past", {"text": QUESTION}),
    ):
        bot.post(act.message(url, act.GP, words))
        bot.post(act.card_action(url, act.GP, act.filled(bot.last_card(), answers)))
        bot.drain()
    question = [c for c in bot.fake.posts() if c.conversation == act.ADVICE_CHANNEL][-1]
    button = next(
        a
        for a in question.body["attachments"][0]["content"]["actions"]
        if a["data"]["tap"] == "question.answer"
    )
    opened = bot.post(act.dialog_fetch(url, act.LEAD, button["data"], act.ADVICE_CHANNEL))
    form = opened["task"]["value"]["card"]["content"]
    bot.post(
        act.dialog_submit(url, act.LEAD, act.filled(form, {"text": ANSWER}), act.ADVICE_CHANNEL)
    )
    bot.drain()


def records(assembly: Assembly, platform: Platform) -> dict[str, list[tuple[Any, ...]]]:
    found: dict[str, list[tuple[Any, ...]]] = {}
    with assembly.engine.connect() as conn:
        (practice,) = conn.execute(
            text("SELECT id FROM practices WHERE platform = :p"), {"p": platform.value}
        ).one()
        for table, columns in KEPT.items():
            where = (
                "practice_id = :id"
                if table != "answers"
                else "question_id IN (SELECT id FROM questions WHERE practice_id = :id)"
            )
            rows = conn.execute(
                text(f"SELECT {columns} FROM {table} WHERE {where}"), {"id": practice}
            )
            found[table] = sorted(tuple(r) for r in rows)
        sends = conn.execute(
            text(
                "SELECT kind, status, target_sealed FROM outbox WHERE practice_id = :id "
                "AND dedupe_key NOT LIKE 'setup%' ORDER BY kind, status"
            ),
            {"id": practice},
        )
        found["outbox"] = sorted({tuple(r) for r in sends})
    return found


def test_slack_and_teams_store_the_same_records(
    assembly: Assembly, fake_slack: FakeSlack, teams_bot: TeamsBot
) -> None:
    on_slack(assembly, fake_slack)
    on_teams(teams_bot)
    slack = records(assembly, Platform.SLACK)
    teams = records(teams_bot.assembly, Platform.TEAMS)
    assert slack["rants"] and slack["questions"] and slack["answers"]
    assert slack == teams
