"""Workspace membership events: people joining, changing or leaving keep the roster true."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core.values import Platform
from handlers.slack.directory import for_request


def register(app: App, services: Services) -> None:
    """Wire the membership events to the services."""
    for event in ("team_join", "user_change"):
        app.event(event)(partial(person_changed, services=services))


def person_changed(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    directory = for_request(client, body)
    services.practices.learn(
        platform=Platform.SLACK, directory=directory, person=directory.from_payload(event["user"])
    )
