"""The Teams SDK logs `str(error)` of an activity it cannot read, and a pydantic error quotes the
values it refused: our log handler keeps only the library's name and the error's type."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.core import logs
from tests.fakes.teams_connector import FakeConnector
from tests.handlers import teams_activities as act
from tests.handlers.teams_harness import TeamsBot, fake_connector, teams_bot

__all__ = ["fake_connector", "teams_bot"]

WORDS = "Mrs Jones, 84, was awful to me this morning"


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What the bot's own log handler (as `logs.configure` sets it up) writes."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(logs.TEXT))
    handler.addFilter(logs.withhold_library_details)
    root = logging.getLogger()
    root.addHandler(handler)
    yield out
    root.removeHandler(handler)


def test_an_activity_the_sdk_cannot_read_is_logged_without_its_words(
    teams_bot: TeamsBot, fake_connector: FakeConnector, log_lines: io.StringIO
) -> None:
    activity = act.message(fake_connector.url, act.GP, WORDS)
    activity["text"] = [WORDS]  # not a string: the SDK's model refuses it, quoting it
    teams_bot.client.post("/api/messages", json=activity)
    written = log_lines.getvalue()
    assert "microsoft_teams" in written and "ValidationError" in written
    assert "Mrs Jones" not in written and "awful" not in written
    assert "Traceback" not in written


def test_our_own_failures_keep_their_place_and_type(log_lines: io.StringIO) -> None:
    try:
        raise ValueError(WORDS)
    except ValueError as error:
        logs.log_failure(logging.getLogger("bot.test"), "posting a rant", error)
    written = log_lines.getvalue()
    assert "posting a rant failed: ValueError at" in written and "Mrs Jones" not in written
