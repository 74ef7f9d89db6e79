"""The two shapes every interaction takes: a form submitted (guard findings send it back,
redacted; refusals show under their field; success becomes a confirmation), and a button tapped
(the service's answer shown only to the person who tapped)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.core.errors import Refused
from bot.core.text import Words
from bot.safety.checks import Unsafe
from handlers.slack import forms
from handlers.slack.directory import SlackDirectory, for_request
from handlers.slack.ids import Block
from handlers.slack.render import mrkdwn

Rebuild = Callable[[str, str, int], forms.Modal]  # (text, notice, version) -> the form again


def submit(
    ack: Ack,
    view: dict[str, Any],
    *,
    rebuild: Rebuild,
    run: Callable[[dict[str, Any]], forms.Modal],
) -> None:
    """Run the service for a submitted form and answer Slack within the same request."""
    answers = forms.values(view)
    version = int(forms.metadata(view).get("v", 0))
    try:
        done = run(answers)
    except Unsafe as unsafe:
        text = str(answers.get(Block.TEXT, ""))
        again = rebuild(unsafe.redacted(text), unsafe.explanation, version + 1)
        ack(response_action="update", view=again)
        return
    except Refused as refusal:
        ack(response_action="errors", errors={refusal.field or Block.TEXT: refusal.text})
        return
    ack(response_action="update", view=done)


# (workspace, user, action) -> reply
Tapped = Callable[[SlackDirectory, str, dict[str, Any]], Words]


def tap(run: Tapped) -> Callable[..., None]:
    """A button listener: ack, let the service decide, tell the tapper privately."""

    def listener(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        said = run(for_request(client, body), body["user"]["id"], action)
        respond(text=mrkdwn(said), response_type="ephemeral", replace_original=False)

    return listener
