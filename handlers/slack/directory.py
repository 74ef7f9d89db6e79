"""The Directory port over Slack: the workspace, its people, and joining or creating channels."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.ports import CannotDeliver
from bot.core.values import PlatformUser


class SlackDirectory:
    """One workspace as seen through a bot token."""

    def __init__(self, client: WebClient, team_id: str = "", team_name: str = "") -> None:
        self.client = client
        self.team_id = team_id
        self.team_name = team_name

    def workspace(self) -> tuple[str, str]:
        if not (self.team_id and self.team_name):
            auth = self.client.auth_test()
            self.team_id = self.team_id or str(auth["team_id"])
            self.team_name = str(auth.get("team") or "")
        return self.team_id, self.team_name

    def people(self) -> list[PlatformUser]:
        people: list[PlatformUser] = []
        cursor = None
        while True:
            page = self.client.users_list(limit=200, cursor=cursor)
            people += [self._person(u) for u in page.get("members") or []]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return people

    def person(self, user_id: str) -> PlatformUser | None:
        try:
            return self._person(self.client.users_info(user=user_id)["user"])
        except SlackApiError as exc:
            if exc.response.get("error") == "user_not_found":
                return None
            raise

    def from_payload(self, user: dict[str, Any]) -> PlatformUser:
        """A person from an event's user object."""
        return self._person(user)

    def _person(self, user: dict[str, Any]) -> PlatformUser:
        profile = user.get("profile") or {}
        name = (  # the full name ("Dr Tom Okafor") reads better than a handle in a practice
            profile.get("real_name")
            or user.get("real_name")
            or profile.get("display_name")
            or user.get("name")
            or user["id"]
        )
        team = user.get("team_id")
        return PlatformUser(
            user_id=user["id"],
            name=str(name),
            is_bot=bool(user.get("is_bot") or user.get("is_app_user")),
            deleted=bool(user.get("deleted")),
            external=bool(team and self.team_id and team != self.team_id)
            or bool(user.get("is_stranger")),
            guest=bool(user.get("is_restricted") or user.get("is_ultra_restricted")),
            admin=bool(user.get("is_admin")),
            owner=bool(user.get("is_owner") or user.get("is_primary_owner")),
        )

    def join(self, channel_id: str) -> str:
        try:
            info = self.client.conversations_info(channel=channel_id)["channel"]
            if not info.get("is_member"):
                if info.get("is_private"):
                    raise CannotDeliver("private_not_invited")
                info = self.client.conversations_join(channel=channel_id)["channel"]
        except SlackApiError as exc:
            raise CannotDeliver(str(exc.response.get("error"))) from exc
        return str(info.get("name") or channel_id)

    def create_channel(self, name: str) -> tuple[str, str]:
        try:
            created = self.client.conversations_create(name=name)["channel"]
        except SlackApiError as exc:
            if exc.response.get("error") != "name_taken":
                raise CannotDeliver(str(exc.response.get("error"))) from exc
            created = self._find_channel(name)
        self.join(created["id"])
        return str(created["id"]), str(created["name"])

    def channel_members(self, channel_id: str) -> set[str]:
        """A channel's member ids, every page of them (a practice defined by a channel)."""
        members: set[str] = set()
        cursor = None
        try:
            while True:
                page = self.client.conversations_members(
                    channel=channel_id, limit=200, cursor=cursor
                )
                members.update(str(m) for m in page.get("members") or [])
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return members
        except SlackApiError as exc:
            raise CannotDeliver(str(exc.response.get("error"))) from exc

    def _find_channel(self, name: str) -> dict[str, Any]:
        cursor = None
        while True:
            page = self.client.conversations_list(
                types="public_channel", exclude_archived=True, limit=200, cursor=cursor
            )
            for channel in page.get("channels") or []:
                if channel.get("name") == name:
                    return dict(channel)
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                raise CannotDeliver("name_taken")


def for_request(client: WebClient, body: dict[str, Any]) -> SlackDirectory:
    """The workspace behind an event, command or interaction."""
    team = body.get("team_id") or (body.get("team") or {}).get("id") or ""
    return SlackDirectory(client, team_id=str(team))
