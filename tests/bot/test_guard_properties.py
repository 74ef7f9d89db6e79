"""Property tests for the guard: NHS numbers in every format, invalid ones never, invariants."""

from __future__ import annotations

import itertools

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from bot.safety.guard import REDACTED, FindingKind, is_valid_nhs_number, redact, scan

DIGITS = "0123456789"
# Context without digits or "@", so nothing can merge with the number or make it an email.
CONTEXT = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ,.;:()#'!?\n", max_size=40
)
PREFIXES = st.sampled_from(
    [
        "",
        "NHS ",
        "nhs no: ",
        "NHS#",
        "pt (",
        "NHS number is ",
        "re: ",
        "MRN ",
        "hospital no ",
        "Mrs Jones, 84, NHS ",
    ]
)
SUFFIXES = st.sampled_from(["", ".", ")", " today", ", DOB 01/01/1950", "\n", "?"])
SEPARATORS = st.sampled_from(["", " ", "-", " - ", ".", "  "])


def reference_check_digit(nine: str) -> int:
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    return (11 - total % 11) % 11


@st.composite
def valid_nhs_numbers(draw: st.DrawFn) -> str:
    nine = draw(st.text(alphabet=DIGITS, min_size=9, max_size=9))
    check = reference_check_digit(nine)
    assume(check != 10)
    return nine + str(check)


def formatted(digits: str, sep: str) -> str:
    return f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}"


@given(valid_nhs_numbers(), SEPARATORS, PREFIXES, SUFFIXES, CONTEXT, CONTEXT)
@example("9434765919", " ", "NHS ", ".", "", "")
@example("0000000000", "", "", "", "", "")
@settings(max_examples=400)
def test_every_valid_nhs_number_is_found(
    digits: str, sep: str, prefix: str, suffix: str, left: str, right: str
) -> None:
    number = formatted(digits, sep)
    text = f"{left} {prefix}{number}{suffix} {right}"
    start = text.index(number)
    hits = [f for f in scan(text) if f.kind is FindingKind.NHS_NUMBER]
    assert any(f.start == start and f.end == start + len(number) for f in hits), text


# Written like an NHS number (3-3-4, spaced or dashed), a wrong check digit is a likely typo.
NHS_SHAPED = st.sampled_from([" ", "-", " - ", "  "])
NOT_NHS_SHAPED = st.sampled_from(["", "."])


@given(st.text(alphabet=DIGITS, min_size=10, max_size=10), NOT_NHS_SHAPED, PREFIXES, SUFFIXES)
@settings(max_examples=400)
def test_invalid_check_digit_run_together_is_never_an_nhs_number(
    digits: str, sep: str, prefix: str, suffix: str
) -> None:
    assume(not is_valid_nhs_number(digits))
    text = f"{prefix}{formatted(digits, sep)}{suffix}"
    assert FindingKind.NHS_NUMBER not in [f.kind for f in scan(text)]


@given(st.text(alphabet=DIGITS, min_size=10, max_size=10), NHS_SHAPED, PREFIXES, SUFFIXES)
@example("9434765918", " ", "NHS ", ".")
@settings(max_examples=400)
def test_invalid_check_digit_in_nhs_shape_is_still_blocked(
    digits: str, sep: str, prefix: str, suffix: str
) -> None:
    assume(not is_valid_nhs_number(digits))
    number = formatted(digits, sep)
    text = f"{prefix}{number}{suffix}"
    start = text.index(number)
    # A (mistyped) NHS number; a phone number when written like one; after an MRN label, that.
    covering = [f for f in scan(text) if f.start <= start and start + len(number) <= f.end]
    kinds = [f.kind for f in covering]
    expected = FindingKind.NHS_NUMBER, FindingKind.PHONE, FindingKind.HOSPITAL_NUMBER
    assert len(kinds) == 1 and kinds[0] in expected, text
    if "MRN" not in prefix and "hospital" not in prefix:
        assert kinds != [FindingKind.HOSPITAL_NUMBER], text
    assert digits[3:] not in covering[0].preview.replace(" ", "").replace("-", "")


@given(st.text(alphabet=DIGITS, min_size=10, max_size=10))
def test_is_valid_matches_reference(digits: str) -> None:
    check = reference_check_digit(digits[:9])
    assert is_valid_nhs_number(digits) == (check != 10 and check == int(digits[9]))


@given(st.one_of(st.text(max_size=300), st.text(alphabet="0123456789 -.a", max_size=60)))
@settings(max_examples=300)
def test_any_nhs_finding_has_a_valid_check_digit_or_the_nhs_shape(text: str) -> None:
    for f in scan(text):
        if f.kind is FindingKind.NHS_NUMBER:
            raw = text[f.start : f.end]
            digits = "".join(c for c in raw if c in DIGITS)
            groups = [len(g) for g in raw.replace("-", " ").split()]
            assert is_valid_nhs_number(digits) or groups == [3, 3, 4], raw


# Fragments that look like identifiers, so the invariants are tested where detectors fire.
TEXTISH = st.lists(
    st.sampled_from(
        [
            *"0123456789 /.-,:()@+abcdeMrsJonDOBLS#\n",
            "Mrs ",
            "DOB ",
            "07700 ",
            "943 476 ",
            "5919",
            "@nhs.net",
            " High Street",
        ]
    ),
    max_size=60,
).map("".join)


@given(st.one_of(st.text(max_size=300), TEXTISH))
@settings(max_examples=400)
def test_scan_invariants(text: str) -> None:
    findings = scan(text)
    assert list(findings) == sorted(findings, key=lambda f: f.start)
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.preview != text[f.start : f.end]
    removed = sum(f.end - f.start for f in findings)
    assert len(redact(text, findings)) == len(text) - removed + len(REDACTED) * len(findings)
    assert redact(text) == redact(text, findings)
