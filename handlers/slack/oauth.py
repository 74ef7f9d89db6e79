"""Installs by OAuth into many workspaces: Bolt's install and redirect pages (short, kind, no
stack traces), each request authorised by its workspace's installation (auth.test cached), and
the clean-up when a workspace uninstalls the app or revokes its tokens.

Every option is passed explicitly, so Bolt never reads SLACK_CLIENT_ID and friends itself.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request.internals import extract_team_id
from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore

from bot.core.logs import log_failure
from handlers.slack import read

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
NOT_INSTALLED = (
    "Coffee Room is not installed in this workspace, so it cannot help here yet. "
    "Whoever looks after your workspace's apps can add it."
)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Installs:
    """What installs by OAuth need: the stores, the app's credentials, and what to do when a
    workspace arrives (`installed`) or leaves (`uninstalled`: forget everything held there)."""

    store: InstallationStore
    states: OAuthStateStore
    client_id: str
    client_secret: str
    scopes: tuple[str, ...]
    uninstalled: Callable[[str], None]
    installed: Callable[[str], None] = lambda team: None
    redirect_uri: str = ""
    reading: InstallationStore | None = None  # for each request's lookup: takes no write lock

    def bolt_options(self) -> dict[str, Any]:
        """App(...)'s keyword arguments for many workspaces."""
        logger = logging.getLogger("slack_bolt.coffeeroom")
        settings = OAuthSettings(
            client_id=self.client_id,
            client_secret=self.client_secret,
            scopes=list(self.scopes),
            user_scopes=[],
            redirect_uri=self.redirect_uri or None,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            installation_store=self.store,
            installation_store_bot_only=True,
            state_store=self.states,
            callback_options=CallbackOptions(success=self._success, failure=_failure),
            logger=logger,
        )
        return {
            "installation_store": self.store,
            "installation_store_bot_only": True,
            # One auth.test per token, not per request (Bolt's default for a store is per request).
            "authorize": InstallationStoreAuthorize(
                logger=logger,
                installation_store=self.reading or self.store,
                client_id=self.client_id,
                client_secret=self.client_secret,
                bot_only=True,
                cache_enabled=True,
            ),
            "oauth_flow": InstallFlow(settings=settings, logger=logger),
            "user_facing_authorize_error_message": NOT_INSTALLED,
        }

    def register(self, app: App) -> None:
        """The clean-up listeners (Bolt runs them without an installation: it may be gone)."""
        app.event("app_uninstalled")(partial(app_uninstalled, self))
        app.event("tokens_revoked")(partial(tokens_revoked, self))

    def remove(self, team: str) -> None:
        """The workspace left: its installation, then everything the bot holds there."""
        self.store.delete_bot(enterprise_id=None, team_id=team)
        self.store.delete_installation(enterprise_id=None, team_id=team)
        self.uninstalled(team)
        log.info("Slack workspace %s uninstalled: its installation and records are deleted", team)

    def _success(self, args: SuccessArgs) -> BoltResponse:
        installation = args.installation
        team = str(installation.team_id or "")
        try:
            self.installed(team)
        except Exception as exc:  # noqa: BLE001 - the install itself succeeded; jobs catch up
            log_failure(log, "after a Slack install", exc)
        name = html.escape(installation.team_name or "your workspace")
        link = f"https://slack.com/app_redirect?app={installation.app_id}&team={team}"
        body = (
            f"<h1>Coffee Room is in {name}</h1>"
            f'<p><a href="{html.escape(link)}">Open Coffee Room in Slack</a> to get started.</p>'
        )
        return _page(200, "Coffee Room is installed", body, args.settings)


def team(body: dict[str, Any]) -> str:
    """The workspace a payload belongs to (each authorised request names one)."""
    return read.team(body) or str(extract_team_id(body) or "")


def app_uninstalled(installs: Installs, body: dict[str, Any]) -> None:
    installs.remove(team(body))


def tokens_revoked(installs: Installs, event: dict[str, Any], body: dict[str, Any]) -> None:
    """A bot token revoked is the bot gone from the workspace; a person's token, only theirs."""
    tokens = event.get("tokens") or {}
    workspace = team(body)
    if tokens.get("bot"):
        installs.remove(workspace)
        return
    for user in tokens.get("oauth") or []:
        installs.store.delete_installation(enterprise_id=None, team_id=workspace, user_id=user)


class InstallFlow(OAuthFlow):
    """Bolt's OAuth flow with Coffee Room's own install page."""

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return _html(
            "Add Coffee Room to Slack",
            "<h1>Add Coffee Room to your Slack workspace</h1>"
            "<p>Coffee Room is informal peer support for GPs: somewhere to rant, and to run "
            "things past colleagues. Someone allowed to add apps to the workspace can add it.</p>"
            f'<p><a href="{html.escape(url)}">Add to Slack</a></p>',
        )


FAILURES = {
    "access_denied": "The install was cancelled, so nothing was added.",
    "invalid_browser": "This install link was opened in a different browser, or has expired.",
    "invalid_state": "This install link has expired or was used already.",
}


def _failure(args: FailureArgs) -> BoltResponse:
    """A kind page, the reason's code in the log and no more (never a stack trace)."""
    log.warning("a Slack install did not complete (%s)", args.reason)
    said = FAILURES.get(args.reason, "Slack did not confirm the install.")
    body = (
        f"<h1>Coffee Room was not added</h1><p>{html.escape(said)} "
        f'Please <a href="{INSTALL_PATH}">start again</a>; if it keeps happening, tell whoever '
        "runs Coffee Room for you.</p>"
    )
    return _page(args.suggested_status_code, "Coffee Room was not added", body, args.settings)


def install_broken() -> str:
    """The page when the install could not be finished on our side (the database, say)."""
    return _html(
        "Coffee Room was not added",
        "<h1>Coffee Room was not added</h1><p>Something went wrong on our side. Please "
        f'<a href="{INSTALL_PATH}">try again</a> in a few minutes; if it keeps happening, tell '
        "whoever runs Coffee Room for you.</p>",
    )


def _page(status: int, title: str, body: str, settings: OAuthSettings) -> BoltResponse:
    """A finished install's page; the browser's single-use state cookie is cleared."""
    cookie = settings.state_utils.build_set_cookie_for_deletion()
    headers = {"Content-Type": "text/html; charset=utf-8", "Set-Cookie": [cookie]}
    return BoltResponse(status=status, body=_html(title, body), headers=headers)


def _html(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width"><title>{html.escape(title)}</title>'
        "<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;"
        f"padding:0 1em;line-height:1.5}}</style></head><body>{body}</body></html>"
    )
