"""The Slack app manifest: paste it into api.slack.com/apps to create Coffee Room's app."""

from __future__ import annotations

from typing import Any

from bot.ui.catalogue import Slash
from handlers.slack.events import SHORTCUT

BOT_SCOPES = [
    "channels:history",  # native thread replies to questions, and finding our own sends again
    "channels:join",  # joining the rant and advice channels a lead picks
    "channels:manage",  # creating them, when a lead asks
    "channels:read",
    "chat:write",
    "commands",
    "files:write",  # leads' weekly chart and figures, a GP's own data export (a reinstall adds it)
    "groups:history",
    "groups:read",
    "im:history",  # finding a direct message again after a crash
    "im:write",  # opening direct messages to GPs
    "users:read",  # learning the practice's members
]
BOT_EVENTS = [
    "app_home_opened",
    "message.channels",
    "message.groups",
    "team_join",
    "user_change",
    "member_joined_channel",  # a practice's channel defines its members (a PCN's workspace)
    "member_left_channel",
]


DISPLAY = {
    "name": "Coffee Room",
    "description": "Informal peer support for GPs: rant, run it past someone.",
    "background_color": "#6b4f3a",
}
SHORTCUT_ENTRY = {
    "name": "Run this past someone",
    "type": "message",
    "callback_id": SHORTCUT,
    "description": "Ask colleagues about this, with patient details kept out",
}


def manifest(
    *,
    socket_mode: bool,
    commands: tuple[Slash, ...],
    url: str = "https://YOUR-SERVER.example/slack/events",
) -> dict[str, Any]:
    """The manifest for Socket Mode (no public URL needed) or HTTP (Slack posts to `url`)."""
    http = {} if socket_mode else {"url": url}
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": DISPLAY,
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": "Coffee Room", "always_online": True},
            "slash_commands": [
                {
                    "command": c.command,
                    "description": c.description,
                    "usage_hint": c.usage,
                    "should_escape": False,
                    **http,
                }
                for c in commands
            ],
            "shortcuts": [SHORTCUT_ENTRY],
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": _settings(socket_mode, url),
    }


def _settings(socket_mode: bool, url: str) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "event_subscriptions": {"bot_events": BOT_EVENTS},
        "interactivity": {"is_enabled": True},
        "org_deploy_enabled": False,
        "socket_mode_enabled": socket_mode,
        "token_rotation_enabled": False,
    }
    if not socket_mode:
        settings["event_subscriptions"]["request_url"] = url
        settings["interactivity"]["request_url"] = url
    return settings
