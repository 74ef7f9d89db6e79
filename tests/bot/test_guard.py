"""Unit tests for the privacy guard: what it catches, what it leaves alone, previews, redaction."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

import bot.safety
from bot.safety.guard import REDACTED, Finding, FindingKind, is_valid_nhs_number, redact, scan

K = FindingKind


def kinds(text: str) -> list[FindingKind]:
    return [f.kind for f in scan(text)]


def found(text: str) -> list[tuple[FindingKind, str]]:
    return [(f.kind, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS no 943 476 5919 seen today", [(K.NHS_NUMBER, "943 476 5919")]),
        ("NHS no 943-476-5919", [(K.NHS_NUMBER, "943-476-5919")]),
        ("pt 9434765919 missed INR", [(K.NHS_NUMBER, "9434765919")]),
        ("DOB 14/07/1952, HRT?", [(K.DATE_OF_BIRTH, "14/07/1952")]),
        ("d.o.b. 03.11.87 miscarriage", [(K.DATE_OF_BIRTH, "03.11.87")]),
        ("born on 21/06/2019, cough", [(K.DATE_OF_BIRTH, "21/06/2019")]),
        ("born 2 February 1948", [(K.DATE_OF_BIRTH, "2 February 1948")]),
        ("lady 12/03/1941 with falls", [(K.DATE_OF_BIRTH, "12/03/1941")]),
        (
            "Mrs Jones 22/01/2012 eczema",
            [(K.NAME_WITH_DETAILS, "Mrs Jones"), (K.DATE_OF_BIRTH, "22/01/2012")],
        ),
        ("lives at LS6 2AB", [(K.POSTCODE, "LS6 2AB")]),
        ("postcode ec1a1bb", [(K.POSTCODE, "ec1a1bb")]),
        ("son on 07700 900123", [(K.PHONE, "07700 900123")]),
        ("call +44 7700 900456", [(K.PHONE, "+44 7700 900456")]),
        ("home 0161 496 0718", [(K.PHONE, "0161 496 0718")]),
        ("rang (0161) 496 0000", [(K.PHONE, "(0161) 496 0000")]),
        ("email john.smith@gmail.com", [(K.EMAIL, "john.smith@gmail.com")]),
        ("MRN: 00482913 ED letter", [(K.HOSPITAL_NUMBER, "00482913")]),
        ("hospital number RXH1234567", [(K.HOSPITAL_NUMBER, "RXH1234567")]),
        ("Mrs Jones, 84, falls", [(K.NAME_WITH_DETAILS, "Mrs Jones")]),
        ("Mr Patel aged 67 with PSA 9.8", [(K.NAME_WITH_DETAILS, "Mr Patel")]),
        ("86yo Mrs Thompson, confused", [(K.NAME_WITH_DETAILS, "Mrs Thompson")]),
        (
            "visit Mrs Okafor at 3 High Street",
            [(K.NAME_WITH_DETAILS, "Mrs Okafor at 3 High Street")],
        ),
        ("the family at 14 Willow Road", [(K.NAME_WITH_DETAILS, "14 Willow Road")]),
        (
            "please call Mrs Khan on 07700 900 222",
            [(K.NAME_WITH_DETAILS, "Mrs Khan"), (K.PHONE, "07700 900 222")],
        ),
        ("Mr and Mrs Patel, 84 and 82", [(K.NAME_WITH_DETAILS, "Mrs Patel")]),
    ],
)
def test_finds_identifiers(text: str, expected: list[tuple[FindingKind, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "amlodipine 5mg od, ramipril 2.5mg bd, 2 puffs qds prn",
        "BP 148/92 then 152/94, HR 88",
        "eGFR 54 mL/min/1.73m2, HbA1c 58 mmol/mol, K+ 5.9, Hb 112 g/L",
        "PHQ-9 of 19, GAD-7 15, QRISK3 18.2%, CHA2DS2-VASc 3",
        "a 67-year-old man with 67M on the list, 74F with falls",
        "Dr Shah and Dr Khan aged 45 are covering",
        "Practice meeting Tuesday 14/05/2025 at 12:45, training 10/10/24 13:00-17:00",
        "room 12, ext 4521, bleep 4412",
        "QOF 2024/25 and 2023-24",
        "EMIS v8.2.1, template version 3.2.1",
        "Practitioner Health 0300 0303 300, text PHP to 85258, Samaritans 116 123, 111, 999",
        "BMA wellbeing 0330 123 1245",
        "Vitamin B12 1mg IM every 3 months",
        "clinic 0830-1230 1400-1800",
        "Mrs Jones from reception is retiring",
        "gave Mrs Jones, 2 doses of naloxone",
        "born at 32 weeks, now 2 years old",
        "",
    ],
)
def test_leaves_chatter_alone(text: str) -> None:
    assert scan(text) == ()


def test_findings_are_sorted_non_overlapping_and_in_range() -> None:
    text = "Mrs Begum aged 76, DOB 04/04/1949, NHS 4010232137, LS6 2AB, a@b.com"
    findings = scan(text)
    assert [f.kind for f in findings] == [
        K.NAME_WITH_DETAILS,
        K.DATE_OF_BIRTH,
        K.NHS_NUMBER,
        K.POSTCODE,
        K.EMAIL,
    ]
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


def test_valid_nhs_number_beats_phone_reading() -> None:
    assert kinds("0123456789") == [K.NHS_NUMBER]  # valid check digit, also phone-shaped


@pytest.mark.parametrize(
    ("text", "preview"),
    [
        ("NHS 943 476 5919", "943 *** ****"),
        ("email Sarah.J@gp.nhs.uk", "S***@****.nhs.uk"),
        ("email s.patel@nhs.net", "s***@****.net"),
        ("Mrs Jones, 84", "Mrs J****"),
        ("DOB 14/07/1952", "14/**/****"),
        ("LS6 2AB", "LS* ***"),
    ],
)
def test_previews_are_masked(text: str, preview: str) -> None:
    (finding,) = scan(text)
    assert finding.preview == preview
    assert finding.preview != text[finding.start : finding.end]


def test_redact() -> None:
    text = "Mrs Jones, 84, NHS 943 476 5919, call 07700 900123"
    assert redact(text) == f"{REDACTED}, 84, NHS {REDACTED}, call {REDACTED}"
    assert redact("nothing here") == "nothing here"


def test_redact_with_given_findings_ignores_bad_ones() -> None:
    text = "abc def"
    bogus = [
        Finding(K.EMAIL, 0, 3, "a**"),
        Finding(K.EMAIL, 1, 2, "*"),
        Finding(K.EMAIL, 5, 99, "*"),
    ]
    assert redact(text, bogus) == f"{REDACTED} def"
    assert redact(text, []) == text


def test_is_valid_nhs_number() -> None:
    assert is_valid_nhs_number("9434765919")
    assert is_valid_nhs_number("943 476 5919")
    assert not is_valid_nhs_number("9434765918")
    assert not is_valid_nhs_number("943476591")
    assert not is_valid_nhs_number("١٢٣٤٥٦٧٨٩٠")  # non-ASCII digits are not NHS numbers


def test_finding_is_frozen() -> None:
    finding = scan("NHS 943 476 5919")[0]
    with pytest.raises(AttributeError):
        finding.start = 0  # type: ignore[misc]


def test_privacy_modules_never_import_logging() -> None:
    package = Path(bot.safety.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "logging" for n in names), path.name
            assert not (isinstance(node, ast.Name) and node.id == "print"), path.name
