"""The corpus thresholds from issue 3: CI fails if recall drops or false alarms rise."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECALL_FLOOR = 0.995
FALSE_ALARM_CEILING = 0.02
Results = tuple[dict[str, Any], dict[str, Any], dict[str, tuple[int, int]]]


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results() -> Results:
    guard_eval = _load(ROOT / "benchmarks" / "guard_eval.py", "guard_eval_for_tests")
    results: Results = guard_eval.evaluate()
    return results


def test_identifier_recall_on_each_set(results: Results) -> None:
    recall, _alarms, _crisis = results
    for label, rec in recall.items():
        assert rec.rate() >= RECALL_FLOOR, (label, rec.misses)


def test_every_kind_is_in_the_corpus_and_recalled(results: Results) -> None:
    recall, _alarms, _crisis = results
    held_out = recall["held-out"]
    assert len(held_out.expected) == 7
    for kind in held_out.expected:
        assert held_out.rate(kind) >= RECALL_FLOOR, (kind, held_out.misses)


def test_false_alarms_on_chatter(results: Results) -> None:
    _recall, alarms, _crisis = results
    flagged = sum(a.flagged for a in alarms.values())
    messages = sum(a.messages for a in alarms.values())
    assert flagged / messages <= FALSE_ALARM_CEILING
    assert alarms["held-out"].rate() <= FALSE_ALARM_CEILING, alarms["held-out"].examples


def test_crisis_corpus(results: Results) -> None:
    _recall, _alarms, crisis = results
    for name in ("crisis", "adversarial_crisis"):
        hits, total = crisis[name]
        assert hits == total, name  # every first-person crisis sentence is signposted
    quiet = sum(n - h for name, (h, n) in crisis.items() if "hyperbole" in name)
    loud = sum(n for name, (_h, n) in crisis.items() if "hyperbole" in name)
    assert quiet / loud >= 0.9  # hyperbole "mostly" does not signpost


def test_generated_corpus_matches_its_generator() -> None:
    """The generated files are what the seeded generator produces (no hand edits, no drift)."""
    generate = _load(ROOT / "tests" / "corpus" / "generate.py", "guard_corpus_generate")
    ids, chatter = generate.generate()
    for name, rows in (("generated_identifiers", ids), ("generated_chatter", chatter)):
        path = ROOT / "tests" / "corpus" / f"{name}.jsonl"
        stored = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
        assert stored == rows, f"run: python tests/corpus/generate.py ({name} is stale)"
