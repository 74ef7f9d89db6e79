"""Run it past someone on Slack: the command, the message shortcut, answers, offers and thanks."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.advice import wording as advice_words
from bot.advice.service import QuestionRequest
from bot.advice.values import Topic, Urgency
from bot.app.services import Services
from bot.core.message import Action
from bot.core.values import Platform
from bot.safety import checks as safety
from bot.safety import wording as safety_words
from handlers.slack import forms
from handlers.slack.directory import for_request
from handlers.slack.ids import Block, Command, Shortcut, View
from handlers.slack.interactions import submit, tap


def register(app: App, services: Services) -> None:
    """Wire the run-it-past listeners to the services."""
    app.command(Command.RUN_IT_PAST)(open_form)
    app.shortcut({"type": "message_action", "callback_id": Shortcut.RUN_THIS_PAST})(from_message)
    app.view(View.QUESTION)(partial(asked, services=services))
    app.action(str(Action.ANSWER))(open_answer)
    app.view(View.ANSWER)(partial(answered, services=services))
    advice = services.advice
    app.action(str(Action.CAN_HELP))(
        tap(
            lambda found, user, action: advice.can_help(
                platform=Platform.SLACK, directory=found, helper=user, question_id=action["value"]
            )
        )
    )
    app.action(str(Action.HELPFUL))(
        tap(
            lambda found, user, action: advice.helpful(
                platform=Platform.SLACK, directory=found, presser=user, answer_id=action["value"]
            )
        )
    )
    app.event("message")(partial(message_posted, services=services))


def open_form(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
    ack()
    text, notice = safety.prefill(command.get("text", ""))
    client.views_open(trigger_id=command["trigger_id"], view=forms.question_modal(text, notice))


def from_message(ack: Ack, shortcut: dict[str, Any], client: WebClient) -> None:
    ack()
    text, notice = safety.prefill((shortcut.get("message") or {}).get("text", ""))
    client.views_open(trigger_id=shortcut["trigger_id"], view=forms.question_modal(text, notice))


def asked(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    def run(answers: dict[str, Any]) -> forms.Modal:
        topic, urgency = answers.get(Block.TOPIC), answers.get(Block.URGENCY)
        request = QuestionRequest(
            asker=body["user"]["id"],
            text=answers.get(Block.TEXT, ""),
            colleague=answers.get(Block.COLLEAGUE, ""),
            anonymous=bool(answers.get(Block.ANONYMOUS)),
            topic=Topic(topic) if topic else None,
            urgency=Urgency(urgency) if urgency else None,
        )
        outcome = services.advice.ask(
            platform=Platform.SLACK,
            directory=for_request(client, body),
            request=request,
            key=f"slack-view:{view['id']}",
        )
        done = advice_words.question_done(
            outcome.where, anonymous=outcome.anonymous, to_colleague=bool(request.colleague)
        )
        crisis = safety_words.CRISIS_REPLY if outcome.signposted else ""
        return forms.done_modal(advice_words.QUESTION_TITLE, done, crisis)

    submit(ack, view, rebuild=lambda t, n, v: forms.question_modal(t, n, v), run=run)


def open_answer(ack: Ack, action: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=forms.answer_modal(action["value"]))


def answered(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    question = str(forms.metadata(view).get("q", ""))

    def run(answers: dict[str, Any]) -> forms.Modal:
        receipt = services.advice.answer(
            platform=Platform.SLACK,
            directory=for_request(client, body),
            helper=body["user"]["id"],
            question_id=question,
            text=answers.get(Block.TEXT, ""),
            anonymous=bool(answers.get(Block.ANONYMOUS)),
            key=f"slack-view:{view['id']}",
        )
        return forms.done_modal(advice_words.ANSWER_TITLE, receipt)

    submit(ack, view, rebuild=lambda t, n, v: forms.answer_modal(question, t, n, v), run=run)


def message_posted(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    thread = event.get("thread_ts")
    if not thread or event.get("subtype") or event.get("bot_id") or thread == event.get("ts"):
        return  # only people's replies in threads matter here
    services.advice.thread_reply(
        platform=Platform.SLACK,
        directory=for_request(client, body),
        channel=event["channel"],
        thread=thread,
        replier=event["user"],
        key=f"slack:{body['event_id']}",
    )
