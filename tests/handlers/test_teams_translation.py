"""Teams translation in isolation: text to markdown and mentions, forms to cards and back,
typed words to commands, the app package, the settings."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from bot.app.settings import Settings
from bot.core.text import Text, command, mention, quote, strong
from bot.ui.forms import Field, FieldKind, Form
from handlers.teams import cards, read
from handlers.teams.package import write_package
from handlers.teams.render import markdown
from tests.handlers import teams_activities as act


def test_a_gps_words_never_become_markup_or_a_mention() -> None:
    words = "<at>Everyone</at> **urgent** [click](http://x) & 1. not a list"
    rendered = markdown(
        Text("From ", mention("u1"), ": ", quote(words)), lambda u: ("29:x", "Dr A")
    )
    assert rendered.text.startswith("From <at>Dr A</at>: > ")
    assert "<at>Everyone" not in rendered.text and "&lt;at&gt;Everyone" in rendered.text
    assert "\\*\\*urgent\\*\\*" in rendered.text and "\\[click\\]" in rendered.text
    assert rendered.mentions == [
        {"type": "mention", "text": "<at>Dr A</at>", "mentioned": {"id": "29:x", "name": "Dr A"}}
    ]
    assert markdown(Text(strong("Saved"), " type ", command("runitpast"))).text == (
        "**Saved** type **run it past**"
    )


def test_every_field_kind_round_trips_through_a_card() -> None:
    form = Form(
        "f",
        "Title",
        (
            Field("words", FieldKind.TEXT, "Words", max_length=2000, initial="hi"),
            Field("one", FieldKind.CHOICE, "One", choices=(("a", "A"), ("b", "B"))),
            Field("many", FieldKind.CHOICES, "Many", choices=(("a", "A"), ("b", "B"))),
            Field("who", FieldKind.PERSON, "Who"),
            Field("where", FieldKind.CHANNEL, "Where"),
            Field("day", FieldKind.DATE, "Day"),
            Field("at", FieldKind.TIME, "At"),
            Field("ok", FieldKind.YES_NO, "OK?", optional=True),
        ),
        state=(("question", "q1"),),
    )
    options = cards.Options(people=[("u2", "Dr B")], channels=[(act.RANTS_CHANNEL, "coffee-room")])
    card = cards.form(form, options)
    kinds = [b["type"] for b in card["body"] if "id" in b]
    assert kinds == [
        "Input.Text",
        "Input.ChoiceSet",
        "Input.ChoiceSet",
        "Input.ChoiceSet",
        "Input.ChoiceSet",
        "Input.Date",
        "Input.Time",
        "Input.Toggle",
    ]
    sent = act.filled(
        card,
        {
            "words": "hello",
            "one": "b",
            "many": "a,b",
            "who": "u2",
            "where": act.RANTS_CHANNEL,
            "day": "2026-12-24",
            "at": "13:30",
            "ok": "yes",
        },
    )
    invoke = act.card_action("http://x/", act.GP, sent)
    data = read.data(invoke)
    assert read.state(data) == {"question": "q1"} and data["form"] == "f" and data["sub"]
    assert read.answers(form, data) == {
        "words": "hello",
        "one": "b",
        "many": ("a", "b"),
        "who": "u2",
        "where": act.RANTS_CHANNEL,
        "day": "2026-12-24",
        "at": "13:30",
        "ok": "yes",
    }


def test_typed_words_become_commands_whatever_teams_wraps_them_in() -> None:
    known = {"rant", "help", "runitpast"}
    assert read.command("run it past Is this right?", known) == ("runitpast", "Is this right?")
    assert read.command("Rant awful morning", known) == ("rant", "awful morning")
    assert read.command("settings", known) == ("home", "")
    assert read.command("what is this", known) == ("", "what is this")
    mentioned = act.channel_mention("http://x/", act.GP, "rant <p>awful</p>&nbsp;morning")
    assert read.words(mentioned) == "rant awful morning" and read.mentions_bot(mentioned)


def test_the_app_package_has_the_manifest_and_icons_teams_requires(tmp_path: Path) -> None:
    path = write_package(
        str(tmp_path / "app.zip"),
        client_id=act.CLIENT_ID,
        privacy_url="https://coffee.example/privacy",
        terms_url="https://coffee.example/terms",
    )
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        assert package.read("color.png").startswith(b"\x89PNG")
    assert manifest["id"] == manifest["bots"][0]["botId"] == act.CLIENT_ID
    assert manifest["bots"][0]["scopes"] == ["personal", "team"]
    assert manifest["developer"]["privacyUrl"] == "https://coffee.example/privacy"
    titles = [c["title"] for c in manifest["bots"][0]["commandLists"][0]["commands"]]
    assert {"help", "rant", "run it past", "home"} <= set(titles) and len(titles) <= 10


def test_teams_alone_is_enough_to_run_over_http() -> None:
    env = {
        "TEAMS_CLIENT_ID": act.CLIENT_ID,
        "TEAMS_CLIENT_SECRET": "s",
        "TEAMS_TENANT_ID": act.TENANT,
    }
    Settings.from_env(env).check("run-http")  # no Slack needed
    problems = Settings.from_env({"TEAMS_CLIENT_ID": "not-a-guid"}).problems
    assert any("TEAMS_CLIENT_ID looks wrong" in p for p in problems)
