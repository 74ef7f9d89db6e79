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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("John Smith, 45, chest pain", "John Smith"),
        ("Jane Doe 82 with falls", "Jane Doe"),
        ("JANE DOE 82 with falls", "JANE DOE"),
        ("jane doe 82 with falls", None),  # no capitals, no name: an accepted miss
        ("Smith 45M, chest pain", "Smith"),
        ("Smith 45 M chest pain", "Smith"),
        ("Smith  45m", None),  # two spaces and a lower-case m: not the shorthand
        ("45M John, ?renal colic", "John"),
        ("45 M John Taylor", "John Taylor"),
        ("45M - John", "John"),
        ("John 45 M with chest pain", "John"),
        ("Tom Hughes (67) PSA 9.1", "Tom Hughes"),
        ("Bethany Hall (17F) wants the implant", "Bethany Hall"),
        ("Mohammed Iqbal - 61 - new murmur", "Mohammed Iqbal"),
        ("Peter O'Neill aged 71", "Peter O'Neill"),
        ("Anne-Marie Doyle, 47, menorrhagia", "Anne-Marie Doyle"),
        ("Connor McBride 23, lithium", "Connor McBride"),
        ("a 6 year old called Jack with a limp", "Jack"),
        ("84 year old lady named Edith Walsh", "Edith Walsh"),
        ("17yo called Mia Roberts", "Mia Roberts"),
        ("Seen Aisha Begum, 34, with night sweats", "Aisha Begum"),
    ],
)
def test_finds_untitled_names_with_an_age(text: str, name: str | None) -> None:
    names = [t for k, t in found(text) if k is K.NAME_WITH_DETAILS]
    assert names == ([name] if name else [])


def test_untitled_name_with_an_address_flags_both() -> None:
    text = "John Smith of 12 High Street needs a visit"
    assert found(text) == [
        (K.NAME_WITH_DETAILS, "John Smith"),
        (K.NAME_WITH_DETAILS, "12 High Street"),
    ]
    assert redact(text) == f"{REDACTED} of {REDACTED} needs a visit"
    assert redact("Ray Cooper, 22 Station Road, keys") == f"{REDACTED}, {REDACTED}, keys"


def test_redacting_an_untitled_name_keeps_the_age() -> None:
    assert redact("John Smith, 45, chest pain") == f"{REDACTED}, 45, chest pain"
    assert redact("45M John, ?renal colic") == f"45M {REDACTED}, ?renal colic"
    (finding,) = scan("John Smith, 45")
    assert finding.preview == "J*** S****"


@pytest.mark.parametrize(
    "text",
    [
        "Ben, 45 minutes late again",
        "Ben 45 minutes late again",
        "Priya 2 mins, coffee?",
        "Sam, 10:30 ok for the meeting?",
        "Dr Shah 45 today! Cake in the staff room",
        "Dr Amir Khan, 45, new partner from April",
        "Sarah Jones, 3 sessions this week",
        "Happy birthday Sue, 60 today!",
        "Mark Webb 50 today!",
        "Liz 20 years at the practice",
        "Mike 12, Lee 9 in the pub quiz",
        "Tom Reed, 8:30 start tomorrow?",
        "Priya Sharma 07:30 - 13:00",
        "a new locum called Ben starts Monday",
        "the new nurse is named Aisha",
        "67M COPD, 74F CKD3, 45M Type 2",
        "St Mary's 45 minutes away",
        "Meet Jo Baker (2nd year ST) on Wednesday",
    ],
)
def test_colleagues_and_shorthand_are_not_patients(text: str) -> None:
    assert scan(text) == ()


@pytest.mark.parametrize(
    "number",
    ["943 476 5918", "943-476-5918", "943 - 476 - 5918", "943  476  5918", "123-456-7890"],
)
def test_nhs_shaped_number_with_a_wrong_check_digit_is_flagged(number: str) -> None:
    assert not is_valid_nhs_number(number)
    text = f"pt {number} bloods?"
    assert found(text) == [(K.NHS_NUMBER, number)]
    assert scan(text)[0].preview.startswith(number[:3])
    assert "5918" not in scan(text)[0].preview


@pytest.mark.parametrize(
    "text",
    ["order 9434765918 today", "v943.476.5918", "943 476-5918", "9434 765 918", "1943 476 5918"],
)
def test_only_the_nhs_shape_makes_a_wrong_check_digit_count(text: str) -> None:
    assert K.NHS_NUMBER not in kinds(text)


def test_a_phone_number_beats_a_mistyped_nhs_reading() -> None:
    assert kinds("call 0161 496 0718") == [K.PHONE]
