"""`python -m bot jobs …` as real processes: run twice, or killed mid fan-out, nothing doubles."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ACTIVE_HUMANS
from tests.process import bot_env, run_bot

MONDAY_LUNCH = "2026-11-23T12:45:00+00:00"
TWO_MINUTES_LATER = "2026-11-23T12:47:00+00:00"


def env(tmp_path: Path, fake: FakeSlack) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-jobs",
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'jobs.db'}",
        "COFFEEROOM_ENV": "test",
    }


def copies(fake: FakeSlack) -> dict[str, int]:
    return {user: len(fake.messages(fake.dm_channel(user))) for user in ACTIVE_HUMANS}


def test_weekly_nudges_twice_at_lunchtime_gives_everyone_exactly_one(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    for _ in range(2):
        result = run_bot(
            ["jobs", "run", "weekly-nudges", "--now", MONDAY_LUNCH],
            cwd=tmp_path,
            env=env(tmp_path, fake_slack),
        )
        assert result.returncode == 0, result.stderr
    assert copies(fake_slack) == dict.fromkeys(ACTIVE_HUMANS, 1)
    assert "already=6" in result.stdout  # the second run found every claim taken


def test_killed_mid_fan_out_and_restarted_everyone_still_gets_exactly_one(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    fake_slack.fail_next("chat.postMessage", delay=0.4, times=len(ACTIVE_HUMANS))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "jobs", "run", "weekly-nudges", "--now", MONDAY_LUNCH],
        cwd=tmp_path,
        env=bot_env(env(tmp_path, fake_slack)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    fake_slack.wait_for("chat.postMessage", 2, timeout=30)  # the second send is in flight
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)  # the in-flight message lands at the fake after the client has died
    landed = sum(copies(fake_slack).values())
    assert 1 <= landed < len(ACTIVE_HUMANS)  # killed part-way, as intended
    again = run_bot(
        ["jobs", "run", "weekly-nudges", "--now", TWO_MINUTES_LATER],
        cwd=tmp_path,
        env=env(tmp_path, fake_slack),
    )
    assert again.returncode == 0, again.stderr
    assert copies(fake_slack) == dict.fromkeys(ACTIVE_HUMANS, 1)
    assert fake_slack.calls("conversations.history")  # the unsure send was looked up, not guessed


def test_jobs_list_says_what_each_job_will_do_next(tmp_path: Path, fake_slack: FakeSlack) -> None:
    settings = env(tmp_path, fake_slack)
    run_bot(["jobs", "run", "roster-sync", "--now", MONDAY_LUNCH], cwd=tmp_path, env=settings)
    result = run_bot(["jobs", "list"], cwd=tmp_path, env=settings)
    assert result.returncode == 0, result.stderr
    for name in (
        "outbox",
        "protected-time",
        "weekly-nudges",
        "checkins",
        "retention",
        "roster-sync",
    ):
        assert name in result.stdout
    assert "no protected time in the next fortnight" in result.stdout
    assert "6 of 6 members still to get this week's nudge" in result.stdout
