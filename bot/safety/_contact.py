"""Find email addresses, full UK postcodes and labelled hospital numbers; spans only."""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int]

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"(?![\w-])"
)

# The Royal Mail format (outward code, then digit + two letters from a restricted set).
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?:GIR ?0AA|"
    r"[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# In lower or mixed case "B12 1mg" or "a1 2nd" look like postcodes: units and ordinals win.
_NOT_INWARD = frozenset(
    {
        "mg",
        "ml",
        "mm",
        "hr",
        "wk",
        "yr",
        "dl",
        "st",
        "nd",
        "rd",
        "th",
        "am",
        "pm",
        "hz",
        "bd",
        "od",
        "pr",
        "lb",
        "gm",
    }
)

_HOSPITAL = re.compile(
    r"\b(?:hosp(?:ital)?\.?[ ]*(?:no|num|number|id|#)\.?|mrn|unit[ ]*(?:no|number)\.?"
    r"|rx[a-z][ ]*(?:no|number)\.?|pas[ ]*(?:no|number|id)\.?|patient[ ]*id"
    r"|case[ ]*(?:no|number)\.?)"
    r"(?:[ ]*(?:is|was|=))?[ ]*[:#]?[ ]*"
    r"(?P<value>[A-Za-z]{0,4}[- ]?[0-9][0-9-]{2,12}[0-9][A-Za-z]?)(?![\w])",
    re.IGNORECASE,
)


def find_emails(text: str) -> Iterator[Span]:
    for m in _EMAIL.finditer(text):
        yield m.start(), m.end()


def find_postcodes(text: str) -> Iterator[Span]:
    for m in _POSTCODE.finditer(text):
        code = m.group(0)
        if not code.isupper() and code[-2:].lower() in _NOT_INWARD:
            continue
        yield m.start(), m.end()


def find_hospital_numbers(text: str) -> Iterator[Span]:
    for m in _HOSPITAL.finditer(text):
        value = m.group("value")
        if sum(c.isdigit() for c in value) >= 4:
            yield m.start("value"), m.end("value")
