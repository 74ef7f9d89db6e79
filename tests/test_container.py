"""The container, read as Docker and Compose would read it (there is no Docker daemon here), and
the logs as JSON lines. .ci/check-install runs the image's install script and health check for
real, as a non-root user; these tests hold the files to what that proves."""

from __future__ import annotations

import io
import json
import logging
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest
import yaml

from bot.app.cli import main, parser
from bot.app.settings import Settings, SettingsError
from bot.core.logs import JsonLines, log_failure
from tests.dockerfile import REPO, Instruction, healthcheck_command, read
from tests.fakes.slack_api import FakeSlack
from tests.process import Server, free_port, run_bot

SECRET_WORDS = ("TOKEN", "SECRET", "PASSWORD", "KEY", "CLIENT")


def final_stage() -> list[Instruction]:
    """The instructions of the image that runs: those after the last FROM."""
    found = read()
    last = max(n for n, i in enumerate(found) if i.keyword == "FROM")
    return found[last + 1 :]


def one(keyword: str, stage: list[Instruction] | None = None) -> Instruction:
    (found,) = [i for i in (stage or final_stage()) if i.keyword == keyword]
    return found


def exposed_port() -> int:
    return int(one("EXPOSE").rest())


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((REPO / "compose.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}, from `env` (as from .env)."""

    def one_name(match: re.Match[str]) -> str:
        name, how, rest = match.group(1), match.group(2) or "", match.group(3) or ""
        if env.get(name):
            return env[name]
        if how == ":?":
            raise ValueError(rest)
        return rest if how == ":-" else ""

    return re.sub(r"\$\{(\w+)(:-|:\?)?([^}]*)\}", one_name, value)


def dockerignore() -> list[str]:
    """.dockerignore's patterns, without its comments and blank lines."""
    lines = (line.strip() for line in (REPO / ".dockerignore").read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore's patterns keep `path` out of the build (Docker's rules: `**` is any
    depth, a matched folder takes its contents, `!` lets back in, the last match wins)."""
    result = False
    parts = path.split("/")
    for pattern in patterns:
        body = pattern.removeprefix("!").strip("/")
        regex = "".join(
            "(?:.*/)?" if token == "**/" else ".*" if token == "**" else
            "[^/]*" if token == "*" else "[^/]" if token == "?" else re.escape(token)
            for token in re.findall(r"\*\*/|\*\*|\*|\?|[^*?]", body)
        )  # fmt: skip
        if any(re.fullmatch(regex, "/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            result = not pattern.startswith("!")
    return result


# --- The Dockerfile ---------------------------------------------------------------------------


def test_the_image_runs_as_a_user_of_its_own_never_root() -> None:
    stage = final_stage()
    users = [n for n, i in enumerate(stage) if i.keyword == "USER"]
    starts = [n for n, i in enumerate(stage) if i.keyword in ("ENTRYPOINT", "CMD")]
    assert users and starts and max(users) < min(starts)
    user, _, group = stage[users[-1]].rest().partition(":")
    assert user not in ("0", "root") and group not in ("0", "root")
    assert user.isdigit(), "a number, so an orchestrator can tell it is not root"
    created = " ".join(i.rest() for i in stage if i.keyword == "RUN")
    assert f"useradd --system --no-log-init --uid {user} --gid {group}" in created


def test_the_image_installs_the_app_with_the_script_ci_runs() -> None:
    found = read()
    install_stage = next(i for i in found if i.keyword == "FROM").rest().split()[-1]
    runs = [i.rest() for i in found if i.keyword == "RUN"]
    assert "sh /src/scripts/install-app /opt/coffeeroom /src" in runs
    copied = one("COPY")
    assert copied.flags() == {"from": install_stage}
    assert copied.rest() == "/opt/coffeeroom /opt/coffeeroom"
    assert "PATH=/opt/coffeeroom/bin:$PATH" in one("ENV").rest()
    script = REPO / "scripts" / "install-app"
    assert script.read_text().startswith("#!/bin/sh")
    ci = (REPO / ".ci" / "check-install").read_text()
    assert 'sh "$work/src/scripts/install-app" "$work/venv" "$work/src"' in ci
    assert "runuser -u nobody" in ci
    assert "bash .ci/check-install" in (REPO / ".ci" / "run").read_text()


def test_the_install_script_refuses_an_old_folder_without_touching_it(tmp_path: Path) -> None:
    (tmp_path / "venv").mkdir()
    (tmp_path / "venv" / "mine.txt").write_text("keep me")
    script = str(REPO / "scripts" / "install-app")
    env = {"PATH": "/usr/bin:/bin", "PYTHON": sys.executable}
    result = subprocess.run(
        ["sh", script, str(tmp_path / "venv")], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert [p.name for p in (tmp_path / "venv").iterdir()] == ["mine.txt"]
    usage = subprocess.run(["sh", script], capture_output=True, text=True)
    assert usage.returncode == 2 and "Usage: scripts/install-app VENV" in usage.stderr


def test_the_default_command_serves_http_on_the_exposed_port_and_migrate_is_one_too() -> None:
    entrypoint = one("ENTRYPOINT").exec_form()
    command = one("CMD").exec_form()
    assert entrypoint == ["python", "-m", "bot"]
    assert command is not None
    served = parser().parse_args(command)
    assert (served.command, served.http, served.host) == ("run", True, "0.0.0.0")
    assert served.port == exposed_port() == 3000
    services = compose()["services"]
    assert parser().parse_args(services["migrate"]["command"]).command == "migrate"
    assert "command" not in services["app"], "the app runs the image's own command"


def test_the_health_check_asks_healthz_on_the_exposed_port_with_python_alone() -> None:
    check = one("HEALTHCHECK")
    command = healthcheck_command(read())
    assert command[:2] == ["python", "-c"]
    assert f"'http://127.0.0.1:{exposed_port()}/healthz'" in command[2]
    assert {"interval", "timeout", "start-period", "retries"} <= check.flags().keys()


def setting_names() -> set[str]:
    """Every environment variable the app's settings read."""
    read_names: set[str] = set()

    class Recorder(dict[str, str]):
        def get(self, name: str, default: Any = None) -> Any:
            read_names.add(name)
            return default

    Settings.from_env(Recorder())
    return read_names


def test_no_setting_or_secret_is_baked_into_the_image() -> None:
    settings = setting_names()
    assert {"SLACK_BOT_TOKEN", "DATABASE_URL", "LOG_FORMAT"} <= settings
    for instruction in read():
        text = instruction.rest()
        assert not re.search(r"xox[abp]-|xapp-", text), instruction
        if instruction.keyword in ("ENV", "ARG"):
            names = re.findall(r"([A-Z_]+)=", text) or text.split()[:1]
            assert names and not [n for n in names if any(w in n for w in SECRET_WORDS)]
            assert not settings & set(names), "settings come from the environment at run time"


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        ".env.production",
        ".venv/bin/python",
        "coffeeroom.key",
        "data/coffeeroom.key",
        "coffeeroom.db",
        "coffeeroom.db-wal",
        "old/coffeeroom.sqlite",
        ".git/config",
        "bot/__pycache__/cli.cpython-311.pyc",
        ".mypy_cache/3.11/x.json",
        "coffeeroom.egg-info/PKG-INFO",
        "tests/conftest.py",
    ],
)
def test_the_build_never_sees_settings_keys_databases_or_local_clutter(path: str) -> None:
    assert ignored(path, dockerignore())


