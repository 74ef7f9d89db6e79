"""Every sentence of mentoring."""

from __future__ import annotations

from datetime import time

from bot.core.text import Text, mention, strong
from bot.core.wording import DAY_NAMES, clock

TITLE = "Mentoring"

SUMMARY = "offer to mentor, or ask for a mentor (mentoring find: propose a match)"

INTRO = (
    "Offer to mentor, or ask for a mentor: someone more experienced, never your own line "
    "manager, with time blocked off to talk. Both of you say yes before anyone is introduced."
)

PROFILE_TITLE = "Your mentoring profile"

WANTS_LABEL = "Mentoring"

WANTS = {
    "seek": "I'd like a mentor",
    "offer": "I'm happy to mentor",
    "both": "Both",
    "none": "Neither, for now",
}

YEARS_LABEL = "Years since registration"

YEARS = {
    "0": "In training, or under a year",
    "2": "1 to 3 years",
    "5": "4 to 7 years",
    "10": "8 to 15 years",
    "20": "More than 15 years",
}

INTERESTS_LABEL = "Interests (optional)"

INTERESTS = {
    "career": "Career and portfolio working",
    "partnership": "Partnership and the business",
    "clinical": "Clinical confidence",
    "mental_health": "Mental health",
    "womens_health": "Women's health",
    "children": "Children's health",
    "teaching": "Teaching and training",
    "leadership": "Leadership",
    "wellbeing": "Wellbeing and balance",
}

MANAGER_LABEL = "Your line manager, if you have one (never proposed as your mentor)"

FIND = "Find me a mentor"

EDIT = "My mentoring profile"

SAVED = "Saved your mentoring profile."

SAVED_SEEKING = "Saved. When you're ready, Find me a mentor (on your home) proposes a match."

NOT_SEEKING = "Your mentoring profile doesn't say you'd like a mentor yet: update it first."

ALREADY = "You already have a mentor, or a proposal waiting for both of you to say yes."

NOBODY = (
    "Nobody who offers to mentor fits just now (more experienced, and not your line manager). "
    "I'll keep your profile; try again in a while."
)

PROPOSED = (
    "I've found someone who could be a good fit, and asked you both. Once you both say yes, "
    "I'll introduce you."
)

ACCEPT = "Yes, introduce us"

DECLINE = "Not this one"

BOTH_SAID_YES = "You both said yes: I've introduced you."

WAITING = "Thanks. I'll introduce you as soon as they say yes too."

CLOSED = "That proposal has closed. Nothing more is needed."

NOT_YOURS = "That isn't a mentoring match of yours."

DECLINED = "No problem: nobody will be told why."

DECLINED_OTHER = "That mentoring proposal didn't come together this time. No need to do anything."

LOOKING_AGAIN = "I'll look for someone else."


SENIORITY = {
    "0": "in training or newly registered",
    "2": "1 to 3 years since registration",
    "5": "4 to 7 years since registration",
    "10": "8 to 15 years since registration",
    "20": "more than 15 years since registration",
}


def interests_phrase(shared: list[str]) -> str:
    names = [INTERESTS[i].lower() for i in shared if i in INTERESTS]
    return f", who shares an interest in {', '.join(names)}" if names else ""


def to_mentee(role: str, years: int, shared: list[str]) -> Text:
    return Text(
        strong("A possible mentor"),
        f": {role}, {SENIORITY[str(years)]}{interests_phrase(shared)}. "
        "Shall I introduce you? They are being asked too; names are shared once you both say yes.",
    )


def to_mentor(role: str, years: int, shared: list[str]) -> Text:
    return Text(
        strong("Would you mentor a colleague?"),
        f" {role[0].upper()}{role[1:]}, {SENIORITY[str(years)]}{interests_phrase(shared)}, "
        "would like a mentor. Names are shared once you both say yes.",
    )


def introduced(other: str, as_mentor: bool) -> Text:
    who = "your mentee" if as_mentor else "your mentor"
    return Text(
        "You both said yes: meet ",
        mention(other),
        f", {who}. Agree a regular time to talk (it's what makes mentoring happen), and I'll "
        "remind you both at a free moment beforehand.",
    )


SLOT_TITLE = "A regular time"

SLOT_DAY = "Day"

SLOT_START = "Starts at"

SLOT_LENGTH = "How long?"

LENGTHS = {"30": "30 minutes", "45": "45 minutes", "60": "An hour"}

SLOT_EVERY = "How often?"

EVERIES = {"2": "Every fortnight", "4": "Every four weeks", "1": "Every week"}

AGREE_SLOT = "Agree a regular time"

END = "End mentoring"


def slot_line(weekday: int, start: time, minutes: int, every: int) -> str:
    often = EVERIES[str(every)].lower()
    return f"{DAY_NAMES[weekday]}s at {clock(start)} for {minutes} minutes, {often}"


def slot_saved(line: str) -> str:
    return f"Saved: {line}. I'll remind you both beforehand."


def slot_told(who: str, line: str) -> Text:
    return Text(mention(who), f" has set your mentoring time: {line}.")


def reminder(other: str, start: time) -> Text:
    return Text(
        "Your mentoring time with ", mention(other), f" is today at {clock(start)}. Enjoy it."
    )


ENDED = "Ended, gracefully: they are told it has come to a close, and nothing about why."


def ended_other(who: str) -> Text:
    return Text(
        "Your mentoring with ",
        mention(who),
        " has come to a close. Thank you for the time you shared.",
    )
