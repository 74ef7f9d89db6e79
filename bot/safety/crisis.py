"""Detect first-person words of crisis (not hyperbole, not talk about patients); never logs."""

from __future__ import annotations

import re

# Clauses are judged separately so "I'm not suicidal, but I don't feel safe" is caught and
# "I'm not suicidal, just tired" is not.
_CLAUSES = re.compile(
    r"[.!?;\n]+|,?\s*\b(?:but|though|although|however|just|only)\b|,\s*(?=i\b|i'|im\b)", re.I
)

# Phrases that already name the self (myself, my life): no subject check needed.
_SELF = re.compile(
    r"\b(?:kill|hurt|harm|cut|injur[ei]|hang|poison|drown|starv[ei]|burn)\w*\s+myself\b"
    r"|\bsomething\s+(?:stupid\s+|silly\s+)?to\s+myself\b"
    r"|\b(?:end|ending|ended|take|taking|took)\s+my\s+(?:own\s+)?life\b"
    r"|\bbetter\s+off\s+without\s+me\b"
    r"|\b(?:nobody|no\s*one|no-one)\s+would\s+(?:miss|notice|care\s+(?:if|about))\s+(?:me|i)\b"
    r"|\bwish\s+i\s+(?:was|were)\s+dead\b"
    r"|\bwish\s+i\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not|had\s+never\s+been)"
    r"\s+(?:alive|here|around|born)\b"
    r"|\bcan'?t\s+keep\s+myself\s+safe\b"
    r"|\bnot\s+sure\s+(?:if\s+|that\s+)?i\s+(?:want|wish)\s+to\s+(?:be\s+alive|live|be\s+here|go\s+on)\b"
    r"|\b(?:i'?m|i\s+am)\s+not\s+safe\b|\b(?:don'?t|do\s+not|not)\s+feel(?:ing)?\s+safe\b"
    r"|\b(?:tablets|pills|meds)\s+(?:saved|stockpiled|hoarded)\b|\bstockpil\w+\b"
    r"|\bdanger\s+to\s+myself\b|\bkms\b"
    r"|\bbetter\s+off\s+if\s+i\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not|was\s+gone|"
    r"were\s+gone|died|was\s+dead)\b"
    r"|\b(?:if|when)\s+i\s+(?:was|were|am)\s+(?:gone|dead)\b",
    re.I,
)

# Phrases that are crisis only when the speaker is the subject ("she wants to die" is a patient).
_NEEDS_SUBJECT = re.compile(
    r"\bsuicid(?:e|al)\b"
    r"|\bself[\s-]?harm\w*"
    r"|\b(?:want|wanted|wanting|wanna|wish|wished|ready)\w*\s+(?:to\s+)?(?:just\s+)?"
    r"(?:die|be\s+dead|not\s+(?:be\s+)?(?:here|alive|exist))\b"
    r"|\b(?:don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(?:be\s+(?:here|alive|around)|live|"
    r"go\s+on|exist|wake\s+up|carry\s+on)\b"
    r"|\bend(?:ing)?\s+it\s+all\b"
    r"|\b(?:want|going|thinking|think|thought|feel\s+like|plan\w*)\w*\s+(?:about\s+|of\s+)?"
    r"(?:to\s+)?end(?:ing)?\s+(?:it|things|everything)\b"
    r"|\bwant\w*\s+(?:it|it\s+all|everything|things|all\s+of\s+this)\s+to\s+(?:end|stop)\b"
    r"|\b(?:not|never)\s+wak(?:e|ing)\s+up\b"
    r"|\bhow\s+many\s+(?:tablets|pills)\b"
    r"|\b(?:don'?t|can'?t|cannot)\s+see\s+(?:the\s+|any\s+)?point\s+(?:in\s+|of\s+)?"
    r"(?:anything|living|going\s+on|carrying\s+on|life|being\s+here|it\s+all)\b"
    r"|\bbetter\s+off\s+dead\b"
    r"|\bno\s+(?:point|reason)\s+(?:in\s+)?(?:living|being\s+alive|going\s+on|carrying\s+on|"
    r"to\s+live|being\s+here)\b"
    r"|\bcan'?t\s+(?:go\s+on|carry\s+on|keep\s+going)\b"
    r"|\b(?:can'?t|cannot)\s+do\s+(?:this|it)\s+any\s?more\b"
    r"|\b(?:feel|feeling|am|i'm|im)\s+(?:so\s+|completely\s+|utterly\s+)?"
    r"(?:hopeless|worthless|trapped)\b(?!\s+(?:at|with|about|in)\b)"
    r"|\boverdos\w*"
    r"|\b(?:thought|thinking|think|want|wanted|tempted|urge)\w*\s+(?:about\s+|of\s+)?"
    r"(?:driving|jumping|stepping|walking|throwing\s+myself)\s+(?:into|off|in\s+front\s+of|under)",
    re.I,
)

