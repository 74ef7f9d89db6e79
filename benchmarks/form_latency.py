"""Ack latency and time to views.open for signed slash commands and button taps: Coffee Room
against a bare Bolt app with Bolt's default settings, that bare app against a second copy of
itself (the A/A run that shows the noise), and Coffee Room against a bare app doing the same
work by hand; all served by Starlette + uvicorn in subprocesses, each one's CPU per request read
from /proc."""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import httpx
import uvicorn
from slack_bolt import Ack, App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root, for tests.*

from tests.fakes.slack_api import Call, FakeSlack, Fault
from tests.fakes.slack_roster import SALARIED_GP
from tests.process import REPO, Server, bot_env, free_port, stop
from tests.slack_requests import SIGNING_SECRET, command_body, home_action, signed_headers

QUESTION = "Anyone started tirzepatide in practice yet? How are you doing the follow-up?"
TAP = "settings.week"  # a Home button that opens a form (the GP's usual week)
TOKEN = "xoxb-bench"
WARMUP = 20  # per server and kind, before anything is counted
FOUND_WITHIN_S = 5.0  # views.open after the ack; longer is an error
PHASE_LIMIT_S = 30.0  # no new request starts this long into a phase (normally 1-5 s) ...
RUN_LIMIT_S = 600.0  # ... or into the whole run (normally ~3 minutes on 2 cores)
SLACK_LIMIT_MS = 3000.0
OURS, BARE, AGAIN = "Coffee Room", "bare Bolt", "bare Bolt (A/A)"
SAME = "bare Bolt, same work"  # reads what a tap reads, sends Coffee Room's own forms
SERVERS = (OURS, BARE, AGAIN, SAME)


@dataclass(frozen=True)
class Sample:
    ack_ms: float  # just before the POST -> the HTTP response (the ack) read
    form_ms: float  # just before the POST -> the matching views.open arrived at the fake
    error: str = ""


# -- the baseline: a bare Bolt app with Bolt's defaults, served like handlers/web.py -------------
def one_input(title: str, initial: str = "") -> dict[str, Any]:
    element = {
        "type": "plain_text_input",
        "action_id": "text",
        "multiline": True,
        "initial_value": initial,
    }
    return {
        "type": "modal",
        "callback_id": "bench_form",
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Send"},
        "blocks": [
            {
                "type": "input",
                "block_id": "text",
                "element": element,
                "label": {"type": "plain_text", "text": "Your words"},
            }
        ],
    }


# A tap's reads, as a minimal hand-written app would make them on Coffee Room's own database.
SAME_READS = (
    "SELECT * FROM practices WHERE platform = 'slack' AND workspace_id = :team ORDER BY id",
    "SELECT * FROM members WHERE practice_id = :practice AND user_id = :user",
    "SELECT * FROM preferences WHERE practice_id = :practice AND user_id = :user",
    "SELECT starts, ends FROM leave WHERE practice_id = :practice AND user_id = :user "
    "ORDER BY starts",
)


def serve_baseline(port: int, slack_url: str, same_work: Path | None = None) -> None:
    """Bare Bolt (process_before_response False: Bolt acks, then runs the listener's views.open
    in its own thread) under uvicorn + Starlette, dispatched in run_in_threadpool, as the bot.

    With `same_work` (a directory holding Coffee Room's database and the forms it sent), its
    listeners do the work Coffee Room's do, written by hand: a tap reads the GP's practice,
    membership, settings and leave with four plain SQLite queries, and each sends the very form
    Coffee Room sent. The issue's yardstick is the plain bare app; this one says how much of the
    difference is the work itself."""
    bolt = App(client=WebClient(token=TOKEN, base_url=slack_url), signing_secret=SIGNING_SECRET)
    forms = json.loads((same_work / "forms.json").read_text()) if same_work else {}
    local = threading.local()

    def read_week(body: dict[str, Any]) -> None:
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(same_work / "bench.db" if same_work else ":memory:")
        ids = {"team": body["team"]["id"], "user": body["user"]["id"]}
        practice = local.db.execute(SAME_READS[0], ids).fetchone()
        ids["practice"] = practice[0]
        local.db.execute(SAME_READS[1], ids).fetchone()
        local.db.execute(SAME_READS[2], ids).fetchone()
        local.db.execute(SAME_READS[3], ids).fetchall()

    @bolt.command("/runitpast")
    def open_form(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        ack()
        view = forms.get("slash command") or one_input("Run it past", command.get("text", ""))
        client.views_open(trigger_id=command["trigger_id"], view=view)

    @bolt.action(TAP)
    def tapped(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        if same_work:
            read_week(body)
        view = forms.get("button tap") or one_input("Your week")
        client.views_open(trigger_id=body["trigger_id"], view=view)

    async def slack_events(request: Request) -> Response:
        body = await request.body()
        response = await run_in_threadpool(bolt.dispatch, to_bolt_request(request, body))
        return to_starlette_response(response)

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"ok": True})

    asgi = Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )
    uvicorn.run(asgi, host="127.0.0.1", port=port, log_level="warning")


