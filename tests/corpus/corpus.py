"""Load the guard corpus: marked-up JSONL files where [[kind:text]] marks an identifier."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Short aliases keep the hand-written files readable; values are FindingKind values.
KIND_ALIASES = {
    "nhs": "nhs_number",
    "dob": "date_of_birth",
    "postcode": "postcode",
    "phone": "phone",
    "email": "email",
    "hosp": "hospital_number",
    "name": "name_with_details",
}

_MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


@dataclass(frozen=True)
class Expected:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Example:
    source: str
    text: str
    expected: tuple[Expected, ...]
    category: str = ""  # the hand-written files mark what each line tests ("burden", "place")


def parse_marked(marked: str) -> tuple[str, tuple[Expected, ...]]:
    """Strip [[kind:value]] marks, returning plain text and the marked spans."""
    out: list[str] = []
    spans: list[Expected] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        value = m.group(2)
        spans.append(Expected(KIND_ALIASES[m.group(1)], length, length + len(value)))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), tuple(spans)


def load(name: str) -> list[Example]:
    """Load one corpus file (without the .jsonl suffix)."""
    examples = []
    with (HERE / f"{name}.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                text, spans = parse_marked(record["text"])
                examples.append(Example(name, text, spans, record.get("category", "")))
    return examples


# Which files are identifiers and which are chatter, and how each relates to tuning:
# "dev" was tuned on; "held-out" was written before tuning (hand-written and seeded templates);
# "adversarial" was written after tuning to attack it, then tuned on once (see docs/guard.md);
# "untitled" (names without Mr/Mrs, mistyped NHS numbers) and "colleagues" (first names with
# numbers nearby) were written by hand for issue 9 before the detectors, then tuned on.
IDENTIFIER_SETS = {
    "dev": ["identifiers"],
    "held-out": ["heldout_identifiers", "generated_identifiers"],
    "adversarial": ["adversarial_identifiers"],
    "untitled": ["untitled_identifiers"],
}
CHATTER_SETS = {
    "dev": ["chatter"],
    "held-out": ["heldout_chatter", "generated_chatter"],
    "adversarial": ["adversarial_chatter"],
    "colleagues": ["colleague_chatter"],
}
CRISIS_SETS = {"crisis": ["crisis", "adversarial_crisis"]}
HYPERBOLE_SETS = {"hyperbole": ["hyperbole", "adversarial_hyperbole"]}


def iter_sets(sets: dict[str, list[str]]) -> Iterator[tuple[str, list[Example]]]:
    for label, names in sets.items():
        for name in names:
            yield f"{label}/{name}", load(name)
