"""Every sentence of the welcome."""

from __future__ import annotations

from bot.core.text import Text, channel, mention, strong
from bot.core.wording import DAY_NAMES

OFFER = Text(
    strong("Welcome to Coffee Room."),
    " It helps the GPs here support each other, the informal way. Would you like me to introduce "
    "you to the practice, and find you a buddy for your first few weeks?",
)

YES = "Yes please"

NO = "No thanks"

DECLINED = "No problem. Nothing is posted about you."

CLOSED = "That's already sorted, thanks."


def days_phrase(days: list[int]) -> str:
    """' on Tuesdays and Thursdays' (or '' for every weekday)."""
    if not days or days == [0, 1, 2, 3, 4]:
        return ""
    names = [f"{DAY_NAMES[d]}s" for d in days]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f" on {listed}"


def introduction(user: str, role: str, days: str) -> Text:
    return Text(mention(user), f" is with us{days} as {role}. Do say hello!")


def accepted(where: str) -> Text:
    said = Text("Done: I've said hello for you in ", channel(where), ". ") if where else Text()
    return Text(said, "I'm asking a colleague to be your buddy for your first few weeks.")


def ask_buddy(user: str, role: str, days: str) -> Text:
    return Text(
        mention(user),
        f" is with us{days} as {role}. Would you be their buddy for their first few weeks: "
        "a friendly face to ask where things are and how things work here?",
    )


BUDDY_YES = "Happy to"

BUDDY_NO = "Not this time"


def buddy_found(buddy: str) -> Text:
    return Text(
        mention(buddy),
        " will be your buddy for your first few weeks. Say hello, and ask them anything.",
    )


BUDDY_THANKS = "Thank you: I've let them know. A message to say hello would be lovely."

BUDDY_ASKING_ELSE = "No problem at all: I'll ask someone else."

BUDDY_TAKEN = "Thank you: someone has already said yes, so they're in good hands."

NOT_ASKED = "That request wasn't for you."

NOBODY_FOR_BUDDY = (
    "I couldn't find a colleague free to be your buddy just now; your practice lead can help."
)
