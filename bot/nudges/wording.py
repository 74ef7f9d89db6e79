"""Every sentence of the weekly nudge."""

from __future__ import annotations

from datetime import time

from bot.core.text import Text, channel, command, mention
from bot.core.wording import DAY_NAMES, KIND_NAMES, clock

NOT_NOW = "Not now"

SNOOZE_WEEKS = (1, 2, 4)

NUDGES_OFF = "Turn these off"

NUDGE_FOOTER = "At most one of these a week, never during surgery. Not now? Snooze or turn off."


def snoozed(weeks: int) -> str:
    return f"Snoozed for {weeks} week{'s' if weeks > 1 else ''}."


NUDGES_TURNED_OFF = "Weekly nudges are off. You can turn them back on in your Coffee Room settings."

LEAD_GO_FIRST = (
    Text(
        "A thought for this week: leads going first is what makes it safe for everyone else. "
        "Could you share one hard moment from your week with colleagues, or run a question past "
        "them? ",
        command("rant"),
        " and ",
        command("runitpast"),
        " are there.",
    ),
    Text(
        "This week, could you be the first to ask? A quick ",
        command("runitpast"),
        " from a lead shows everyone that asking is what good GPs do.",
    ),
)


def nudge_protected_time(kind: str, weekday: int, start: time, where: str) -> Text:
    return Text(
        f"There's protected {KIND_NAMES[kind]} on {DAY_NAMES[weekday]} at {clock(start)} in ",
        channel(where),
        ". Do come, even for ten minutes.",
    )


def nudge_thanks(who: str) -> Text:
    return Text(
        mention(who),
        " answered a question you ran past colleagues. A quick thank-you goes a long way.",
    )


def nudge_new_colleague(who: str) -> Text:
    return Text(
        "You haven't crossed paths with ",
        mention(who),
        " on Coffee Room yet. Fancy a coffee with them this week?",
    )


NUDGE_GENERAL = (
    Text(
        "How's your week going? If it's a heavy one, ",
        command("rant"),
        " is there for five minutes of letting off steam, and ",
        command("runitpast"),
        " for a quick sense-check.",
    ),
    Text("Five minutes with a colleague today? A cup of tea together counts as peer support."),
)
