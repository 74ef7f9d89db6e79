"""Rant on Slack: /rant opens the form, its submission goes to the service, replies are one tap."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core.message import Action
from bot.core.values import Platform
from bot.rants import wording as rants_words
from bot.rants.service import RantRequest
from bot.safety import checks as safety
from bot.safety import wording as safety_words
from handlers.slack import forms
from handlers.slack.directory import for_request
from handlers.slack.ids import Block, Command, View
from handlers.slack.interactions import submit, tap


def register(app: App, services: Services) -> None:
    """Wire the rant listeners to the services."""
    app.command(Command.RANT)(open_form)
    app.view(View.RANT)(partial(submitted, services=services))
    replied = tap(
        lambda found, user, action: services.rants.reply(
            platform=Platform.SLACK,
            directory=found,
            responder=user,
            rant_id=action["value"],
            action=Action(action["action_id"]),
        )
    )
    for action in (Action.HEAR_YOU, Action.COFFEE):
        app.action(str(action))(replied)


def open_form(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
    ack()
    text, notice = safety.prefill(command.get("text", ""))
    client.views_open(trigger_id=command["trigger_id"], view=forms.rant_modal(text, notice))


def submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    user = body["user"]["id"]
    directory = for_request(client, body)

    def run(answers: dict[str, Any]) -> forms.Modal:
        request = RantRequest(
            author=user,
            text=answers.get(Block.TEXT, ""),
            destination=forms.destination(answers.get(Block.DESTINATION)),
            colleague=answers.get(Block.COLLEAGUE, ""),
        )
        outcome = services.rants.submit(
            platform=Platform.SLACK,
            directory=directory,
            request=request,
            key=f"slack-view:{view['id']}",
        )
        return forms.done_modal(
            rants_words.RANT_TITLE,
            rants_words.rant_done(outcome.destination, outcome.where),
            safety_words.CRISIS_REPLY if outcome.signposted else "",
        )

    submit(ack, view, rebuild=lambda t, n, v: forms.rant_modal(t, n, v), run=run)
