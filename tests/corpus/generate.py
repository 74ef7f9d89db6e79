"""Generate the seeded template corpus: GP sentences with random identifiers and random chatter.

Run `python tests/corpus/generate.py` to rewrite generated_*.jsonl; the output is fixed by SEED.
The templates were written before the guard was tuned and are part of the held-out figure.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

SEED = 20250603
N_EACH = 600
HERE = Path(__file__).resolve().parent

SURNAMES = [
    "Jones",
    "Patel",
    "Smith",
    "Okafor",
    "Begum",
    "Williams",
    "O'Neill",
    "Nowak",
    "Khan",
    "Taylor",
    "Brown",
    "Ahmed",
    "McDonald",
    "Evans",
    "Singh",
    "Hughes",
    "Kowalski",
    "Chen",
    "Adeyemi",
    "Murphy",
    "Wright",
    "Hussain",
    "Davies",
    "Ali",
]
FIRST = ["John", "Mary", "Aisha", "Tom", "Margaret", "Raj", "Grace", "Peter", "Fatima", "Joan"]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Mr", "Mrs"]
STREETS = [
    "High Street",
    "Church Lane",
    "Station Road",
    "Park Avenue",
    "Mill Lane",
    "Victoria Road",
    "The Crescent",
    "Oak Close",
    "Green Lane",
    "Manor Drive",
    "Kings Road",
    "Queen Street",
    "Elm Grove",
    "Chapel Street",
    "Meadow Way",
]
AREAS = [
    "LS",
    "M",
    "B",
    "BS",
    "CF",
    "NE",
    "G",
    "EH",
    "L",
    "S",
    "OX",
    "CB",
    "N",
    "E",
    "W",
    "SE",
    "NW",
    "SW",
    "NG",
    "LE",
    "DE",
    "ST",
    "WF",
    "BD",
    "HX",
    "PL",
    "EX",
    "TR",
    "YO",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
COLLEAGUES = [
    "Dr Shah",
    "Dr Green",
    "Dr Okafor",
    "Dr Lee",
    "Dr Patel",
    "Dr Mensah",
    "Dr Khan",
    "Dr Evans",
    "Sarah",
    "Tom in admin",
    "the practice manager",
]
DRUGS = [
    "amlodipine",
    "ramipril",
    "metformin",
    "sertraline",
    "atorvastatin",
    "bisoprolol",
    "prednisolone",
    "levothyroxine",
    "apixaban",
    "furosemide",
    "omeprazole",
    "citalopram",
]
UNITS = ["mg", "mg", "mcg", "g", "ml", "units"]
FREQ = ["od", "bd", "tds", "qds", "nocte", "once daily", "twice a day", "weekly", "prn"]
LABS = [
    ("HbA1c", "mmol/mol", 38, 110),
    ("eGFR", "mL/min/1.73m2", 12, 90),
    ("K+", "mmol/L", 3, 7),
    ("Hb", "g/L", 70, 160),
    ("ferritin", "ug/L", 4, 400),
    ("CRP", "mg/L", 1, 250),
    ("TSH", "mU/L", 0, 20),
    ("ALT", "U/L", 10, 300),
    ("PSA", "ng/mL", 1, 30),
    ("cholesterol", "mmol/L", 3, 9),
    ("Na", "mmol/L", 120, 145),
]
SCORES = [
    "PHQ-9",
    "GAD-7",
    "QRISK3",
    "CHA2DS2-VASc",
    "Wells",
    "CRB-65",
    "EPDS",
    "AUDIT-C",
    "FRAX",
    "ORBIT",
    "MMSE",
    "6CIT",
    "NEWS2",
]
SIGNPOSTS = ["0300 0303 300", "116 123", "111", "999", "85258", "0330 123 1245"]


def nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            s = "".join(map(str, digits)) + str(check)
            sep = rng.choice([" ", "-", "", " "])
            return f"{s[:3]}{sep}{s[3:6]}{sep}{s[6:]}"


def full_date(rng: random.Random, y0: int, y1: int) -> str:
    y, m, d = rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)
    fmt = rng.randrange(8)
    two = str(y)[2:]
    return [
        f"{d:02}/{m:02}/{y}",
        f"{d}/{m}/{y}",
        f"{d:02}.{m:02}.{y}",
        f"{d:02}-{m:02}-{y}",
        f"{d} {MONTHS[m - 1]} {y}",
        f"{d} {MONTHS[m - 1][:3]} {y}",
        f"{y}-{m:02}-{d:02}",
        f"{d}/{m}/{two}" if y < 2000 else f"{d:02}/{m:02}/{y}",
    ][fmt]


def postcode(rng: random.Random) -> str:
    area = rng.choice(AREAS)
    district = str(rng.randint(1, 28 if len(area) == 2 else 9))
    inward = f"{rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    pc = f"{area}{district}{rng.choice([' ', ' ', ' ', ''])}{inward}"
    return pc.lower() if rng.random() < 0.1 else pc


def phone(rng: random.Random) -> str:
    def digits(n: int) -> str:
        return "".join(str(rng.randint(0, 9)) for _ in range(n))

    kind = rng.randrange(7)
    if kind == 0:
        return f"07{digits(3)} {digits(6)}"
    if kind == 1:
        return f"07{digits(9)}"
    if kind == 2:
        return f"+44 7{digits(3)} {digits(6)}"
    if kind == 3:
        return f"01{digits(2)} {digits(3)} {digits(4)}"
    if kind == 4:
        return f"020 {digits(4)} {digits(4)}"
    if kind == 5:
        return f"+44 (0){rng.choice(['1', '2'])}{digits(2)} {digits(3)} {digits(4)}"
    return f"01{digits(3)} {digits(6)}"


def email(rng: random.Random) -> str:
    first, last = rng.choice(FIRST).lower(), rng.choice(SURNAMES).lower().replace("'", "")
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}"])
    dom = rng.choice(
        [
            "gmail.com",
            "hotmail.co.uk",
            "nhs.net",
            "outlook.com",
            "yahoo.co.uk",
            "btinternet.com",
            "icloud.com",
        ]
    )
    return f"{local}@{dom}"


def hospital(rng: random.Random) -> tuple[str, str]:
    label = rng.choice(
        [
            "hospital number",
            "hosp no",
            "Hosp No:",
            "MRN",
            "MRN:",
            "unit number",
            "hospital no.",
            "RXH number",
        ]
    )
    value = rng.choice(
        [
            f"{rng.choice('ABKRMHS')}{rng.randint(100000, 9999999)}",
            str(rng.randint(10000000, 99999999)),
            f"RX{rng.choice('HNK')}{rng.randint(100000, 999999)}",
        ]
    )
    return label, value


def titled(rng: random.Random) -> str:
    title, surname = rng.choice(TITLES), rng.choice(SURNAMES)
    first = rng.choice(["", "", f"{rng.choice(FIRST)} ", f"{rng.choice(FIRST)[0]} "])
    return f"{title} {first}{surname}"


def address(rng: random.Random) -> str:
    return f"{rng.randint(1, 140)} {rng.choice(STREETS)}"


def _clinical(rng: random.Random) -> str:
    drug = rng.choice(DRUGS)
    dose = f"{rng.choice([1, 2.5, 5, 10, 20, 40, 50, 100, 500])}{rng.choice(UNITS)}"
    return rng.choice(
        [
            f"on {drug} {dose} {rng.choice(FREQ)}, still symptomatic",
            f"BP {rng.randint(100, 200)}/{rng.randint(55, 120)}, worth adding something?",
            f"{lab_value(rng)} on the repeat, thoughts?",
            "any ideas before I refer?",
            f"{rng.choice(SCORES)} {rng.randint(0, 27)}, refer or manage here?",
        ]
    )


def lab_value(rng: random.Random) -> str:
    name, unit, lo, hi = rng.choice(LABS)
    val = rng.choice([str(rng.randint(lo, hi)), f"{rng.uniform(lo, hi):.1f}"])
    return f"{name} {val} {unit}" if rng.random() < 0.6 else f"{name} {val}"


IdTemplate = Callable[[random.Random], str]

ID_TEMPLATES: list[IdTemplate] = [
    lambda r: f"pt NHS no [[nhs:{nhs_number(r)}]], {_clinical(r)}",
    lambda r: f"can someone look at [[nhs:{nhs_number(r)}]]? {_clinical(r)}",
    lambda r: f"NHS number: [[nhs:{nhs_number(r)}]] - letter from ortho lost again",
    lambda r: f"DOB [[dob:{full_date(r, 1925, 2023)}]], {_clinical(r)}",
    lambda r: f"lady d.o.b. [[dob:{full_date(r, 1925, 2023)}]] {_clinical(r)}",
    lambda r: f"man born [[dob:{full_date(r, 1925, 2023)}]], {_clinical(r)}",
    lambda r: f"date of birth [[dob:{full_date(r, 1925, 2023)}]] - {_clinical(r)}",
    lambda r: f"re the patient ([[dob:{full_date(r, 1925, 1995)}]]) {_clinical(r)}",
    lambda r: f"[[name:{titled(r)}]], {r.randint(18, 99)}, {_clinical(r)}",
    lambda r: f"[[name:{titled(r)}]] aged {r.randint(1, 99)} {_clinical(r)}",
    lambda r: f"[[name:{titled(r)}]] ({r.randint(18, 99)}) {_clinical(r)}",
    lambda r: f"{r.randint(18, 99)}yo [[name:{titled(r)}]] {_clinical(r)}",
    lambda r: f"visiting [[name:{titled(r)} at {address(r)}]] later, {_clinical(r)}",
    lambda r: f"she lives at [[name:{address(r)}]] - {_clinical(r)}",
    lambda r: f"[[name:{titled(r)}]] [[dob:{full_date(r, 1925, 2023)}]] {_clinical(r)}",
    lambda r: f"lives in [[postcode:{postcode(r)}]], {_clinical(r)}",
    lambda r: f"postcode [[postcode:{postcode(r)}]] - is that our patch for a home visit?",
    lambda r: f"moved to [[postcode:{postcode(r)}]] but still registered with us, {_clinical(r)}",
    lambda r: f"call the daughter on [[phone:{phone(r)}]] please, {_clinical(r)}",
    lambda r: f"patient's mobile [[phone:{phone(r)}]] - no answer x3",
    lambda r: f"the wife left her number ([[phone:{phone(r)}]]) and wants a call back",
    lambda r: f"his email is [[email:{email(r)}]] - ok to send results there?",
    lambda r: f"patient emailed from [[email:{email(r)}]] asking for a fit note",
    lambda r: (lambda lv: f"{lv[0]} [[hosp:{lv[1]}]] - {_clinical(r)}")(hospital(r)),
    lambda r: (lambda lv: f"the discharge letter ({lv[0]} [[hosp:{lv[1]}]]) says {_clinical(r)}")(
        hospital(r)
    ),
]


def meeting_date(rng: random.Random) -> str:
    y, m, d = rng.randint(2024, 2027), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        [
            f"{d:02}/{m:02}/{y}",
            f"{d}/{m}/{str(y)[2:]}",
            f"{d} {MONTHS[m - 1]}",
            f"{d}{'th' if d > 3 else ['st', 'nd', 'rd'][d - 1]} {MONTHS[m - 1][:3]}",
            f"{d:02}.{m:02}.{y}",
            f"{y}-{m:02}-{d:02}",
            f"{d:02}/{m:02}",
        ]
    )


def clock(rng: random.Random) -> str:
    return f"{rng.randint(7, 19):02}:{rng.choice(['00', '15', '30', '45'])}"


CHATTER_TEMPLATES: list[IdTemplate] = [
    lambda r: f"{r.randint(18, 95)}-year-old {r.choice(['man', 'woman'])} {_clinical(r)}",
    lambda r: f"a {r.randint(18, 95)} year old {_clinical(r)}",
    lambda r: f"{r.randint(18, 95)}{r.choice('MF')} {_clinical(r)}",
    lambda r: f"{lab_value(r)}, {lab_value(r)}, {_clinical(r)}",
    lambda r: (
        f"{r.choice(DRUGS)} {r.choice([2.5, 5, 10, 20, 40])}mg {r.choice(FREQ)} "
        f"then increase to {r.choice([10, 20, 40, 80])}mg after {r.randint(1, 6)} weeks?"
    ),
    lambda r: (
        f"BP {r.randint(100, 200)}/{r.randint(55, 120)} in clinic, "
        f"{r.randint(120, 170)}/{r.randint(70, 100)} at home"
    ),
    lambda r: (
        f"{r.choice(SCORES)} of {r.randint(0, 27)} and {r.choice(SCORES)} {r.randint(0, 9)},"
        f" {r.randint(1, 99)}% risk, {_clinical(r)}"
    ),
    lambda r: f"practice meeting on {meeting_date(r)} at {clock(r)} in room {r.randint(1, 20)}",
    lambda r: (
        f"{r.choice(COLLEAGUES)} is off on {meeting_date(r)}, can anyone cover "
        f"{clock(r)}-{clock(r)}?"
    ),
    lambda r: (
        f"coffee at {clock(r)}? {r.choice(COLLEAGUES)} brought biscuits to room {r.randint(1, 30)}"
    ),
    lambda r: f"rota for w/c {meeting_date(r)} is out, ext {r.randint(200, 4999)} for swaps",
    lambda r: (
        f"QOF {r.randint(2019, 2026)}/{r.randint(20, 27)} achievement is "
        f"{r.randint(60, 99)}% on the BP indicators"
    ),
    lambda r: (
        f"EMIS v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)} broke the "
        f"templates, {r.choice(COLLEAGUES)} has logged it"
    ),
    lambda r: (
        f"if you need to talk: Practitioner Health {SIGNPOSTS[0]}, text PHP to "
        f"{SIGNPOSTS[4]}, Samaritans {SIGNPOSTS[1]}"
    ),
    lambda r: f"remember {r.choice(SIGNPOSTS)} is there for us too",
    lambda r: (
        f"{r.randint(20, 60)} results, {r.randint(2, 30)} letters and "
        f"{r.randint(1, 5)} home visits left, {r.choice(COLLEAGUES)} can you take some?"
    ),
    lambda r: (
        f"CQC inspection {meeting_date(r)}, mock run {meeting_date(r)}, bleep "
        f"{r.randint(1000, 9999)} if you're late"
    ),
    lambda r: f"appraisal due {meeting_date(r)}, revalidation {r.randint(2025, 2030)}",
    lambda r: (
        f"vitamin B12 1mg IM every {r.randint(2, 3)} months or oral "
        f"{r.choice([50, 100, 1000])}mcg daily?"
    ),
    lambda r: (
        f"temp {r.randint(37, 40)}.{r.randint(0, 9)}, HR {r.randint(60, 170)}, "
        f"RR {r.randint(12, 40)}, sats {r.randint(88, 99)}% - {_clinical(r)}"
    ),
    lambda r: f"{r.choice(COLLEAGUES)} aged well after the {r.randint(2, 12)} hour clinic!",
    lambda r: (
        f"{r.choice(DRUGS)} {r.randint(1, 50)}0mg/{r.randint(1, 5)}ml oral solution, "
        f"{r.randint(2, 10)}ml {r.choice(FREQ)}"
    ),
]


def _render(rng: random.Random, templates: list[IdTemplate], n: int) -> list[str]:
    return [rng.choice(templates)(rng) for _ in range(n)]


def generate(seed: int = SEED, n: int = N_EACH) -> tuple[list[str], list[str]]:
    """Return (marked identifier sentences, chatter sentences), deterministic for a seed."""
    rng = random.Random(seed)
    return _render(rng, ID_TEMPLATES, n), _render(rng, CHATTER_TEMPLATES, n)


def write(seed: int = SEED) -> None:
    ids, chatter = generate(seed)
    for name, rows in (("generated_identifiers", ids), ("generated_chatter", chatter)):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for text in rows:
                fh.write(json.dumps({"text": text}) + "\n")


if __name__ == "__main__":
    write()
