"""The local chat, driven by a script as a new user would try it (in process, but for the first
test, which runs the README's own command)."""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

from bot.app.assembly import build
from bot.app.cli import clock_for
from bot.app.settings import Settings
from handlers.chat.console import run_chat
from tests.process import run_bot

MONDAY_LUNCHTIME = "2026-11-23T12:45:00+00:00"
POSTED = re.compile(r"^\[(\d+)\] (#[\w-]+|DM to [^:]+):\n((?:    .*\n)*)", re.MULTILINE)
NUDGE_NOTE = "(At most one of these a week, never during surgery. Not now? Snooze or turn off.)"
PT_NUDGE = "There's protected coffee on Wednesday at 10:30 in #coffee-room. Do come, even for ten"
SCRIPT = (Path(__file__).parent / "chat_script.txt").read_text()
WEEK_SCRIPT = (Path(__file__).parent / "chat_week_script.txt").read_text()


def chat(script: str, now: str | None = None) -> str:
    """The transcript of a chat fed `script`, as `python -m bot chat` would print it."""
    settings = Settings.from_env({})
    out = io.StringIO()
    clock = clock_for(now, settings, trial=True)
    assert run_chat(settings, clock, build=build, stdin=io.StringIO(script), out=out) == 0
    return out.getvalue()


def posted(out: str) -> dict[str, tuple[str, str]]:
    """Every message the bot sent, by its [N]: where it went and what it said."""
    return {m[1]: (m[2], textwrap.dedent(m[3]).strip()) for m in POSTED.finditer(out)}


def between(out: str, start: str, end: str) -> str:
    return out.split(start, 1)[1].split(end, 1)[0]


