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


NUDGES_TURNED_OFF = "Weekly nudges are off. You can turn them back on in your Coffee Room settings."
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

# --- Your week and the practice's settings, field by field (the local chat, the Home tab) ----
PARTS = {"am": "morning", "pm": "afternoon"}
WEEK_TITLE = "*Your week* (only you see this):"
NOTHING_CHANGED = "Let's leave that there; nothing was changed."
BAD_TIME = "Please give a time like 10:30."
BAD_DAY = "Please give a day of the week, like Wednesday or wed."
BAD_MINUTES = "Please give a length in minutes, from 5 to 180."
BAD_MOMENT = "Please give a date and time like 2026-11-25T10:20."
SURGERIES_LABEL = "Your surgeries, like mon:am,pm tue:am thu:pm (Enter to keep them)"
LEAVE_STARTS_LABEL = "First day of leave (like 2026-12-24)"
LEAVE_ENDS_LABEL = "Last day of leave"
PAUSE_LABEL = "Pause everything until (a date like 2026-12-24, or Enter to unpause)"
ROLE_LABEL = "Your role (optional)"
ROLE_LABELS = {
    "partner": "Partner",
    "salaried": "Salaried GP",
    "locum": "Locum",
    "trainee": "GP trainee",
}
SLOT_DAY_LABEL = "Which day (like Wednesday)"
SLOT_START_LABEL = "Start time (like 10:30)"
SLOT_MINUTES_LABEL = "How long, in minutes (5 to 180)"
SLOT_REPEAT_LABEL = "How often?"
REPEATS = {"1": "Every week", "2": "Every other week"}
SLOT_CHANNEL_LABEL = "Where?"
SLOT_KIND_LABEL = "What for?"
SLOTS_TITLE = "*Protected time:*"
NO_SLOTS = "No protected time is set up yet."
SLOT_REMOVED = "Removed: nothing more will be posted for that slot."
NO_SUCH_SLOT = "There's no protected-time slot with that number."
CLOSURE_DAY_LABEL = "Which date (like 2026-12-09)"
CLOSURE_PART_LABEL = "Which part of the day?"
CLOSURE_PARTS = {"all": "All day", "am": "Morning", "pm": "Afternoon"}
CLOSURE_REASON_LABEL = "Why?"
CLOSURE_REASONS = {"closed": "The practice is closed", "plt": "Protected learning time"}
REGION_LABEL = "Whose bank holidays does the practice keep?"
NUDGES_NOW_ON = "Weekly nudges are on: at most one a week, never during surgery."
NUDGES_NOW_OFF = "Weekly nudges are off. Nothing else changes."
CHECKINS_NOW_ON = (
    "Check-ins are on: once a week, at a free moment. Only you will ever see your answers."
)
CHECKINS_NOW_OFF = "Check-ins are off. Your past answers stay yours alone."
NOTHING_DUE = "Nothing was due just now."


def long_day(day: date) -> str:
    """Wednesday 25 November 2026."""
    return day.strftime("%A %-d %B %Y")


def surgeries_line(sessions: dict[int, tuple[str, ...]], customised: bool) -> str:
    days = [
        f"{DAY_NAMES[d]} {' and '.join(PARTS[p] for p in parts)}"
        for d, parts in sorted(sessions.items())
        if parts
    ]
    usual = "" if customised else " (the usual pattern, until you set yours)"
    return (
        f"Surgeries: {'; '.join(days) or 'none'}{usual}. Nudges and check-ins come only "
        "outside them, between 10:00 and 17:30 on days you work."
    )


def nudges_line(on: bool, snoozed_until: date | None, today: date) -> str:
    if not on:
        return "Weekly nudges: off."
    if snoozed_until and today <= snoozed_until:
        return f"Weekly nudges: snoozed until {long_day(snoozed_until)}."
    return "Weekly nudges: on (at most one a week)."


def checkins_line(on: bool) -> str:
    return "Check-ins: on (only you see your answers)." if on else "Check-ins: off (opt-in)."


def leave_line(leave: list[tuple[date, date]]) -> str:
    if not leave:
        return "Leave: none booked."
    return "Leave: " + "; ".join(f"{long_day(s)} to {long_day(e)}" for s, e in leave) + "."


def paused(until: date | None) -> str:
    if until is None:
        return "Not paused: nudges and check-ins can reach you."
    return f"Paused until {long_day(until)}: nothing from Coffee Room until then."


def leave_saved(starts: date, ends: date) -> str:
    return f"Saved: nothing from Coffee Room from {long_day(starts)} to {long_day(ends)}."


def role_saved(label: str) -> str:
    return f"Saved. Your role: {label}."


def now_is(day: date, at: time) -> str:
    return f"It's now {long_day(day)}, {clock(at)}."


def jobs_ran(names: list[str]) -> str:
    return "Ran the scheduled jobs: " + ", ".join(names) + "."


# --- The Home tab on Slack: your settings, and protected time for leads -----------------------
SAVE = "Save"
SETTINGS_TITLE = "Your settings"
SETTINGS_PRIVATE = "Only you can see your Home tab, and only you can change these."
ROLE_NOT_SET = "Not set"
CHANGE_WEEK = "Change my week"
WEEK_FORM_TITLE = "Your working week"
WEEK_INTRO = (
    "Tick the surgeries you usually do. Nudges and check-ins never arrive during a surgery, "
    "in your quiet hours, or on a day you don't work."
)
SURGERY_OPTIONS = {"am": "Morning surgery", "pm": "Afternoon surgery"}


def quiet_line(quiet: tuple[time, time]) -> str:
    return f"Quiet hours: {clock(quiet[0])} to {clock(quiet[1])}."


def week_saved(sessions: dict[int, tuple[str, ...]]) -> str:
    return f"{PREFS_SAVED} {surgeries_line(sessions, True)}"


PAUSE_PICK = "Pause everything until"
PAUSE_HINT = "*Need a break?* Pause nudges and check-ins until a date you choose."
RESUME = "Resume now"
RESUMED = "Welcome back: nudges and check-ins can reach you again."
ADD_LEAVE = "Add leave"
LEAVE_FORM_TITLE = "Add leave"
LEAVE_FIRST_DAY = "First day of leave"
TURN_NUDGES_ON = "Turn nudges on"
TURN_NUDGES_OFF = "Turn nudges off"
START_CHECKINS = "Start weekly check-ins"
STOP_CHECKINS = "Stop weekly check-ins"
TREND_PRIVATE = "Only you can see this."
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
BAD_CHOICE = "Please choose one of the options."
PICK_DAY = "Day"
PICK_START = "Starts at"
PICK_LENGTH = "Length"
SLOT_LENGTHS = (10, 15, 20, 30, 45, 60)
SLOT_FIRST_WEEK = "Starting from (optional: this week if left empty)"
CLOSURE_FORM_TITLE = "Closure or PLT"
CLOSURE_DATE = "Date"


def minutes(value: int) -> str:
    return f"{value} minutes"


# --- Check-ins: choosing the colleague --------------------------------------------------------
CHOOSE_TITLE = "Choose a colleague"
CHOOSE_LABEL = "Who would you like to check in on you?"
CHOOSE_NOTE = "They won't see your answer, only that a coffee might be welcome."

PAUSE_IN_THE_PAST = "Please choose a date from today on (or resume instead)."
QUIET_FROM_LABEL = "Quiet from (nothing from Coffee Room after this)"
QUIET_TO_LABEL = "Quiet until"
CANCEL_LEAVE = "Cancel my leave"
LEAVE_CLEARED = "Your leave is cancelled: nudges and check-ins can reach you on working days."
