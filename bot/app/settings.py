"""One frozen Settings object, read once from the environment (and .env) and checked per command."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.app.settings_oauth import oauth_problems, oauth_values
from bot.core.sealing import is_valid_key

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///coffeeroom.db"
DEFAULT_KEY_FILE = "coffeeroom.key"
ENVIRONMENTS = ("production", "development", "test")
GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")

# What each command (and mode) needs; the README's table is generated from the same facts.
OAUTH = ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "COFFEEROOM_TOKEN_KEY")
ONLY = {"chat": ("TIMEZONE",), "migrate": ("DATABASE_URL", "LOG_LEVEL", "LOG_FORMAT")}
NEEDS: dict[str, tuple[str, ...]] = {
    "run-socket": ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"),
    "run-http": ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"),
    # Installs by OAuth into many workspaces: the client id and secret instead of one bot token.
    "run-http-oauth": (*OAUTH, "SLACK_SIGNING_SECRET"),
    "jobs-oauth": OAUTH,
    "jobs": ("SLACK_BOT_TOKEN",),
    "doctor": ("SLACK_BOT_TOKEN",),
    "teams": ("TEAMS_CLIENT_ID", "TEAMS_CLIENT_SECRET", "TEAMS_TENANT_ID"),
    "teams-package": ("TEAMS_CLIENT_ID", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"),
    "migrate": (),
    "chat": (),
}

HINTS = {
    "SLACK_BOT_TOKEN": "the Bot User OAuth Token (starts xoxb-), from your Slack app's "
    "'OAuth & Permissions' page after installing it",
    "SLACK_APP_TOKEN": "an app-level token with the connections:write scope (starts xapp-), "
    "from 'Basic Information' > 'App-Level Tokens'",
    "SLACK_SIGNING_SECRET": "the Signing Secret from your Slack app's 'Basic Information' page",
    "SLACK_CLIENT_ID": "the Client ID from your Slack app's 'Basic Information' page",
    "SLACK_CLIENT_SECRET": "the Client Secret from your Slack app's 'Basic Information' page",
    "COFFEEROOM_TOKEN_KEY": "a key that encrypts each workspace's bot token in the database; "
    "see .env.example for how to make one",
    "TEAMS_CLIENT_ID": "the bot's Application (client) ID, from its Azure Bot or Teams Developer "
    "Portal registration",
    "TEAMS_CLIENT_SECRET": "a client secret of that app registration (Certificates & secrets)",
    "TEAMS_TENANT_ID": "the Directory (tenant) ID the app registration lives in",
    "TEAMS_PRIVACY_URL": "the https address of your privacy notice (Teams requires one)",
    "TEAMS_TERMS_URL": "the https address of your terms of use (Teams requires one)",
}


class SettingsError(Exception):
    """Every problem with the configuration, in one message."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Coffee Room cannot start; please fix your settings (.env):\n{lines}")


