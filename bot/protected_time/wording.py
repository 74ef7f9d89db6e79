"""Every sentence of protected time."""

from __future__ import annotations

from datetime import date, time

from bot.core import wording as core_words
from bot.core.text import Text, channel, strong
from bot.core.wording import DAY_NAMES, KIND_LABELS, KIND_NAMES, clock

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


def pt_reminder(kind: str, start: time) -> Text:
    name = KIND_NAMES[kind]
    opening = "Coffee in 10 minutes?" if kind == "coffee" else f"{name.capitalize()} in 10 minutes?"
    return Text(strong(opening), f" ({clock(start)}, protected time). Even ten minutes counts.")


def pt_starter(kind: str, index: int) -> Text:
    _moderator, question = STARTERS[index % len(STARTERS)]
    return Text(strong(f"Protected {KIND_NAMES[kind]} is starting."), f" To get going: {question}")


PT_FOLLOW_UP = Text(strong("Did you get to take it?"), " One tap; nobody else sees your answer.")

PT_NOTED = {
    "in": "Lovely, see you there.",
    "out": "No problem; maybe next time.",
    "yes": "Glad you got it.",
    "partly": "Thanks; partly still counts.",
    "no": "Thanks for saying. Maybe next time.",
}

PT_GONE = "That protected-time slot has been removed."


def slot_line(
    kind: str, weekday: int, start: time, minutes: int, every_weeks: int, where: str
) -> Text:
    """How a slot is described to leads."""
    how_often = "every week" if every_weeks == 1 else "every other week"
    return Text(
        f"{KIND_LABELS[kind]}: {DAY_NAMES[weekday]}s at {clock(start)} for {minutes} "
        f"minutes, {how_often}, in ",
        channel(where),
    )


def slot_saved(line: Text, first: date) -> Text:
    return Text("Saved. ", line, f". The first one is on {first.strftime('%A %-d %B')}.")


CLOSURE_SAVED = "Saved: nothing protected-time related will be posted then."

REGION_SAVED = "Saved: bank holidays now follow {region}."

REGIONS = core_words.REGIONS  # one list of regions, in the core

BAD_SLOT = "Please give a day, a start time like 10:30, a length and a channel."

BAD_DAY = "Please give a day of the week, like Wednesday or wed."

BAD_MINUTES = "Please give a length in minutes, from 5 to 180."

SLOT_DAY_LABEL = "Which day (like Wednesday)"

SLOT_START_LABEL = "Start time (like 10:30)"

SLOT_MINUTES_LABEL = "How long, in minutes (5 to 180)"

SLOT_REPEAT_LABEL = "How often?"

REPEATS = {"1": "Every week", "2": "Every other week"}

SLOT_CHANNEL_LABEL = "Where?"

SLOT_KIND_LABEL = "What for?"

SLOTS_TITLE = Text(strong("Protected time:"))

NO_SLOTS = "No protected time is set up yet."

SLOT_REMOVED = "Removed: nothing more will be posted for that slot."

NO_SUCH_SLOT = "There's no protected-time slot with that number."

CLOSURE_DAY_LABEL = "Which date (like 2026-12-09)"

CLOSURE_PART_LABEL = "Which part of the day?"

CLOSURE_PARTS = {"all": "All day", "am": "Morning", "pm": "Afternoon"}

CLOSURE_REASON_LABEL = "Why?"

CLOSURE_REASONS = {"closed": "The practice is closed", "plt": "Protected learning time"}

REGION_LABEL = "Whose bank holidays does the practice keep?"

PT_TITLE = "Protected time"

PT_INTRO = (
    "Recurring time blocked off for the team. In each slot's channel I post a reminder 10 "
    'minutes before, a starter at the start and a one-tap "did you get to take it?" after. '
    "Bank holidays and your closures are skipped."
)

ADD_SLOT = "Add protected time"

REMOVE = "Remove"

ADD_CLOSURE = "Add a closure or protected-learning afternoon"

PT_ONLY_LEADS = (
    "Only the practice's leads can set up protected time. If you'd like some, have a word "
    "with one of them: it takes a minute from their Coffee Room Home tab."
)

SLOT_FORM_TITLE = "Add protected time"

PICK_DAY = "Day"

PICK_START = "Starts at"

PICK_LENGTH = "Length"

SLOT_LENGTHS = (10, 15, 20, 30, 45, 60)

SLOT_FIRST_WEEK = "Starting from (optional: this week if left empty)"

CLOSURE_FORM_TITLE = "Closure or PLT"

CLOSURE_DATE = "Date"


def minutes(value: int) -> str:
    return f"{value} minutes"


PROTECTED_SUMMARY = "(leads) protected time: 'protected add', 'protected remove N'"
CLOSURE_SUMMARY = "(leads) a closed or protected-learning day: protected time is skipped"
REGION_SUMMARY = "(leads) whose bank holidays the practice keeps"
DEFAULT_START = time(12, 30)
REGION_TITLE = "Bank holidays"
