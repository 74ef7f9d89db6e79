"""The local chat shows a PCN's split as it shows every form: a lead makes a practice of a
channel, and a locum in both chooses which one they act for."""

from __future__ import annotations

from tests.handlers.test_chat import between, chat

SPLIT = "as asha\nsplit\n#general\n#coffee-room\nHillside\nEurope/Dublin\n3\n"


def test_a_lead_splits_the_sample_practice_and_a_locum_chooses_where_to_act() -> None:
    out = chat(SPLIT + "home\nas chloe\npractice\npractice Hillside\nhome\nquit\n")
    form = between(out, "Dr Asha Patel> split", "Done:")
    assert "It keeps everything it has now" in form  # said before the lead confirms
    assert "Time zone (leave empty to keep Europe/London)" in form
    assert "Hillside is now a practice of its own" in out and "Europe/Dublin time zone" in out
    lead_home = between(out, "Dr Asha Patel> home", "Dr Asha Patel> as chloe")
    assert "Add a practice" in lead_home and "Name, time zone and bank holidays" in lead_home
    assert "You're in Riverside Surgery (sample) and Hillside." in out
    assert "You're now acting for Hillside." in out
    assert "Acting for: Hillside." in out.rsplit("Dr Chloe Evans> home", 1)[1]
    assert "Traceback" not in out


def test_a_gp_who_is_not_a_lead_cannot_split() -> None:
    out = chat("as ben\nsplit\nquit\n")
    assert "Only the practice's leads can change Coffee Room's settings." in out
    assert "Channel for the new practice" not in out
