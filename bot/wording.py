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


# --- The guard and crisis signposting --------------------------------------------------------
GUARD_LABELS = {
    "nhs_number": "an NHS number",
    "date_of_birth": "a date of birth",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an email address",
    "hospital_number": "a hospital number",
    "name_with_details": "a name with an age or address",
}


def guard_found(findings: list[tuple[str, str]]) -> str:
    """What the guard found, masked; nothing has been posted or kept."""
    items = ", ".join(f"{GUARD_LABELS.get(kind, kind)} ({preview})" for kind, preview in findings)
    return (
        f"This looks like it has patient details in it: {items}. Nothing has been posted or "
        "kept. I've replaced them with [removed] below: check it still reads right, or reword "
        "it, then send again."
    )


CRISIS_REPLY = (
    "Thank you for saying how things are. If it's more than a bad day, please talk to someone "
    "today. NHS Practitioner Health (confidential, for doctors): 0300 0303 300, or text PHP to "
    "85258. BMA wellbeing support, 24/7: 0330 123 1245. Samaritans, any time: 116 123. NHS 111 "
    "(choose the mental health option), or 999 in an emergency. Only you can see this message; "
    "nobody else has been told, and your post went where you chose."
)
EMPTY_TEXT = "There's nothing to send yet: write a few words first."


def too_long(length: int, limit: int) -> str:
    """When a post is longer than a chat message can hold."""
    return f"That's {length} characters; please keep it under {limit}."


PICK_A_COLLEAGUE = "Please choose the colleague it should go to."
NOT_YOURSELF = "That's you! Please choose a colleague."
NOT_A_COLLEAGUE = (
    "I can only send to colleagues in this practice (not bots or guests from elsewhere)."
)

# --- Rant ------------------------------------------------------------------------------------
RANT_TITLE = "Rant"
RANT_INTRO = (
    "Five minutes to let it out. Keep patients out of it: no names, dates of birth or numbers."
)
RANT_TEXT_LABEL = "What's on your mind?"
RANT_WHERE_LABEL = "Where should it go?"
RANT_DESTINATIONS = {
    "just_out": "Just let it out (nobody sees it; nothing is kept)",
    "colleague": "To a colleague I choose",
    "space": "To the rant channel, as me",
    "space_anonymous": "To the rant channel, anonymously",
}
RANT_COLLEAGUE_LABEL = "Colleague (if sending to one)"
ANONYMITY_HONESTY = (
    "Anonymous means your name isn't shown or stored in a readable form. In a small team, "
    "your style or timing can still give you away, and whoever holds both the database and "
    "its key could find out who wrote it."
)
SEND = "Send"
CANCEL = "Cancel"
CLOSE = "Close"
HEAR_YOU = "I hear you"
FANCY_A_COFFEE = "Fancy a coffee?"
RANT_NOTE = "Replies reach the author privately."
RANT_NOTE_ANONYMOUS = "Posted anonymously. Replies reach the author privately."


def rant_heading(author: str | None, *, to_colleague: bool) -> str:
    """The line above a shared rant."""
    if to_colleague:
        return f"*<@{author}> wants to let off steam with you:*"
    return f"*A rant from <@{author}>:*" if author else "*A rant, shared anonymously:*"


def rant_done(destination: str, where: str) -> str:
    """The confirmation after a rant."""
    return {
        "just_out": "Let out. Nobody saw it and nothing was kept. Hope that helped a little.",
        "colleague": f"Sent to {where}, and only to them.",
        "space": f"Posted in #{where}. Colleagues' replies will reach you here, privately.",
        "space_anonymous": f"Posted anonymously in #{where}. Replies will reach you here, "
        "privately, without anyone learning it was you.",
    }[destination]


HEARD = "{who} read your rant and says: I hear you."
COFFEE_OFFER = "{who} read your rant and would like to get you a coffee. Fancy it?"
REPLY_SENT = "Sent, privately: only the person who wrote it will see it."
REPLY_ALREADY_SENT = "You've already sent that; they'll have it."
RANT_GONE = "That rant has gone (they leave the channel after a week)."
OWN_RANT = "That one's yours: colleagues' replies will reach you here."

# --- Run it past someone ---------------------------------------------------------------------
QUESTION_TITLE = "Run it past someone"
QUESTION_INTRO = (
    "A quick sense-check from colleagues. Keep patients out of it: describe the situation, "
    "not the person (no names, dates of birth or numbers)."
)
QUESTION_TEXT_LABEL = "Your question"
QUESTION_TO_LABEL = "Ask one colleague (leave empty to ask in the advice channel)"
QUESTION_ANONYMOUS_LABEL = "Ask anonymously"
TOPIC_LABEL = "Topic (optional)"
URGENCY_LABEL = "How soon? (optional)"
TOPICS = {
    "clinical": "Clinical",
    "prescribing": "Prescribing",
    "referrals": "Referrals",
    "admin": "Admin",
    "safeguarding": "Safeguarding",
    "other": "Other",
}
URGENCIES = {"now": "Now, if anyone's free", "today": "Today", "this_week": "This week"}
ANSWER = "Answer"
CAN_HELP = "I can help"
HELPFUL = "This helped"
QUESTION_NOTE = "Answer with the button (you can answer anonymously), or reply in the thread."


def question_heading(asker: str | None, topic: object, urgency: object) -> str:
    """The line above a question."""
    who = f"<@{asker}> asks" if asker else "A colleague asks (anonymously)"
    tags = [TOPICS[str(topic)]] if topic else []
    if urgency:
        tags.append(URGENCIES[str(urgency)].split(",")[0].lower())
    return f"*{who}*" + (f" ({', '.join(tags)})" if tags else "") + ":"


def question_done(where: str, *, anonymous: bool, to_colleague: bool) -> str:
    """The confirmation after asking."""
    how = " anonymously" if anonymous else ""
    if to_colleague:
        return f"Sent{how} to {where}. Their answer will reach you here, privately."
    return f"Asked{how} in #{where}. Answers go in its thread and reach you here, privately."


def answer_heading(helper: str | None) -> str:
    """The line above an answer."""
    return f"*Answer from <@{helper}>:*" if helper else "*An answer (shared anonymously):*"


ANSWER_TITLE = "Answer"
ANSWER_TEXT_LABEL = "Your answer"
ANSWER_ANONYMOUS_LABEL = "Answer anonymously"
ANSWER_ARRIVED = "Your question has an answer:"
ANSWER_SENT = "Thanks: your answer is on its way to them."
CAN_HELP_RELAY = (
    "{who} can help with the question you ran past colleagues, and is happy to talk it "
    "through. Message them when you're free."
)
CAN_HELP_SENT = "I've let them know, privately. They'll get in touch if they'd like to."
THREAD_REPLY_RELAY = "Someone has replied in the thread under your question."
THANKED = "Your answer helped: the colleague who asked says thank you."
THANKS_SENT = "Thanks passed on."
ONLY_ASKER = "Only the person who asked can mark an answer as helpful."
QUESTION_GONE = "That question has closed."
QUESTION_NOT_LANDED = "That question is still on its way; try again in a moment."
OWN_QUESTION = "That's your own question: answers will reach you here."


from bot.wording_week import *  # noqa: E402,F403  (one module of wording, in two files)
