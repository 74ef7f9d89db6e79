"""Every sentence of the weekly check-in."""

from __future__ import annotations

from bot.core.text import Text, mention, strong

# The single-item burnout measure (Mini-Z), answers 1 to 5; 3 to 5 mean burnout.
BURNOUT = (
    "I enjoy my work. I have no symptoms of burnout.",
    "Occasionally I am under stress, and I don't always have as much energy as I once did, "
    "but I don't feel burned out.",
    "I am definitely burning out and have one or more symptoms of burnout, such as physical "
    "and emotional exhaustion.",
    "The symptoms of burnout that I'm experiencing won't go away. I think about frustration at "
    "work a lot.",
    "I feel completely burned out and often wonder if I can go on. I am at the point where I "
    "may need some changes or may need to seek some sort of help.",
)

CHECKIN_ASK = Text(
    strong("Your weekly check-in."),
    " Only you will ever see your answer. Overall, based on your definition of burnout, "
    "which fits best this week?\n",
    "\n".join(f"{i}. {text}" for i, text in enumerate(BURNOUT, start=1)),
)

CHECKIN_THANKS = (
    "Thanks. Would you like a colleague to check in on you this week? They won't see your "
    "answer, only that a coffee might be welcome."
)

CHECKIN_MATCH = "Yes, pick someone for me"

CHECKIN_CHOOSE = "Yes, I'll choose"

CHECKIN_NO = "No thanks"

CHECKIN_NO_REPLY = "No problem. See you next week."

CHECKIN_NOT_YOURS = "That check-in isn't yours."

CHECKIN_NOBODY = "I couldn't find a colleague free this week; maybe ask someone directly?"


def checkin_colleague_asked(name: str) -> str:
    return f"Done: I've asked {name} to check in with you this week. They don't know your answer."


def checkin_nudge(who: str) -> Text:
    return Text(
        mention(who),
        " might appreciate a coffee this week. No need to mention this message; "
        "a friendly check-in is all it takes.",
    )


def trend(scores: list[tuple[str, int]]) -> str:
    """A GP's own check-in history, for their eyes only."""
    if not scores:
        return "No check-ins answered yet."
    return "Your check-ins (1 = enjoying work, 5 = completely burned out): " + ", ".join(
        f"{week} {score}" for week, score in scores
    )


TREND_PRIVATE = "Only you can see this."

CHOOSE_TITLE = "Choose a colleague"

CHOOSE_LABEL = "Who would you like to check in on you?"

CHOOSE_NOTE = "They won't see your answer, only that a coffee might be welcome."
