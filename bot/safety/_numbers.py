"""Find NHS numbers and UK phone numbers; returns spans only, never logs the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int]

# Spaced 3-3-4, dashed, dotted or run together; no digit may touch either end, so that a
# 10-digit stretch is never cut out of a longer number.
_NHS = re.compile(
    r"(?<![0-9])(?<![0-9][ .-])"
    r"([0-9]{3})(?:[ ]?[-.][ ]?|[ ]{1,2})?([0-9]{3})(?:[ ]?[-.][ ]?|[ ]{1,2})?([0-9]{4})"
    r"(?![0-9])(?![.-][0-9])"
)

# Written like an NHS number (3-3-4 with spaces or hyphens) but failing the check digit: most
# likely a mistyped NHS number. Run-together and dotted digits need the check digit to count.
_NHS_SHAPED = re.compile(
    r"(?<![0-9])(?<![0-9][ .-])"
    r"[0-9]{3}(?P<sep>[ ]{1,2}|[ ]?-[ ]?)[0-9]{3}(?P=sep)[0-9]{4}"
    r"(?![0-9])(?![.-][0-9])"
)

# A UK number: +44 / 0044 (optionally "(0)") or a leading 0, then a national number of 9-10
# digits with single spaces, hyphens or a closing bracket between groups.
_PHONE = re.compile(
    r"(?<![\w+])(?<![0-9][ -])"
    r"(?P<prefix>(?:\+|00)44[ ]?(?:\(0\)[ ]?)?|\(?0)"
    r"(?P<nsn>[1-9](?:(?:\)[ ]?| - |[ -])?[0-9]){8,9})"
    r"(?![0-9])(?![ -][0-9])"
)
_GROUP = re.compile(r"[0-9]+")

# Coffee Room hands these out itself (product.md), so a GP repeating them is not a leak.
_SIGNPOST_NUMBERS = frozenset({"03000303300", "03301231245"})
_NHS_WEIGHTS = range(10, 1, -1)


def is_valid_nhs_number(digits: str) -> bool:
    """True if `digits` (spaces and hyphens allowed) is 10 digits with a valid mod-11 check."""
    plain = digits.replace(" ", "").replace("-", "")
    if len(plain) != 10 or not plain.isascii() or not plain.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(plain[:9], _NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    # A remainder giving 10 is never issued as an NHS number.
    return check != 10 and check == int(plain[9])


def find_nhs_numbers(text: str) -> Iterator[Span]:
    for m in _NHS.finditer(text):
        if is_valid_nhs_number("".join(m.groups())):
            yield m.start(), m.end()


def find_mistyped_nhs_numbers(text: str) -> Iterator[Span]:
    for m in _NHS_SHAPED.finditer(text):
        if not is_valid_nhs_number(m.group(0).replace(" ", "").replace("-", "")):
            yield m.start(), m.end()


def _phone_shape_ok(prefix: str, nsn: str) -> bool:
    groups = _GROUP.findall(nsn)
    # Every group after the first has 3+ digits: that is how numbers are written, and it keeps
    # lists of small numbers ("0 1 2 3 ...") and scores out.
    if any(len(g) < 3 for g in groups[1:]):
        return False
    digits = "".join(groups)
    if digits[0] not in "1235789":
        return False
    # 9-digit national numbers exist only for some geographic (01) areas.
    return len(digits) == 10 or digits[0] == "1"


def find_phones(text: str) -> Iterator[Span]:
    for m in _PHONE.finditer(text):
        prefix, nsn = m.group("prefix"), m.group("nsn")
        if not _phone_shape_ok(prefix, nsn):
            continue
        national = "0" + "".join(_GROUP.findall(nsn))
        if national in _SIGNPOST_NUMBERS:
            continue
        yield m.start(), m.end()
