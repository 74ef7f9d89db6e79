"""Every sentence about the practice's week: protected time, check-ins, nudges, preferences.

Kept beside bot/wording.py (and re-exported by it) so neither grows past a screenful or two.
"""

from __future__ import annotations

from datetime import date, time

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# --- Protected time --------------------------------------------------------------------------
KIND_NAMES = {"coffee": "coffee", "case_discussion": "case discussion", "reflection": "reflection"}
KIND_LABELS = {"coffee": "Coffee", "case_discussion": "Case discussion", "reflection": "Reflection"}
IM_IN = "I'm in"
CANT_TODAY = "Can't today"
TOOK_IT = {"yes": "Yes", "partly": "Partly", "no": "No"}

# Each starter is tied to a moderator from the study (Hussan et al. 2024, Table 3).
STARTERS = (
    ("Culture of camaraderie", "What's one small win from this week, however small?"),
    (
        "Psychological safety",
        "What's something you weren't sure about this week? No wrong answers.",
    ),
    ("Relatability", "What did you find hardest when you first started in general practice?"),
    ("Familiarity", "Is there anyone here you haven't had a proper chat with yet? Say hello."),
    ("Hierarchy", "Partners: what's a question you still run past colleagues?"),
    ("Job demands", "What's one thing we could take off someone's plate this week?"),
    ("Self-perception", "When did asking for help last make your day better?"),
    ("Leadership", "Leads: share one moment this week that was hard, and how you got through."),
)


def clock(value: time) -> str:
    """10:30, 14:00."""
    return value.strftime("%H:%M")


def pt_reminder(kind: str, start: time) -> str:
    name = KIND_NAMES[kind]
    opening = "Coffee in 10 minutes?" if kind == "coffee" else f"{name.capitalize()} in 10 minutes?"
    return f"*{opening}* ({clock(start)}, protected time). Even ten minutes counts."


def pt_starter(kind: str, index: int) -> str:
    _moderator, question = STARTERS[index % len(STARTERS)]
    return f"*Protected {KIND_NAMES[kind]} is starting.* To get going: {question}"


PT_FOLLOW_UP = "*Did you get to take it?* One tap; only the totals are ever shown."
PT_NOTED = {
    "in": "Lovely, see you there.",
    "out": "No problem; maybe next time.",
    "yes": "Glad you got it.",
    "partly": "Thanks; partly still counts.",
    "no": "Thanks for saying. That's useful for your leads to know (as a total).",
}
PT_GONE = "That protected-time slot has been removed."


def slot_line(
    kind: str, weekday: int, start: time, minutes: int, every_weeks: int, channel: str
) -> str:
    """How a slot is described to leads."""
    how_often = "every week" if every_weeks == 1 else "every other week"
    return (
        f"{KIND_LABELS[kind]}: {DAY_NAMES[weekday]}s at {clock(start)} for {minutes} "
        f"minutes, {how_often}, in #{channel}"
    )


def slot_saved(line: str, first: date) -> str:
    return f"Saved. {line}. The first one is on {first.strftime('%A %-d %B')}."


CLOSURE_SAVED = "Saved: nothing protected-time related will be posted then."
REGION_SAVED = "Saved: bank holidays now follow {region}."
REGIONS = {
    "england-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
BAD_SLOT = "Please give a day, a start time like 10:30, a length and a channel."

# --- Check-ins -------------------------------------------------------------------------------
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
CHECKIN_ASK = (
    "*Your weekly check-in.* Only you will ever see your answer. Overall, based on your "
    "definition of burnout, which fits best this week?\n"
    + "\n".join(f"{i}. {text}" for i, text in enumerate(BURNOUT, start=1))
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


def checkin_nudge(who: str) -> str:
    return (
        f"{who} might appreciate a coffee this week. No need to mention this message; "
        "a friendly check-in is all it takes."
    )


def trend(scores: list[tuple[str, int]]) -> str:
    """A GP's own check-in history, for their eyes only."""
    if not scores:
        return "No check-ins answered yet."
    return "Your check-ins (1 = enjoying work, 5 = completely burned out): " + ", ".join(
        f"{week} {score}" for week, score in scores
    )


# --- The weekly nudge ------------------------------------------------------------------------
NOT_NOW = "Not now"
SNOOZE_WEEKS = (1, 2, 4)
NUDGES_OFF = "Turn these off"
NUDGE_FOOTER = "At most one of these a week, never during surgery. Not now? Snooze or turn off."


def snoozed(weeks: int) -> str:
    return f"Snoozed for {weeks} week{'s' if weeks > 1 else ''}."


NUDGES_TURNED_OFF = "Weekly nudges are off. You can turn them back on from Coffee Room's Home tab."
LEAD_GO_FIRST = (
    "A thought for this week: leads going first is what makes it safe for everyone else. "
    "Could you share one hard moment from your week with colleagues, or run a question past "
    "them? /rant and /runitpast are there.",
    "This week, could you be the first to ask? A quick /runitpast from a lead shows everyone "
    "that asking is what good GPs do.",
)


def nudge_protected_time(kind: str, weekday: int, start: time, channel: str) -> str:
    return (
        f"There's protected {KIND_NAMES[kind]} on {DAY_NAMES[weekday]} at {clock(start)} in "
        f"#{channel}. Do come, even for ten minutes."
    )


def nudge_thanks(who: str) -> str:
    return f"{who} answered a question you ran past colleagues. A quick thank-you goes a long way."


def nudge_new_colleague(who: str) -> str:
    return (
        f"You haven't crossed paths with {who} on Coffee Room yet. Fancy a coffee with them "
        "this week?"
    )


NUDGE_GENERAL = (
    "How's your week going? If it's a heavy one, /rant is there for five minutes of letting "
    "off steam, and /runitpast for a quick sense-check.",
    "Five minutes with a colleague today? A cup of tea together counts as peer support.",
)

# --- Preferences -----------------------------------------------------------------------------
PREFS_SAVED = "Saved."
BAD_SESSIONS = "Write your surgeries like: mon:am,pm tue:am thu:pm"
BAD_DATE = "Please give a date like 2026-12-24."
BAD_RANGE = "The end date should be on or after the start."
