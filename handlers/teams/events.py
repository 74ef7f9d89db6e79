"""What only Teams has, by hand: the app installed or removed, and people joining or leaving."""

from __future__ import annotations

import logging
from typing import Any

from bot.core.values import Platform, PlatformUser
from handlers.teams import read
from handlers.teams import wording as words
from handlers.teams.context import Teams, learn, reply

log = logging.getLogger(__name__)
Json = dict[str, Any]


def on_install(teams: Teams, a: Json) -> None:
    """Added to a team (its practice begins, led by whoever added it) or to a personal chat."""
    learn(teams, a)
    ref = read.conversation(a)
    if not ref.team:
        if teams.store.first_time(f"teams-install:{ref.conversation}"):
            reply(teams, a, _text(words.PERSONAL_WELCOME))
        return
    installed(teams, a)


def installed(teams: Teams, a: Json) -> None:
    """Teams can say so twice (installationUpdate and conversationUpdate): welcome once."""
    ref = read.conversation(a)
    with teams.store.uow() as tx:
        fresh = tx.teams.install(ref, read.team_name(a), read.person(a), teams.store.clock.now())
    if not fresh:
        return
    report = teams.services.practices.sync_roster(Platform.TEAMS, teams.directory(ref.team))
    log.info("teams: installed in a team of %d members", report.members)
    reply(teams, a, _text(words.TEAM_WELCOME))


def on_uninstall(teams: Teams, a: Json) -> None:
    """Removed from a team: nothing more is sent there (its records stay, per team)."""
    ref = read.conversation(a)
    if ref.team:
        with teams.store.uow() as tx:
            tx.teams.uninstall(ref.team, teams.store.clock.now())


def on_conversation_update(teams: Teams, a: Json) -> None:
    """Members added or removed (the bot itself, when added, is an install)."""
    learn(teams, a)
    ref = read.conversation(a)
    bot = str((a.get("recipient") or {}).get("id") or "")
    added = [m for m in a.get("membersAdded") or [] if isinstance(m, dict)]
    removed = [m for m in a.get("membersRemoved") or [] if isinstance(m, dict)]
    if any(m.get("id") == bot for m in added):
        on_install(teams, a)
        added = [m for m in added if m.get("id") != bot]
    if any(m.get("id") == bot for m in removed):
        on_uninstall(teams, a)
        return
    if not ref.team:
        return
    directory = teams.directory(ref.team)
    for member in added:
        if member.get("aadObjectId") and member.get("id"):
            teams.store.learn(ref, str(member["aadObjectId"]), str(member["id"]))
        person = directory.person(str(member.get("aadObjectId") or member.get("id") or ""))
        if person is not None:
            teams.services.practices.learn(Platform.TEAMS, ref.team, person)
    for member in removed:
        gone = str(member.get("aadObjectId") or member.get("id") or "")
        teams.services.practices.learn(
            Platform.TEAMS, ref.team, PlatformUser(gone, "", deleted=True)
        )


def sync_all(teams: Teams) -> int:
    """The roster of every team the app is installed in (the hourly job)."""
    with teams.store.uow.read() as tx:
        installed_in = tx.teams.installed()
    for team in installed_in:
        teams.services.practices.sync_roster(Platform.TEAMS, teams.directory(team))
    return len(installed_in)


def _text(words_: str) -> Json:
    return {"type": "message", "textFormat": "plain", "text": words_}
