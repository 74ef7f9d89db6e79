"""The Slack app manifest: paste it into api.slack.com/apps to create Coffee Room's app."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from bot.ui.catalogue import Slash
from handlers.slack.events import SHORTCUT
from handlers.slack.oauth import REDIRECT_PATH

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
OAUTH_EVENTS = ["app_uninstalled", "tokens_revoked"]  # a workspace leaving: its data goes


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
    oauth: bool = False,
) -> dict[str, Any]:
    """The manifest for Socket Mode (no public URL needed) or HTTP (Slack posts to `url`);
    `oauth`: HTTP, installed by OAuth into many workspaces (Slack redirects back to `url`'s
    server, and tells the bot when a workspace uninstalls it)."""
    socket_mode = socket_mode and not oauth
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
        "oauth_config": _oauth_config(url if oauth else ""),
        "settings": _settings(socket_mode, url, oauth),
    }


def _oauth_config(url: str) -> dict[str, Any]:
    """The bot's scopes, and with installs by OAuth where Slack sends the installer back."""
    config: dict[str, Any] = {"scopes": {"bot": BOT_SCOPES}}
    if url:
        server = urlsplit(url)
        config["redirect_urls"] = [f"{server.scheme}://{server.netloc}{REDIRECT_PATH}"]
    return config


def _settings(socket_mode: bool, url: str, oauth: bool) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "event_subscriptions": {"bot_events": BOT_EVENTS + (OAUTH_EVENTS if oauth else [])},
        "interactivity": {"is_enabled": True},
        "org_deploy_enabled": False,
        "socket_mode_enabled": socket_mode,
        "token_rotation_enabled": False,
    }
    if not socket_mode:
        settings["event_subscriptions"]["request_url"] = url
        settings["interactivity"]["request_url"] = url
    return settings