@contextmanager
def baseline_process(
    slack_url: str, log: Path, same_work: Path | None = None
) -> Iterator[tuple[str, int]]:
    """This script with --serve-baseline in a subprocess; yields its URL and process id once
    /healthz answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [sys.executable, str(Path(__file__).resolve()), "--serve-baseline", str(port)]
    argv += ["--same-work", str(same_work)] if same_work else []
    proc = subprocess.Popen(
        [*argv, "--slack-url", slack_url],
        cwd=REPO,
        env=bot_env({}),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"baseline did not start: {log.read_text()}")
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url, proc.pid
    finally:
        stop(proc)


# -- the fake, told which trigger to expect ----------------------------------------------
class Fake(FakeSlack):
    """The fake Slack, noting when each views.open arrives, so a client waits without polling."""

    def __init__(self) -> None:
        super().__init__()
        self.expected: dict[str, tuple[threading.Event, list[float]]] = {}

    def expect(self, trigger: str) -> tuple[threading.Event, list[float]]:
        found = self.expected[trigger] = (threading.Event(), [])
        return found

    def _record(self, call: Call) -> Fault | None:
        fault = super()._record(call)
        if call.method == "views.open":
            arrived = time.perf_counter()
            waiting = self.expected.pop(str(call.body.get("trigger_id")), None)
            if waiting is not None:
                waiting[1].append(arrived)
                waiting[0].set()
        return fault


# -- the client side -------------------------------------------------------------------------------
def command(fake: FakeSlack, trigger: str) -> str:
    reply = fake.url + "response/" + trigger
    return command_body("/runitpast", SALARIED_GP, QUESTION, response_url=reply, trigger=trigger)


def tap(fake: FakeSlack, trigger: str) -> str:
    payload = json.loads(parse_qs(home_action(SALARIED_GP, TAP, {"values": {}}))["payload"][0])
    payload["trigger_id"] = trigger
    return urlencode({"payload": json.dumps(payload)})


KINDS: dict[str, Callable[[FakeSlack, str], str]] = {"slash command": command, "button tap": tap}


def one_request(client: httpx.Client, url: str, fake: Fake, kind: str, trigger: str) -> Sample:
    """POST one signed request; wait for its views.open to reach the fake."""
    body = KINDS[kind](fake, trigger)
    headers = signed_headers(body)
    done, arrived = fake.expect(trigger)
    start = time.perf_counter()
    try:
        response = client.post(url + "/slack/events", content=body, headers=headers)
    except httpx.HTTPError as exc:
        return Sample(math.nan, math.nan, type(exc).__name__)
    acked = time.perf_counter()
    found = done.wait(FOUND_WITHIN_S)
    error = ""
    if response.status_code != 200:
        error = f"HTTP {response.status_code}"
    elif response.content:
        error = "non-empty ack"  # our error handler's apology, say
    elif not found:
        error = "no views.open"
    form = (arrived[0] - start) * 1000 if found else math.nan
    return Sample((acked - start) * 1000, form, error)


@dataclass
class Phase:
    samples: list[Sample]
    seconds: float  # from the start signal to the last request's views.open
    cpu: float  # the server process's CPU seconds (user + system) over the same span


@dataclass(frozen=True)
class Target:
    url: str
    pid: int  # the server's process, whose CPU is read from /proc (Linux; NaN elsewhere)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far, from /proc/PID/stat (NaN where there is none)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_phase(target: Target, fake: Fake, kind: str, n: int, c: int, deadline: float) -> Phase:
    """n requests from c client threads, each on its own keep-alive connection, warmed first."""
    url = target.url
    samples: list[Sample] = []
    lock = threading.Lock()
    todo = iter(range(n))
    ready = threading.Barrier(c + 1)
    stop_at = min(time.monotonic() + PHASE_LIMIT_S, deadline)

    def worker(w: int) -> None:
        with httpx.Client(timeout=10) as client:
            one_request(client, url, fake, kind, f"warm.{w}.{uuid.uuid4().hex}")
            ready.wait(timeout=30)
            while time.monotonic() < stop_at:
                with lock:
                    i = next(todo, None)
                if i is None:
                    return
                sample = one_request(client, url, fake, kind, f"{i}.{uuid.uuid4().hex}")
                with lock:
                    samples.append(sample)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(c)]
    for t in threads:
        t.start()
    ready.wait(timeout=30)
    start, cpu = time.perf_counter(), cpu_seconds(target.pid)
    for t in threads:  # a request takes at most 10 s (httpx) + FOUND_WITHIN_S
        t.join(timeout=max(0.0, stop_at + 30 - time.monotonic()))
    seconds, cpu = time.perf_counter() - start, cpu_seconds(target.pid) - cpu
    with lock:
        missing = n - len(samples)
        return Phase(samples + [Sample(math.nan, math.nan, "not sent")] * missing, seconds, cpu)


# -- the report ------------------------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else math.nan


Results = dict[tuple[str, str, int], list[Phase]]


def figures(phases: list[Phase]) -> dict[str, Any]:
    got = [s for p in phases for s in p.samples]
    ok = [s for s in got if not s.error]
    bad = [s.error for s in got if s.error]
    acks, forms = [s.ack_ms for s in ok], [s.form_ms for s in ok]
    return {
        "n": len(got),
        "ack50": pct(acks, 50),
        "ack99": pct(acks, 99),
        "ackmax": max(acks, default=math.nan),
        "form50": pct(forms, 50),
        "form99": pct(forms, 99),
        "formmax": max(forms, default=math.nan),
        "rate": len(ok) / sum(p.seconds for p in phases),
        "cpu": sum(p.cpu for p in phases) / len(got) * 1000 if got else math.nan,
        "errors": bad,
    }


def report(results: Results, kinds: list[str], cs: list[int]) -> int:
    """Print the markdown tables; return the number of errors."""
    print(
        "| request | server | concurrency | requests | ack p50 / p99 / max ms "
        "| views.open p50 / p99 / max ms | forms opened per s | server CPU ms per request "
        "| errors |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    errors = 0
    for kind in kinds:
        for c in cs:
            for name in SERVERS:
                f = figures(results[kind, name, c])
                errors += len(f["errors"])
                tally = (
                    ", ".join(f"{e} x{f['errors'].count(e)}" for e in sorted(set(f["errors"])))
                    or "none"
                )
                print(
                    f"| {kind} | {name} | {c} | {f['n']} | {f['ack50']:.1f} / {f['ack99']:.1f}"
                    f" / {f['ackmax']:.1f} | {f['form50']:.1f} / {f['form99']:.1f} / "
                    f"{f['formmax']:.1f} | {f['rate']:.0f} | {f['cpu']:.2f} | {tally} |"
                )
    print(
        f"\n| request | concurrency | {OURS} / {BARE}: ack p50, p99; views.open p99; "
        f"throughput; CPU per request | A/A ({AGAIN} / {BARE}): the same "
        f"| {OURS} / {SAME}: the same |"
    )
    print("|---|---:|---|---|---|")
    keys = ("ack50", "ack99", "form99", "rate", "cpu")
    for kind in kinds:
        for c in cs:
            ours, base, again, same = (figures(results[kind, n, c]) for n in SERVERS)
            cells = [
                ", ".join(f"{x[k] / y[k]:.2f}x" for k in keys)
                for x, y in ((ours, base), (again, base), (ours, same))
            ]
            print(f"| {kind} | {c} | {' | '.join(cells)} |")
    worst = max(
        (s.form_ms for v in results.values() for p in v for s in p.samples if not s.error),
        default=0.0,
    )
    print(
        f"\nSlowest views.open of all: {worst:.1f} ms, {worst / SLACK_LIMIT_MS:.1%} of Slack's 3 s."
    )
    return errors


def measure(
    urls: dict[str, Target], fake: Fake, kinds: list[str], n: int, cs: list[int], rounds: int
) -> Results:
    """Each cell in `rounds` rounds, the servers in rotated order, sharing the machine's drift."""
    results: Results = {}
    deadline = time.monotonic() + RUN_LIMIT_S
    names = list(urls)
    for kind in kinds:
        for c in cs:
            print(f"{kind}, concurrency {c}: {n} requests to each server", file=sys.stderr)
            for r in range(rounds):
                order = names[r % len(names) :] + names[: r % len(names)]
                for name in order[::-1] if r % 2 else order:
                    fake.clear()
                    size = n // rounds + (r < n % rounds)
                    phase = run_phase(urls[name], fake, kind, size, c, deadline)
                    results.setdefault((kind, name, c), []).append(phase)
    return results


