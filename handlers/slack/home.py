"""App Home: show it on open (once per event), the leads' channel setup, and every control on it
that changes something and shows the Home again with what happened."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.app.services import Services
from bot.core.errors import Refused
from bot.core.text import Text, Words
from bot.core.values import Platform, SpacePurpose
from bot.practices import wording
from bot.practices.values import HomeView
from handlers.slack import blocks
from handlers.slack.directory import SlackDirectory, for_request
from handlers.slack.ids import ActionId

# (workspace, user, input) -> notice
Change = Callable[[SlackDirectory, str, dict[str, Any]], Words]


def register(app: App, services: Services) -> None:
    """Wire the home listeners to the services."""
    app.event("app_home_opened")(partial(home_opened, services=services))
    app.action(ActionId.SETUP_SAVE)(partial(setup_save, services=services))
    app.action(ActionId.SETUP_CREATE)(partial(setup_create, services=services))
    for picker in (ActionId.SETUP_RANTS, ActionId.SETUP_ADVICE):
        app.action(picker)(acknowledge)  # the choice is read from the view when saved


def show_home(client: WebClient, user_id: str, view: HomeView, notice: Words = "") -> None:
    """Publish someone's App Home, with an optional notice at the top."""
    published = blocks.home_view(view)
    if notice:
        published["blocks"].insert(1, blocks.section(Text(":information_source: ", notice)))
    client.views_publish(user_id=user_id, view=published)


def home_opened(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    if event.get("tab") != "home":
        return
    user = event["user"]
    services.practices.open_home(
        platform=Platform.SLACK,
        directory=for_request(client, body),
        user_id=user,
        event_key=f"slack:{body['event_id']}",
        show=lambda view: show_home(client, user, view),
    )


def acknowledge(ack: Ack) -> None:
    ack()


def setup_save(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    channels = blocks.selected_channels(body.get("view", {}).get("state", {}))
    _change_setup(
        client,
        body,
        services,
        lambda d, user: services.practices.set_spaces(
            platform=Platform.SLACK, directory=d, actor=user, channels=channels
        ),
    )


def setup_create(ack: Ack, body: dict[str, Any], client: WebClient, services: Services) -> None:
    ack()
    _change_setup(
        client,
        body,
        services,
        lambda d, user: services.practices.create_spaces(
            platform=Platform.SLACK, directory=d, actor=user
        ),
    )


def _change_setup(client: WebClient, body: dict[str, Any], services: Services, change: Any) -> None:
    user = body["user"]["id"]
    found = for_request(client, body)
    try:
        view = change(found, user)
    except Refused as refusal:
        view = services.practices.home(platform=Platform.SLACK, directory=found, user_id=user)
        show_home(client, user, view, notice=refusal.text)
        return
    saved = wording.spaces_saved(
        view.spaces[SpacePurpose.RANTS].name, view.spaces[SpacePurpose.ADVICE].name
    )
    show_home(client, user, view, notice=saved)


def on_home(services: Services, change: Change) -> Callable[..., None]:
    """A Home tab control: ack, let the service decide, show the Home again with what happened."""

    def listener(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        user, found = body["user"]["id"], for_request(client, body)
        try:
            notice = change(found, user, action)
        except Refused as refusal:
            notice = refusal.text
        republish(services, client, found, user, notice)

    return listener


def republish(
    services: Services, client: WebClient, found: SlackDirectory, user: str, notice: Words
) -> None:
    """Show someone their Home again, with a notice at the top."""
    view = services.practices.home(platform=Platform.SLACK, directory=found, user_id=user)
    show_home(client, user, view, notice=notice)
