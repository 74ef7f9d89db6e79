"""Rant and run it past someone end to end: signed requests to `python -m bot run --http`,
a fake Slack over real HTTP, and the app's own log and database inspected afterwards."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, SALARIED_GP, TRAINEE
from tests.process import Server
from tests.slack_requests import (
    SIGNING_SECRET,
    answer_state,
    command_body,
    form_state,
    home_action,
    message_action,
    setup_state,
    signed_headers,
    view_submission,
)

RANT = "Eleven extras on the duty list and the heating's broken again"
QUESTION = "Is anyone else declining the new shared-care request for ADHD meds?"
ANSWER = "We are, until the LMC guidance lands; there's a template letter on the drive."


class Bot:
    """The running bot, spoken to as Slack would."""

    def __init__(self, server: Server, fake: FakeSlack, db: Path) -> None:
        self.server, self.fake, self.db = server, fake, db

    def post(self, body: str) -> dict[str, Any]:
        response = httpx.post(
            self.server.url + "/slack/events",
            content=body,
            headers=signed_headers(body),
            timeout=10,
        )
        assert response.status_code == 200, response.text
        return dict(response.json()) if response.content else {}

    def form(self, command: str, user: str) -> dict[str, Any]:
        before = len(self.fake.calls("views.open"))
        self.post(command_body(command, user, response_url=self.fake.url + "response/c"))
        return self.fake.wait_for("views.open", before + 1)[-1].body["view"]

    def messages(self, channel: str, count: int) -> list[dict[str, Any]]:
        deadline = time.monotonic() + 10
        while len(self.fake.messages(channel)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.fake.messages(channel)

    def press(self, user: str, message: dict[str, Any], index: int, channel: str) -> None:
        button = message["blocks"][-1]["elements"][index]
        self.post(
            message_action(
                user,
                button["action_id"],
                button["value"],
                channel=channel,
                message_ts=message["ts"],
                response_url=self.fake.url + "response/p",
            )
        )

    def stored(self) -> str:
        engine = create_engine(f"sqlite:///{self.db}")
        rows = []
        with engine.connect() as conn:
            for table in (
                "rants",
                "questions",
                "answers",
                "outbox",
                "processed_events",
                "audit_log",
            ):
                rows += [
                    " ".join(map(str, r)) for r in conn.execute(text(f"SELECT * FROM {table}"))
                ]
        engine.dispose()
        return "\n".join(rows)


@pytest.fixture
def bot(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[Bot]:
    db = tmp_path / "e2e.db"
    env = {
        "SLACK_BOT_TOKEN": "xoxb-e2e",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{db}",
        "LOG_LEVEL": "DEBUG",
    }
    with Server(cwd=tmp_path, env=env) as server:
        fake_slack.wait_for("users.list")
        running = Bot(server, fake_slack, db)
        running.post(home_action(ADMIN, "setup.choose", {}))  # the lead opens the setup form
        setup = fake_slack.wait_for("views.open", 1)[-1].body["view"]
        running.post(
            view_submission(ADMIN, setup, setup_state("C0RANTS", "C0ADVICE"), view_id="V0SETUP")
        )
        yield running
    log = server.log.read_text()
    assert "roster synced" in log  # the log was written, at DEBUG, yet holds none of the words
    for words in (RANT, QUESTION, ANSWER, "heating", "ADHD", "LMC"):
        assert words not in log, "a GP's words reached the app's log"


def test_rants_end_to_end(bot: Bot, fake_slack: FakeSlack) -> None:
    form = bot.form("/rant", TRAINEE)
    done = bot.post(
        view_submission(
            TRAINEE, form, form_state(RANT, destination="space_anonymous"), view_id="V0E2E1"
        )
    )
    assert done["response_action"] == "update"
    (posted,) = bot.messages("C0RANTS", 1)
    assert RANT in posted["text"]
    assert TRAINEE not in json.dumps(posted) and "Rahman" not in json.dumps(posted)

    form = bot.form("/rant", SALARIED_GP)
    bot.post(
        view_submission(
            SALARIED_GP,
            form,
            form_state(RANT + "!", destination="colleague", colleague=ADMIN),
            view_id="V0E2E2",
        )
    )
    (to_colleague,) = bot.messages(fake_slack.dm_channel(ADMIN), 1)
    assert RANT + "!" in to_colleague["text"]
    assert len(bot.messages("C0RANTS", 1)) == 1  # only the colleague got the second one

    bot.press(PARTNER_OWNER, posted, 1, "C0RANTS")  # "Fancy a coffee?" on the anonymous rant
    (offer,) = bot.messages(fake_slack.dm_channel(TRAINEE), 1)
    assert "would like to get you a coffee" in offer["text"]
    stored = bot.stored()
    assert TRAINEE not in stored and fake_slack.dm_channel(TRAINEE) not in stored
    assert RANT not in stored


def test_questions_end_to_end(bot: Bot, fake_slack: FakeSlack) -> None:
    form = bot.form("/runitpast", TRAINEE)
    bot.post(view_submission(TRAINEE, form, form_state(QUESTION, anonymous=True), view_id="V0E2E3"))
    (question,) = bot.messages("C0ADVICE", 1)
    assert QUESTION in question["text"] and TRAINEE not in json.dumps(question)

    opened = len(fake_slack.calls("views.open"))
    bot.press(ADMIN, question, 0, "C0ADVICE")  # Answer
    answer_form = fake_slack.wait_for("views.open", opened + 1)[-1].body["view"]
    bot.post(view_submission(ADMIN, answer_form, answer_state(ANSWER), view_id="V0E2E4"))
    thread = bot.messages("C0ADVICE", 2)
    assert thread[1]["thread_ts"] == question["ts"] and ANSWER in thread[1]["text"]

    bot.press(SALARIED_GP, question, 1, "C0ADVICE")  # I can help
    relayed = bot.messages(fake_slack.dm_channel(TRAINEE), 2)
    assert any(f"<@{SALARIED_GP}> can help" in m["text"] for m in relayed)
    assert any(ANSWER in m["text"] for m in relayed)
    receipts = json.dumps([c.body for c in fake_slack.calls("response_url")])
    assert TRAINEE not in receipts
    stored = bot.stored()
    assert TRAINEE not in stored and QUESTION not in stored and ANSWER not in stored
