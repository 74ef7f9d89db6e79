"""Masked previews of identifiers: enough to recognise what was found, never the whole thing."""

from __future__ import annotations

import re

from bot.safety._names import TITLES

_WORDS = re.compile(r"[^\W_]+")
# Domains whose last two labels are generic (nhs.uk, co.uk): showing them reveals nobody.
_SECOND_LEVEL = frozenset({"nhs", "co", "org", "ac", "gov", "net", "ltd", "plc", "me", "sch"})
_KEEP_WORDS = TITLES | {"at", "of", "from", "lives", "in", "flat", "who", "the"}


def mask_keep(value: str, keep: int) -> str:
    """Keep the first `keep` letters/digits and star the rest (all, if that would hide nothing)."""
    out: list[str] = []
    seen = 0
    for ch in value:
        if ch.isalnum():
            seen += 1
            out.append(ch if seen <= keep else "*")
        else:
            out.append(ch)
    masked = "".join(out)
    if masked == value:
        return "".join("*" if ch.isalnum() else ch for ch in value)
    return masked


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    labels = domain.split(".")
    suffix = labels[-1:]
    if len(labels) >= 3 and labels[-2].lower() in _SECOND_LEVEL:
        suffix = labels[-2:]
    return f"{local[:1]}***@****.{'.'.join(suffix)}"


def _mask_word(m: re.Match[str]) -> str:
    word = m.group(0)
    if word.lower() in _KEEP_WORDS or (len(word) == 1 and word.isalpha()):
        return word
    if word[0].isalpha():
        return word[0] + "*" * (len(word) - 1)
    return "*" * len(word)


def mask_name(value: str) -> str:
    """Titles and linking words stay; each name or street word keeps its initial only."""
    masked = _WORDS.sub(_mask_word, value)
    return masked if masked != value else mask_keep(value, 0)
