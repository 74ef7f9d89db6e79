"""Detect first-person words of crisis (not hyperbole, not talk about patients); never logs."""

from __future__ import annotations

import re

from bot.safety._crisis_phrases import NEEDS_I, NEEDS_SUBJECT, NOT_CRISIS_AFTER, SELF

# Clauses are judged separately so "I'm not suicidal, but I don't feel safe" is caught and
# "I'm not suicidal, just tired" is not.
_CLAUSES = re.compile(
    r"[.!?;\n]+|(?<!nothing)(?<!nothing\s)(?<!anything)(?<!anything\s),?\s*\bbut\b"
    r"|,?\s*\b(?:though|although|however)\b|,\s*(?:just|only)\b"
    r"|,\s*(?=i\b|i'|im\b)",
)

_WINDOW = 120
_FIRST = frozenset(
    ["i", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "me", "my", "myself", "mine"]
)
# Someone else as the subject: a pronoun, a patient, a relative, people in general.
_OTHERS = frozenset(
    [
        "he",
        "she",
        "they",
        "him",
        "her",
        "his",
        "them",
        "their",
        "you",
        "we",
        "he's",
        "she's",
        "they're",
        "they've",
        "they'd",
        "he'd",
        "she'd",
        "he'll",
        "she'll",
        "they'll",
        "you're",
        "patient",
        "pt",
        "patients",
        "pts",
        "mum",
        "dad",
        "husband",
        "wife",
        "son",
        "daughter",
        "partner",
        "someone",
        "somebody",
        "people",
        "man",
        "woman",
        "lady",
        "gentleman",
        "child",
        "boy",
        "girl",
        "baby",
        "who",
        "mr",
        "mrs",
        "ms",
        "miss",
        "colleague",
        "colleagues",
        "friend",
        "brother",
        "sister",
        "teenager",
        "teenagers",
        "teens",
        "family",
        "doctors",
        "gps",
        "nurses",
        "staff",
        "kids",
        "children",
        "adolescents",
        "students",
        "men",
        "women",
        "registrar",
        "trainee",
        "locum",
        "carer",
        "client",
        "mother",
        "father",
    ]
)
# After a phrase with no subject before it, only these say it was someone else ("cutting
# again, CAMHS discharged him"); "a burden to my family" names the family as the object.
_OTHERS_AFTER = frozenset(["he", "she", "him", "her", "his", "they", "them", "pt", "patient"])
_TOKENS = re.compile(r"[a-z]+(?:'[a-z]+)?")
# "35M, cutting again": an age and sex is a patient.
_AGE_SEX = re.compile(r"\b[0-9]{1,3}[ ]?(?:[mf]|yo|y/o|years?[ -]old)\b")
# "suicide prevention training", "teaching on self-harm": the words as a topic, not a state.
_TOPIC_AFTER = re.compile(
    r"^[\s/-]*(?:risk|prevention|training|awareness|assessment|screening|rates?|policy|alliance"
    r"|protocol|resources?|service|pathway|charity|leaflets?|"
    r"teaching|webinar|course|module|helpline|ideation|audit|guidance|in\s+(?:adolescents|"
    r"young|children|teens|older))\b",
)
_TOPIC_BEFORE = re.compile(
    r"\b(?:teaching|training|talk|lecture|webinar|course|guidance|session|module|audit|policy|"
    r"leaflet|assess\w*|risk|article|paper|podcast|study|research)\s+(?:on|about|of|in|for|re)?\s*$",
)
_NEGATED = re.compile(r"\b(?:not|never|no|nor|without|den(?:y|ies|ied))\b|n't\b")
_HEDGE = re.compile(r"\bnot\s+(?:sure|certain)\b|(?:don'?t|do\s+not)\s+know\b")
# Reported speech: 'my patient said "I want to die"' is the patient's crisis, not the author's.
_OPEN_QUOTE = re.compile(r"""(?:^|[\s(:])["“‘']""")
_CLOSE_QUOTE = re.compile(r"""["”’]|'(?![a-z])""")
_SPEECH = re.compile(
    r"\b(?:said|says|saying|told\s+(?:me|us)|tells\s+(?:me|us)|telling\s+(?:me|us)|wrote|writes"
    r"|texted|stated|states|reports?|reported|asked|quote)\b[\s,:]*$",
)


def _nearest(text: str) -> str:
    """'first', 'other' or '' for the nearest subject at the end of `text`."""
    for token in reversed(_TOKENS.findall(text.lower())):
        if token in _FIRST:
            return "first"
        if token in _OTHERS:
            return "other"
    return ""


def _quoted_speaker(before: str) -> str:
    """If the phrase sits inside a quote attributed to someone, who said it ('' if not)."""
    openings = list(_OPEN_QUOTE.finditer(before))
    if not openings or _CLOSE_QUOTE.search(before, openings[-1].end()):
        return ""
    opening = openings[-1]
    lead = before[: opening.start() + 1]
    verb = _SPEECH.search(lead)
    if verb is None:
        return ""
    return _nearest(lead[: verb.start()]) or "other"


def _speaker(before: str, after: str) -> str:
    """Who the phrase is about: 'first', 'other', or '' when the clause does not say."""
    speaker = _quoted_speaker(before) or _nearest(before)
    if speaker:
        return speaker
    tokens = set(_TOKENS.findall(after.lower()))
    if _AGE_SEX.search(before) or _OTHERS_AFTER & tokens:
        return "other"
    return "first" if _FIRST & tokens else ""


def _negated(before: str) -> bool:
    window = " ".join(before.split()[-4:])
    return bool(_NEGATED.search(window)) and not _HEDGE.search(window)


def _is_topic(before: str, after: str) -> bool:
    return bool(_TOPIC_AFTER.match(after) or _TOPIC_BEFORE.search(before))


def _phrase_counts(clause: str, m: re.Match[str], needs: str) -> bool:
    # The subject and any negation sit close to the phrase; bounded windows keep long rants
    # linear in time.
    before = clause[max(0, m.start() - _WINDOW) : m.start()]
    after = clause[m.end() : m.end() + _WINDOW]
    if _negated(before) or NOT_CRISIS_AFTER.match(after):
        return False
    if needs == "self":
        return _quoted_speaker(before) != "other"
    speaker = _speaker(before, after)
    if needs == "subject":
        return speaker != "other" and not _is_topic(before, after)
    # needs "I": said by the author, or with no subject at all at the start of a clause.
    return speaker == "first" or (not speaker and len(before.split()) <= 3)


_KINDS = ((SELF, "self"), (NEEDS_SUBJECT, "subject"), (NEEDS_I, "i"))


def _clause_in_crisis(clause: str) -> bool:
    return any(
        _phrase_counts(clause, m, needs)
        for pattern, needs in _KINDS
        for m in pattern.finditer(clause)
    )


def mentions_crisis(text: str) -> bool:
    """True if the author speaks of crisis about themselves. When unsure, True: signposting is
    cheap and private, missing it is not. Never blocks anything; the caller only signposts."""
    # One lower-case copy (patterns are lower case, which is much faster than re.I); typographic
    # apostrophes from phones become plain ones ("I’m" is "i'm").
    plain = text.lower().replace("’", "'")
    return any(_clause_in_crisis(clause) for clause in _CLAUSES.split(plain) if clause.strip())