@pytest.mark.parametrize(
    "path",
    [
        "pyproject.toml",
        "README.md",
        "scripts/install-app",
        "bot/__main__.py",
        "handlers/teams/icons/color.png",
        "storage/migrations/env.py",
        "storage/migrations/versions/0001_initial.py",
    ],
)
def test_the_build_sees_what_the_install_needs(path: str) -> None:
    assert (REPO / path).is_file()
    assert not ignored(path, dockerignore())


# --- compose.yaml -----------------------------------------------------------------------------


def test_compose_runs_postgresql_with_a_health_check_and_a_named_volume() -> None:
    spec = compose()
    db = spec["services"]["db"]
    assert db["image"].startswith("postgres:")
    assert db["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]
    volume, target = db["volumes"][0].split(":")
    assert target == "/var/lib/postgresql/data" and volume in spec["volumes"]
    assert "ports" not in db, "the database is for the app only"


def test_the_app_and_its_migration_use_that_database_and_wait_for_it() -> None:
    spec = compose()
    services, db = spec["services"], spec["services"]["db"]["environment"]
    env = {"POSTGRES_PASSWORD": "s3cretpass"}
    for name in ("app", "migrate"):
        url = interpolate(services[name]["environment"]["DATABASE_URL"], env)
        parsed = urlparse(url)
        assert (parsed.hostname, parsed.port) == ("db", 5432)
        assert (parsed.username, parsed.password) == (db["POSTGRES_USER"], "s3cretpass")
        assert parsed.path == "/" + db["POSTGRES_DB"]
        settings = Settings.from_env({"DATABASE_URL": url})
        assert settings.problems == () and settings.database_url.startswith("postgresql+psycopg")
        assert services[name]["depends_on"]["db"] == {"condition": "service_healthy"}
        assert services[name]["build"] == "."
    waits = services["app"]["depends_on"]["migrate"]
    assert waits == {"condition": "service_completed_successfully"}
    assert services["migrate"]["restart"] == "no"
    assert services["migrate"]["healthcheck"] == {"disable": True}


def test_compose_asks_for_the_database_password_and_ships_none() -> None:
    spec = compose()
    password = spec["services"]["db"]["environment"]["POSTGRES_PASSWORD"]
    with pytest.raises(ValueError, match=r"set POSTGRES_PASSWORD in \.env"):
        interpolate(password, {})
    assert interpolate(password, {"POSTGRES_PASSWORD": "abc123"}) == "abc123"
    example = (REPO / ".env.example").read_text().splitlines()
    assert "POSTGRES_PASSWORD=" in example, ".env.example leaves it for the user to set"
    assert "LOG_FORMAT=text" in example
    assert not re.search(r"xox[abp]-|xapp-", (REPO / "compose.yaml").read_text())


def test_the_app_is_published_on_the_image_port_and_keeps_its_key_file() -> None:
    app = compose()["services"]["app"]
    (published,) = app["ports"]
    host, _, inside = published.split(":")
    assert int(inside) == exposed_port() and host == "127.0.0.1"
    assert app["env_file"] == ".env"
    volume, target = app["volumes"][0].split(":")
    assert target == one("WORKDIR").rest() == "/data"  # where coffeeroom.key is made
    assert volume in compose()["volumes"]
    assert app["init"] is True, "SIGTERM reaches the app, for a clean stop"


# --- Logs as JSON lines -----------------------------------------------------------------------


def json_logger(name: str) -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(JsonLines())
    logger = logging.getLogger(name)
    logger.handlers, logger.propagate = [handler], False
    return logger, out


def test_a_json_log_record_is_one_line_with_time_level_logger_and_message() -> None:
    logger, out = json_logger("coffeeroom.test.fields")
    logger.warning("two\nlines, %s", "joined")
    (line,) = out.getvalue().splitlines()
    entry = json.loads(line)
    assert set(entry) == {"time", "level", "logger", "message"}
    assert (entry["level"], entry["logger"]) == ("WARNING", "coffeeroom.test.fields")
    assert entry["message"] == "two\nlines, joined"
    at = datetime.fromisoformat(entry["time"])
    assert at.utcoffset() is not None and at.utcoffset().total_seconds() == 0


def test_a_failure_logs_its_type_and_place_never_its_words() -> None:
    logger, out = json_logger("coffeeroom.test.failure")
    words = "Dr Patel had an awful morning with Mrs Jones"
    try:
        raise ValueError(words)
    except ValueError as error:
        log_failure(logger, "posting a rant", error)
        logger.exception("a library that logs the traceback")
    failure, library = (json.loads(line) for line in out.getvalue().splitlines())
    assert failure["exception"] == library["exception"] == "ValueError"
    assert failure["message"].startswith("posting a rant failed: ValueError at test_a_failure")
    assert "awful" not in out.getvalue() and "Traceback" not in out.getvalue()


def test_with_json_a_librarys_warning_is_a_json_line_too() -> None:
    code = (
        "import warnings\n"
        "from bot.core import logs\n"
        "logs.configure('INFO', 'json')\n"
        "warnings.warn('this API is in preview')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    (line,) = done.stderr.splitlines()
    entry = json.loads(line)
    assert entry["logger"] == "py.warnings" and "this API is in preview" in entry["message"]


def test_a_bad_log_format_is_a_settings_problem_said_kindly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SettingsError, match=r"LOG_FORMAT looks wrong: .* text .* or json"):
        Settings.from_env({"LOG_FORMAT": "xml"}).check("migrate")
    assert Settings.from_env({"LOG_FORMAT": " JSON "}).log_format == "json"
    database = f"sqlite:///{tmp_path / 'untouched.db'}"
    assert main(["migrate"], {"LOG_FORMAT": "yaml", "DATABASE_URL": database}) == 2
    assert not (tmp_path / "untouched.db").exists()
    err = capsys.readouterr().err
    assert "please fix your settings" in err and "LOG_FORMAT" in err
    assert "Traceback" not in err


def test_text_stays_the_default(tmp_path: Path) -> None:
    assert Settings.from_env({}).log_format == "text"
    teams = {
        "COFFEEROOM_ENV": "development",
        "TEAMS_CLIENT_ID": "00000000-0000-4000-8000-000000000000",
        "TEAMS_ALLOW_UNAUTHENTICATED": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'text.db'}",
        "LOG_FORMAT": "",
    }
    result = run_bot(["jobs", "list"], cwd=tmp_path, env=teams)
    assert result.returncode == 0, result.stderr
    line = r"^\S+ \S+ WARNING bot.app.assembly: Created a new secret key"
    assert re.search(line, result.stderr, re.MULTILINE), result.stderr
    assert not result.stderr.lstrip().startswith("{")


