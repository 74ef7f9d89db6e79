"""The Directory port over the Bot Connector: a team, its members (paged) and its channels."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.core.ports import CannotDeliver
from bot.core.values import PlatformUser
from handlers.teams.connector import Connector
from handlers.teams.store import Store

GENERAL = "General"  # the team's first channel has no name of its own in the API


class TeamsDirectory:
    """One team, as the connector reports it; its practice's leads begin with the installer."""

    def __init__(self, connector: Connector, store: Store, team_id: str) -> None:
        self.connector = connector
        self.store = store
        self.team_id = team_id

    def _service(self) -> tuple[str, str]:
        ref = self.store.service(self.team_id)
        if ref is None:  # nothing has arrived from this team: the app is not installed there
            raise CannotDeliver("teams_not_installed")
        return ref.service_url, ref.tenant

    def workspace(self) -> tuple[str, str]:
        with self.store.uow.read() as tx:
            name = tx.teams.team_name(self.team_id)
        if not name:
            name = str(self.connector.team(self._service()[0], self.team_id).get("name") or "")
        return self.team_id, name

    def people(self) -> list[PlatformUser]:
        service, tenant = self._service()
        members = self.connector.members(service, self.team_id)
        people = [self._person(m, tenant) for m in members]
        self._remember(members)
        return people

    def person(self, user_id: str) -> PlatformUser | None:
        service, tenant = self._service()
        teams_id, _ = self.store.who(user_id)
        found = self.connector.member(service, self.team_id, teams_id)
        if found is None:
            return None
        self._remember([found])
        return self._person(found, tenant)

    def _remember(self, members: list[dict[str, Any]]) -> None:
        now: datetime = self.store.clock.now()
        with self.store.uow() as tx:
            for m in members:
                aad = _aad(m)
                if aad and m.get("id"):
                    tx.teams.person(aad, str(m["id"]), str(m.get("name") or ""), now)

    def _person(self, member: dict[str, Any], tenant: str) -> PlatformUser:
        with self.store.uow.read() as tx:
            installer = tx.teams.installer(self.team_id)
        teams_id = str(member.get("id") or "")
        role = str(member.get("userRole") or "user")
        member_tenant = str(member.get("tenantId") or tenant)
        user_id = _aad(member) or teams_id
        return PlatformUser(
            user_id=user_id,
            name=str(member.get("name") or member.get("givenName") or user_id),
            is_bot=teams_id.startswith("28:"),
            external=role == "anonymous" or bool(tenant and member_tenant != tenant),
            guest=role == "guest",
            owner=bool(installer) and user_id == installer,  # Teams says no more about owners
        )

    def channels(self) -> list[tuple[str, str]]:
        """The team's channels (id, name), for a lead to pick from."""
        service, _ = self._service()
        found = self.connector.channels(service, self.team_id)
        return [(str(c["id"]), str(c.get("name") or GENERAL)) for c in found if c.get("id")]

    def join(self, channel_id: str) -> str:
        """A bot installed in a team can post in its standard channels: nothing to join."""
        for found, name in self.channels():
            if found == channel_id:
                return name
        raise CannotDeliver("channel_not_in_team")

    def create_channel(self, name: str) -> tuple[str, str]:
        """The connector cannot create channels (Graph can): use one of that name if it exists."""
        for found, existing in self.channels():
            if existing.lower() == name.lower():
                return found, existing
        raise CannotDeliver("teams_cannot_create_channels")

    def channel_members(self, channel_id: str) -> set[str]:
        """A standard channel's members are its team's (a team is already its own practice, so
        Teams offers no split: this serves only the Directory port's promise)."""
        self.join(channel_id)  # refuses a channel that is not the team's
        return {p.user_id for p in self.people()}


def _aad(member: dict[str, Any]) -> str:
    return str(member.get("aadObjectId") or member.get("objectId") or "")
