"""Time a signed /runitpast to its views.open at a fake Slack: Coffee Room vs a bare Bolt app."""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import SALARIED_GP
from tests.process import REPO, Server, bot_env, free_port
from tests.slack_requests import SIGNING_SECRET, command_body, signed_headers

QUESTION = "Anyone started tirzepatide in practice yet? How are you doing the follow-up?"
TOKEN = "xoxb-bench"
WARMUP = 20  # per server, before anything is counted
ROUNDS = 4  # per concurrency, alternating servers
POLL_S = 0.001  # between looks for the views.open call
FOUND_WITHIN_S = 5.0  # after the HTTP response; longer is an error
PHASE_LIMIT_S = 20.0  # no new request starts this long into a phase (normally ~1 s) ...
RUN_LIMIT_S = 90.0  # ... or into the whole run (normally ~25 s on 2 cores); the rest are errors
SLACK_LIMIT_MS = 3000.0


@dataclass(frozen=True)
class Sample:
    form_ms: float  # just before the POST -> the matching views.open seen at the fake
    http_ms: float  # just before the POST -> the HTTP response read
    early: bool  # views.open was already recorded when the response came back
    error: str = ""


# -- the baseline: a bare Bolt app served like handlers/web.py ------------------------------------
def serve_baseline(port: int, slack_url: str) -> None:
    """Bare Bolt under uvicorn + Starlette, dispatched in run_in_threadpool, as the bot is."""
    client = WebClient(token=TOKEN, base_url=slack_url)
    bolt = App(client=client, signing_secret=SIGNING_SECRET, process_before_response=True)

    @bolt.command("/runitpast")
    def open_form(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        ack()
        view = {
            "type": "modal",
            "callback_id": "bench_question",
            "title": {"type": "plain_text", "text": "Run it past"},
            "submit": {"type": "plain_text", "text": "Send"},
            "blocks": [
                {
                    "type": "input",
                    "block_id": "text",
                    "label": {"type": "plain_text", "text": "Your question"},
                    "element": {
                        "type": "plain_text_input",
                        "action_id": "text",
                        "multiline": True,
                        "initial_value": command.get("text", ""),
                    },
                }
            ],
        }
        client.views_open(trigger_id=command["trigger_id"], view=view)

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
def baseline_process(slack_url: str, log: Path) -> Iterator[str]:
    """This script with --serve-baseline in a subprocess; yields its URL once /healthz answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [sys.executable, str(Path(__file__).resolve()), "--serve-baseline", str(port)]
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
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- the client side -------------------------------------------------------------------------------
def opened(fake: FakeSlack, trigger: str) -> bool:
    return any(c.body.get("trigger_id") == trigger for c in fake.calls("views.open"))


def one_request(client: httpx.Client, url: str, fake: FakeSlack, trigger: str) -> Sample:
    """POST one signed /runitpast; wait for its views.open to have reached the fake."""
    reply_to = fake.url + "response/" + trigger
    body = command_body("/runitpast", SALARIED_GP, QUESTION, response_url=reply_to, trigger=trigger)
    headers = signed_headers(body)
    start = time.perf_counter()
    try:
        response = client.post(url + "/slack/events", content=body, headers=headers)
    except httpx.HTTPError as exc:
        ms = (time.perf_counter() - start) * 1000
        return Sample(ms, ms, False, type(exc).__name__)
    answered = time.perf_counter()
    early = found = opened(fake, trigger)
    while not found and time.perf_counter() - answered < FOUND_WITHIN_S:
        time.sleep(POLL_S)
        found = opened(fake, trigger)
    seen = answered if early else time.perf_counter()
    error = ""
    if response.status_code != 200:
        error = f"HTTP {response.status_code}"
    elif response.content:
        error = "non-empty reply"  # our error handler's apology, say
    elif not found:
        error = "no views.open"
    return Sample((seen - start) * 1000, (answered - start) * 1000, early, error)


def run_phase(
    url: str, fake: FakeSlack, n: int, c: int, tag: str, deadline: float = math.inf
) -> list[Sample]:
    """n requests from c client threads, each on its own keep-alive connection, warmed first."""
    samples: list[Sample] = []
    lock = threading.Lock()
    todo = iter(range(n))
    ready = threading.Barrier(c)
    stop_at = min(time.monotonic() + PHASE_LIMIT_S, deadline)

    def worker(w: int) -> None:
        with httpx.Client(timeout=10) as client:
            one_request(client, url, fake, f"{tag}.warm{w}.{uuid.uuid4().hex}")
            ready.wait(timeout=30)
            while time.monotonic() < stop_at:
                with lock:
                    i = next(todo, None)
                if i is None:
                    return
                sample = one_request(client, url, fake, f"{tag}.{i}.{uuid.uuid4().hex}")
                with lock:
                    samples.append(sample)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(c)]
    for t in threads:
        t.start()
    for t in threads:  # a request takes at most 10 s (httpx) + FOUND_WITHIN_S
        t.join(timeout=max(0.0, stop_at + 30 - time.monotonic()))
    with lock:
        missing = n - len(samples)
        return samples + [Sample(math.nan, math.nan, False, "not sent")] * missing


def listen_overflows() -> int | None:
    """Linux's count of connections dropped on a full listen queue (any socket), if readable."""
    try:
        text = Path("/proc/net/netstat").read_text()
        names, values = [line.split() for line in text.splitlines() if line.startswith("TcpExt:")]
        return int(dict(zip(names, values, strict=True))["ListenOverflows"])
    except (OSError, KeyError, ValueError):
        return None


# -- the report ------------------------------------------------------------------------------------
def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else math.nan


Results = dict[tuple[str, int], tuple[list[Sample], int | None]]


def report(results: Results, names: list[str], cs: list[int]) -> int:
    """Print the markdown tables; return the number of errors."""
    print(
        "| server | concurrency | requests | p50 ms | p99 ms | max ms | HTTP p50 / p99 ms "
        "| views.open before response | listen overflows | errors |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    errors = 0
    for c in cs:
        for name in names:
            got, dropped = results[name, c]
            ok = [s for s in got if not s.error]
            bad = [s.error for s in got if s.error]
            errors += len(bad)
            form, http = [s.form_ms for s in ok], [s.http_ms for s in ok]
            tally = ", ".join(f"{e} x{bad.count(e)}" for e in sorted(set(bad))) or "none"
            print(
                f"| {name} | {c} | {len(got)} | {pct(form, 50):.1f} | {pct(form, 99):.1f} "
                f"| {max(form, default=math.nan):.1f} | {pct(http, 50):.1f} / {pct(http, 99):.1f} "
                f"| {sum(s.early for s in ok)}/{len(ok)} | {'?' if dropped is None else dropped} "
                f"| {tally} |"
            )
    ours, base = names
    print(f"\n| concurrency | p50 {ours} / {base} | p99 {ours} / {base} |")
    print("|---:|---:|---:|")
    for c in cs:
        a = [s.form_ms for s in results[ours, c][0] if not s.error]
        b = [s.form_ms for s in results[base, c][0] if not s.error]
        print(f"| {c} | {pct(a, 50) / pct(b, 50):.2f}x | {pct(a, 99) / pct(b, 99):.2f}x |")
    worst = max((s.form_ms for v, _ in results.values() for s in v if not s.error), default=0.0)
    print(f"\nSlowest form of all: {worst:.1f} ms, {worst / SLACK_LIMIT_MS:.1%} of Slack's 3 s.")
    return errors


def measure(urls: dict[str, str], fake: FakeSlack, n: int, cs: list[int]) -> Results:
    """Each concurrency in ROUNDS rounds, ABBA order, so both servers share the machine's drift."""
    results: Results = {}
    deadline = time.monotonic() + RUN_LIMIT_S
    for c in cs:
        print(f"concurrency {c}: {n} requests to each server", file=sys.stderr)
        for r in range(ROUNDS):
            for name in list(urls) if r % 2 == 0 else list(urls)[::-1]:
                fake.clear()
                before = listen_overflows()
                size = n // ROUNDS + (r < n % ROUNDS)
                got = run_phase(urls[name], fake, size, c, f"r{r}", deadline)
                after = listen_overflows()
                samples, dropped = results.get((name, c), ([], 0))
                if before is None or after is None or dropped is None:
                    results[name, c] = samples + got, None
                else:
                    results[name, c] = samples + got, dropped + after - before
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=1000, help="per server and concurrency")
    parser.add_argument("--concurrency", default="1,4,16", help="comma-separated client threads")
    parser.add_argument("--serve-baseline", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--slack-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_baseline:
        serve_baseline(args.serve_baseline, args.slack_url)
        return 0
    cs = [int(c) for c in args.concurrency.split(",")]
    names = ["Coffee Room", "bare Bolt"]
    with tempfile.TemporaryDirectory() as d, FakeSlack() as fake:
        tmp = Path(d)
        env = {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
            "COFFEEROOM_KEY_FILE": str(tmp / "bench.key"),
        }
        with Server(cwd=tmp, env=env) as bot, baseline_process(fake.url, tmp / "base.log") as base:
            urls = dict(zip(names, [bot.url, base], strict=True))
            for name, url in urls.items():
                warm = run_phase(url, fake, WARMUP, 1, "warmup")
                if failed := [s.error for s in warm if s.error]:
                    raise RuntimeError(f"{name} fails to open the form: {failed[0]}")
            results = measure(urls, fake, args.requests, cs)
        if fake.errors:
            print(f"fake Slack errors: {fake.errors}", file=sys.stderr)
    errors = report(results, names, cs)
    return 1 if errors or fake.errors else 0


if __name__ == "__main__":
    sys.exit(main())
