"""What every Teams listener shares: the services, who is asking, and how to answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.app.services import Services
from bot.core.errors import Refused
from bot.core.values import Caller, Platform
from bot.ui.forms import Field, FieldKind, Form
from handlers.teams import cards, read
from handlers.teams import wording as words
from handlers.teams.connector import Connector
from handlers.teams.directory import TeamsDirectory
from handlers.teams.store import Store

Json = dict[str, Any]
CHOOSE_TEAM = "team"


@dataclass
class Teams:
    """What every listener needs."""

    services: Services
    store: Store
    connector: Connector
    directory: Callable[[str], TeamsDirectory]


class Choose(Exception):
    """The personal chat's person is in several teams and has not said which this chat is for."""

    def __init__(self, teams: list[tuple[str, str]]) -> None:
        super().__init__("choose a team")
        self.teams = teams


def learn(teams: Teams, a: Json) -> None:
    """Keep where the bot can speak again and who the sender is: on every activity."""
    teams_id, name = read.teams_id(a)
    teams.store.learn(read.conversation(a), read.person(a), teams_id, name)


def caller(teams: Teams, a: Json) -> Caller:
    """The team a request belongs to: where it happened, or the personal chat's person's team."""
    person = read.person(a)
    team = read.team(a)
    if team:
        return Caller(Platform.TEAMS, team, person)
    found, chosen = teams.store.teams_of(person)
    ids = [t for t, _ in found]
    if chosen in ids:
        return Caller(Platform.TEAMS, chosen, person)
    if len(found) == 1:
        return Caller(Platform.TEAMS, ids[0], person)
    if not found:
        raise Refused(words.NOT_IN_A_TEAM)
    raise Choose(found)


def options(teams: Teams, who: Caller, form: Form | None = None) -> cards.Options:
    """Names for mentions, and the lists a form's pickers need (only when it has any)."""
    found = cards.Options(who=teams.store.who)
    kinds = {f.kind for f in form.fields} if form else set()
    if FieldKind.PERSON in kinds:
        with teams.store.uow.read() as tx:
            practice = tx.practices.by_workspace(Platform.TEAMS, who.workspace)
            members = tx.members.active(practice.id) if practice else []
        found.people = [(m.user_id, m.name) for m in members if m.user_id != who.user]
    if FieldKind.CHANNEL in kinds:
        found.channels = teams.directory(who.workspace).channels()
    return found


def reply(teams: Teams, a: Json, message: Json) -> None:
    """Answer in the conversation (and reply chain) the activity came from."""
    chat = str((a.get("conversation") or {}).get("id") or "")
    teams.connector.send(str(a.get("serviceUrl") or ""), chat, message)


def reply_card(teams: Teams, a: Json, content: Json) -> None:
    reply(teams, a, {"type": "message", "attachments": [cards.attachment(content)]})


def team_picker(found: list[tuple[str, str]]) -> Json:
    """Which team the personal chat is for, when someone is in several."""
    picker = Field("team", FieldKind.CHOICE, words.TEAM_LABEL, choices=tuple(found))
    content = cards.form(Form(CHOOSE_TEAM, words.WHICH_TEAM, (picker,), submit=words.CHOOSE))
    content["actions"] = [cards.execute(words.CHOOSE, cards.TEAM)]
    return content


def home(teams: Teams, who: Caller, notice: Any = "") -> Json:
    """Someone's home as a card; a lead also sees how many members the bot cannot reach."""
    shown = cards.page(teams.services.home(who), options(teams, who), notice)
    with teams.store.uow.read() as tx:
        practice = tx.practices.by_workspace(Platform.TEAMS, who.workspace)
        lead = practice is not None and who.user in tx.leads.list(practice.id)
        count = tx.teams.unreachable(who.workspace) if lead else 0
    if count:
        note = words.UNREACHABLE.format(count=count, s="" if count == 1 else "s")
        shown["body"].append({"type": "TextBlock", "text": note, "wrap": True, "isSubtle": True})
    return shown
