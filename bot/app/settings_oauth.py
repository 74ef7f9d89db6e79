"""The settings for Slack installs by OAuth, checked (kept apart: settings.py is long)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.sealing import is_valid_key


def oauth_values(get: Callable[[str], str]) -> dict[str, str]:
    """Installs by OAuth: the Slack app's client id and secret (set both to install into many
    workspaces), a redirect URL if the app lists several, and the key that encrypts tokens."""
    return {
        "slack_client_id": get("SLACK_CLIENT_ID"),
        "slack_client_secret": get("SLACK_CLIENT_SECRET"),
        "slack_redirect_uri": get("SLACK_REDIRECT_URI"),
        "coffeeroom_token_key": get("COFFEEROOM_TOKEN_KEY"),
    }


def oauth_problems(values: dict[str, str]) -> list[str]:
    """OAuth installs: both client credentials or neither, not beside one bot token, and a
    token key that is a real key."""
    problems: list[str] = []
    client = (values["slack_client_id"], values["slack_client_secret"])
    if any(client) and not all(client):
        problems.append(
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both for installs by OAuth "
            "into many workspaces, or neither for one workspace with SLACK_BOT_TOKEN."
        )
    elif all(client) and values["slack_bot_token"]:
        problems.append(
            "SLACK_BOT_TOKEN and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET are both set: choose one "
            "(a bot token for one workspace, or the client id and secret for installs by OAuth)."
        )
    if values["coffeeroom_token_key"] and not is_valid_key(values["coffeeroom_token_key"]):
        problems.append(
            "COFFEEROOM_TOKEN_KEY is not a valid key: it should be 44 characters from "
            "Fernet.generate_key(); see .env.example for how to make one."
        )
    return problems