def test_the_readme_command_runs_with_no_credentials_and_explains_itself(tmp_path: Path) -> None:
    result = run_bot(["chat"], cwd=tmp_path, stdin="help\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "not a clinical tool" in result.stdout
    assert "Samaritans 116 123" in result.stdout
    assert list(tmp_path.iterdir()) == []  # its own temporary database: nothing left behind


def test_first_use_a_gp_is_told_the_lead_was_asked_then_a_lead_sets_up() -> None:
    out = chat("as ben\nhome\nas asha\nhome\nsetup\n#coffee-room\n#run-it-past\nhome\nquit\n")
    assert "You are now Dr Ben Okafor." in out
    assert "The shared channels aren't chosen yet." in out
    assert "Let's set up Coffee Room" in between(out, "Dr Asha Patel> home", "Dr Asha Patel> setup")
    assert "Let's set up Coffee Room" not in between(out, "Dr Ben Okafor> home", "Dr Asha Patel>")
    assert "Saved. Rants go to #coffee-room and questions to #run-it-past." in out
    assert "Rants go to #coffee-room; questions go to #run-it-past." in out


def test_a_non_lead_cannot_change_settings() -> None:
    out = chat("as dev\nsetup\nhome\nquit\n")
    assert "Dr Dev Shah> setup\nOnly the practice's leads can change" in out  # before a question
    assert "The shared channels aren't chosen yet." in out


def test_unknown_words_get_a_kind_pointer() -> None:
    out = chat("as nobody\nfrobnicate\nquit\n")
    assert "I don't know who that is" in out
    assert "Type `help` for what you can do." in out


def test_every_flow_works_in_the_local_chat() -> None:
    out = chat(SCRIPT)
    # An anonymous rant, and a one-tap reply relayed privately to its author.
    assert "[1] #coffee-room:\n    A rant, shared anonymously:" in out
    assert "[2] DM to Dr Dev Shah:\n    Dr Ben Okafor read your rant and says: I hear you." in out
    # A question with a date of birth is stopped, shown masked, and sent redacted on request.
    assert "a date of birth (12/**/****)" in out
    assert "12/03/1961" not in out.split("Send this version?")[1]
    assert "A colleague asks (anonymously) (Prescribing, today):" in out
    # The answer goes in the thread and to the asker; "I can help" and thanks are relayed.
    assert "[4] #run-it-past (in reply to [3]):\n    Answer from Dr Emma Brown:" in out
    assert "[5] DM to Dr Dev Shah:\n    Your question has an answer:" in out
    assert "[6] DM to Dr Dev Shah:\n    Dr Emma Brown can help" in out
    assert "[7] DM to Dr Emma Brown:\n    Your answer helped" in out
    # Crisis words: private help, even when nothing else is kept.
    assert "[8] DM to Dr Dev Shah:\n    Thank you for saying how things are." in out
    # Someone else's DM buttons are not yours to press.
    assert "That message isn't yours to answer" in out


def test_a_script_that_ends_mid_form_stops_cleanly() -> None:
    out = chat("rant\n")
    assert "The input ended part-way through; nothing more was sent." in out
    assert "What's on your mind? " in out and "??" not in out  # one question mark, as asked


def home_control(out: str, label: str) -> str:
    """The [hN] a home page gave a control, found by its label."""
    found = re.search(rf"\[(h\d+)\] {re.escape(label)}", out)
    assert found, f"no control {label!r} on the home page"
    return found[1]


def test_home_controls_work_from_the_chat() -> None:
    page = chat("as ben\nhome\nquit\n")
    role, nudges = home_control(page, "choose (Salaried GP)"), home_control(page, "Turn nudges off")
    out = chat(f"as ben\nhome\npress {role}\n1\npress {nudges}\nhome\npress h99\nquit\n")
    assert "Saved. Your role: Partner." in out
    assert "Weekly nudges are off. Nothing else changes." in out
    assert "choose (Partner)" in out.split("Weekly nudges are off.")[1]
    assert "There's no such button." in out


def test_a_week_unfolds_in_the_local_chat() -> None:
    out = chat(WEEK_SCRIPT, MONDAY_LUNCHTIME)
    sent = posted(out)
    # A lead adds Wednesday coffee; a slip gets a kind word and another go, never a traceback.
    assert "? Wedday\nPlease answer with a number from 1 to 7.\n" in out
    assert "time like 10:30.\n  Starts at (like 10:30, Enter for 12:30)? 10:30\n" in out
    assert (
        "Saved. Coffee: Wednesdays at 10:30 for 15 minutes, every week, in #coffee-room. "
        "The first one is on Wednesday 25 November.\n" in out
    )
    assert "? 31/02/2026\n" in out and "Please give a date like 2026-12-24.\n" in out
    assert "Saved: nothing protected-time related will be posted then." in out
    # A GP who isn't a lead is refused, before a single question.
    refused = "Only the practice's leads can set up protected time."
    assert f"Dr Ben Okafor> protected add\n{refused}" in out
    assert f"Dr Ben Okafor> region\n{refused}" in out
    # Ben works part-time (no Mondays or Fridays) and opts in to check-ins.
    assert "? all\nPlease answer with a number from 1 to 2.\n" in out
    assert "? 2026-12-20\nThe end date should be on or after the start.\n" in out
    assert (
        "Dr Ben Okafor> week\nYour week (only you see this):\n"
        "Surgeries: Tuesday morning and afternoon; Wednesday afternoon; Thursday morning and "
        "afternoon. Nudges and check-ins come only outside them, between 10:00 and 17:30 on days "
        "you work.\n"
        "Quiet hours: 19:00 to 08:00.\n"
        "Weekly nudges: on (at most one a week).\n"
        "Check-ins: on (only you see your answers).\n"
        "Leave: Thursday 24 December 2026 to Saturday 2 January 2027.\n"
        "Not paused: nudges and check-ins can reach you.\n" in out
    )
    # Monday lunchtime: Dev's check-in, and exactly one nudge for each GP at work; none for Ben.
    assert {ref: where for ref, (where, _) in sent.items() if int(ref) <= 5} == {
        "1": "DM to Dr Dev Shah",
        "2": "DM to Dr Asha Patel",
        "3": "DM to Dr Chloe Evans",
        "4": "DM to Dr Dev Shah",
        "5": "DM to Dr Emma Brown",
    }
    assert sent["1"][1].startswith("Your weekly check-in. Only you will ever see your answer.")
    assert all(NUDGE_NOTE in sent[ref][1] for ref in "2345")
    assert sent["2"][1].startswith("A thought for this week: leads going first")  # the lead's
    assert all(sent[ref][1].startswith(PT_NUDGE) for ref in "345")
    assert "retention.\nNothing was due just now.\nDr Dev Shah> press 1.3" in out  # a rerun
    # Dev asks Emma to check in: she learns nothing of his answer.
    assert "? Emma\nDone: I've asked Dr Emma Brown to check in with you this week." in out
    assert sent["7"] == (
        "DM to Dr Emma Brown",
        "Dr Dev Shah might appreciate a coffee this week. No need to mention this message; "
        "a friendly check-in is all it takes.",
    )
    assert "Dr Chloe Evans> press 3.4\nWeekly nudges are off." in out
    # Wednesday: the reminder at 10:20 (and Ben, free this morning, gets his week's messages).
    assert sent["8"] == (
        "#coffee-room",
        "Coffee in 10 minutes? (10:30, protected time). Even ten minutes counts.\n"
        "[8.1] I'm in\n[8.2] Can't today",
    )
    assert sent["9"][0] == sent["10"][0] == "DM to Dr Ben Okafor"
    assert sent["10"][1].startswith(PT_NUDGE)
    assert "Dr Emma Brown> press 8.1\nLovely, see you there.\n" in out
    # The starter at 10:30, and the follow-up at 10:45 (after a malformed time).
    assert sent["11"] == (
        "#coffee-room",
        "Protected coffee is starting. To get going: What's one small win from this week, "
        "however small?",
    )
    assert "time Wednesday\nPlease give a date and time like 2026-11-25T10:20.\n" in out
    assert sent["12"] == (
        "#coffee-room",
        "Did you get to take it? One tap; nobody else sees your answer.\n"
        "[12.1] Yes\n[12.2] Partly\n[12.3] No",
    )
    assert "Dr Emma Brown> press 12.1\nGlad you got it.\n" in out
    # Ben answers his check-in and asks the bot to pick someone: no score reaches them.
    assert sent["13"][0] == "DM to Dr Ben Okafor"
    assert sent["13"][1].endswith(
        "[13.1] Yes, pick someone for me\n[13.2] Yes, I'll choose\n[13.3] No thanks"
    )
    # (a stable choice among willing colleagues; Chloe, with nudges off, is not asked)
    assert "Done: I've asked Dr Emma Brown to check in with you this week." in out
    assert sent["14"] == (
        "DM to Dr Emma Brown",
        "Dr Ben Okafor might appreciate a coffee this week. No need to mention this message; "
        "a friendly check-in is all it takes.",
    )
    assert not re.search(r"\d|burn", sent["14"][1] + sent["7"][1])
    # Only Ben sees his trend, as a reply to him; it is never sent anywhere.
    trend = "Your check-ins (1 = enjoying work, 5 = completely burned out): 2026-W48 2"
    assert f"Dr Ben Okafor> checkins\n{trend}\n" in out
    assert not any("2026-W48" in text for _, text in sent.values())
    assert "Dr Ben Okafor> press 10.1\nSnoozed for 1 week.\n" in out
    assert len(sent) == 14
    # The lead takes the slot away again.
    assert between(out, "Dr Asha Patel> protected remove 1\n", "Dr Asha Patel> quit") == (
        "Removed: nothing more will be posted for that slot.\n"
        "Dr Asha Patel> protected\nNo protected time is set up yet.\n"
    )


def test_a_form_that_ends_part_way_stops_cleanly() -> None:
    out = chat("protected add\n3\n10:30\n")
    assert "The input ended part-way through; nothing more was sent." in out
    assert "Saved." not in out


def test_quiet_hours_can_be_set_and_a_bad_time_is_asked_again() -> None:
    out = chat("as ben\nweek set\n\n\n\n\n\n\n\n6pm\n07:00\n18:00\nweek\nquit\n")
    assert "? 6pm\n" in out and "Please give a time like 10:30." in out
    assert out.count("Quiet hours: 18:00 to 07:00.") == 1
    assert "Saved. Surgeries: Monday morning and afternoon;" in out


def test_leave_can_be_booked_and_cancelled() -> None:
    out = chat("as ben\nleave\n24/12/2026\n2027-01-02\nleave clear\nweek\nquit\n")
    assert "Saved: nothing from Coffee Room from Thursday 24 December 2026" in out
    assert "Your leave is cancelled" in out
    assert "Leave: none booked." in out.split("Your leave is cancelled")[1]
