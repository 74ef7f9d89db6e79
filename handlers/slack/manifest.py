"""The Slack app manifest: paste it into api.slack.com/apps to create Coffee Room's app."""

from __future__ import annotations

from typing import Any

from handlers.slack.ids import Command, Shortcut

BOT_SCOPES = [
    "channels:history",  # native thread replies to questions, and finding our own sends again
    "channels:join",  # joining the rant and advice channels a lead picks
    "channels:manage",  # creating them, when a lead asks
    "channels:read",
    "chat:write",
    "commands",
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
]
COMMANDS = [
    (Command.RANT, "Let off steam for five minutes", "[what's on your mind]"),
    (Command.RUN_IT_PAST, "Run a question past colleagues", "[your question]"),
    (Command.COFFEEROOM, "What Coffee Room is, and help", "[help | protected-time]"),
]


def manifest(
    *, socket_mode: bool, url: str = "https://YOUR-SERVER.example/slack/events"
) -> dict[str, Any]:
    """The manifest for Socket Mode (no public URL needed) or HTTP (Slack posts to `url`)."""
    http = {} if socket_mode else {"url": url}
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
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "Coffee Room",
            "description": "Informal peer support for GPs: rant, run it past someone.",
            "background_color": "#6b4f3a",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": "Coffee Room", "always_online": True},
            "slash_commands": [
                {
                    "command": str(c),
                    "description": d,
                    "usage_hint": h,
                    "should_escape": False,
                    **http,
                }
                for c, d, h in COMMANDS
            ],
            "shortcuts": [
                {
                    "name": "Run this past someone",
                    "type": "message",
                    "callback_id": str(Shortcut.RUN_THIS_PAST),
                    "description": "Ask colleagues about this, with patient details kept out",
                }
            ],
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": settings,
    }
