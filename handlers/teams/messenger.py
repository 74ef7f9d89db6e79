"""The Messenger port over the Bot Connector: posts, private messages and removals.

The connector keeps no record the bot can search, so a send whose outcome is unknown cannot be
looked up: `find` says so (CannotLook) and the outbox never resends it blindly.
"""

from __future__ import annotations

import base64
from typing import Any

from bot.core.delivery import Delivery, DeliveryKind, SentRef
from bot.core.message import Message
from bot.core.ports import CannotDeliver, CannotLook, OutcomeUnknown, TryAgain
from bot.core.values import ConversationRef
from handlers.teams import cards
from handlers.teams.connector import Connector
from handlers.teams.render import markdown
from handlers.teams.store import Store

NOT_REACHABLE = "teams_not_installed_for_person"


def activity(message: Message, options: cards.Options) -> dict[str, Any]:
    """A message as a Teams activity: markdown with mentions, or a card when it has buttons."""
    if message.buttons or message.note:
        content = cards.message(message, options)
        return {"type": "message", "attachments": [cards.attachment(content), *image(message)]}
    rendered = markdown(message.text, options.who)
    found: dict[str, Any] = {"type": "message", "textFormat": "markdown", "text": rendered.text}
    if rendered.mentions:
        found["entities"] = rendered.mentions
    if pictures := image(message):
        found["attachments"] = pictures
    return found


def image(message: Message) -> list[dict[str, Any]]:
    """A PNG (the leads' chart) travels inline, as Teams shows a bot's images. Other files (a
    CSV, a JSON export) need Teams' file-consent exchange, not built yet: their text goes alone."""
    file = message.file
    if file is None or not file.name.lower().endswith(".png"):
        return []
    data = base64.b64encode(file.data).decode("ascii")
    url = f"data:image/png;base64,{data}"
    return [{"contentType": "image/png", "contentUrl": url, "name": file.name}]


class TeamsMessenger:
    """Sends through the service URL each team (or person) was last heard from."""

    def __init__(self, connector: Connector, store: Store) -> None:
        self.connector = connector
        self.store = store

    def deliver(self, delivery: Delivery) -> SentRef:
        team = self._team(delivery.practice_id)
        where = self.store.service(team)
        if where is None:
            raise CannotDeliver("teams_not_installed")
        if delivery.kind is DeliveryKind.DELETE:
            return self._delete(delivery, where)
        sent = activity(delivery.message, cards.Options(who=self.store.who))
        if delivery.kind is DeliveryKind.POST:
            chat = delivery.target
            if delivery.message.thread:  # inside the reply chain of that post
                chat = f"{delivery.target};messageid={delivery.message.thread}"
            return SentRef(delivery.target, self.connector.send(where.service_url, chat, sent))
        chat_ref = self._personal(delivery.target, where)
        found = self.connector.send(chat_ref.service_url, chat_ref.conversation, sent)
        return SentRef(delivery.target, found)

    def find(self, delivery: Delivery) -> SentRef | None:
        if delivery.kind is DeliveryKind.DELETE:
            return None  # deleting again is harmless
        raise CannotLook("teams_cannot_look")

    def _team(self, practice_id: int) -> str:
        with self.store.uow.read() as tx:
            return tx.practices.get(practice_id).workspace_id

    def _delete(self, delivery: Delivery, where: ConversationRef) -> SentRef:
        try:
            self.connector.delete(where.service_url, delivery.target, delivery.ref)
        except CannotDeliver as exc:
            if exc.code != "http_404":  # already gone is done
                raise
        return SentRef(delivery.target, delivery.ref)

    def _personal(self, person: str, team: ConversationRef) -> ConversationRef:
        """The personal chat with someone, opened now if the bot never had one."""
        with self.store.uow.read() as tx:
            found = tx.teams.personal(person)
        if found is not None:
            return found
        teams_id, _ = self.store.who(person)
        try:
            chat = self.connector.open_chat(team.service_url, teams_id, team.tenant)
        except OutcomeUnknown as exc:  # nothing was sent yet, and opening again is harmless
            raise TryAgain(exc.code) from exc
        except CannotDeliver as exc:
            if exc.code == "http_403":  # not installed for them: a clear state leads can see
                self._reachable(person, False)
                raise CannotDeliver(NOT_REACHABLE) from exc
            raise
        ref = ConversationRef(chat, "personal", team.service_url, team.tenant, person=person)
        self.store.learn(ref)
        self._reachable(person, True)
        return ref

    def _reachable(self, person: str, yes: bool) -> None:
        with self.store.uow() as tx:
            tx.teams.reachable(person, yes, self.store.clock.now())
