"""The corpus thresholds (issues 3 and 9): CI fails if recall drops or false alarms rise."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECALL_FLOOR = 0.995  # formats with a shape: dev, held-out and adversarial sets
UNTITLED_RECALL_FLOOR = 0.95  # issue 9: names without a title, and mistyped NHS numbers
FALSE_ALARM_CEILING = 0.005  # issue 9: at most 0.5% of chatter messages blocked
HYPERBOLE_CEILING = 0.05  # issue 9: at most 5% of hyperbole and patient talk signposted
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
    assert set(recall) == {"dev", "held-out", "adversarial", "untitled"}
    for label, rec in recall.items():
        floor = UNTITLED_RECALL_FLOOR if label == "untitled" else RECALL_FLOOR
        assert rec.rate() >= floor, (label, rec.misses)


def test_untitled_name_recall_by_category() -> None:
    """Each hand-written category (name and age, "45M John", "called", address...) is recalled."""
    guard_eval = _load(ROOT / "benchmarks" / "guard_eval.py", "guard_eval_for_tests")
    corpus = guard_eval.load_corpus()
    names = [*corpus.IDENTIFIER_SETS["untitled"], "adversarial_identifiers"]
    table = guard_eval.by_category(names, guard_eval.all_found)
    table.pop("(none)", None)  # the older adversarial lines have no category
    assert len(table) >= 7, table
    found = sum(h for h, _n in table.values())
    total = sum(n for _h, n in table.values())
    assert found / total >= UNTITLED_RECALL_FLOOR, table
    for category, (hits, n) in table.items():
        assert hits / n >= 0.8, (category, hits, n)


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
    examples = [t for a in alarms.values() for t in a.examples]
    assert flagged / messages <= FALSE_ALARM_CEILING, examples
    assert alarms["held-out"].rate() <= FALSE_ALARM_CEILING, alarms["held-out"].examples


def test_colleagues_by_first_name_are_not_patients(results: Results) -> None:
    """Colleagues' names next to numbers ("Ben, 45 minutes late") are the hard part: measured."""
    _recall, alarms, _crisis = results
    colleagues = alarms["colleagues"]
    assert colleagues.messages >= 40
    # The one allowed is "we met at 12 Station Road": any street address is flagged, on purpose.
    assert colleagues.flagged <= 1, colleagues.examples


def test_crisis_corpus(results: Results) -> None:
    _recall, _alarms, crisis = results
    for name in ("crisis", "adversarial_crisis"):
        hits, total = crisis[name]
        assert hits == total, name  # every first-person crisis sentence is signposted
    loud = sum(h for name, (h, _n) in crisis.items() if "hyperbole" in name)
    messages = sum(n for name, (_h, n) in crisis.items() if "hyperbole" in name)
    assert loud / messages <= HYPERBOLE_CEILING


def test_crisis_corpus_covers_every_way_of_saying_it() -> None:
    guard_eval = _load(ROOT / "benchmarks" / "guard_eval.py", "guard_eval_for_tests")
    tables = guard_eval.category_tables()
    crisis = tables["crisis: signposted"]
    expected = {"explicit", "method_means", "place", "passive_wish", "burden", "hopelessness"}
    expected |= {"preparation", "self_harm", "stockpiling"}
    assert expected <= set(crisis)
    for category, (hits, n) in crisis.items():
        assert n >= 10 and hits == n, (category, hits, n)
    quiet = tables["hyperbole and patient talk: signposted"]
    assert {"kill_idiom", "death_idiom", "shoot_me", "clinical", "negated", "topic"} <= set(quiet)
    assert quiet["clinical"][1] >= 20 and quiet["clinical"][0] == 0  # patients are not the author


def test_generated_corpus_matches_its_generator() -> None:
    """The generated files are what the seeded generator produces (no hand edits, no drift)."""
    generate = _load(ROOT / "tests" / "corpus" / "generate.py", "guard_corpus_generate")
    ids, chatter = generate.generate()
    for name, rows in (("generated_identifiers", ids), ("generated_chatter", chatter)):
        path = ROOT / "tests" / "corpus" / f"{name}.jsonl"
        stored = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
        assert stored == rows, f"run: python tests/corpus/generate.py ({name} is stale)"
