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

NOT_THIS_WEEK = "Not this week"

SKIPPED = "No problem: nothing is saved this week. See you next week."

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


CHOOSE_TITLE = "Choose a colleague"

CHOOSE_LABEL = "Who would you like to check in on you?"

CHOOSE_NOTE = "They won't see your answer, only that a coffee might be welcome."


def score_reply(score: int) -> str:
    """What a GP reads straight after answering: warmer, and more useful, the harder it is."""
    if score >= 4:
        return (
            "Thank you for being honest: that sounds really hard. Please talk to someone soon. "
            "NHS Practitioner Health (confidential, for doctors): 0300 0303 300, or text PHP to "
            "85258. BMA wellbeing support, 24/7: 0330 123 1245. Samaritans: 116 123. NHS 111 "
            "(mental health option), or 999 in an emergency. Only you can see this; nobody has "
            "been told."
        )
    if score == 3:
        return (
            "Thanks for saying. Burning out is common in general practice, and it isn't a "
            "failing. A colleague's company, protected time, or a confidential word with NHS "
            "Practitioner Health (0300 0303 300) can all help. Only you can see your answer."
        )
    return "Thanks: saved, and only you can see it."
