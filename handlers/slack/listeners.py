"""One generic listener per kind of interaction: commands, taps and submitted forms.

Each turns Slack's payload into a Caller and plain values, lets bot/ui's flow run the catalogue,
and shows the outcome the Slack way. Nothing here decides anything.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import replace
from functools import partial
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core import wording
from bot.core.errors import Refused
from bot.core.logs import log_failure
from bot.core.text import Text, joined
from bot.core.values import Caller, Platform
from bot.ui import flow
from bot.ui.catalogue import Said
from handlers.slack import read, views
from handlers.slack.render import mrkdwn

log = logging.getLogger(__name__)
Team = Callable[[dict[str, Any]], str]  # the workspace behind a payload


def register(app: App, services: Services, team: Team, after: Executor) -> None:
    """Wire every catalogue entry to Slack: slash commands, actions and views. `after` runs
    the work that follows a form's answer (a refreshed Home)."""
    catalogue = services.catalogue
    # Commands and taps are acknowledged at once; their work (which may call Slack: views.open,
    # a reply) is handed to `after` and runs once the ack has gone back, so Slack's own latency
    # is never inside the 3 seconds. (Bolt's lazy listeners would do the same, but copy the
    # whole request first: about a tenth of a tap's CPU, benchmarks/README.md.)
    for command in catalogue.commands.values():
        if command.slash:
            work = partial(on_command, services, team, command.name)
            app.command(command.slash.command)(acknowledged(after, work))
    taps = "|".join(re.escape(action) for action in catalogue.taps)
    tapped = acknowledged(after, partial(on_tap, services, team))
    app.action(re.compile(rf"^({taps})(#\d+)?$"))(tapped)
    forms = "|".join(re.escape(form) for form in catalogue.forms)
    app.view(re.compile(rf"^({forms})$"))(partial(on_submit, services, team, after))


def acknowledged(after: Executor, work: Callable[..., None]) -> Callable[..., None]:
    """A listener that acks, then hands `work` to `after`. A failure there gets the same kind
    word and one log line as the error handler gives, never the GP's words."""

    def run(body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        try:
            work(body, client, respond)
        except Exception as error:  # noqa: BLE001 - after the ack there is no one else to tell
            log_failure(log, f"slack {body.get('type') or 'command'} (after the ack)", error)
            text = error.text if isinstance(error, Refused) else wording.SOMETHING_WENT_WRONG
            if isinstance(body.get("response_url"), str):
                respond(text=text, response_type="ephemeral", replace_original=False)

    def listener(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        after.submit(run, body, client, respond)

    return listener


def caller(team: Team, body: dict[str, Any]) -> Caller:
    return Caller(Platform.SLACK, team(body), read.user(body), read.channel(body))


def paragraphs(reply: Said) -> str:
    return mrkdwn(joined("\n\n", [reply.text, *reply.more]))


def on_command(
    services: Services,
    team: Team,
    name: str,
    command: dict[str, Any],
    client: WebClient,
    respond: Respond,
) -> None:
    """A slash command; `/coffeeroom WORD …` runs the command WORD where there is one."""
    words = str(command.get("text") or "").strip()
    first, _, rest = words.partition(" ")
    if name == "help" and first.lower() in services.catalogue.commands:
        name, words = first.lower(), rest
    who = caller(team, command)
    outcome = flow.command(services.catalogue, who, name, words)
    if isinstance(outcome, flow.Open):
        view = views.modal(outcome.form, channel=who.channel)
        client.views_open(trigger_id=command["trigger_id"], view=view)
    else:
        respond(text=paragraphs(outcome.said), response_type="ephemeral")


def on_tap(
    services: Services, team: Team, body: dict[str, Any], client: WebClient, respond: Respond
) -> None:
    """A button under a message, or a control on the Home tab."""
    action = body["actions"][0]
    who = caller(team, body)
    name = str(action["action_id"]).split("#")[0]
    outcome = flow.tap(services.catalogue, who, name, str(read.value(action)))
    if isinstance(outcome, flow.Open):
        view = views.modal(outcome.form, channel=who.channel)
        client.views_open(trigger_id=body["trigger_id"], view=view)
    elif (body.get("view") or {}).get("type") == "home":
        publish_home(services, client, who, outcome.said.text)
    else:
        respond(text=paragraphs(outcome.said), response_type="ephemeral", replace_original=False)


def on_submit(
    services: Services,
    team: Team,
    after: Executor,
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
) -> None:
    """A submitted form: answered within the same request (update, errors, or the form again)."""
    who = replace(caller(team, body), channel=read.opened_in(view))
    state, version = read.metadata(view)
    form_id = str(view["callback_id"])
    key = f"slack-view:{view['id']}"
    outcome = flow.submit(services.catalogue, who, form_id, state, read.answers(view), key)
    if isinstance(outcome, flow.Problem):
        form = flow.form(services.catalogue, who, form_id, state)
        where = outcome.field or (form.fields[0].name if form.fields else "text")
        ack(response_action="errors", errors={where: outcome.text.words()})
    elif isinstance(outcome, flow.Again):
        ack(response_action="update", view=views.modal(outcome.form, version + 1, who.channel))
    elif isinstance(outcome, flow.Open):
        ack(response_action="update", view=views.modal(outcome.form, channel=who.channel))
    else:
        title = flow.form(services.catalogue, who, form_id, state).title
        ack(response_action="update", view=views.done(title, outcome.said))
        if outcome.said.home:  # after the answer has gone back to Slack
            later(after, lambda: publish_home(services, client, who, outcome.said.text))


def later(after: Executor, work: Callable[[], None]) -> None:
    """Work that follows a form's answer (a refreshed Home): never inside the 3 seconds."""

    def run() -> None:
        try:
            work()
        except Exception as error:  # noqa: BLE001 - the form has its answer; log and go on
            log_failure(log, "slack work after a form", error)

    after.submit(run)


def publish_home(services: Services, client: WebClient, who: Caller, notice: Text) -> None:
    """Show someone their Home tab again, with what just happened at the top."""
    client.views_publish(user_id=who.user, view=views.home(services.home(who), notice))
