"""Tests for the crisis detector: first-person crisis signposts, hyperbole mostly does not."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.safety.crisis import mentions_crisis
from bot.safety.guard import scan

CRISIS = [
    "I want to die",
    "I've been thinking about ending it all",
    "I don't want to be here anymore",
    "I'm not safe tonight",
    "I keep thinking about killing myself",
    "I feel suicidal",
    "feeling suicidal again",
    "I've started self-harming again",
    "everyone would be better off without me",
    "I'm thinking of harming myself",
    "I can't keep myself safe",
    "I'm not suicidal but I don't feel safe",
    "I'm not sure I want to be alive any more",
    "I can't do this anymore",  # ambiguous: signposting is cheap, so it signposts
    "I feel hopeless and trapped",
]
HYPERBOLE = [
    "this rota is killing me",
    "I could kill for a coffee",
    "I'm dying for a cup of tea",
    "I want to die of embarrassment",
    "dead on my feet after that on-call",
    "I'm not suicidal, just tired",
    "I would never hurt myself, I'm just exhausted",
    "patient says she wants to die at home",
    "pt with suicidal ideation, crisis team won't take him",
    "suicide prevention training is on Wednesday",
    "I'm hopeless at IT",
    "",
]
OPENERS = ["", "Honestly ", "Sorry to dump this here. ", "Long day. ", "After the complaint, "]
CLOSERS = ["", ".", " tbh", " and I don't know who to tell", "!", "\nSorry."]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_phrases_signpost(text: str) -> None:
    assert mentions_crisis(text) is True


@pytest.mark.parametrize("text", HYPERBOLE)
def test_hyperbole_and_patient_talk_do_not(text: str) -> None:
    assert mentions_crisis(text) is False


@given(st.sampled_from(OPENERS), st.sampled_from(CRISIS), st.sampled_from(CLOSERS))
def test_crisis_in_context_still_signposts(opener: str, phrase: str, closer: str) -> None:
    text = opener + (phrase[0].lower() + phrase[1:] if opener else phrase) + closer
    assert mentions_crisis(text)


@given(st.lists(st.sampled_from(HYPERBOLE), min_size=1, max_size=3), st.sampled_from(CLOSERS))
def test_hyperbole_in_context_mostly_does_not(parts: list[str], closer: str) -> None:
    # Closers are chosen not to add crisis meaning; every listed hyperbole stays quiet.
    assert not mentions_crisis(". ".join(parts) + closer)


@pytest.mark.parametrize("text", CRISIS + HYPERBOLE)
def test_neither_blocks_the_post(text: str) -> None:
    # Crisis words are not identifiers: the guard lets the post through; signposting is separate.
    assert scan(text) == ()


def test_fast_even_for_a_huge_rant() -> None:
    text = "I want to die but not really, this rota is killing me. " * 800  # ~44k chars
    started = time.perf_counter()
    assert mentions_crisis(text)
    assert time.perf_counter() - started < 0.5


@given(st.text(max_size=500))
@settings(max_examples=200)
def test_always_returns_a_bool(text: str) -> None:
    assert isinstance(mentions_crisis(text), bool)
