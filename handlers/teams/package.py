"""The Teams app package: a manifest (bot in personal and team scope, commands, icons, the
privacy and terms addresses Teams requires) and two icons, zipped for upload."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ICONS = Path(__file__).parent / "icons"
SCHEMA = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json"
COMMANDS = (  # what a GP types; the suggestions Teams shows in the compose box (10 at most)
    ("help", "What Coffee Room does, and what to type"),
    ("home", "Your settings, and the leads' console"),
    ("rant", "Five minutes to let it out, where you choose"),
    ("run it past", "Run a question past colleagues, optionally anonymously"),
    ("pool", "Swamped? Offer tasks that could move"),
    ("free", "Tell colleagues you are free now"),
    ("week", "Your working pattern, so nudges come at a good time"),
    ("team", "Choose which practice this chat is for"),
)
TEAM_COMMANDS = (("help", "What Coffee Room does"),)
DESCRIPTION = {
    "short": "Informal peer support for GPs: rant, ask, protect time.",
    "full": (
        "Coffee Room makes informal peer support between GPs easier and safer: a quick rant, "
        "running a question past colleagues, protected time that happens, a private weekly "
        "check-in and a gentle weekly nudge. It is peer support: not a clinical tool (it "
        "refuses patient details) and not a crisis service."
    ),
}


def replies_without_mention(client_id: str) -> dict[str, Any]:
    """Replies under the bot's questions reach it without an @mention (resource-specific
    consent for the team's channel messages)."""
    return {
        "webApplicationInfo": {"id": client_id, "resource": "https://RscBasedStoreApp"},
        "authorization": {
            "permissions": {
                "resourceSpecific": [{"name": "ChannelMessage.Read.Group", "type": "Application"}]
            }
        },
    }


def manifest(
    *, client_id: str, privacy_url: str, terms_url: str, version: str = "1.0.0"
) -> dict[str, Any]:
    """The manifest for this bot's registration (client id)."""
    site = urlparse(privacy_url)
    return {
        "$schema": SCHEMA,
        "manifestVersion": "1.17",
        "version": version,
        "id": client_id,
        "developer": {
            "name": "Coffee Room",
            "websiteUrl": f"{site.scheme}://{site.netloc}/",
            "privacyUrl": privacy_url,
            "termsOfUseUrl": terms_url,
        },
        "name": {"short": "Coffee Room", "full": "Coffee Room: peer support for GPs"},
        "description": DESCRIPTION,
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#6B4F3A",
        "bots": [
            {
                "botId": client_id,
                "scopes": ["personal", "team"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [_commands("personal", COMMANDS), _commands("team", TEAM_COMMANDS)],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [],
        **replies_without_mention(client_id),
    }


def _commands(scope: str, commands: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {"scopes": [scope], "commands": [{"title": t, "description": d} for t, d in commands]}


def write_package(out: str, *, client_id: str, privacy_url: str, terms_url: str) -> Path:
    """Write the zip (manifest.json and the icons at its root, as Teams requires)."""
    path = Path(out)
    built = manifest(client_id=client_id, privacy_url=privacy_url, terms_url=terms_url)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(built, indent=2))
        for icon in ("color.png", "outline.png"):
            package.write(ICONS / icon, icon)
    return path
