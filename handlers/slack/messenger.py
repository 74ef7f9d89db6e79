"""The Messenger port over Slack's Web API: send outbox deliveries, and find them after a crash."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.delivery import Delivery, DeliveryKind, SentRef
from handlers.slack import render
from handlers.slack.blocks import message_blocks
from handlers.slack.errors import classify

METADATA_TYPE = "coffeeroom_send"


class SlackMessenger:
    """Each message carries its outbox id as metadata, so a lost outcome can be looked up."""

    def __init__(self, client: WebClient) -> None:
        # No SDK retries here: the outbox retries, and two retry layers would double-send.
        client.retry_handlers = []
        self.client = client

    def deliver(self, delivery: Delivery) -> SentRef:
        if delivery.kind is DeliveryKind.DELETE:
            return self._delete(delivery)
        try:
            # A direct message goes to the person's id: Slack posts it in the bot's DM with them,
            # with no conversations.open call (one fewer call per DM, and per retry).
            channel = delivery.target
            response = self._post(delivery, channel)
            if response is None:  # not in the channel yet: join, then post once more
                self.client.conversations_join(channel=channel)
                response = self._post(delivery, channel, rejoin=False)
            assert response is not None
        except Exception as exc:  # classify() re-raises what it doesn't know
            raise classify(exc) from exc
        return SentRef(str(response["channel"]), str(response["ts"]))

    def _delete(self, delivery: Delivery) -> SentRef:
        try:
            self.client.chat_delete(channel=delivery.target, ts=delivery.ref)
        except SlackApiError as exc:
            if exc.response.get("error") != "message_not_found":  # already gone is done
                raise classify(exc) from exc
        except Exception as exc:  # classify() re-raises what it doesn't know
            raise classify(exc) from exc
        return SentRef(delivery.target, delivery.ref)

    def _post(self, delivery: Delivery, channel: str, rejoin: bool = True) -> Any:
        message = delivery.message
        try:
            return self.client.chat_postMessage(
                channel=channel,
                text=render.mrkdwn(message.text),
                blocks=message_blocks(message),
                thread_ts=message.thread or None,
                metadata={"event_type": METADATA_TYPE, "event_payload": {"id": delivery.id}},
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            if rejoin and exc.response.get("error") == "not_in_channel":
                return None
            raise

    def _channel(self, delivery: Delivery) -> str:
        """Where to look for a send again (a DM's channel is only asked for then)."""
        if delivery.kind is DeliveryKind.DIRECT:
            opened = self.client.conversations_open(users=delivery.target)
            return str(opened["channel"]["id"])
        return delivery.target

    def find(self, delivery: Delivery) -> SentRef | None:
        if delivery.kind is DeliveryKind.DELETE:
            return None  # deleting again is harmless
        try:
            channel = self._channel(delivery)
            for message in self._recent(delivery, channel):
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                if payload.get("id") == delivery.id:
                    return SentRef(channel, str(message["ts"]))
        except Exception as exc:  # classify() re-raises what it doesn't know
            raise classify(exc) from exc
        return None

    def _recent(self, delivery: Delivery, channel: str) -> list[dict[str, Any]]:
        # The newest 200 are plenty: reconciling happens within minutes of the send, and not
        # filtering by time keeps it right whatever the clocks say.
        if delivery.message.thread:
            response = self.client.conversations_replies(
                channel=channel,
                ts=delivery.message.thread,
                limit=200,
                include_all_metadata=True,
            )
        else:
            response = self.client.conversations_history(
                channel=channel, limit=200, include_all_metadata=True
            )
        return list(response.get("messages") or [])
