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