def warm_up(name: str, target: Target, fake: Fake, kind: str) -> dict[str, Any]:
    """WARMUP requests one at a time; the form the server sent to the last of them."""
    fake.clear()
    warm = run_phase(target, fake, kind, WARMUP, 1, math.inf)
    if failed := [s.error for s in warm.samples if s.error]:
        raise RuntimeError(f"{name} fails a {kind}: {failed[0]}")
    view: dict[str, Any] = fake.calls("views.open")[-1].body["view"]
    return json.loads(view) if isinstance(view, str) else view


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--requests", type=int, default=1200, help="per server, kind and concurrency"
    )
    parser.add_argument("--concurrency", default="1,10,50", help="comma-separated client threads")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 30 requests, 1 and 5")
    parser.add_argument("--serve-baseline", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--slack-url", help=argparse.SUPPRESS)
    parser.add_argument("--same-work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        serve_baseline(args.serve_baseline, args.slack_url, args.same_work)
        return 0
    if args.quick:
        args.requests, args.concurrency, args.rounds = 30, "1,5", 3
    cs = [int(c) for c in args.concurrency.split(",")]
    kinds = list(KINDS)
    fake = Fake()
    with tempfile.TemporaryDirectory() as d, fake, ExitStack() as stack:
        tmp = Path(d)
        env = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
            "COFFEEROOM_KEY_FILE": str(tmp / "bench.key"),
        }
        bot = stack.enter_context(Server(cwd=tmp, env=env))
        urls = {OURS: Target(bot.url, bot.proc.pid)}
        forms = {kind: warm_up(OURS, urls[OURS], fake, kind) for kind in kinds}
        (tmp / "forms.json").write_text(json.dumps(forms))  # what the same-work app sends
        for name, log, same in ((BARE, "base", None), (AGAIN, "again", None), (SAME, "same", tmp)):
            started = baseline_process(fake.url, tmp / f"{log}.log", same)
            urls[name] = Target(*stack.enter_context(started))
            for kind in kinds:
                warm_up(name, urls[name], fake, kind)
        results = measure(urls, fake, kinds, args.requests, cs, args.rounds)
        if fake.errors:
            print(f"fake Slack errors: {fake.errors}", file=sys.stderr)
    errors = report(results, kinds, cs)
    return 1 if errors or fake.errors else 0


if __name__ == "__main__":
    sys.exit(main())
