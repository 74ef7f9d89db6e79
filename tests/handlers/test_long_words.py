"""What the form accepts always lands whole: a 2,800-character rant full of '&' and line breaks
is escaped and quoted past Slack's 3,000 characters a section, and is split, never trimmed. A
send refused for good hands the author their words back."""

from __future__ import annotations

import html

from bot.app.assembly import Assembly
from bot.core.clock import FixedClock
from bot.rants.service import RantRequest
from bot.rants.values import RantDestination
from bot.safety.checks import MAX_TEXT
from tests.callers import caller, set_up
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import TRAINEE

LINE = "Duty doc & on-call & 3 visits & results<>"
WORDS = "\n".join([LINE] * 200)[:MAX_TEXT].rstrip()


def unquoted(sections: list[str]) -> str:
    """The GP's words back out of the quoted, escaped sections (the heading left out)."""
    lines = "\n".join(sections).split("\n")[1:]
    return html.unescape("\n".join(line.removeprefix("> ").removeprefix(">") for line in lines))


def test_a_long_rant_full_of_ampersands_lands_whole(
    assembly: Assembly, fake_slack: FakeSlack
) -> None:
    set_up(assembly)
    assert len(WORDS) == MAX_TEXT and WORDS.count("&") >= 200  # escaping makes it far longer
    request = RantRequest(WORDS, RantDestination.SPACE)
    assembly.services.rants.submit(caller(TRAINEE), request=request, key="long")
    report = assembly.services.outbox.drain()
    assert report.sent == 1 and report.failed == 0
    (posted,) = fake_slack.messages("C0RANTS")
    sections = [b["text"]["text"] for b in posted["blocks"] if b["type"] == "section"]
    assert len(sections) > 1 and all(len(s) <= 3000 for s in sections)
    assert unquoted(sections) == WORDS


def test_a_send_refused_for_good_hands_the_author_their_words_back(
    assembly: Assembly, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    set_up(assembly)
    fake_slack.fail_next("chat.postMessage", error="channel_not_found")
    words = "Fourth home visit of the day & the car's broken"
    request = RantRequest(words, RantDestination.SPACE_ANONYMOUS)
    assembly.services.rants.submit(caller(TRAINEE), request=request, key="k")
    assert assembly.services.outbox.drain().failed == 1
    assembly.services.outbox.drain()
    (notice,) = fake_slack.messages(fake_slack.dm_channel(TRAINEE))
    assert "could not be delivered" in notice["text"]
    assert "Here are your words" in notice["text"]
    assert html.unescape(notice["text"]).endswith(f"> {words}")
    assert fake_slack.messages("C0RANTS") == []
