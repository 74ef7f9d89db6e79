"""Every sentence of running a question past someone."""

from __future__ import annotations

from bot.core.text import Text, channel, mention, strong

QUESTION_TITLE = "Run it past someone"

QUESTION_SUMMARY = "run a question past colleagues (or one), optionally anonymously"

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

QUESTION_NOTE_DIRECT = (
    "Answer with the button: it reaches them privately (anonymously, if you like)."
)


def question_heading(asker: str | None, topic: object, urgency: object) -> Text:
    """The line above a question."""
    who = Text(mention(asker), " asks") if asker else Text(strong("A colleague asks (anonymously)"))
    tags = [TOPICS[str(topic)]] if topic else []
    if urgency:
        tags.append(URGENCIES[str(urgency)].split(",")[0].lower())
    return Text(who, f" ({', '.join(tags)})" if tags else "", ":")


def question_done(where: str, *, anonymous: bool, to_colleague: bool) -> Text:
    """The confirmation after asking."""
    how = " anonymously" if anonymous else ""
    if to_colleague:
        return Text(f"Sent{how} to {where}. Their answer will reach you here, privately.")
    return Text(
        f"Asked{how} in ",
        channel(where),
        ". Answers go in its thread and reach you here, privately.",
    )


def answer_heading(helper: str | None) -> Text:
    """The line above an answer."""
    if helper:
        return Text("Answer from ", mention(helper), ":")
    return Text(strong("An answer (shared anonymously):"))


def can_help_relay(helper: str) -> Text:
    """To the asker: a colleague offers to help."""
    return Text(
        mention(helper),
        " can help with the question you ran past colleagues, and is happy to talk it "
        "through. Message them when you're free.",
    )


FREE_NOW_LABEL = "Send it to colleagues free now (the advice channel if nobody is)"

NOBODY_FREE = "Nobody has said they're free just now, so it went to the advice channel instead. "

QUESTION_NOTE_FREE = (
    "You said you're free now, so you're among the first to see this. Answer with the button: "
    "it reaches them privately (anonymously, if you like)."
)


def question_to_free(count: int, *, anonymous: bool) -> Text:
    """The confirmation after asking colleagues free now."""
    how = " anonymously" if anonymous else ""
    people = f"{count} colleague{'s' if count > 1 else ''}"
    return Text(f"Sent{how} to {people} free now. Their answers will reach you here, privately.")


ANSWER_TITLE = "Answer"

ANSWER_TEXT_LABEL = "Your answer"

ANSWER_ANONYMOUS_LABEL = "Answer anonymously"

ANSWER_ARRIVED = "Your question has an answer:"

ANSWER_SENT = "Thanks: your answer is on its way to them."

CAN_HELP_SENT = "I've let them know, privately. They'll get in touch if they'd like to."

THREAD_REPLY_RELAY = "Someone has replied in the thread under your question."

THANKED = "Your answer helped: the colleague who asked says thank you."

THANKS_SENT = "Thanks passed on."

ONLY_ASKER = "Only the person who asked can mark an answer as helpful."

QUESTION_GONE = "That question has closed."

QUESTION_NOT_LANDED = "That question is still on its way; try again in a moment."

OWN_QUESTION = "That's your own question: answers will reach you here."
