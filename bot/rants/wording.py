"""Every sentence of a rant."""

from __future__ import annotations

from bot.core.text import Text, channel, mention, strong

RANT_TITLE = "Rant"

RANT_SUMMARY = "let off steam: privately, to a colleague, or to the rant channel"

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


def rant_heading(author: str | None, *, to_colleague: bool) -> Text:
    """The line above a shared rant."""
    if to_colleague:
        return Text(mention(author or ""), " wants to let off steam with you:")
    if author:
        return Text("A rant from ", mention(author), ":")
    return Text(strong("A rant, shared anonymously:"))


def rant_done(destination: str, where: str, *, signposted: bool = False) -> Text:
    """The confirmation after a rant (no cheery sign-off after words of crisis)."""
    if destination == "space":
        return Text(
            "Posted in ", channel(where), ". Colleagues' replies will reach you here, privately."
        )
    if destination == "space_anonymous":
        return Text(
            "Posted anonymously in ",
            channel(where),
            ". Replies will reach you here, privately, without anyone learning it was you.",
        )
    if destination == "colleague":
        return Text(f"Sent to {where}, and only to them.")
    if signposted:
        return Text("Let out. Nobody saw it and nothing was kept.")
    return Text("Let out. Nobody saw it and nothing was kept. Hope that helped a little.")


def heard(responder: str) -> Text:
    return Text(mention(responder), " read your rant and says: I hear you.")


def coffee_offer(responder: str) -> Text:
    return Text(mention(responder), " read your rant and would like to get you a coffee. Fancy it?")


REPLY_SENT = "Sent, privately: only the person who wrote it will see it."

RANT_GONE = "That rant has gone (they leave the channel after a week)."

OWN_RANT = "That one's yours: colleagues' replies will reach you here."