_WINDOW = 120
_FIRST = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself"})
_OTHERS = frozenset(
    {
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
        "who",
        "mr",
        "mrs",
        "ms",
        "miss",
        "colleague",
        "friend",
        "brother",
        "sister",
        "teenager",
        "family",
    }
)
_TOKENS = re.compile(r"[a-z]+(?:'[a-z]+)?")
# "suicide prevention training", "teaching on self-harm": the words as a topic, not a state.
_TOPIC_AFTER = re.compile(
    r"^\W*(?:risk|prevention|training|awareness|assessment|screening|rates?|policy|protocol|"
    r"teaching|webinar|course|module|helpline|ideation|audit|guidance|in\s+(?:adolescents|"
    r"young|children|teens|older))\b",
    re.I,
)
_TOPIC_BEFORE = re.compile(
    r"\b(?:teaching|training|talk|lecture|webinar|course|guidance|session|module|audit|policy|"
    r"leaflet|assess\w*|risk)\s+(?:on|about|of|in|for|re)?\s*$",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no|nor|without|den(?:y|ies|ied))\b|n't\b", re.I)
_HEDGE = re.compile(r"\bnot\s+(?:sure|certain)\b|(?:don'?t|do\s+not)\s+know\b", re.I)
_HYPERBOLE_AFTER = re.compile(
    r"^\s*(?:of|from|with)\s+(?:embarrassment|shame|boredom|laughter|laughing|cringe)|"
    r"^\s+laughing",
    re.I,
)


def _speaker_is_other(before: str) -> bool:
    """True if the nearest subject before the phrase is someone else (a patient, 'she')."""
    for token in reversed(_TOKENS.findall(before.lower())):
        if token in _FIRST:
            return False
        if token in _OTHERS:
            return True
    return False


def _negated(before: str) -> bool:
    window = " ".join(before.split()[-4:])
    return bool(_NEGATED.search(window)) and not _HEDGE.search(window)


def _is_topic(before: str, after: str) -> bool:
    return bool(_TOPIC_AFTER.match(after) or _TOPIC_BEFORE.search(before))


def _before(clause: str, start: int) -> str:
    # The subject and any negation sit close to the phrase; a bounded window keeps long rants
    # linear in time.
    return clause[max(0, start - _WINDOW) : start]


def _clause_in_crisis(clause: str) -> bool:
    for m in _SELF.finditer(clause):
        if not _negated(_before(clause, m.start())):
            return True
    for m in _NEEDS_SUBJECT.finditer(clause):
        before = _before(clause, m.start())
        if _negated(before) or _speaker_is_other(before):
            continue
        after = clause[m.end() : m.end() + _WINDOW]
        if _HYPERBOLE_AFTER.match(after) or _is_topic(before, after):
            continue
        return True
    return False


def mentions_crisis(text: str) -> bool:
    """True if the author speaks of crisis about themselves. When unsure, True: signposting is
    cheap and private, missing it is not. Never blocks anything; the caller only signposts."""
    return any(_clause_in_crisis(clause) for clause in _CLAUSES.split(text) if clause.strip())
