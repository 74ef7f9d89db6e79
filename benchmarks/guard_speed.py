"""Measure guard and crisis-detector throughput (MB/s) against baselines measured in the same run.

Usage: .venv/bin/python benchmarks/guard_speed.py [--mb 2]
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bot.safety.crisis import mentions_crisis
from bot.safety.guard import scan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from guard_eval import load_corpus

_PLAIN = re.compile(r"[0-9]+|@")
_SLACK_ACK_S = 3.0


def _messages() -> list[str]:
    corpus = load_corpus()
    names = [
        n
        for sets in (corpus.IDENTIFIER_SETS, corpus.CHATTER_SETS)
        for ns in sets.values()
        for n in ns
    ]
    return [ex.text for name in names for ex in corpus.load(name)]


def _best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _throughput(label: str, messages: list[str], per_message: Callable[[str], object]) -> float:
    size_mb = sum(len(m.encode()) for m in messages) / 1e6
    seconds = _best_of(lambda: [per_message(m) for m in messages])
    rate = size_mb / seconds
    print(f"| {label} | {rate:8.2f} MB/s | {seconds / len(messages) * 1e6:8.1f} us/message |")
    return rate


def _worst_cases() -> dict[str, str]:
    """Slack caps a message at 40,000 characters; these are hostile ones of that size."""
    n = 40_000
    return {
        "40k digits": "7" * n,
        "40k spaced digits": "1 " * (n // 2),
        "40k 'Mrs Jones, 84, '": ("Mrs Jones, 84, " * n)[:n],
        "40k 'DOB 01/01/1960 '": ("DOB 01/01/1960 " * n)[:n],
        "40k 'a.'": "a." * (n // 2),
        "40k 'I want to die but '": ("I want to die but not really " * n)[:n],
    }


def main(argv: list[str]) -> int:
    target_mb = float(argv[argv.index("--mb") + 1]) if "--mb" in argv else 2.0
    base = _messages()
    reps = max(1, int(target_mb * 1e6 / sum(len(m.encode()) for m in base)))
    messages = base * reps
    print(f"{len(messages)} corpus messages, {sum(len(m) for m in messages) / 1e6:.2f} MB\n")
    print("| what | throughput | per message |\n|---|---|---|")
    lower = _throughput("baseline: str.lower()", messages, str.lower)
    plain = _throughput("baseline: re.findall(r'[0-9]+|@')", messages, _PLAIN.findall)
    guard = _throughput("guard.scan()", messages, scan)
    crisis = _throughput("crisis.mentions_crisis()", messages, mentions_crisis)
    print(
        f"\nscan() is {plain / guard:.0f}x slower than the plain re scan and "
        f"{lower / guard:.0f}x slower than str.lower(); mentions_crisis() is "
        f"{plain / crisis:.0f}x slower than the plain re scan.\n"
    )
    print("| worst case (40,000 chars) | scan() | mentions_crisis() |\n|---|---|---|")
    worst = 0.0
    for label, text in _worst_cases().items():
        s = _best_of(partial(scan, text), repeat=3)
        c = _best_of(partial(mentions_crisis, text), repeat=3)
        worst = max(worst, s + c)
        print(f"| {label} | {s * 1000:.1f} ms | {c * 1000:.1f} ms |")
    share = worst / _SLACK_ACK_S
    print(f"\nslowest worst case: {worst * 1000:.0f} ms ({share:.1%} of Slack's 3 s ack)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
