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
        if delivery.kind is DeliveryKind.FILE:
            return self._upload(delivery)
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

    def _upload(self, delivery: Delivery) -> SentRef:
        """A file to a person, privately, in the bot's DM with them (files:write).

        Its filename carries the outbox id, so a lost outcome can be looked up like a message."""
        file = delivery.message.file
        assert file is not None, "a FILE delivery carries a file"
        try:
            channel = self._channel(delivery)
            response = self.client.files_upload_v2(
                channel=channel,
                content=file.data,
                filename=_filename(delivery),
                title=file.title,
                initial_comment=render.mrkdwn(delivery.message.text),
            )
        except Exception as exc:  # classify() re-raises what it doesn't know
            raise classify(exc) from exc
        uploaded = response.get("file") or (response.get("files") or [{}])[0]
        return SentRef(channel, str(uploaded.get("id", "")))

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
        if delivery.kind in (DeliveryKind.DIRECT, DeliveryKind.FILE):
            opened = self.client.conversations_open(users=delivery.target)
            return str(opened["channel"]["id"])
        return delivery.target

    def find(self, delivery: Delivery) -> SentRef | None:
        if delivery.kind is DeliveryKind.DELETE:
            return None  # deleting again is harmless
        try:
            channel = self._channel(delivery)
            for message in self._recent(delivery, channel):
                names = {f.get("name") for f in message.get("files") or []}
                if delivery.kind is DeliveryKind.FILE and _filename(delivery) in names:
                    files = message.get("files") or [{}]
                    return SentRef(channel, str(files[0].get("id", "")))
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


def _filename(delivery: Delivery) -> str:
    """The file's name with the outbox id's first part before it: unique, and findable."""
    name = delivery.message.file.name if delivery.message.file else "file"
    return f"{delivery.id[:8]}-{name}"
