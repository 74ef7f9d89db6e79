"""slack_sdk decides whether to format a debug line holding a whole request body from its own
logger's level, not the effective one: left at NOTSET, every Web API call renders the body (a
GP's words, a whole form) into a string and throws it away. Once logging is set up (as `build`
and every command do), none does."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.core.logs import cap_libraries
from tests.fakes.slack_api import FakeSlack


class Telling(str):
    """A string that notes each time something renders it with repr(), as an f-string of the
    dict around it does; json.dumps encodes it as plain text without asking."""

    rendered = 0

    def __repr__(self) -> str:
        Telling.rendered += 1
        return str.__repr__(self)


def test_no_web_api_call_renders_its_body_for_a_debug_line(fake_slack: FakeSlack) -> None:
    cap_libraries()
    client = WebClient(token="xoxb-test-token", base_url=fake_slack.url)
    Telling.rendered = 0
    client.chat_postMessage(channel="C0RANTS", text=Telling("Rough morning, anyone free?"))
    assert Telling.rendered == 0
    assert [c.body["text"] for c in fake_slack.calls("chat.postMessage")] == [
        "Rough morning, anyone free?"
    ]


def test_not_even_when_the_lead_asks_for_debug_logs(fake_slack: FakeSlack) -> None:
    cap_libraries()
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.DEBUG)  # LOG_LEVEL=DEBUG: our own lines only
    try:
        client = WebClient(token="xoxb-test-token", base_url=fake_slack.url)
        Telling.rendered = 0
        client.chat_postMessage(channel="C0RANTS", text=Telling("Rough morning"))
        assert Telling.rendered == 0
    finally:
        root.setLevel(level)
