"""Weekly nudges to N members against a fake Slack that allows 5 chat.postMessage a second.

The fake answers 429 with Retry-After: 1 to a post when 5 were already accepted in the last second
across the workspace. The floor is N / 5 seconds; the result is the time from the start of the
pass to the last post accepted, as a ratio to that floor.

Two ways to drive it:
  in-process (default): the real assembly and outbox, with a clock that starts at a Monday
      lunchtime and then ticks in real time; the same steps as `jobs run weekly-nudges`
      (roster sync, one nudge pass, `deliver_all`).
  --process: `python -m bot jobs run weekly-nudges --now <Monday lunch>` as a real process
      (COFFEEROOM_ENV=test). `--now` fixes the clock, so the outbox's pacing clock stands still.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import default_roster, make_user
from tests.process import bot_env

MONDAY_LUNCH = "2026-11-23T12:45:00+00:00"
LIMIT = 5  # chat.postMessage a second, across the workspace
TOKEN = "xoxb-bench"
RUN_LIMIT_S = 900.0  # a run longer than this is stopped (the floor at 1,000 is 200 s)


class TickingClock:
    """Starts at `at` and moves on in real time (the outbox paces by the clock it is given)."""

    def __init__(self, at: datetime) -> None:
        self.at, self.t0 = at, time.monotonic()

    def now(self) -> datetime:
        return self.at + timedelta(seconds=time.monotonic() - self.t0)


def roster(n: int) -> list[dict[str, Any]]:
    """Coffee Room's own bot user and n GPs in one workspace."""
    bot = next(u for u in default_roster() if u["id"] == "U0BOT")
    gps = [
        make_user(
            f"U{i:07d}",
            f"gp.{i}",
            f"Dr Gee Pee{i}",
            title="Salaried GP",
            email=f"gp.{i}@bench.example",
        )
        for i in range(n)
    ]
    gps[0].update(is_admin=True, is_owner=True, is_primary_owner=True)
    return [bot, *gps]


def env_for(tmp: Path, fake: FakeSlack) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_API_URL": fake.url,
        "DATABASE_URL": f"sqlite:///{tmp / 'nudges.db'}",
        "COFFEEROOM_KEY_FILE": str(tmp / "bench.key"),
        "COFFEEROOM_ENV": "test",
    }


def in_process(tmp: Path, fake: FakeSlack) -> tuple[float, str]:
    """Roster sync, then (timed) one nudge pass and deliver_all, as `jobs run` does them."""
    from bot.app import assembly as app
    from bot.app.commands import deliver_all
    from bot.app.settings import Settings

    env = env_for(tmp, fake)
    settings = Settings(
        slack_bot_token=TOKEN,
        slack_api_url=fake.url,
        database_url=env["DATABASE_URL"],
        key_file=env["COFFEEROOM_KEY_FILE"],
        environment="test",
    )
    built = app.build(
        settings, clock=TickingClock(datetime.fromisoformat(MONDAY_LUNCH)), listen=False
    )
    app.sync_roster(built)
    fake.clear()
    start = time.monotonic()
    report = built.services.nudges.run()
    line = deliver_all(built.services.outbox)
    built.engine.dispose()
    return start, f"weekly-nudges: {report} / {line}"


def as_process(tmp: Path, fake: FakeSlack) -> tuple[float, str]:
    """`python -m bot jobs run weekly-nudges --now ...`; the roster sync inside is not timed out."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bot", "jobs", "run", "weekly-nudges", "--now", MONDAY_LUNCH],
        cwd=tmp,
        env=bot_env(env_for(tmp, fake)),
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT_S,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return start, done.stdout.strip().replace("\n", " / ")


def outbox_states(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())


def measure(n: int, process: bool, latency: float = 0.0) -> dict[str, Any]:
    users = roster(n)
    limits = {"chat.postMessage": LIMIT}
    with (
        tempfile.TemporaryDirectory() as d,
        FakeSlack(users=users, channels=[], rate_limits=limits, latency=latency) as fake,
    ):
        tmp = Path(d)
        start, said = (as_process if process else in_process)(tmp, fake)
        posts = fake.calls("chat.postMessage")
        accepted = [c for c in posts if c.fault is None]
        if process:  # the roster sync was inside the run: time from the first post instead
            start = min((c.at for c in posts), default=start)
        last = max((c.at for c in accepted), default=start)
        gps = [u["id"] for u in users if u["id"].startswith("U") and u["id"] != "U0BOT"]
        # a DM to a member is posted to their user id (or their D channel)
        got = [len(fake.messages(u)) for u in gps]
        floor = len(gps) / LIMIT
        mode = "process (--now)" if process else "in-process, ticking clock"
        return {
            "mode": mode + (f", Slack {latency * 1000:.0f} ms away" if latency else ""),
            "members": len(gps),
            "exactly_one": sum(1 for g in got if g == 1),
            "none": sum(1 for g in got if g == 0),
            "more": sum(1 for g in got if g > 1),
            "posts": len(posts),
            "accepted": len(accepted),
            "limited": len(posts) - len(accepted),
            "inside": len(fake.inside_retry_after("chat.postMessage")),
            "outbox": outbox_states(tmp / "nudges.db"),
            "seconds": last - start,
            "floor": floor,
            "said": said,
            "fake_errors": list(fake.errors),
        }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--process", action="store_true", help="run `jobs run --now` instead")
    parser.add_argument("--quick", action="store_true", help="10 members (a 2 s floor)")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="ms the fake Slack takes to answer each call"
    )
    args = parser.parse_args()
    n = 10 if args.quick else args.members
    r = measure(n, args.process, args.latency / 1000)
    ok = r["exactly_one"] == n and not r["outbox"].get("failed") and not r["inside"]
    print(
        f"# {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {r['mode']}; the run said: {r['said']}",
        file=sys.stderr,
    )
    print(
        "| mode | members | exactly one DM | none | more than one | posts (accepted / 429) "
        "| posts inside a Retry-After | outbox rows | seconds | floor s | ratio |"
    )
    print("|---|---:|---:|---:|---:|---|---:|---|---:|---:|---:|")
    states = ", ".join(f"{k} {v}" for k, v in sorted(r["outbox"].items()))
    print(
        f"| {r['mode']} | {r['members']} | {r['exactly_one']} | {r['none']} | {r['more']} "
        f"| {r['posts']} ({r['accepted']} / {r['limited']}) | {r['inside']} | {states} "
        f"| {r['seconds']:.1f} | {r['floor']:.0f} | {r['seconds'] / r['floor']:.3f}x |"
    )
    if r["fake_errors"]:
        print(f"fake Slack errors: {r['fake_errors']}", file=sys.stderr)
    return 0 if ok and r["seconds"] <= 1.2 * r["floor"] else 1


if __name__ == "__main__":
    sys.exit(main())