def test_the_server_logs_json_lines_and_passes_the_images_health_check(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-container-test",
            "SLACK_SIGNING_SECRET": "0123456789abcdef0123456789abcdef",
            "SLACK_API_URL": fake.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'json.db'}",
            "LOG_FORMAT": "json",
        }
        with Server(cwd=tmp_path, env=env) as server:
            junk = httpx.post(server.url + "/slack/events", content="text=my words")
            assert junk.status_code == 401
            assert health(server.port) == 0
        assert health(free_port()) != 0  # nothing listening there
    # The log holds stderr and stdout; stdout has only the banner for whoever started it.
    printed = [line for line in server.log.read_text().splitlines() if line.strip()]
    assert [p for p in printed if not p.startswith("{")] == [
        f"Coffee Room is running ({server.url}/slack/events). Press Ctrl+C to stop."
    ]
    lines = [json.loads(line) for line in printed if line.startswith("{")]
    messages = [entry["message"] for entry in lines]
    assert any(m.startswith("Created a new secret key") for m in messages)
    assert "refused a request to /slack/events: no valid Slack signature" in messages
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in lines)
    assert "my words" not in server.log.read_text()


def health(port: int) -> int:
    """The image's HEALTHCHECK command, aimed at `port`, with this interpreter as `python`."""
    python, *rest = healthcheck_command(read())
    assert python == "python"
    code = rest[-1].replace(f":{exposed_port()}/", f":{port}/")
    return subprocess.run([sys.executable, *rest[:-1], code], capture_output=True).returncode
