"""Run `python -m bot ...` as a real process, the way a lead would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent


def bot_env(extra: dict[str, str]) -> dict[str, str]:
    """The test process's environment minus anything of ours, plus `extra`."""
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "DATABASE_URL", "COFFEEROOM_", "TIMEZONE", "CLIENT_"))
    }
    keep["PYTHONPATH"] = str(REPO)
    return {**keep, **extra}


def run_bot(
    args: list[str],
    *,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: str = "",
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=bot_env(env or {}),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`python -m bot run --http` in the background, stopped when the block ends."""

    def __init__(self, *, cwd: Path, env: dict[str, str], args: list[str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = cwd / "server.log"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot",
                "run",
                "--http",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *(args or []),
            ],
            cwd=cwd,
            env=bot_env(env),
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited: {self.log.read_text()}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise AssertionError(f"server did not start: {self.log.read_text()}")

    def __exit__(self, *exc: object) -> None:
        stop(self.proc)

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as in a crash."""
        self.proc.kill()
        self.proc.wait()


def stop(proc: subprocess.Popen[Any]) -> None:
    """Ask a process to end (SIGTERM, as a service manager would); kill it after 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def eventually(check: Callable[[], object], what: str, timeout: float = 10.0) -> None:
    """Poll until `check()` is true (background work finishing), or fail saying what was awaited."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)
