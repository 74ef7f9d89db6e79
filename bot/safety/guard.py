"""The privacy guard: find patient identifiers in text and redact them, without logging anything."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.safety._contact import find_emails, find_hospital_numbers, find_postcodes
from bot.safety._dates import find_dates_of_birth
from bot.safety._mask import mask_email, mask_keep, mask_name
from bot.safety._names import find_addresses, find_names_with_details
from bot.safety._numbers import (
    find_mistyped_nhs_numbers,
    find_nhs_numbers,
    find_phones,
    is_valid_nhs_number,
)
from bot.safety._untitled import find_untitled_names

__all__ = ["REDACTED", "Finding", "FindingKind", "is_valid_nhs_number", "redact", "scan"]

REDACTED = "[removed]"


class FindingKind(StrEnum):
    NHS_NUMBER = "nhs_number"
    DATE_OF_BIRTH = "date_of_birth"
    POSTCODE = "postcode"
    PHONE = "phone"
    EMAIL = "email"
    HOSPITAL_NUMBER = "hospital_number"
    NAME_WITH_DETAILS = "name_with_details"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    start: int
    end: int
    preview: str


Span = tuple[int, int]
Detector = Callable[[str], Iterable[Span]]

# Order is priority when two detectors claim overlapping text: the most specific, best
# validated kind wins (an NHS number with a valid check digit beats a phone-shaped reading; a
# phone beats a 3-3-4 number with a wrong check digit; titled names beat untitled ones).
_DETECTORS: tuple[tuple[FindingKind, Detector], ...] = (
    (FindingKind.EMAIL, find_emails),
    (FindingKind.NHS_NUMBER, find_nhs_numbers),
    (FindingKind.HOSPITAL_NUMBER, find_hospital_numbers),
    (FindingKind.PHONE, find_phones),
    (FindingKind.NHS_NUMBER, find_mistyped_nhs_numbers),
    (FindingKind.DATE_OF_BIRTH, find_dates_of_birth),
    (FindingKind.POSTCODE, find_postcodes),
    (FindingKind.NAME_WITH_DETAILS, find_names_with_details),
    (FindingKind.NAME_WITH_DETAILS, find_addresses),
    (FindingKind.NAME_WITH_DETAILS, find_untitled_names),
)

_KEEP = {
    FindingKind.NHS_NUMBER: 3,
    FindingKind.DATE_OF_BIRTH: 2,
    FindingKind.POSTCODE: 2,
    FindingKind.PHONE: 3,
    FindingKind.HOSPITAL_NUMBER: 1,
}


def _preview(kind: FindingKind, value: str) -> str:
    if kind is FindingKind.EMAIL:
        return mask_email(value)
    if kind is FindingKind.NAME_WITH_DETAILS:
        return mask_name(value)
    return mask_keep(value, _KEEP[kind])


def _candidates(text: str) -> Iterator[tuple[int, FindingKind, Span]]:
    for priority, (kind, detect) in enumerate(_DETECTORS):
        for span in detect(text):
            yield priority, kind, span


def _overlaps(span: Span, taken: list[Span]) -> bool:
    """`taken` is sorted and non-overlapping, so only the neighbours can collide."""
    i = bisect.bisect_left(taken, span)
    return any(
        taken[j][0] < span[1] and span[0] < taken[j][1] for j in (i - 1, i) if 0 <= j < len(taken)
    )


def scan(text: str) -> tuple[Finding, ...]:
    """Every identifier in `text`, sorted by start and non-overlapping. Pure; logs nothing."""
    ranked = sorted(_candidates(text), key=lambda c: (c[0], c[2][0] - c[2][1], c[2][0]))
    taken: list[Span] = []
    findings: list[Finding] = []
    for _priority, kind, span in ranked:
        if span[0] >= span[1] or _overlaps(span, taken):
            continue
        bisect.insort(taken, span)
        findings.append(Finding(kind, span[0], span[1], _preview(kind, text[span[0] : span[1]])))
    return tuple(sorted(findings, key=lambda f: f.start))


def redact(text: str, findings: Sequence[Finding] | None = None) -> str:
    """`text` with each finding replaced by REDACTED (scans first if no findings are given)."""
    chosen = scan(text) if findings is None else findings
    parts: list[str] = []
    pos = 0
    for f in sorted(chosen, key=lambda f: (f.start, -f.end)):
        # Overlapping or out-of-range findings (from a caller) are skipped, not trusted.
        if f.start < pos or f.end > len(text) or f.start >= f.end:
            continue
        parts.append(text[pos : f.start])
        parts.append(REDACTED)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
