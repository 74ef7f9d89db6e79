"""Tests for the crisis detector: first-person crisis signposts, hyperbole mostly does not."""

from __future__ import annotations

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
    # issue 9: how people actually say it, one or two per way
    "I've looked up the lethal dose of my amitriptyline",  # method and means
    "I keep thinking about taking all my tablets at once",
    "I drove to the bridge after work and just sat there",  # a place
    "I walked down to the train tracks last night",
    "I wish I wouldn't wake up",  # a passive wish
    "I wouldn't mind not waking up tomorrow",
    "I'm just a burden to everyone",  # a burden
    "there's no point going on",  # hopelessness
    "I can't see a way out",
    "I've written letters to the kids",  # preparations
    "I've been giving my things away",
    "I've made a plan",
    "I'm cutting again",  # self-harm
    "I hurt myself last night",
    "I'm saving up my tablets",  # stockpiling
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
    # issue 9: everyday hyperbole and clinical talk about patients
    "shoot me now",
    "dying to go home",
    "I'm dead on my feet",
    "I was killing myself laughing",
    "I hurt myself lifting the printer",
    "I'm cutting back on sessions again",
    "I'm saving up my annual leave",
    "I've made a plan for the flu clinic",
    "the bridge is closed so I'll be late",
    "patient with suicidal ideation, plan and means",
    "she's been saving up her tablets",
    "35M, cutting again, CAMHS discharged him",
    "he's written letters to his family and given his dog away",
    "my patient said 'I want to die' and laughed it off",
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


def test_a_huge_rant_is_judged_whole() -> None:
    # Speed is measured in benchmarks/guard_speed.py, not asserted here.
    quiet = "this rota is killing me, I could kill for a coffee. " * 800  # ~42k chars
    assert not mentions_crisis(quiet)
    assert mentions_crisis(quiet + "I've been saving up my tablets.")
    assert mentions_crisis("I've been saving up my tablets. " + quiet)


@pytest.mark.parametrize(
    "text",
    [
        "I WISH I WOULDN'T WAKE UP",
        "I’m just a burden to everyone",  # a phone's typographic apostrophe
        "I   wish  I   wouldn't   wake   up",
        "i've   been saving\tup my tablets",
        "im cutting again",
        "I said to my husband 'I want to die'",  # the author quoting themselves
    ],
)
def test_case_spacing_and_apostrophes_do_not_hide_crisis(text: str) -> None:
    assert mentions_crisis(text)


@pytest.mark.parametrize(
    ("author", "patient"),
    [
        ("I've been saving up my tablets", "she's been saving up her tablets"),
        ("I went to the bridge last night", "she told me she went to the bridge last night"),
        ("I'm a burden to my family", "he says he's a burden to his family"),
        ("I'm cutting again", "35M, cutting again, CAMHS discharged him"),
        ("I wish I wouldn't wake up", "pt wishes she wouldn't wake up"),
    ],
)
def test_the_same_words_about_a_patient_do_not_signpost(author: str, patient: str) -> None:
    assert mentions_crisis(author)
    assert not mentions_crisis(patient)


@given(st.text(max_size=500))
@settings(max_examples=200)
def test_always_returns_a_bool(text: str) -> None:
    assert isinstance(mentions_crisis(text), bool)


def test_every_crisis_phrase_in_every_context_signposts() -> None:
    """The whole product of openers, phrases and closers, not a sample of it."""
    missed = [
        opener + (phrase[0].lower() + phrase[1:] if opener else phrase) + closer
        for opener in OPENERS
        for phrase in CRISIS
        for closer in CLOSERS
        if not mentions_crisis(
            opener + (phrase[0].lower() + phrase[1:] if opener else phrase) + closer
        )
    ]
    assert missed == []
