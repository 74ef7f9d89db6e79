"""Measure guard and crisis-detector throughput (MB/s) against baselines measured in the same run.

Usage: .venv/bin/python benchmarks/guard_speed.py [--mb 2]
"""

from __future__ import annotations

import os
import platform
import re
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from bot.safety.crisis import mentions_crisis
from bot.safety.guard import scan

sys.path.insert(0, str(Path(__file__).resolve().parent))
from guard_eval import load_corpus

_PLAIN = re.compile(r"[0-9]+|@")
_SLACK_ACK_S = 3.0
_WORST_BUDGET_S = 0.1  # issue 9: the worst 40,000-character message, guard and crisis together


def _messages() -> list[str]:
    corpus = load_corpus()
    names = [
        n
        for sets in (corpus.IDENTIFIER_SETS, corpus.CHATTER_SETS)
        for ns in sets.values()
        for n in ns
    ]
    return [ex.text for name in names for ex in corpus.load(name)]


def _machine() -> str:
    """The CPU model and core count, so a table can say where it was measured."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} x {model}, {platform.system()} {platform.release()}"


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
        "40k 'John Smith, 45, '": ("John Smith, 45, " * n)[:n],
        "40k '45M John '": ("45M John " * n)[:n],
        "40k 'a lady called Jo '": ("a lady called Jo " * n)[:n],
        "40k '943 476 5918 '": ("943 476 5918 " * n)[:n],
        "40k 'Aa '": ("Aa " * n)[:n],
        "40k prose": ("The rota is killing me, I can't see a way out of this week. " * n)[:n],
    }


def main(argv: list[str]) -> int:
    target_mb = float(argv[argv.index("--mb") + 1]) if "--mb" in argv else 2.0
    base = _messages()
    reps = max(1, int(target_mb * 1e6 / sum(len(m.encode()) for m in base)))
    messages = base * reps
    print(f"{date.today()}, {_machine()}, CPython {platform.python_version()}")
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
    print(
        "| worst case (40,000 chars) | scan() | mentions_crisis() | both | baseline re | ratio |\n"
        "|---|---|---|---|---|---|"
    )
    worst = 0.0
    for label, text in _worst_cases().items():
        s = _best_of(partial(scan, text), repeat=3)
        c = _best_of(partial(mentions_crisis, text), repeat=3)
        b = _best_of(partial(_PLAIN.findall, text), repeat=3)
        worst = max(worst, s + c)
        print(
            f"| {label} | {s * 1000:.1f} ms | {c * 1000:.1f} ms | {(s + c) * 1000:.1f} ms "
            f"| {b * 1000:.2f} ms | {(s + c) / b:.0f}x |"
        )
    share = worst / _SLACK_ACK_S
    verdict = "within" if worst < _WORST_BUDGET_S else "OVER"
    print(
        f"\nslowest worst case, guard and crisis together: {worst * 1000:.0f} ms "
        f"({verdict} the {_WORST_BUDGET_S * 1000:.0f} ms budget; {share:.1%} of Slack's 3 s ack)"
    )
    return 0 if worst < _WORST_BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
