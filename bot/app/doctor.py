"""'python -m bot doctor': check settings, database, key and Slack."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app.settings import HINTS, Settings
from bot.core.sealing import is_valid_key
from handlers.slack.manifest import BOT_SCOPES
from storage.database import make_engine
from storage.migrate import current_revision, head_revision


def doctor(settings: Settings) -> int:
    """Print every check; exit 1 if anything needs fixing."""
    problems = list(settings.problems) + _missing(settings)
    notes: list[str] = []
    problems += _database(settings, notes)
    problems += _key(settings, notes)
    problems += _slack(settings, notes)
    problems += _teams(settings, notes)
    for note in notes:
        print(f"  ok  {note}")
    for problem in problems:
        print(f"  !!  {problem}")
    if problems:
        print(f"\n{len(problems)} thing(s) to fix; see the README's 'Settings' table.")
        return 1
    print("\nAll good: 'python -m bot run' should work.")
    return 0


def _missing(settings: Settings) -> list[str]:
    problems: list[str] = []
    if settings.teams_configured and not settings.slack_configured:
        return problems  # Teams alone is a whole configuration
    if settings.slack_oauth:  # installs by OAuth: HTTP only, a token per workspace
        needed = ("SLACK_SIGNING_SECRET", "COFFEEROOM_TOKEN_KEY")
        return [f"{n} is not set: {HINTS[n]}." for n in needed if not getattr(settings, n.lower())]
    if not settings.slack_bot_token:
        problems.append(f"SLACK_BOT_TOKEN is not set: {HINTS['SLACK_BOT_TOKEN']}.")
    if not (settings.slack_app_token or settings.slack_signing_secret):
        problems.append(
            "Neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set: "
            "set one of them."
        )
    return problems


def _teams(settings: Settings, notes: list[str]) -> list[str]:
    """The Teams settings, as far as they can be checked without Teams itself."""
    if not settings.teams_configured:
        notes.append("Teams not configured (set TEAMS_CLIENT_ID to serve Microsoft Teams)")
        return []
    problems = []
    needed = ("TEAMS_CLIENT_SECRET", "TEAMS_TENANT_ID")
    if not settings.teams_allow_unauthenticated:
        problems += [
            f"{name} is not set: {HINTS[name]}."
            for name in needed
            if not getattr(settings, name.lower())
        ]
    else:
        notes.append(
            "Teams in development mode: inbound tokens are NOT checked and sends carry a "
            "placeholder token (never use this in production)"
        )
    for name in ("TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"):
        if not getattr(settings, name.lower()):
            problems.append(f"{name} is not set (needed for 'teams-package'): {HINTS[name]}.")
    if not problems:
        notes.append(f"Teams configured for app {settings.teams_client_id}: POST /api/messages")
    return problems


def _database(settings: Settings, notes: list[str]) -> list[str]:
    try:
        engine = make_engine(settings.database_url)
        current = current_revision(engine)
    except Exception as exc:  # noqa: BLE001 - any failure is reported in words
        return [f"The database cannot be opened ({type(exc).__name__}); check DATABASE_URL."]
    head = head_revision()
    if current == head:
        notes.append(f"database reachable, schema up to date ({head})")
    else:
        notes.append(
            f"database reachable; schema {current or 'empty'} will be brought to {head} by "
            "'python -m bot migrate' (or automatically by 'run')"
        )
    return []


def _key(settings: Settings, notes: list[str]) -> list[str]:
    if settings.secret_key:
        if not is_valid_key(settings.secret_key):
            return [
                "COFFEEROOM_SECRET_KEY is not a valid key; generate one with the README's command."
            ]
        notes.append("secret key set in the environment")
        return []
    path = Path(settings.key_file)
    if not path.exists():
        notes.append(f"no secret key yet: 'run' will create {path} (back it up)")
        return []
    if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
        return [f"{path} can be read by other users; run: chmod 600 {path}"]
    if not is_valid_key(path.read_text().strip()):
        return [f"{path} does not hold a valid key."]
    notes.append(f"secret key file {path} present and private")
    return []


def _slack(settings: Settings, notes: list[str]) -> list[str]:
    if not settings.slack_bot_token or any("SLACK_BOT_TOKEN" in p for p in settings.problems):
        return []
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=10)
    try:
        auth = client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error")
        return [
            f"Slack refused SLACK_BOT_TOKEN ({error}): copy it again from 'OAuth & Permissions'."
        ]
    except Exception as exc:  # noqa: BLE001 - network trouble is reported in words
        return [f"Could not reach Slack at {settings.slack_api_url} ({type(exc).__name__})."]
    notes.append(f"Slack token works for workspace {auth.get('team')!r}")
    granted = set((auth.headers.get("x-oauth-scopes") or "").replace(" ", "").split(","))
    missing = sorted(set(BOT_SCOPES) - granted) if granted != {""} else []
    if missing:
        return [
            f"The Slack app lacks scopes {', '.join(missing)}: update it from the manifest "
            "('python -m bot manifest') and reinstall it."
        ]
    return []
