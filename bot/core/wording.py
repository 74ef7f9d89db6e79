"""Sentences every capability shares (UK English; warm and brief; nothing preachy)."""

from __future__ import annotations

from datetime import date, time

from bot.core.text import Part, Text, command, joined, quote, strong

NAME = "Coffee Room"

WHAT_IT_IS = (
    "Coffee Room helps GPs in your practice support each other, the informal way: "
    "a quick rant to a colleague, running a question past someone, and protected time "
    "that actually happens."
)

WHAT_IT_IS_NOT = Text(
    "It is peer support. It is ",
    strong("not"),
    " a clinical tool (no patient details, please) and ",
    strong("not"),
    " a crisis service.",
)

HELP_NOW = (
    "If you need help now: NHS Practitioner Health 0300 0303 300 (or text PHP to 85258), "
    "BMA wellbeing support 0330 123 1245 (24/7), Samaritans 116 123, NHS 111 (mental health "
    "option), or 999 in an emergency."
)

COMMANDS = Text(
    command("rant"),
    ": let off steam for five minutes, privately, to a colleague, or to the rant space "
    "(as you or anonymously).\n",
    command("runitpast"),
    ": run a question past colleagues, or one colleague, optionally anonymously.\n",
    command("pool"),
    ": swamped? Offer the tasks that could move, and colleagues take them with one tap.\n",
    "Free now, mentoring and coffee pairing: on your ",
    command("home"),
    ".\n",
    command("help"),
    ": this help. Your own settings are in ",
    command("home"),
    ".",
)

COULD_NOT_DELIVER = (
    "Sorry: something you sent through Coffee Room could not be delivered, even after "
    "several tries. Nothing else was posted. Could you try again in a little while?"
)

WORDS_HANDED_BACK = (
    "Here are your words, so nothing is lost (only you can see this; Coffee Room keeps no copy "
    "once you have it):"
)

SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on our side and nothing was posted. Please try again in a moment."
)

FORM_PROBLEM_KEPT = (
    "Sorry, something went wrong on our side. Your words are still here; "
    "please try again in a moment."
)

NOT_A_MEMBER = (
    "Coffee Room is for the GPs of this practice, and I can't find you among them yet. "
    "If you've just joined, try again in a minute; otherwise ask your practice lead."
)


def not_in_a_practice(leads: list[str]) -> str:
    """Someone in a workspace split into practices, but in none of the practices' channels."""
    ask = f"a practice lead ({', '.join(leads)})" if leads else "your practice lead"
    return (
        "This workspace is shared by several practices, and each practice is the people in its "
        f"own channel. You're not in any practice's channel yet, so please ask {ask} to add you "
        "to your practice's channel, then try again."
    )


# Whose bank holidays a practice keeps (bot.core.calendar.Region), as people say them.
REGIONS = {
    "england-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}


def help_text(*, is_lead: bool) -> Text:
    """The answer to help (/coffeeroom on Slack)."""
    parts: list[Text | str] = [Text(strong(NAME)), WHAT_IT_IS, WHAT_IT_IS_NOT, COMMANDS, HELP_NOW]
    if is_lead:
        parts.insert(
            4,
            Text("You're a practice lead: ", command("home"), " has the practice's settings too."),
        )
    return joined("\n\n", parts)


ONLY_LEADS = "Only the practice's leads can change Coffee Room's settings."

PICK_A_COLLEAGUE = "Please choose the colleague it should go to."

NOT_YOURSELF = "That's you! Please choose a colleague."

NOT_A_COLLEAGUE = (
    "I can only send to colleagues in this practice (not bots or guests from elsewhere)."
)

ANONYMITY_HONESTY = (
    "Anonymous means your name isn't shown or stored in a readable form. In a small team, "
    "your style or timing can still give you away, and whoever holds both the database and "
    "its key could find out who wrote it."
)

SEND = "Send"

CANCEL = "Cancel"

CLOSE = "Close"

REPLY_ALREADY_SENT = "You've already sent that; they'll have it."

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

KIND_NAMES = {"coffee": "coffee", "case_discussion": "case discussion", "reflection": "reflection"}

KIND_LABELS = {"coffee": "Coffee", "case_discussion": "Case discussion", "reflection": "Reflection"}


def clock(value: time) -> str:
    """10:30, 14:00."""
    return value.strftime("%H:%M")


BAD_DATE = "Please give a date like 2026-12-24."

PARTS = {"am": "morning", "pm": "afternoon"}

NOTHING_CHANGED = "Let's leave that there; nothing was changed."

BAD_TIME = "Please give a time like 10:30."

BAD_MOMENT = "Please give a date and time like 2026-11-25T10:20."

NOTHING_DUE = "Nothing was due just now."


def long_day(day: date) -> str:
    """Wednesday 25 November 2026."""
    return day.strftime("%A %-d %B %Y")


def now_is(day: date, at: time) -> str:
    return f"It's now {long_day(day)}, {clock(at)}."


def jobs_ran(names: list[str]) -> str:
    return "Ran the scheduled jobs: " + ", ".join(names) + "."


SAVE = "Save"

BAD_CHOICE = "Please choose one of the options."

WAITING_FOR_LEAD = (
    "Coffee Room isn't quite set up yet: your practice lead needs to choose the channels. "
    "I've let them know."
)

LEAD_ASKED_TO_SET_UP = Text(
    "A colleague just tried to use Coffee Room, but it isn't set up yet. Open ",
    command("home"),
    " to pick the channels (it takes a minute).",
)

CANNOT_JOIN = (
    "I couldn't join that channel. If it's private, invite me first "
    "(type /invite @Coffee Room in the channel), then try again."
)

FILL_THIS_IN = "Please fill this in."


MAY_NOT_HAVE_ARRIVED = (
    "Sorry: your message may not have arrived (the connection dropped while it was being sent, "
    "and it cannot be checked). If you cannot see it, please send it again."
)


def may_not_have_arrived(words: list[str]) -> Text:
    """It may not have arrived, and (when there were any) their own words back to send again."""
    back: list[Part] = [MAY_NOT_HAVE_ARRIVED]
    if words:
        back += ["\n\n", WORDS_HANDED_BACK]
    for piece in words:
        back += ["\n", quote(piece)]
    return Text(*back)


def could_not_deliver(words: list[str]) -> Text:
    """Sorry it could not be delivered, and (when there were any) their own words back."""
    if not words:
        return Text(COULD_NOT_DELIVER)
    back: list[Part] = [COULD_NOT_DELIVER, "\n\n", WORDS_HANDED_BACK]
    for piece in words:
        back += ["\n", quote(piece)]
    return Text(*back)