@dataclass(frozen=True, slots=True)
class Settings:
    """Configuration for every command; empty strings mean 'not set'."""

    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_app_token: str = ""
    slack_api_url: str = DEFAULT_SLACK_API_URL
    slack_client_id: str = ""  # with the secret: installs by OAuth into many workspaces
    slack_client_secret: str = ""
    slack_redirect_uri: str = ""  # only if the Slack app lists several redirect URLs
    coffeeroom_token_key: str = ""  # encrypts the installations' bot tokens at rest (Fernet)
    database_url: str = DEFAULT_DATABASE_URL
    timezone: str = "Europe/London"
    secret_key: str = ""
    key_file: str = DEFAULT_KEY_FILE
    environment: str = "production"
    log_level: str = "INFO"
    log_format: str = "text"  # or "json": one JSON object per line
    teams_client_id: str = ""
    teams_client_secret: str = ""
    teams_tenant_id: str = ""
    teams_allow_unauthenticated: bool = False
    teams_privacy_url: str = ""
    teams_terms_url: str = ""
    simulated_start: str = ""  # a fast clock for development and tests: ISO moment it starts at
    simulated_speed: str = ""  # how many times as fast as the real clock (a number; 1 if unset)
    simulated_epoch: str = ""  # the real moment it reads simulated_start (default: start-up)
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read settings from a mapping, noting (not raising) every malformed value."""
        get = lambda name: env.get(name, "").strip()  # noqa: E731
        values = {
            "slack_bot_token": get("SLACK_BOT_TOKEN"),
            "slack_signing_secret": get("SLACK_SIGNING_SECRET"),
            "slack_app_token": get("SLACK_APP_TOKEN"),
            "slack_api_url": get("SLACK_API_URL") or DEFAULT_SLACK_API_URL,
            **oauth_values(get),  # SLACK_CLIENT_ID and friends: installs by OAuth
            "database_url": normalise_database_url(get("DATABASE_URL") or DEFAULT_DATABASE_URL),
            "timezone": get("TIMEZONE") or "Europe/London",
            "secret_key": get("COFFEEROOM_SECRET_KEY"),
            "key_file": get("COFFEEROOM_KEY_FILE") or DEFAULT_KEY_FILE,
            "environment": (get("COFFEEROOM_ENV") or "production").lower(),
            "log_level": (get("LOG_LEVEL") or "INFO").upper(),
            "log_format": (get("LOG_FORMAT") or "text").lower(),
            **_simulated_values(get),  # COFFEEROOM_SIMULATED_*: the fast clock (not production)
        }
        # Only TEAMS_* names: the Teams SDK's own (CLIENT_ID, CLIENT_SECRET, TENANT_ID …) are
        # never read here, so a stray one in the shell or .env cannot change which bot this is.
        teams = {
            "teams_client_id": get("TEAMS_CLIENT_ID"),
            "teams_client_secret": get("TEAMS_CLIENT_SECRET"),
            "teams_tenant_id": get("TEAMS_TENANT_ID"),
            "teams_privacy_url": get("TEAMS_PRIVACY_URL"),
            "teams_terms_url": get("TEAMS_TERMS_URL"),
        }
        unauthenticated = get("TEAMS_ALLOW_UNAUTHENTICATED").lower()
        problems = _format_problems(values, raw_db=get("DATABASE_URL"))
        problems += oauth_problems(values)
        problems += _teams_problems(teams, unauthenticated, values["environment"])
        problems += _simulated_problems(values)
        return cls(
            **values,
            **teams,
            teams_allow_unauthenticated=unauthenticated in TRUE,
            problems=tuple(problems),
        )

    def check(self, command: str) -> None:
        """Raise SettingsError naming every problem that stops `command`."""
        problems = list(self.problems)
        if command in ONLY:  # a command that reads few settings is stopped only by those
            problems = [p for p in problems if p.startswith(ONLY[command])]
        for name in self._needs(command):
            if not getattr(self, name.lower()):
                problems.append(f"{name} is not set: {HINTS[name]}.")
        if problems:
            raise SettingsError(problems)

    def _needs(self, command: str) -> tuple[str, ...]:
        """What `command` needs: HTTP mode and jobs serve Slack, Teams or both, as configured."""
        needs = NEEDS.get(command, ())
        if self.slack_oauth and f"{command}-oauth" in NEEDS:
            needs = NEEDS[f"{command}-oauth"]
        if command in ("run-http", "jobs") and self.teams_configured:
            needs = needs if self.slack_configured else ()
            # Development without Entra: no secret is used (nor asked for).
            needs += NEEDS["teams"][:1] if self.teams_allow_unauthenticated else NEEDS["teams"]
        return needs

    @property
    def teams_configured(self) -> bool:
        """True when a Teams bot is configured (its client id is set)."""
        return bool(self.teams_client_id)

    @property
    def slack_configured(self) -> bool:
        """True when there is at least a bot token, or installs by OAuth, to talk to Slack with."""
        return bool(self.slack_bot_token) or self.slack_oauth

    @property
    def slack_oauth(self) -> bool:
        """True when workspaces install the app by OAuth (the client id and secret are set)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def simulated(self) -> bool:
        """True when a fast clock is configured, and allowed (never in production)."""
        refused = any(p.startswith("COFFEEROOM_SIMULATED_") for p in self.problems)
        return bool(self.simulated_start) and not refused

    @property
    def allows_time_travel(self) -> bool:
        """`--now` is for tests and trials, never production."""
        return self.environment != "production"


