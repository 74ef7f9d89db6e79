"""What the Teams adapter keeps for itself: conversation references, installs, Teams ids.

The assembly hands in storage's unit of work; this names the one repository it needs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.core.ports import Clock, Tx, UnitOfWork
from bot.core.values import ConversationRef


class TeamsRepo(Protocol):
    def remember(self, ref: ConversationRef, now: datetime) -> None: ...
    def personal(self, person: str) -> ConversationRef | None: ...
    def conversation(self, conversation_id: str) -> ConversationRef | None: ...
    def in_team(self, team_id: str) -> ConversationRef | None: ...
    def install(self, ref: ConversationRef, name: str, installer: str, now: datetime) -> bool: ...
    def uninstall(self, team_id: str, now: datetime) -> None: ...
    def installer(self, team_id: str) -> str: ...
    def team_name(self, team_id: str) -> str: ...
    def installed(self) -> list[str]: ...
    def person(self, person: str, teams_id: str, name: str, now: datetime) -> None: ...
    def teams_id(self, person: str) -> tuple[str, str] | None: ...
    def choose(self, person: str, team_id: str, now: datetime) -> None: ...
    def chosen(self, person: str) -> str: ...
    def reachable(self, person: str, yes: bool, now: datetime) -> None: ...
    def unreachable(self, team_id: str) -> int: ...
    def teams_of(self, person: str) -> list[tuple[str, str]]: ...


class TeamsTx(Tx, Protocol):
    @property
    def teams(self) -> TeamsRepo: ...


class Store:
    """Short transactions over the Teams tables, for listeners, messenger and directory."""

    def __init__(self, uow: UnitOfWork[TeamsTx], clock: Clock) -> None:
        self.uow = uow
        self.clock = clock

    def learn(
        self, ref: ConversationRef, person: str = "", teams_id: str = "", name: str = ""
    ) -> None:
        """Where the bot can speak again, and who someone is on Teams: on every activity."""
        now = self.clock.now()
        with self.uow() as tx:
            if ref.conversation and ref.service_url:
                tx.teams.remember(ref, now)
            if person and teams_id:
                tx.teams.person(person, teams_id, name, now)

    def first_time(self, key: str) -> bool:
        """Claim an inbound activity; False when it was handled before (a retried request)."""
        with self.uow() as tx:
            return tx.events.claim(key, self.clock.now())

    def who(self, user_id: str) -> tuple[str, str]:
        """Someone's Teams id and name, for a mention (their member name if never seen here)."""
        with self.uow.read() as tx:
            found = tx.teams.teams_id(user_id)
        return found if found else (user_id, "a colleague")

    def service(self, team_id: str) -> ConversationRef | None:
        with self.uow.read() as tx:
            return tx.teams.in_team(team_id)

    def teams_of(self, person: str) -> tuple[list[tuple[str, str]], str]:
        """The teams someone is in (id, name) and the one they chose for the personal chat."""
        with self.uow.read() as tx:
            return tx.teams.teams_of(person), tx.teams.chosen(person)

    def choose(self, person: str, team_id: str) -> None:
        with self.uow() as tx:
            tx.teams.choose(person, team_id, self.clock.now())
