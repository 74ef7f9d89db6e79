"""Find dates of birth: full dates next to a birth cue or a name, or too old to be anything else."""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int]

_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"

# One pattern per way GPs write a full date; each names its day, month and year groups.
_FULL_DATE = re.compile(
    r"(?<![0-9A-Za-z/.-])(?:"
    r"(?P<d1>[0-9]{1,2})(?P<s>[/.-])(?P<m1>[0-9]{1,2})(?P=s)(?P<y1>[0-9]{4}|[0-9]{2})"
    r"|(?P<y2>(?:19|20)[0-9]{2})-(?P<m2>[0-9]{2})-(?P<d2>[0-9]{2})"
    rf"|(?P<d3>[0-9]{{1,2}}){_ORD}(?:[ ]+of)?[ -]+(?P<mon3>{_MONTH_NAMES})\.?,?[ -]+"
    r"(?P<y3>[0-9]{4}|'?[0-9]{2})"
    rf"|(?P<mon4>{_MONTH_NAMES})\.?[ ]+(?P<d4>[0-9]{{1,2}}){_ORD},?[ ]+(?P<y4>[0-9]{{4}})"
    r")(?![0-9A-Za-z]|[/.-][0-9])",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Any full date this old in a peer-support chat is a birth date in practice: visits, rotas and
# results are recent. Younger people (children) are caught through a cue or a name instead.
BIRTH_ONLY_BEFORE = 2000
_TWO_DIGIT_PIVOT = 30

_CUE_BEFORE = re.compile(
    r"(?:\bdob|\bd\.?[ ]?o\.?[ ]?b\b\.?|\bdate[ ]+of[ ]+birth|\bborn(?:[ ]+on)?(?:[ ]+the)?"
    r"|\bb\.|\baged?[ ]+[0-9]{1,3}[ ]*(?:years?|yrs?|y)?)"
    r"[ \t:.,;#()\-]*$",
    re.IGNORECASE,
)
_TITLED_NAME_BEFORE = re.compile(
    r"\b(?:Mrs|Mr|Ms|Miss|Mx|Master|MRS|MR|mrs|mr)\.?[ ]+(?:[A-Z]\.?[ ]+){0,2}"
    r"[^\W\d_][\w'’-]+(?:[ ]+[A-Z][\w'’-]+)?[ \t:,;()\-]*$"
)


def _year(raw: str) -> int:
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    yy = int(digits)
    return 2000 + yy if yy <= _TWO_DIGIT_PIVOT else 1900 + yy


def _month(raw: str) -> int:
    return _MONTHS.index(raw[:3].lower()) + 1


def _parts(m: re.Match[str]) -> tuple[int, int, int]:
    """Day, month and year of a _FULL_DATE match."""
    if m.group("d1"):
        return int(m.group("d1")), int(m.group("m1")), _year(m.group("y1"))
    if m.group("y2"):
        return int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    if m.group("d3"):
        return int(m.group("d3")), _month(m.group("mon3")), _year(m.group("y3"))
    return int(m.group("d4")), _month(m.group("mon4")), int(m.group("y4"))


def _is_calendar_date(day: int, month: int) -> bool:
    # UK order first; US order (month first) is accepted too because a date is a date.
    return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)


def iter_full_dates(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, year) for every plausible full calendar date."""
    for m in _FULL_DATE.finditer(text):
        day, month, year = _parts(m)
        if _is_calendar_date(day, month) and 1880 <= year <= 2099:
            yield m.start(), m.end(), year


def _has_cue(text: str, start: int) -> bool:
    # A bounded window: cues sit right before the date, and long texts stay linear.
    window = text[max(0, start - 60) : start]
    return bool(_CUE_BEFORE.search(window) or _TITLED_NAME_BEFORE.search(window))


def find_dates_of_birth(text: str) -> Iterator[Span]:
    for start, end, year in iter_full_dates(text):
        if year < BIRTH_ONLY_BEFORE or _has_cue(text, start):
            yield start, end
