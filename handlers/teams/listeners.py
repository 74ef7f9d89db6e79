"""One listener per kind of interaction: typed commands, card actions, dialogs.

Each turns a Teams activity into a Caller and plain values, lets bot/ui's flow run the
catalogue, and shows the outcome the Teams way. Nothing here decides anything.
"""

from __future__ import annotations

from typing import Any

from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.values import Caller, Platform
from bot.ui import flow
from bot.ui.catalogue import said
from handlers.teams import answer, cards, read
from handlers.teams import wording as words
from handlers.teams.context import (
    CHOOSE_TEAM,
    Choose,
    Teams,
    caller,
    home,
    learn,
    options,
    reply,
    reply_card,
    team_picker,
)
from handlers.teams.messenger import activity

Json = dict[str, Any]
HOME = "home"


# --- typed commands ------------------------------------------------------------------------
def on_message(teams: Teams, a: Json) -> None:
    """Someone wrote to the bot: a command in the personal chat, or @Coffee Room in a channel;
    a reply in the chain under one of the bot's questions is an answer to it."""
    learn(teams, a)
    ref = read.conversation(a)
    # The key names the activity, never the person or the chat (see docs/architecture.md).
    if not teams.store.first_time(f"teams:{a.get('id')}"):
        return  # Teams sent it again: it was handled
    if ref.kind == "channel" and not read.mentions_bot(a):
        root = read.thread(a)
        if root:
            who = Caller(Platform.TEAMS, ref.team, read.person(a))
            key = f"teams:{a.get('id')}"
            teams.services.advice.thread_reply(who, channel=ref.conversation, thread=root, key=key)
        return
    name, rest = read.command(read.words(a), set(teams.services.catalogue.commands))
    try:
        who = caller(teams, a)
    except Choose as choose:
        reply_card(teams, a, team_picker(choose.teams))
        return
    run(teams, a, who, name, rest)


def run(teams: Teams, a: Json, who: Caller, name: str, rest: str) -> None:
    """A typed command: help, home, which team, or one of the catalogue's."""
    if name == CHOOSE_TEAM:
        found = teams.store.teams_of(who.user)[0]
        reply_card(teams, a, team_picker(found))
    elif name == HOME:
        reply_card(teams, a, home(teams, who))
    else:
        outcome = flow.command(teams.services.catalogue, who, name or "help", rest)
        if isinstance(outcome, flow.Open):
            reply_card(teams, a, cards.form(outcome.form, options(teams, who, outcome.form)))
        else:
            paragraphs = Message(answer.joined(outcome.said))
            reply(teams, a, activity(paragraphs, options(teams, who)))


# --- card actions (Action.Execute) ---------------------------------------------------------
def on_card_action(teams: Teams, a: Json) -> Json:
    """A card's button: a form sent, a control on the home used, or a team chosen."""
    learn(teams, a)
    data = read.data(a)
    if data.get("action") == cards.TEAM:
        return answer.card(chose_team(teams, a, str(data.get(cards.FIELD + "team") or "")))
    who = caller(teams, a)
    if data.get("action") == cards.SUBMIT:
        return answer.card(submitted(teams, who, data, dialog=False))
    value = str(data.get("value") or data.get(str(data.get("pick") or "")) or "")
    outcome = flow.tap(teams.services.catalogue, who, str(data.get("tap") or ""), value)
    if isinstance(outcome, flow.Open):
        return answer.card(cards.form(outcome.form, options(teams, who, outcome.form)))
    return answer.card(home(teams, who, answer.joined(outcome.said)))


def chose_team(teams: Teams, a: Json, team: str) -> Json:
    person = read.person(a)
    found = dict(teams.store.teams_of(person)[0])
    if team not in found:
        raise Refused(words.NOT_IN_A_TEAM)
    teams.store.choose(person, team)
    return cards.done(words.CHOOSE, said(words.TEAM_CHOSEN.format(name=found[team])))


def submitted(teams: Teams, who: Caller, data: Json, *, dialog: bool) -> Json:
    """A form sent (from a card or a dialog): what replaces it."""
    catalogue = teams.services.catalogue
    form_id, state, sub = str(data.get("form") or ""), read.state(data), str(data.get("sub") or "")
    built = flow.form(catalogue, who, form_id, state)
    # Each card can be sent once (a retried request finds it claimed); a card shown again after
    # a problem is a new card, with a new `sub`.
    if not teams.store.first_time(f"teams-card:{sub}"):
        return cards.done(built.title, said(words.ALREADY_SENT))
    raw = read.answers(built, data)
    outcome = flow.submit(catalogue, who, form_id, state, raw, f"teams-form:{sub}")
    shown = options(teams, who, built)
    if isinstance(outcome, flow.Problem):  # the words stay; the problem shows under its field
        again = built.refilled(raw, "")
        problem = (outcome.field, outcome.text)
        return cards.form(again, shown, dialog=dialog, problem=problem)
    if isinstance(outcome, flow.Again):
        return cards.form(outcome.form, shown, dialog=dialog)
    if isinstance(outcome, flow.Open):
        return cards.form(outcome.form, options(teams, who, outcome.form), dialog=dialog)
    if outcome.said.home and not dialog:
        return home(teams, who, answer.joined(outcome.said))
    return cards.done(built.title, outcome.said, shown)


# --- dialogs (task/fetch, task/submit) -----------------------------------------------------
def on_dialog_open(teams: Teams, a: Json) -> Json:
    """A button under a message: what it opens, or what it says, privately in a dialog."""
    learn(teams, a)
    data = read.data(a)
    who = caller(teams, a)
    tap, value = str(data.get("tap") or ""), str(data.get("value") or "")
    outcome = flow.tap(teams.services.catalogue, who, tap, value)
    if isinstance(outcome, flow.Open):
        shown = cards.form(outcome.form, options(teams, who, outcome.form), dialog=True)
        return answer.dialog(outcome.form.title, shown)
    done = cards.done(words.COFFEE_ROOM, outcome.said, options(teams, who))
    return answer.dialog(words.COFFEE_ROOM, done)


def on_dialog_submit(teams: Teams, a: Json) -> Json:
    """A form sent from a dialog."""
    learn(teams, a)
    data = read.data(a)
    who = caller(teams, a)
    return answer.dialog(words.COFFEE_ROOM, submitted(teams, who, data, dialog=True))
