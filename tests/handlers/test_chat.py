"""The local chat, driven by a script on stdin as a new user would try it."""

from __future__ import annotations

from pathlib import Path

from tests.process import run_bot


def chat(script: str, tmp_path: Path) -> str:
    result = run_bot(["chat"], cwd=tmp_path, stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def test_chat_runs_with_no_credentials_and_explains_itself(tmp_path: Path) -> None:
    out = chat("help\nquit\n", tmp_path)
    assert "not* a clinical tool" in out
    assert "Samaritans 116 123" in out
    assert list(tmp_path.iterdir()) == []  # its own temporary database: nothing left behind


def test_first_use_a_gp_is_told_the_lead_was_asked_then_a_lead_sets_up(tmp_path: Path) -> None:
    out = chat(
        "as ben\nhome\nas asha\nhome\nsetup\n#coffee-room\n#run-it-past\nhome\nquit\n", tmp_path
    )
    assert "You are now Dr Ben Okafor." in out
    assert "The shared channels aren't chosen yet." in out
    assert "type `setup` to choose the channels" in out
    assert "Saved. Rants go to #coffee-room and questions to #run-it-past." in out
    assert "Rants go to #coffee-room; questions go to #run-it-past." in out


def test_a_non_lead_cannot_change_settings(tmp_path: Path) -> None:
    out = chat("as dev\nsetup\ngeneral\ngeneral\nhome\nquit\n", tmp_path)
    assert "Only the practice's leads can change" in out
    assert "The shared channels aren't chosen yet." in out


def test_unknown_words_get_a_kind_pointer(tmp_path: Path) -> None:
    out = chat("as nobody\nfrobnicate\nquit\n", tmp_path)
    assert "I don't know who that is" in out
    assert "Type `help` for what you can do." in out


SCRIPT = (Path(__file__).parent / "chat_script.txt").read_text()


def test_every_flow_works_in_the_local_chat(tmp_path: Path) -> None:
    out = chat(SCRIPT, tmp_path)
    # An anonymous rant, and a one-tap reply relayed privately to its author.
    assert "[1] #coffee-room:\n    *A rant, shared anonymously:*" in out
    assert "[2] DM to Dr Dev Shah:\n    Dr Ben Okafor read your rant and says: I hear you." in out
    # A question with a date of birth is stopped, shown masked, and sent redacted on request.
    assert "a date of birth (12/**/****)" in out
    assert "12/03/1961" not in out.split("Send this version?")[1]
    assert "*A colleague asks (anonymously)* (Prescribing, today):" in out
    # The answer goes in the thread and to the asker; "I can help" and thanks are relayed.
    assert "[4] #run-it-past (in reply to [3]):\n    *Answer from Dr Emma Brown:*" in out
    assert "[5] DM to Dr Dev Shah:\n    Your question has an answer:" in out
    assert "[6] DM to Dr Dev Shah:\n    Dr Emma Brown can help" in out
    assert "[7] DM to Dr Emma Brown:\n    Your answer helped" in out
    # Crisis words: private help, even when nothing else is kept.
    assert "[8] DM to Dr Dev Shah:\n    Thank you for saying how things are." in out
    # Someone else's DM buttons are not yours to press.
    assert "That message isn't yours to answer" in out


def test_a_script_that_ends_mid_form_stops_cleanly(tmp_path: Path) -> None:
    out = chat("rant\n", tmp_path)
    assert "The input ended part-way through; nothing more was sent." in out
