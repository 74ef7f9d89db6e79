"""Report the guard's recall on identifiers and false alarms on chatter, per set, kind and
category, and the crisis detector's signposting per category.

Usage: .venv/bin/python benchmarks/guard_eval.py [--misses]
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from bot.safety.crisis import mentions_crisis
from bot.safety.guard import scan

ROOT = Path(__file__).resolve().parent.parent


def load_corpus() -> ModuleType:
    """tests/corpus is a data folder, not a package: load its loader by path."""
    path = ROOT / "tests" / "corpus" / "corpus.py"
    spec = importlib.util.spec_from_file_location("guard_corpus", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Recall:
    expected: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)  # a finding of the same kind overlaps
    blocked: Counter[str] = field(default_factory=Counter)  # any finding overlaps
    misses: list[str] = field(default_factory=list)

    def rate(self, kind: str | None = None) -> float:
        exp = self.expected[kind] if kind else sum(self.expected.values())
        got = self.found[kind] if kind else sum(self.found.values())
        return got / exp if exp else 1.0

    def blocked_rate(self) -> float:
        return sum(self.blocked.values()) / max(1, sum(self.expected.values()))


@dataclass
class Alarms:
    messages: int = 0
    flagged: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def rate(self) -> float:
        return self.flagged / self.messages if self.messages else 0.0


def recall(examples: list[Any], into: Recall) -> Recall:
    for ex in examples:
        findings = scan(ex.text)
        for exp in ex.expected:
            hits = [f for f in findings if f.start < exp.end and exp.start < f.end]
            into.expected[exp.kind] += 1
            into.blocked[exp.kind] += bool(hits)
            if any(f.kind == exp.kind for f in hits):
                into.found[exp.kind] += 1
            else:
                into.misses.append(f"{exp.kind}: {ex.text}")
    return into


def alarms(examples: list[Any], into: Alarms) -> Alarms:
    for ex in examples:
        findings = scan(ex.text)
        into.messages += 1
        if findings:
            into.flagged += 1
            into.by_kind.update(f.kind.value for f in findings)
            into.examples.append(ex.text)
    return into


def evaluate() -> tuple[dict[str, Recall], dict[str, Alarms], dict[str, tuple[int, int]]]:
    """Per corpus label: identifier recall, chatter alarms, and crisis hit counts."""
    corpus = load_corpus()
    rec: dict[str, Recall] = {}
    alarm: dict[str, Alarms] = {}
    for label, names in corpus.IDENTIFIER_SETS.items():
        for name in names:
            recall(corpus.load(name), rec.setdefault(label, Recall()))
    for label, names in corpus.CHATTER_SETS.items():
        for name in names:
            alarms(corpus.load(name), alarm.setdefault(label, Alarms()))
    crisis: dict[str, tuple[int, int]] = {}
    for sets in (corpus.CRISIS_SETS, corpus.HYPERBOLE_SETS):
        for _label, names in sets.items():
            for name in names:
                texts = [ex.text for ex in corpus.load(name)]
                crisis[name] = (sum(mentions_crisis(t) for t in texts), len(texts))
    return rec, alarm, crisis


def by_category(names: list[str], hit: Callable[[Any], bool]) -> dict[str, tuple[int, int]]:
    """(hits, examples) per category marked in the files; `hit` judges one example."""
    counts: dict[str, list[int]] = {}
    for name in names:
        for ex in load_corpus().load(name):
            cell = counts.setdefault(ex.category or "(none)", [0, 0])
            cell[0] += bool(hit(ex))
            cell[1] += 1
    return {cat: (h, n) for cat, (h, n) in sorted(counts.items())}


def signposted(ex: Any) -> bool:
    return mentions_crisis(ex.text)


def flagged(ex: Any) -> bool:
    return bool(scan(ex.text))


def all_found(ex: Any) -> bool:
    """Every marked identifier in the example is overlapped by a finding of its kind."""
    findings = scan(ex.text)
    return all(
        any(f.kind == e.kind and f.start < e.end and e.start < f.end for f in findings)
        for e in ex.expected
    )


def category_tables() -> dict[str, dict[str, tuple[int, int]]]:
    corpus = load_corpus()
    crisis = [n for ns in corpus.CRISIS_SETS.values() for n in ns]
    hyperbole = [n for ns in corpus.HYPERBOLE_SETS.values() for n in ns]
    chatter = [n for ns in corpus.CHATTER_SETS.values() for n in ns]
    return {
        "crisis: signposted": by_category(crisis, signposted),
        "hyperbole and patient talk: signposted": by_category(hyperbole, signposted),
        "untitled identifiers: all found": by_category(
            corpus.IDENTIFIER_SETS["untitled"], all_found
        ),
        "colleague chatter: flagged": by_category(corpus.CHATTER_SETS["colleagues"], flagged),
        "all chatter: signposted (crisis false alarms)": by_category(chatter, signposted),
    }


def combined(parts: dict[str, Recall]) -> Recall:
    total = Recall()
    for part in parts.values():
        total.expected.update(part.expected)
        total.found.update(part.found)
        total.blocked.update(part.blocked)
        total.misses.extend(part.misses)
    return total


def _print_recall(rec: dict[str, Recall]) -> None:
    labels = [*rec, "all"]
    cols = {**rec, "all": combined(rec)}
    print("| kind | " + " | ".join(labels) + " |")
    print("|---" * (len(labels) + 1) + "|")
    for kind in sorted(cols["all"].expected):
        cells = [f"{c.found[kind]}/{c.expected[kind]} ({c.rate(kind):.1%})" for c in cols.values()]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    cells = [
        f"**{sum(c.found.values())}/{sum(c.expected.values())} ({c.rate():.1%})**"
        for c in cols.values()
    ]
    print("| **all kinds** | " + " | ".join(cells) + " |")
    print(
        "| blocked (any kind) | "
        + " | ".join(f"{c.blocked_rate():.1%}" for c in cols.values())
        + " |"
    )


def main(argv: list[str]) -> int:
    rec, alarm, crisis = evaluate()
    print("Identifier recall (a finding of the right kind overlaps the marked identifier)\n")
    _print_recall(rec)
    print("\nFalse alarms on chatter (messages with any finding)\n")
    print("| set | flagged | rate | kinds |\n|---|---|---|---|")
    msgs = sum(a.messages for a in alarm.values())
    flagged = sum(a.flagged for a in alarm.values())
    for label, a in alarm.items():
        print(f"| {label} | {a.flagged}/{a.messages} | {a.rate():.1%} | {dict(a.by_kind)} |")
    print(f"| **all** | **{flagged}/{msgs}** | **{flagged / msgs:.1%}** | |")
    print("\nCrisis detector (messages that would get signposting)\n")
    print("| file | signposted |\n|---|---|")
    for name, (hits, n) in crisis.items():
        print(f"| {name} | {hits}/{n} ({hits / n:.0%}) |")
    for title, table in category_tables().items():
        hits = sum(h for h, _n in table.values())
        total = sum(n for _h, n in table.values())
        print(f"\n| {title} | count |\n|---|---|")
        for cat, (h, n) in table.items():
            print(f"| {cat} | {h}/{n} |")
        print(f"| **all** | **{hits}/{total} ({hits / total:.1%})** |")
    if "--misses" in argv:
        print("\nMisses:", *combined(rec).misses, sep="\n  ")
        print("False alarms:", *(t for a in alarm.values() for t in a.examples), sep="\n  ")
        corpus = load_corpus()
        for sets, want in ((corpus.CRISIS_SETS, True), (corpus.HYPERBOLE_SETS, False)):
            wrong = [
                ex.text
                for ns in sets.values()
                for n in ns
                for ex in corpus.load(n)
                if mentions_crisis(ex.text) is not want
            ]
            print("Crisis missed:" if want else "Hyperbole signposted:", *wrong, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
