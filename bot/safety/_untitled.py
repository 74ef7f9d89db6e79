"""Find patients' names without a title: next to an age, an age-and-sex, "called" or an address."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from bot.safety._names import ADDRESS_AFTER_NAME

Span = tuple[int, int]

# A capitalised word (O'Neill, Anne-Marie, McBride) or an all-capitals one (DAVID).
_WORD = (
    r"(?:(?:O['’]|Ma?c)?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|O['’][A-Z][a-z]+"
    r"|[A-Z]{2,}(?:['’-][A-Z]+)?)"
)
_NAME = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ ]{_WORD}){{0,3}}(?![\w'’])")
_AGE = r"(?:1[01][0-9]|[1-9][0-9]?)(?![0-9]|[.:/][0-9])"
_SEX = r"[ ]?[MF](?![\w/])"
_YO = r"[ ]?(?:yo|y/o|yrs?[ ]+old|years?[ ]+old|-years?-old|-year-old)\b"
_YEARS = r"[ ]?(?:yrs?|years?)"  # "63 yrs," only right before punctuation
_END = r"(?=[ ]*(?:[,.;)?]|[-–][ ]|$))"
# Numbers after a name that are counts, times or amounts, not ages ("Ben, 45 minutes late").
_COUNT = (
    r"(?:mins?|minutes|hours?|hrs|days?|weeks?|months?|years?|sessions?|visits?|patients?|pts"
    r"|calls?|bloods|results|extras|more|of|to|out|points?|%|x|st|nd|rd|th|am|pm|today|tomorrow"
    r"|tonight|not|up|down|off)\b"
)

# After a full name (two or more words): an age in any of the ways GPs write one.
_AGE_AFTER_FULL = re.compile(
    rf"^(?:[ ]*,?[ ]*(?:aged?|age:)[ ]*:?[ ]*{_AGE}"
    rf"|[ ]*,[ ]*{_AGE}(?:{_SEX}|{_YO}|{_YEARS})?{_END}"
    rf"|[ ]*\([ ]*(?:aged?[ ]*)?{_AGE}(?:{_SEX}|{_YO})?[ ]*\)"
    rf"|[ ]+[-–][ ]+{_AGE}{_END}"
    rf"|[ ]*,?[ ]+{_AGE}(?:{_SEX}|{_YO})"
    rf"|[ ]+{_AGE}(?:{_END}|[ ]+(?!{_COUNT})[A-Za-z]))"
)
# After a single word, only an unmistakable age: "Smith 45M", "Jack aged 6", "Oliver 3yo".
_AGE_AFTER_ONE = re.compile(
    rf"^(?:[ ]*,?[ ]*aged?[ ]*:?[ ]*{_AGE}|[ ]*,?[ ]*{_AGE}(?:{_SEX}|{_YO})"
    rf"|[ ]*\([ ]*{_AGE}{_SEX}[ ]*\))"
)
_CAPS_AGE_AFTER = re.compile(rf"^[ ]{_AGE}{_SEX}")  # "SMITH 45M", never "COPD, 74F"
# Before a name: "45M John", "82F Doris", "3yo Oliver", "67 year old Brian Foster".
_AGE_BEFORE = re.compile(rf"\b{_AGE}(?:{_SEX}|{_YO}|[ ]+year[ ]+old)[ ]*[,:-]?[ ]*$")
# "a 6 year old called Jack", "a lady named Edith": a person (not a colleague) is being named.
_CALLED_BEFORE = re.compile(
    r"(?:[0-9][ ]?(?:yo|[mf])|\b(?:lady|man|woman|girl|boy|baby|child|chap|gent|gentleman|patient"
    r"|pt|kid|toddler|teen|teenager|son|daughter|mum|dad|husband|wife|old))\b[^.!?\n]{0,25}"
    r"\b(?:called|named)[ ]+$",
    re.I,
)
_TITLE_BEFORE = re.compile(
    r"\b(?:Dr|Doctor|Prof|Professor|Nurse|Sister|Rev|Cllr|Mrs|Mr|Ms|Miss|Mx|Master)\.?[ ]+$", re.I
)

# Capitalised words that are not names: sentence openers, clinical shorthand, days, months.
_NOT_NAMES = frozenset(
    """a an the i im i'm re seen saw see pt patient query new known type with can could quick also
    and but so if or is was has had on in at of for to from by as our my his her their this that
    these those he she they we you it hi hello thanks thank happy well done please sorry morning
    afternoon evening today tomorrow yesterday any anyone someone does did do how what when where
    who why which not no yes ok okay just re fyi nb ps ref dear mum dad baby lady man woman boy girl
    child son daughter husband wife hb na mg ca fe cr ur wells hx dx rx tx sx pmh dm htn ckd af bp
    hr rr ecg nhs gp gps mrn dob ae ed ct mri usg cxr fbc ue lft tft crp psa inr egfr alt frax
    epds news gad phq audit monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december christmas
    easter room ward bay bed bank holiday asian white black british indian male female age aged
    year years old yo week weeks month months day days chest back left right mr mrs ms miss mx dr
    master ask meet call called named rang ring visit sent send""".split()  # noqa: SIM905 (reads as prose)
)


# Every cue (an age, "called", a street number) holds a digit or one of these words, so a run of
# capitalised words with none of them nearby is skipped without further work.
_CUE = re.compile(r"[0-9]+|called|named")


def _trim(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Drop words that are not names from both ends; (start, end, words left)."""
    words = text[start:end].split(" ")  # _NAME joins words with single spaces
    first, last = 0, len(words)
    while first < last and words[first].lower() in _NOT_NAMES:
        start += len(words[first]) + 1
        first += 1
    while last > first and words[last - 1].lower() in _NOT_NAMES:
        end -= len(words[last - 1]) + 1
        last -= 1
    return start, max(start, end), last - first


