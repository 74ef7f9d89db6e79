"""Every sentence of a rant."""

from __future__ import annotations

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

RANT_GONE = "That rant has gone (they leave the channel after a week)."

OWN_RANT = "That one's yours: colleagues' replies will reach you here."
