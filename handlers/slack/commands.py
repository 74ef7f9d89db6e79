"""Slash commands: /coffeeroom (help, and `/coffeeroom protected-time` for leads)."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core import wording as core_words
from bot.core.values import Platform
from bot.protected_time import wording as protected_time_words
from handlers.slack import week_blocks
from handlers.slack.directory import for_request
from handlers.slack.ids import Command, CommandText
from handlers.slack.render import mrkdwn


def register(app: App, services: Services) -> None:
    """Wire the commands to the services."""
    app.command(Command.COFFEEROOM)(partial(coffeeroom, services=services))


def coffeeroom(ack: Ack, command: dict[str, Any], client: WebClient, services: Services) -> None:
    found = for_request(client, command)
    view = services.practices.home(
        platform=Platform.SLACK, directory=found, user_id=command["user_id"]
    )
    asked = "-".join(str(command.get("text") or "").lower().split())
    if asked != CommandText.PROTECTED_TIME:
        ack(text=mrkdwn(core_words.help_text(is_lead=view.is_lead)), response_type="ephemeral")
    elif not view.is_lead:  # only a courtesy: the service refuses non-leads whatever they send
        ack(text=protected_time_words.PT_ONLY_LEADS, response_type="ephemeral")
    else:
        ack()
        client.views_open(trigger_id=command["trigger_id"], view=week_blocks.slot_modal())