def _address(text: str, end: int) -> Span | None:
    """The street right after a full name ("John Smith of 12 High Street"), if any."""
    m = ADDRESS_AFTER_NAME.match(text[end : end + 80])
    if m is None:
        return None
    digit = next(i for i, ch in enumerate(m.group()) if ch.isdigit())
    flat = m.group().lower().rfind("flat", 0, digit)
    return end + (flat if flat >= 0 else digit), end + m.end()


def _has_age(text: str, start: int, end: int, count: int) -> bool:
    after = text[end : end + 60]
    before = text[max(0, start - 40) : start]
    if count >= 2 and _AGE_AFTER_FULL.match(after):
        return True
    # A lone capitalised word needs an unmistakable age; a lone all-capitals one (COPD, ECG)
    # only counts before one ("SMITH 45M"), never after ("67M COPD").
    lone_caps = count == 1 and text[start:end].isupper()
    if count == 1 and not lone_caps and _AGE_AFTER_ONE.match(after):
        return True
    if lone_caps and end - start >= 4 and _CAPS_AGE_AFTER.match(after):
        return True
    if lone_caps:
        return False
    called = ("called" in before or "named" in before) and _CALLED_BEFORE.search(before)
    return bool(called or _AGE_BEFORE.search(before[-20:]))


def find_untitled_names(text: str) -> Iterator[Span]:
    """The name alone (so redaction keeps the age), and any street after a full name."""
    cues = [m.span() for m in _CUE.finditer(text)]
    ends = [end for _start, end in cues]
    for m in _NAME.finditer(text):
        near = bisect.bisect_left(ends, m.start() - 45)
        if near == len(cues) or cues[near][0] > m.end() + 60:
            continue
        start, end, count = _trim(text, m.start(), m.end())
        if count == 0 or _TITLE_BEFORE.search(text[max(0, start - 12) : start]):
            continue  # "Mrs Jones" is the titled detector's; "Dr Shah" is a colleague
        street = _address(text, end) if count >= 2 else None
        if street is not None or _has_age(text, start, end, count):
            yield start, end
        if street is not None:
            yield street
