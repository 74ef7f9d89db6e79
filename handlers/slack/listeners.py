"""One generic listener per kind of interaction: commands, taps and submitted forms.

Each turns Slack's payload into a Caller and plain values, lets bot/ui's flow run the catalogue,
and shows the outcome the Slack way. Nothing here decides anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core.text import Text, joined
from bot.core.values import Caller, Platform
from bot.ui import flow
from bot.ui.catalogue import Said
from handlers.slack import read, views
from handlers.slack.render import mrkdwn

Team = Callable[[dict[str, Any]], str]  # the workspace behind a payload


def register(app: App, services: Services, team: Team) -> None:
    """Wire every catalogue entry to Slack: slash commands, actions and views."""
    catalogue = services.catalogue
    for command in catalogue.commands.values():
        if command.slash:
            app.command(command.slash.command)(partial(on_command, services, team, command.name))
    taps = "|".join(re.escape(action) for action in catalogue.taps)
    app.action(re.compile(rf"^({taps})(#\d+)?$"))(partial(on_tap, services, team))
    forms = "|".join(re.escape(form) for form in catalogue.forms)
    app.view(re.compile(rf"^({forms})$"))(partial(on_submit, services, team))


def caller(team: Team, body: dict[str, Any]) -> Caller:
    return Caller(Platform.SLACK, team(body), read.user(body))


def paragraphs(reply: Said) -> str:
    return mrkdwn(joined("\n\n", [reply.text, *reply.more]))


def on_command(
    services: Services,
    team: Team,
    name: str,
    ack: Ack,
    command: dict[str, Any],
    client: WebClient,
) -> None:
    """A slash command; `/coffeeroom WORD …` runs the command WORD where there is one."""
    words = str(command.get("text") or "").strip()
    first, _, rest = words.partition(" ")
    if name == "help" and first.lower() in services.catalogue.commands:
        name, words = first.lower(), rest
    outcome = flow.command(services.catalogue, caller(team, command), name, words)
    if isinstance(outcome, flow.Open):
        ack()
        client.views_open(trigger_id=command["trigger_id"], view=views.modal(outcome.form))
    else:
        ack(text=paragraphs(outcome.said), response_type="ephemeral")


def on_tap(
    services: Services,
    team: Team,
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    respond: Respond,
) -> None:
    """A button under a message, or a control on the Home tab."""
    ack()
    who = caller(team, body)
    name = str(action["action_id"]).split("#")[0]
    outcome = flow.tap(services.catalogue, who, name, str(read.value(action)))
    if isinstance(outcome, flow.Open):
        client.views_open(trigger_id=body["trigger_id"], view=views.modal(outcome.form))
    elif (body.get("view") or {}).get("type") == "home":
        publish_home(services, client, who, outcome.said.text)
    else:
        respond(text=paragraphs(outcome.said), response_type="ephemeral", replace_original=False)


def on_submit(
    services: Services,
    team: Team,
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: WebClient,
) -> None:
    """A submitted form: answered within the same request (update, errors, or the form again)."""
    who = caller(team, body)
    state, version = read.metadata(view)
    form_id = str(view["callback_id"])
    key = f"slack-view:{view['id']}"
    outcome = flow.submit(services.catalogue, who, form_id, state, read.answers(view), key)
    if isinstance(outcome, flow.Problem):
        form = flow.form(services.catalogue, who, form_id, state)
        where = outcome.field or (form.fields[0].name if form.fields else "text")
        ack(response_action="errors", errors={where: outcome.text.words()})
    elif isinstance(outcome, flow.Again):
        ack(response_action="update", view=views.modal(outcome.form, version + 1))
    elif isinstance(outcome, flow.Open):
        ack(response_action="update", view=views.modal(outcome.form))
    else:
        title = flow.form(services.catalogue, who, form_id, state).title
        ack(response_action="update", view=views.done(title, outcome.said))
        if outcome.said.home:
            publish_home(services, client, who, outcome.said.text)


def publish_home(services: Services, client: WebClient, who: Caller, notice: Text) -> None:
    """Show someone their Home tab again, with what just happened at the top."""
    client.views_publish(user_id=who.user, view=views.home(services.home(who), notice))
