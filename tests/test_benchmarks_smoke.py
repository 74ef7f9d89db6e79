"""The cheap benchmarks still run: their --quick variants produce their result rows.

Only that they run and report, never how fast (benchmarks measure; tests don't time). The
start-up benchmark starts servers with 10,000 members, so it is left out to keep CI quick.
"""

from __future__ import annotations

import subprocess
import sys

from tests.process import REPO, bot_env


def quick(script: str) -> list[str]:
    """The markdown table rows a benchmark printed with --quick (it exits 0: no errors)."""
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), "--quick"],
        cwd=REPO,
        env=bot_env({}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stdout + done.stderr
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


def test_acks_and_forms_report_every_server_kind_and_concurrency_without_errors() -> None:
    rows = quick("form_latency.py")
    results = [[c.strip() for c in row.split("|")[1:]] for row in rows if "| none |" in row]
    servers = ["Coffee Room", "bare Bolt", "bare Bolt (A/A)", "bare Bolt, same work"]
    assert [(r[0], r[1], r[2]) for r in results] == [
        (kind, server, c)
        for kind in ("slash command", "button tap")
        for c in ("1", "5")
        for server in servers
    ]
