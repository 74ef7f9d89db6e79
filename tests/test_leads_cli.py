"""`python -m bot leads list|add|remove`, as whoever runs the bot meets it, in a real process."""

from __future__ import annotations

from pathlib import Path

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import ADMIN, PARTNER_OWNER, TRAINEE
from tests.process import run_bot


def test_leads_are_listed_added_and_removed_but_never_the_last(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-cli",
        "SLACK_API_URL": fake_slack.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leads.db'}",
        "COFFEEROOM_ENV": "test",
    }
    listed = run_bot(["leads", "list"], cwd=tmp_path, env=env)
    assert f"Leads: {ADMIN}, {PARTNER_OWNER}." in listed.stdout, listed.stderr
    added = run_bot(["leads", "add", TRAINEE], cwd=tmp_path, env=env)
    assert TRAINEE in added.stdout and added.returncode == 0
    assert len(fake_slack.calls("chat.postMessage")) == 1  # the new lead is told
    for lead in (ADMIN, PARTNER_OWNER):
        assert run_bot(["leads", "remove", lead], cwd=tmp_path, env=env).returncode == 0
    last = run_bot(["leads", "remove", TRAINEE], cwd=tmp_path, env=env)
    assert last.returncode == 1 and "last lead" in last.stdout
    missing = run_bot(["leads", "add"], cwd=tmp_path, env=env)
    assert missing.returncode == 2 and "Whom" in missing.stdout
