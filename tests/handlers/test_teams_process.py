"""The 'Done when' scenario on Teams, as a new user would try it: `python -m bot run --http`
with TEAMS_ALLOW_UNAUTHENTICATED in development, a fake connector, and every request sent
twice (as Teams retries), each step happening exactly once."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.fakes.teams_connector import Call, FakeConnector, Team
from tests.handlers import teams_activities as act
from tests.handlers.teams_harness import CHANNELS
from tests.process import Server, run_bot

MONDAY_LUNCH = "2026-11-23T12:45+00:00"
RANT = "Eleven extras on the duty list and the heating's broken again"
QUESTION = "Is anyone else declining the new shared-care request for ADHD meds?"
ANSWER = "We are, until the LMC guidance lands; there's a template letter on the drive."
Json = dict[str, Any]


class TeamsProcess:
    def __init__(self, server: Server, fake: FakeConnector, env: dict[str, str], cwd: Path) -> None:
        self.server, self.fake, self.env, self.cwd = server, fake, env, cwd

    def twice(self, activity: Json) -> Json:
        """Teams retries a request it is unsure of: every step is sent twice."""
        answers = [self._post(activity) for _ in range(2)]
        return answers[0]

    def _post(self, activity: Json) -> Json:
        response = httpx.post(self.server.url + "/api/messages", json=activity, timeout=20)
        assert response.status_code == 200, response.text
        return dict(response.json()) if response.content else {}

    def wait(self, match: Callable[[Call], bool], count: int = 1) -> list[Call]:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            found = [c for c in self.fake.posts() if match(c)]
            if len(found) >= count:
                time.sleep(0.5)  # and nothing more arrives
                return [c for c in self.fake.posts() if match(c)]
            time.sleep(0.05)
        raise AssertionError(f"waited for {count}; got {[c.body for c in self.fake.posts()]}")

    def card(self, who: Json, words: str) -> Json:
        before = len(self.fake.posts())
        self.twice(act.message(self.fake.url, who, words))
        chat = act.personal_chat(who)["id"]
        return self.wait(
            lambda c: (
                c.conversation == chat
                and "attachments" in c.body
                and self.fake.posts().index(c) >= before
            )
        )[-1].body["attachments"][0]["content"]

    def job(self, name: str, now: str) -> str:
        done = run_bot(["jobs", "run", name, "--now", now], cwd=self.cwd, env=self.env)
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture
def teams_process(tmp_path: Path) -> Iterator[TeamsProcess]:
    with FakeConnector() as fake:
        fake.add_team(Team(act.TEAM, "Riverside Surgery", list(act.ROSTER), list(CHANNELS)))
        env = {
            "TEAMS_CLIENT_ID": act.CLIENT_ID,
            "TEAMS_TENANT_ID": act.TENANT,
            "TEAMS_ALLOW_UNAUTHENTICATED": "true",
            "TEAMS_CLIENT_SECRET": "a-secret-that-must-not-be-used-offline",
            "COFFEEROOM_ENV": "development",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'teams.db'}",
            "COFFEEROOM_KEY_FILE": str(tmp_path / "teams.key"),
            "CLIENT_ID": "99999999-9999-9999-9999-999999999999",  # the SDK's name: ignored
        }
        with Server(cwd=tmp_path, env=env, args=["--now", MONDAY_LUNCH]) as server:
            yield TeamsProcess(server, fake, env, tmp_path)


def test_done_when_on_teams(teams_process: TeamsProcess, tmp_path: Path) -> None:
    bot, fake = teams_process, teams_process.fake
    bot.twice(act.installed_in_team(fake.url))
    assert len(bot.wait(lambda c: c.conversation == act.TEAM)) == 1  # one welcome

    bot.twice(act.message(fake.url, act.GP, "help"))
    gp_chat = act.personal_chat(act.GP)["id"]
    assert len(bot.wait(lambda c: c.conversation == gp_chat)) == 1

    setup = bot.card(act.LEAD, "setup")
    bot.twice(
        act.card_action(
            fake.url,
            act.LEAD,
            act.filled(setup, {"rants": act.RANTS_CHANNEL, "advice": act.ADVICE_CHANNEL}),
        )
    )

    rant = bot.card(act.GP, "rant")
    bot.twice(
        act.card_action(
            fake.url, act.GP, act.filled(rant, {"text": RANT, "destination": "space_anonymous"})
        )
    )
    posted = bot.wait(lambda c: c.conversation == act.RANTS_CHANNEL)
    assert len(posted) == 1 and "heating" in json.dumps(posted[0].body)
    assert act.GP["name"] not in json.dumps(posted[0].body)

    ask = bot.card(act.GP, "run it past")
    shown = bot.twice(
        act.card_action(
            fake.url,
            act.GP,
            act.filled(ask, {"text": "Mrs A, NHS number 943 476 5919, is she fit to drive?"}),
        )
    )["value"]
    assert "943 476 5919" not in json.dumps(shown)
    bot.twice(act.card_action(fake.url, act.GP, act.filled(shown, {"text": QUESTION})))
    question = bot.wait(lambda c: c.conversation == act.ADVICE_CHANNEL)
    assert len(question) == 1 and "5919" not in json.dumps([c.body for c in fake.posts()])

    button = next(
        a
        for a in question[0].body["attachments"][0]["content"]["actions"]
        if a["data"]["tap"] == "question.answer"
    )
    opened = bot.twice(act.dialog_fetch(fake.url, act.LEAD, button["data"], act.ADVICE_CHANNEL))
    form = opened["task"]["value"]["card"]["content"]
    bot.twice(
        act.dialog_submit(
            fake.url, act.LEAD, act.filled(form, {"text": ANSWER}), act.ADVICE_CHANNEL
        )
    )
    assert len(bot.wait(lambda c: ";messageid=" in c.path)) == 1
    assert len(bot.wait(lambda c: c.conversation == gp_chat and "LMC" in json.dumps(c.body))) == 1

    slot = bot.card(act.LEAD, "protected-time")
    bot.twice(
        act.card_action(
            fake.url,
            act.LEAD,
            act.filled(
                slot,
                {
                    "day": "0",
                    "start": "13:00",
                    "length": "15",
                    "repeat": "1",
                    "first": "",
                    "channel": act.RANTS_CHANNEL,
                    "kind": "coffee",
                },
            ),
        )
    )
    bot.twice(act.message(fake.url, act.GP, "checkins on"))
    for _ in range(2):  # a job run twice sends nothing more
        bot.job("protected-time", "2026-11-23T12:51+00:00")
        bot.job("weekly-nudges", MONDAY_LUNCH)
        bot.job("checkins", MONDAY_LUNCH)
    reminder = bot.wait(
        lambda c: c.conversation == act.RANTS_CHANNEL and "10 minutes" in json.dumps(c.body)
    )
    assert len(reminder) == 1, json.dumps([c.body for c in reminder])
    to_people = [c for c in fake.posts() if c.conversation.startswith(("a:", "a:personal"))]
    assert to_people  # nudges and the check-in went to personal chats
    _no_trace_of_the_anonymous_author(tmp_path / "teams.db")


def _no_trace_of_the_anonymous_author(db: Path) -> None:
    engine = create_engine(f"sqlite:///{db}")
    allowed = {  # everything but the rant: the question was asked as themselves
        "questions",
        "members",
        "teams_people",
        "teams_conversations",
        "preferences",
        "nudges",
        "checkins",
        "leads",
        "outbox",
        "audit_log",
        "contacts",
        "slot_answers",
    }
    with engine.connect() as conn:
        for (table,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")):
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            hit = any(act.aad(act.GP) in str(v) for row in rows for v in row)
            assert not hit or table in allowed, table
        rants = conn.execute(text("SELECT * FROM rants")).all()
        assert rants and not any(act.aad(act.GP) in str(v) for row in rants for v in row)
    engine.dispose()


def test_teams_package_and_doctor_from_the_command_line(tmp_path: Path) -> None:
    env = {
        "TEAMS_CLIENT_ID": act.CLIENT_ID,
        "TEAMS_PRIVACY_URL": "https://coffee.example/privacy",
        "TEAMS_TERMS_URL": "https://coffee.example/terms",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'd.db'}",
    }
    built = run_bot(["teams-package", "--out", str(tmp_path / "app.zip")], cwd=tmp_path, env=env)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "app.zip").exists()
    doctor = run_bot(["doctor"], cwd=tmp_path, env=env)
    assert "TEAMS_CLIENT_SECRET is not set" in doctor.stdout and doctor.returncode == 1
    refused = run_bot(
        ["run", "--http"], cwd=tmp_path, env={**env, "TEAMS_ALLOW_UNAUTHENTICATED": "true"}
    )
    assert refused.returncode == 2 and "COFFEEROOM_ENV is development or test" in refused.stderr
