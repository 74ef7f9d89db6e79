"""Find patients' names with an age, a date or an address, and bare street addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.safety._dates import iter_full_dates
from bot.safety._numbers import find_phones

Span = tuple[int, int]

# Doctors' titles are deliberately absent: "Dr Shah" is a colleague, not a patient.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "master"})
_TITLE = r"(?:Mrs|Mr|Ms|Miss|Mx|Master|MRS|MR|MISS|mrs|mr)"
_WORD = r"[^\W\d_][\w'’-]*"
_NAME = re.compile(
    rf"(?<![\w]){_TITLE}\.?[ ]+(?P<body>(?:[A-Z]\.?[ ]+){{0,2}}{_WORD}(?:[ ]+[A-Z][\w'’-]+)?)"
)
# Words that can follow a title without being a name ("Mr and Mrs", "mrs with ...").
_NOT_NAMES = frozenset(
    {
        "and",
        "or",
        "with",
        "who",
        "is",
        "was",
        "the",
        "a",
        "an",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "her",
        "his",
        "has",
        "had",
        "said",
        "says",
        "did",
        "does",
        "will",
        "would",
        "could",
        "can",
        "not",
        "no",
        "it",
        "this",
        "that",
        "aged",
        "age",
        "from",
        "lives",
        "x",
        "&",
    }
)

_SUFFIX = (
    r"(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Cres|Gardens|Gdns|Place"
    r"|Court|Ct|Terrace|Grove|Walk|Rise|Hill|Park|Row|Square|Sq|Mews|View|Green|Parade|Vale"
    r"|Croft|Fold|Gate|Wynd)"
)
# Street words are capitalised, or all lower case with a lower-case street type ("12 high st"
# is rare, "at 10 on the road" is chatter), so the lower-case form excludes function words.
_LOWER_STREET = (
    r"(?:(?!(?:the|on|in|a|an|of|to|at|and|by|down|up|my|our|her|his)\b)[a-z][a-z'-]*[ ]+){1,2}"
    r"(?:street|road|lane|avenue|drive|crescent|gardens|terrace|grove)"
)
_ADDRESS = (
    r"(?:(?:Flat|Apt|Apartment|flat)[ ]+[0-9]{1,4}[A-Za-z]?,?[ ]+)?[0-9]{1,4}[A-Za-z]?,?[ ]+"
    rf"(?:(?:The[ ]+)?(?:[A-Z][\w'’-]*[ ]+){{0,3}}{_SUFFIX}|{_LOWER_STREET})\b"
)
_ADDRESS_AFTER_NAME = re.compile(
    rf"^(?:[ ]*,)?[ ]*(?:(?:who[ ]+)?lives[ ]+(?:at|in)|at|of|from|in)?[ ]*{_ADDRESS}"
)
ADDRESS_AFTER_NAME = _ADDRESS_AFTER_NAME  # the untitled-name detector ties names to streets too
_BARE_ADDRESS = re.compile(
    rf"(?:\b(?:lives|living|live|resides|address|is|home|at|on|of|from|to|visit)"
    rf"\b[: ]*|^|\n)(?P<addr>{_ADDRESS})"
)

_AGE_SUFFIX = r"(?:y|yo|y/o|yrs?|years?(?:[ ]+old)?|-?years?-old|[mfMF])"
# A number followed by a unit or a duration is a dose or a time, not an age.
_NOT_AGE_AFTER = (
    r"(?![0-9]|[ ]*(?:%|/|\.[0-9]|:[0-9]|mg|ml|mcg|kg|g\b|units?|mins?|minutes|hours?|hrs?"
    r"|days?|weeks?|months?|x\b|doses?|tabs?|tablets?|puffs?|drops?|times|sachets?))"
)
_AGE_AFTER = re.compile(
    r"^(?:"
    r"[ ]*,?[ ]*(?:aged?|age:)[ ]*:?[ ]*[0-9]{1,3}\b"
    rf"|[ ]*,[ ]*(?:an?[ ]+)?[0-9]{{1,3}}(?:[ ]*{_AGE_SUFFIX}\b)?{_NOT_AGE_AFTER}"
    rf"|[ ]*\([ ]*(?:aged?[ ]*)?[0-9]{{1,3}}[ ]*{_AGE_SUFFIX}?[ ]*\)"
    rf"|[ ]+[0-9]{{1,3}}[ ]*{_AGE_SUFFIX}\b"
    r"|[ ]*,?[ ]*(?:who[ ]+is|who's|is)[ ]+(?:now[ ]+)?[0-9]{1,3}\b"
    rf"|[ ]*[-–][ ]*[0-9]{{1,3}}{_NOT_AGE_AFTER}(?=[ ]*(?:[-–,;.)]|$))"
    rf"|[ ]+[0-9]{{1,3}}{_NOT_AGE_AFTER}"
    r"(?=[ ]*(?:[,;.]|$|(?:with|who|and|has|had|is|was|on|in|[a-z]+ing)\b))"
    r")"
)
_AGE_BEFORE = re.compile(
    r"\b[0-9]{1,3}[ ]*(?:-?[ ]*years?[ ]*-?[ ]*old|yo|y/o|yr[ ]+old)[ ,]*"
    r"(?:lady|man|woman|gentleman|gent|patient|pt)?[ ,]*$"
)
_CONTACT_LEAD = re.compile(r"[ ]*(?:,|\(|on|mob(?:ile)?|tel|phone)?[ :]*", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^[ ]*[,:(\-]?[ ]*(?:dob|d\.o\.b\.?|born)?[ :]*$", re.IGNORECASE)


def _name_words_ok(body: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", body)
    # An initial ("Mrs A Begum") is not the article "a".
    if len(words) > 1 and len(words[0]) == 1 and words[0].isupper():
        words = words[1:]
    return bool(words) and words[0].lower() not in _NOT_NAMES and len(words[-1]) > 1


def _date_follows(text: str, end: int) -> bool:
    for start, _end, _year in iter_full_dates(text[end : end + 40]):
        return bool(_DATE_AFTER.match(text[end : end + start]))
    return False


def _contact_follows(text: str, end: int) -> bool:
    """A phone number right after a name ("Mrs Khan on 07700 ...") ties the two together."""
    after = text[end : end + 40]
    lead = _CONTACT_LEAD.match(after)
    return lead is not None and any(s == lead.end() for s, _e in find_phones(after))


def _detail_end(text: str, start: int, end: int) -> int | None:
    """End of the name span if a detail is attached; None if the name stands alone."""
    after = text[end : end + 80]
    address = _ADDRESS_AFTER_NAME.match(after)
    if address:
        return end + address.end()
    if _AGE_AFTER.match(after) or _date_follows(text, end) or _contact_follows(text, end):
        return end
    if _AGE_BEFORE.search(text[max(0, start - 30) : start]):
        return end
    return None


def find_names_with_details(text: str) -> Iterator[Span]:
    pos = 0
    while (m := _NAME.search(text, pos)) is not None:
        end = _detail_end(text, m.start(), m.end()) if _name_words_ok(m.group("body")) else None
        if end is None:
            # Retry just after this title: "Mr and Mrs Patel, 84" must still find "Mrs Patel".
            pos = m.start() + 1
            continue
        yield m.start(), end
        pos = end


def find_addresses(text: str) -> Iterator[Span]:
    for m in _BARE_ADDRESS.finditer(text):
        yield m.start("addr"), m.end("addr")
