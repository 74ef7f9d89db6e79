"""`run --http` against a fake Slack with a large roster: time to /healthz, and idle memory.

For each roster size, `python -m bot run --http` starts as a real process on a fresh SQLite
database (so start-up migrates it) with a fake Slack whose users.list holds that many people,
paged 200 at a time. Measured: seconds from the process's start to the first /healthz 200, the
worst /healthz latency while the roster syncs in the background, how long until every member is
in the database, and the resident memory (RSS) once idle after that. The baseline, in the same
run, is the bare Bolt app of form_latency.py served the same way (Starlette + uvicorn).
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root

from benchmarks.nudge_rate_limit import roster
from tests.fakes.slack_api import FakeSlack
from tests.process import REPO, bot_env, free_port, stop
from tests.slack_requests import SIGNING_SECRET

TOKEN = "xoxb-bench"
START_LIMIT_S = 30.0  # no answer within this is a failure
SYNC_LIMIT_S = 120.0
POLL_S = 0.01
IDLE_S = 2.0  # settle before reading RSS
HEALTH_TIMEOUT_S = 35.0  # beyond the 30 s SQLite busy timeout


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def first_health(proc: subprocess.Popen[bytes], url: str, log: Path) -> float:
    """Seconds from now until /healthz first answers 200 (the process was just started)."""
    start = time.monotonic()
    with httpx.Client(timeout=1) as client:
        while time.monotonic() - start < START_LIMIT_S:
            if proc.poll() is not None:
                raise RuntimeError(f"exited: {log.read_text()[-2000:]}")
            try:
                if client.get(url + "/healthz").status_code == 200:
                    return time.monotonic() - start
            except httpx.HTTPError:
                time.sleep(POLL_S)
    raise RuntimeError(f"no /healthz within {START_LIMIT_S} s: {log.read_text()[-2000:]}")


def members_in(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM members").fetchone()[0])
    except sqlite3.Error:
        return 0


def while_syncing(url: str, db: Path, want: int) -> tuple[float, float, int, int]:
    """Poll /healthz (one at a time, 50 ms apart) until `want` members are stored:
    (seconds, worst ms, polls, polls that failed or took over 1 s)."""
    start, worst, polls, slow = time.monotonic(), 0.0, 0, 0
    with httpx.Client(timeout=HEALTH_TIMEOUT_S) as client:
        while time.monotonic() - start < SYNC_LIMIT_S:
            t = time.perf_counter()
            try:
                ok = client.get(url + "/healthz").status_code == 200
            except httpx.HTTPError:
                ok = False
            took = (time.perf_counter() - t) * 1000
            worst, polls, slow = max(worst, took), polls + 1, slow + (not ok or took > 1000)
            if members_in(db) >= want:
                return time.monotonic() - start, worst, polls, slow
            time.sleep(0.05)
    return float("nan"), worst, polls, slow


def start(argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        argv, cwd=cwd, env=bot_env(env), stdout=(cwd / "log").open("w"), stderr=subprocess.STDOUT
    )


def measure_bot(people: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as d, FakeSlack(users=roster(people), channels=[]) as fake:
        tmp, port = Path(d), free_port()
        env = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{tmp / 'bot.db'}",
            "COFFEEROOM_KEY_FILE": str(tmp / "bench.key"),
        }
        argv = [
            sys.executable,
            "-m",
            "bot",
            "run",
            "--http",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ]
        proc = start(argv, tmp, env)
        try:
            url = f"http://127.0.0.1:{port}"
            healthy = first_health(proc, url, tmp / "log")
            rss_at_health = rss_mb(proc.pid)
            synced, worst, polls, slow = while_syncing(url, tmp / "bot.db", people)
            time.sleep(IDLE_S)
            return {
                "server": "Coffee Room",
                "people": people,
                "healthy": healthy,
                "rss_health": rss_at_health,
                "synced": synced,
                "worst": worst,
                "polls": polls,
                "slow": slow,
                "rss_idle": rss_mb(proc.pid),
                "pages": len(fake.calls("users.list")),
            }
        finally:
            stop(proc)


def measure_bare() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as d, FakeSlack() as fake:
        tmp, port = Path(d), free_port()
        argv = [
            sys.executable,
            str(REPO / "benchmarks" / "form_latency.py"),
            "--serve-baseline",
            str(port),
            "--slack-url",
            fake.url,
        ]
        proc = start(argv, tmp, {})
        try:
            healthy = first_health(proc, f"http://127.0.0.1:{port}", tmp / "log")
            rss_at_health = rss_mb(proc.pid)
            time.sleep(IDLE_S)
            return {
                "server": "bare Bolt",
                "people": 0,
                "healthy": healthy,
                "rss_health": rss_at_health,
                "synced": float("nan"),
                "worst": float("nan"),
                "polls": 0,
                "slow": 0,
                "rss_idle": rss_mb(proc.pid),
                "pages": 0,
            }
        finally:
            stop(proc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,10000", help="people in the workspace")
    parser.add_argument("--quick", action="store_true", help="10 people only")
    args = parser.parse_args()
    sizes = [10] if args.quick else [int(s) for s in args.sizes.split(",")]
    rows = [measure_bare()] + [measure_bot(n) for n in sizes]
    print(
        "| server | people in users.list | first /healthz s | RSS then MB "
        "| roster stored after s (users.list calls) "
        "| worst /healthz during sync ms (polls, over 1 s) "
        "| idle RSS MB | idle RSS / bare |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    bare = rows[0]["rss_idle"]
    for r in rows:
        sync = "-" if r["server"] == "bare Bolt" else f"{r['synced']:.1f} ({r['pages']})"
        during = f"{r['worst']:.0f} ({r['polls']}, {r['slow']})"
        during = "-" if r["server"] == "bare Bolt" else during
        print(
            f"| {r['server']} | {r['people']:,} | {r['healthy']:.2f} | {r['rss_health']:.0f} "
            f"| {sync} | {during} | {r['rss_idle']:.0f} | {r['rss_idle'] / bare:.2f}x |"
        )
    return 0 if all(r["healthy"] <= 2.0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
