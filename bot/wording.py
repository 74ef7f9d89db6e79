"""Every sentence a GP or lead sees, in one place, shared by Slack, Teams and the local chat.

UK English; warm and brief; nothing preachy. Slack-style *bold* and _italics_ are turned into
each platform's own markup by its renderer.
"""

from __future__ import annotations

NAME = "Coffee Room"

WHAT_IT_IS = (
    "Coffee Room helps GPs in your practice support each other, the informal way: "
    "a quick rant to a colleague, running a question past someone, pooling the work "
    "on a bad day."
)
WHAT_IT_IS_NOT = (
    "It is peer support. It is *not* a clinical tool (no patient details, please) and "
    "*not* a crisis service."
)
HELP_NOW = (
    "If you need help now: NHS Practitioner Health 0300 0303 300 (or text PHP to 85258), "
    "BMA wellbeing support 0330 123 1245 (24/7), Samaritans 116 123, NHS 111 (mental health "
    "option), or 999 in an emergency."
)

COMMANDS = (
    "`/rant`: let off steam for five minutes, privately, to a colleague, or to the rant space "
    "(as you or anonymously).\n"
    "`/runitpast`: run a question past colleagues, or one colleague, optionally anonymously.\n"
    "`/coffeeroom`: this help, and your settings in the Home tab."
)

COULD_NOT_DELIVER = (
    "Sorry: something you sent through Coffee Room could not be delivered, even after "
    "several tries. Nothing else was posted. Could you try again in a little while?"
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


def help_text(*, is_lead: bool) -> str:
    """The answer to /coffeeroom (and 'help' in Teams and the local chat)."""
    parts = [f"*{NAME}*", WHAT_IT_IS, WHAT_IT_IS_NOT, COMMANDS, HELP_NOW]
    if is_lead:
        parts.insert(4, "You're a practice lead: the Home tab has the practice's settings.")
    return "\n\n".join(parts)


# --- First use ------------------------------------------------------------------------------
SETUP_TITLE = "Let's set up Coffee Room"
SETUP_INTRO = (
    "Pick (or create) two channels: one where colleagues can rant, and one for running "
    "questions past each other. I'll join them. You can change them later here."
)
SETUP_RANTS_LABEL = "Channel for rants"
SETUP_ADVICE_LABEL = "Channel for questions"
SETUP_CREATE = "Create #coffee-room and #run-it-past for me"
SETUP_SAVE = "Use these channels"
SETUP_NEEDS_BOTH = "Please choose a channel for rants and one for questions."
SETUP_SAME_CHANNEL = (
    "The same channel for both works, but rants and questions read better apart; saved anyway."
)
WAITING_FOR_LEAD = (
    "Coffee Room isn't quite set up yet: your practice lead needs to choose the channels. "
    "I've let them know."
)
LEAD_ASKED_TO_SET_UP = (
    "A colleague just tried to use Coffee Room, but it isn't set up yet. "
    "Open Coffee Room's *Home* tab to pick the channels (it takes a minute)."
)
ONLY_LEADS = "Only the practice's leads can change Coffee Room's settings."
CANNOT_JOIN = (
    "I couldn't join that channel. If it's private, invite me first "
    "(type `/invite @Coffee Room` in the channel), then try again."
)


def spaces_saved(rants: str, advice: str) -> str:
    """Confirmation after a lead picks the channels."""
    return f"Saved. Rants go to #{rants} and questions to #{advice}."


def home_role_line(role: str) -> str:
    """The member's self-declared role, as shown on their home."""
    return "Your role: " + ("not set yet" if role == "not_set" else role.replace("_", " "))


def home_spaces_line(rants: str | None, advice: str | None) -> str:
    """Where things go, as shown on the home."""
    if not rants or not advice:
        return "The shared channels aren't chosen yet."
    return f"Rants go to #{rants}; questions go to #{advice}."


def leads_line(names: list[str]) -> str:
    """Who the practice leads are."""
    return "Practice leads: " + (", ".join(names) if names else "none yet")
