"""Connections in the local chat, tried as a new user would, all found from `help`: a locum new
to the practice pools her work, a colleague takes a task (and another is told kindly he was too
late), she thanks him and withdraws the rest, gets a mentor match both say yes to, and is paired
for coffee."""

from __future__ import annotations

from pathlib import Path

from tests.handlers.test_chat import MONDAY_LUNCHTIME, between, chat, posted

SCRIPT = (Path(__file__).parent / "chat_connections_script.txt").read_text()


def test_a_newcomer_pools_work_finds_a_mentor_and_a_coffee_pair() -> None:
    out = chat(SCRIPT, MONDAY_LUNCHTIME)
    sent = posted(out)
    listed = between(out, "In this local chat:", "Dr Asha Patel> setup")
    for command in ("pool", "free", "mentoring", "pairing"):
        assert f"\n  {command} " in listed
    assert "`pool`: swamped? Offer the tasks that could move" in out
    # Pool the work: to the practice's channel, one task taken, one colleague too late.
    assert sent["1"][0] == "#run-it-past"
    assert sent["1"][1].startswith("Dr Chloe Evans is swamped and could use a hand, by the end")
    assert "[1.1] I'll take it: 2 results to review" in out
    assert "Dr Ben Okafor> press 1.1\nIt's yours: 2 results to review for Dr Chloe Evans" in out
    assert "Dr Emma Brown> press 1.1\nDr Ben Okafor has just taken that one." in out
    assert sent["3"] == (
        "DM to Dr Chloe Evans",
        "Dr Ben Okafor took 2 results to review. One less thing.\n[3.1] Thank them",
    )
    assert sent["4"][1] == "Dr Chloe Evans says thank you for taking 2 results to review."
    assert "Withdrawn: the 1 task nobody had taken." in out
    # Mentoring: nobody named until both say yes.
    assert sent["5"][1].startswith("A possible mentor: a partner, more than 15 years")
    assert sent["6"][1].startswith("Would you mentor a colleague? A locum, in training")
    assert "Dr Emma" not in sent["5"][1] and "Dr Chloe" not in sent["6"][1]
    assert sent["8"][0] == "DM to Dr Chloe Evans"
    assert sent["8"][1].startswith("You both said yes: meet Dr Emma Brown, your mentor.")
    # Coffee pairing: everyone in, nobody left out; the new mentor and mentee not put together.
    assert "Paired: 4 colleagues in 2 groups. Each has been introduced." in out
    intros = [text for _, text in sent.values() if text.startswith("This round's coffee")]
    assert len(intros) == 4
    chloe = next(t for where, t in sent.values() if where.endswith("Chloe Evans") and "coffee" in t)
    assert "Dr Emma Brown" not in chloe
