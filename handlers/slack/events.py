"""What only Slack has, wired by hand: App Home opened, thread replies, people joining or
changing, people joining or leaving a practice's channel, and the 'Run this past someone'
message shortcut."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core.values import Caller, Platform
from bot.ui import flow
from bot.ui.page import Page
from handlers.slack import read, views
from handlers.slack.directory import SlackDirectory
from handlers.slack.listeners import Team

SHORTCUT = "run_this_past"  # the message shortcut's callback id (see the manifest)


def register(app: App, services: Services, team: Team) -> None:
    """Wire Slack's own events to the services."""
    app.event("app_home_opened")(partial(home_opened, services, team))
    app.event("message")(partial(message_posted, services, team))
    for event in ("team_join", "user_change"):
        app.event(event)(partial(person_changed, services, team))
    for event, joined in (("member_joined_channel", True), ("member_left_channel", False)):
        app.event(event)(partial(channel_changed, services, team, joined))
    app.shortcut({"type": "message_action", "callback_id": SHORTCUT})(
        partial(run_this_past, services, team)
    )


def home_opened(
    services: Services, team: Team, event: dict[str, Any], body: dict[str, Any], client: WebClient
) -> None:
    if event.get("tab") != "home":
        return
    who = Caller(Platform.SLACK, team(body), str(event["user"]))

    def publish(page: Page) -> None:
        client.views_publish(user_id=who.user, view=views.home(page))

    services.open_home(who, f"slack:{body['event_id']}", publish)


def message_posted(
    services: Services, team: Team, event: dict[str, Any], body: dict[str, Any]
) -> None:
    thread = event.get("thread_ts")
    if not thread or event.get("subtype") or event.get("bot_id") or thread == event.get("ts"):
        return  # only people's replies in threads matter here
    who = Caller(Platform.SLACK, team(body), str(event["user"]), str(event["channel"]))
    services.advice.thread_reply(
        who, channel=event["channel"], thread=thread, key=f"slack:{body['event_id']}"
    )


def person_changed(
    services: Services, team: Team, event: dict[str, Any], body: dict[str, Any], client: WebClient
) -> None:
    workspace = team(body)
    person = SlackDirectory(client, team_id=workspace).from_payload(event["user"])
    services.practices.learn(Platform.SLACK, workspace, person)


def channel_changed(
    services: Services,
    team: Team,
    joined: bool,
    event: dict[str, Any],
    body: dict[str, Any],
    client: WebClient,
) -> None:
    """Someone joined or left a channel: if it defines a practice, they join or leave it now
    (Slack is asked who they are only then)."""
    workspace, channel = team(body), str(event["channel"])
    if not services.practices.defines_a_practice(Platform.SLACK, workspace, channel):
        return
    person = SlackDirectory(client, team_id=workspace).person(str(event["user"]))
    if person is not None:
        services.practices.channel_changed(
            Platform.SLACK, workspace, channel, person, joined=joined
        )


def run_this_past(
    services: Services, team: Team, ack: Ack, shortcut: dict[str, Any], client: WebClient
) -> None:
    """A message's words, pre-filled into 'Run it past someone' (redacted if need be)."""
    ack()
    who = Caller(
        Platform.SLACK, team(shortcut), str(shortcut["user"]["id"]), read.channel(shortcut)
    )
    words = str((shortcut.get("message") or {}).get("text", ""))
    outcome = flow.command(services.catalogue, who, "runitpast", words)
    if isinstance(outcome, flow.Open):  # always: the words come back redacted, never refused
        client.views_open(trigger_id=shortcut["trigger_id"], view=views.modal(outcome.form))