def normalise_database_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use the psycopg 3 driver for both."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _teams_problems(teams: dict[str, str], unauthenticated: str, environment: str) -> list[str]:
    problems: list[str] = []
    for name in ("TEAMS_CLIENT_ID", "TEAMS_TENANT_ID"):
        value = teams[name.lower()]
        if value and not re.fullmatch(GUID, value):
            problems.append(f"{name} looks wrong: it should be a GUID such as 1a2b3c4d-….")
    for name in ("TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"):
        value = teams[name.lower()]
        if value and not (value.startswith("https://") and urlparse(value).netloc):
            problems.append(f"{name} should be an https:// address (Teams refuses others).")
    if unauthenticated not in TRUE + FALSE:
        problems.append("TEAMS_ALLOW_UNAUTHENTICATED should be true or false.")
    elif unauthenticated in TRUE and environment not in ("development", "test"):
        problems.append(
            "TEAMS_ALLOW_UNAUTHENTICATED=true turns off Teams' token checks: it is refused unless "
            "COFFEEROOM_ENV is development or test."
        )
    return problems


SIMULATED = (
    "COFFEEROOM_SIMULATED_START",
    "COFFEEROOM_SIMULATED_SPEED",
    "COFFEEROOM_SIMULATED_EPOCH",
)
SIMULATED_FIELDS = ("simulated_start", "simulated_speed", "simulated_epoch")
NOT_A_MOMENT = "{} should be a date and time with its zone, like 2026-11-23T08:00+00:00."


def _simulated_values(get: Callable[[str], str]) -> dict[str, str]:
    """The fast clock's settings as given (`_simulated_problems` says what is wrong)."""
    return {field: get(name) for field, name in zip(SIMULATED_FIELDS, SIMULATED, strict=True)}


def _simulated_problems(values: dict[str, str]) -> list[str]:
    """What stops the fast clock: any of it in production, or a value that is not one."""
    start, speed, epoch = (values[field] for field in SIMULATED_FIELDS)
    given = [name for name, f in zip(SIMULATED, SIMULATED_FIELDS, strict=True) if values[f]]
    if not given:
        return []
    if values["environment"] == "production":
        return [
            f"{', '.join(given)}: the simulated clock is for development and tests only; "
            "remove it, or set COFFEEROOM_ENV=development."
        ]
    problems = [NOT_A_MOMENT.format(SIMULATED[0])] if not _aware(start) else []
    problems += [NOT_A_MOMENT.format(SIMULATED[2])] if epoch and not _aware(epoch) else []
    if not (re.fullmatch(r"\d+(\.\d+)?", speed or "1") and 0 < float(speed or "1") <= 1e6):
        problems.append(f"{SIMULATED[1]} should be a number such as 600 (ten minutes a second).")
    return problems


def _aware(value: str) -> bool:
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _format_problems(values: dict[str, str], *, raw_db: str) -> list[str]:
    problems: list[str] = []
    checks = (
        ("SLACK_BOT_TOKEN", values["slack_bot_token"], r"xoxb-\S+", "should start with xoxb-"),
        ("SLACK_APP_TOKEN", values["slack_app_token"], r"xapp-\S+", "should start with xapp-"),
        (
            "SLACK_SIGNING_SECRET",
            values["slack_signing_secret"],
            r"[0-9a-fA-F]{16,}",
            "should be the hexadecimal Signing Secret (not the Client Secret or a token)",
        ),
        ("LOG_FORMAT", values["log_format"], r"text|json", "should be text (the default) or json"),
    )
    for name, value, pattern, advice in checks:
        if value and not re.fullmatch(pattern, value):
            problems.append(f"{name} looks wrong: it {advice}.")
    url = urlparse(values["slack_api_url"])
    if url.scheme not in ("http", "https") or not url.netloc:
        problems.append("SLACK_API_URL should be a web address such as https://slack.com/api/.")
    db = values["database_url"]
    if not (db.startswith("sqlite:") or db.startswith("postgresql+psycopg://")):
        problems.append(
            f"DATABASE_URL should start sqlite:/// or postgresql:// (got {raw_db.split(':')[0]}:…)."
        )
    try:
        ZoneInfo(values["timezone"])
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(
            f"TIMEZONE {values['timezone']!r} is not a time zone name; try Europe/London."
        )
    if values["secret_key"] and not is_valid_key(values["secret_key"]):
        problems.append(
            "COFFEEROOM_SECRET_KEY is not a valid key: leave it empty to have one made, or see "
            ".env.example for how to make one."
        )
    if values["environment"] not in ENVIRONMENTS:
        problems.append(f"COFFEEROOM_ENV should be one of {', '.join(ENVIRONMENTS)}.")
    if values["log_level"] not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        problems.append("LOG_LEVEL should be DEBUG, INFO, WARNING or ERROR.")
    return problems
