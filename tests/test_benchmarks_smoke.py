"""The cheap benchmarks still run: their --quick variants produce their result rows.

Only that they run and report, never how fast (benchmarks measure; tests don't time). The ack
latency and start-up benchmarks start several servers, so they are left out to keep CI quick.
"""

from __future__ import annotations

import subprocess
import sys

from tests.process import REPO, bot_env


def quick(script: str) -> list[str]:
    """The markdown table rows a benchmark printed with --quick."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), "--quick"],
        cwd=REPO,
        env=bot_env({}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return [line for line in done.stdout.splitlines() if line.startswith("| ")]


def test_job_pass_reports_each_job_for_each_roster() -> None:
    rows = quick("job_pass.py")
    cells = [[c.strip() for c in row.split("|")[1:4]] for row in rows[1:]]
    assert cells == [
        ["SQLite", "1 practice of 100", "weekly-nudges"],
        ["SQLite", "1 practice of 100", "checkins"],
        ["SQLite", "10 practices of 10", "weekly-nudges"],
        ["SQLite", "10 practices of 10", "checkins"],
    ]


def test_nudges_under_a_workspace_limit_report_a_row_for_every_member() -> None:
    rows = quick("nudge_rate_limit.py")
    assert len(rows) == 2, rows  # the header and one result
    mode, members = (c.strip() for c in rows[1].split("|")[1:3])
    assert (mode, members) == ("in-process, ticking clock", "10")
