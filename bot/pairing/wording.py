"""Every sentence of coffee pairing."""

from __future__ import annotations

from bot.core.text import Text, joined, mention

TITLE = "Coffee pairing"

SUMMARY = "opt in to a coffee with a colleague every week or fortnight (pairing on, off, now)"

INTRO = (
    "Opt in and, every week or fortnight, you're paired with a colleague you may not see much "
    "of, for a coffee or a call. Roles are mixed; nobody is left out."
)

JOIN = "Join coffee pairing"

LEAVE = "Leave coffee pairing"

JOINED = "You're in. You'll hear the day before each round, with a chance to skip it."

LEFT = "You've left coffee pairing. Nothing else changes."

SKIP = "Skip this round"

SKIPPED = "Skipped: you won't be paired this round. See you next time."

NOT_IN_ROUND = "That round has already been paired, so it can't be skipped now."

MET = "We met"

MISSED = "Not this time"

MET_THANKS = "Lovely, thanks for letting me know."

MISSED_THANKS = "No matter: there'll be another round."

ALREADY_ANSWERED = "You've already told me, thanks."

NOT_YOURS = "That round isn't one you were paired in."

SETTINGS_TITLE = "Coffee pairing: how often"

EVERY_LABEL = "How often?"

CADENCES = {"1": "Every week", "2": "Every fortnight", "0": "Off"}

SETTINGS_SUMMARY = "leads: how often coffee pairing runs"

PAIR_NOW = "Pair this round now"

NOT_ON = "Coffee pairing isn't running yet: a lead can choose how often."


def cadence_saved(every: int) -> str:
    return f"Saved. Coffee pairing: {CADENCES[str(every)].lower()}."


def status(opted: bool, every: int) -> str:
    how = CADENCES[str(every)].lower() if every else "not running yet (a lead chooses how often)"
    mine = "You're in." if opted else "You haven't joined."
    return f"Coffee pairing is {how}. {mine}"


ANNOUNCE = Text(
    "Coffee pairing tomorrow: you'll be paired with a colleague for a coffee or a call this week. "
    "Can't make it this time? Skip this round."
)

ANNOUNCE_NOTE = "You joined coffee pairing; you can leave it at any time."

STARTERS = (
    "What's one thing that made you smile at work lately?",
    "What did you want to be before medicine?",
    "What's the best advice you were given as a new GP?",
    "Where would you go for a week off, tomorrow?",
    "What's a small change that has made your week easier?",
)


def introduction(others: list[tuple[str, str]], starter: str) -> Text:
    """To each member of a group: who else is in it, and a starter."""
    named = [Text(mention(user), f" ({role})") for user, role in others]
    people = named[0] if len(named) == 1 else Text(joined(", ", named[:-1]), " and ", named[-1])
    return Text(
        "This round's coffee: you and " if len(named) == 1 else "This round's coffee: you, ",
        people,
        ". Find fifteen minutes this week for a coffee or a call.\nA starter, if you need one: ",
        starter,
    )


ALONE = (
    "Only you were free for coffee pairing this round, so there's no pair this time. Next round!"
)

FOLLOW_UP = "Did you manage to meet for your coffee this round?"


def drawn(groups: int, people: int) -> str:
    if not groups:
        return "Not enough colleagues are in coffee pairing this round to make a pair."
    many = "s" if groups > 1 else ""
    return f"Paired: {people} colleagues in {groups} group{many}. Each has been introduced."


ALREADY_DRAWN = "This week's round has already been paired."
