"""Slash commands: /coffeeroom (help) and, until their forms arrive, /rant and /runitpast."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import wording
from bot.model import Platform
from bot.services import Services
from handlers.slack.directory import for_request
from handlers.slack.ids import Command


def register(app: App, services: Services) -> None:
    """Wire the commands to the services."""
    app.command(Command.COFFEEROOM)(partial(coffeeroom, services=services))


def coffeeroom(ack: Ack, command: dict[str, Any], client: WebClient, services: Services) -> None:
    found = for_request(client, command)
    view = services.practices.home(
        platform=Platform.SLACK, directory=found, user_id=command["user_id"]
    )
    ack(text=wording.help_text(is_lead=view.is_lead), response_type="ephemeral")
