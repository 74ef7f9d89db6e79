"""The house rules, enforced: handlers -> bot <- storage, and only the assembly sees all three."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# bot/'s assembly: the composition root and the command line wire everything together.
ASSEMBLY_PREFIXES = ("bot/app/", "bot/__main__.py")
PLATFORM_SDKS = ("slack_bolt", "slack_sdk", "microsoft_teams")
FORBIDDEN = {
    "bot": ("handlers", "storage", "sqlalchemy", "alembic", "uvicorn", "starlette", *PLATFORM_SDKS),
    "handlers": ("storage", "sqlalchemy", "alembic"),
    "storage": ("handlers", "uvicorn", "starlette", *PLATFORM_SDKS),
}


def imports(source: str) -> set[str]:
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def sources(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def test_dependencies_point_one_way() -> None:
    broken = []
    for package, forbidden in FORBIDDEN.items():
        for path in sources(package):
            relative = path.relative_to(REPO).as_posix()
            if relative.startswith(ASSEMBLY_PREFIXES):
                continue
            for name in imports(path.read_text()):
                if name.split(".")[0] in forbidden:
                    broken.append(f"{relative} imports {name}")
    assert broken == []


def test_only_settings_and_main_read_the_environment() -> None:
    readers = []
    for package in FORBIDDEN:
        for path in sources(package):
            source = path.read_text()
            if "os.environ" in source or "os.getenv" in source or "getenv(" in source:
                readers.append(path.relative_to(REPO).as_posix())
    assert readers == ["bot/__main__.py"]


def test_every_module_opens_with_a_docstring() -> None:
    missing = [
        path.relative_to(REPO).as_posix()
        for package in FORBIDDEN
        for path in sources(package)
        if "versions" not in path.parts and ast.get_docstring(ast.parse(path.read_text())) is None
    ]
    assert missing == []


def test_the_rule_check_can_fail() -> None:
    # A guard against a vacuous test: a module that breaks the rule is caught.
    assert imports('"""x."""\nfrom sqlalchemy.orm import Session\n') == {"sqlalchemy.orm"}


# Chat-platform syntax: Slack mentions and links, HTML escapes, Teams mentions, emphasis markers
# (*bold*, _italic_, **bold**) and code backticks. bot/ builds neutral Text; renderers do the rest.
PLATFORM_SYNTAX = re.compile(
    r"<[@#!]|&(amp|lt|gt);|</?at>|`|\*\*\w[^*\n]*\*\*|(?<![\w*])\*\w[^*\n]*\*(?!\w)|(?<!\w)_[A-Za-z][^_\n]*_(?!\w)"
)


def literals(source: str) -> list[str]:
    """Every string literal in a module except docstrings (f-strings by their literal parts)."""
    tree = ast.parse(source)
    patterns = {  # regular expressions (the guard's) are not words anyone reads
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and node.args
    }
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | patterns
    ]


def test_bot_writes_no_chat_platform_syntax() -> None:
    found = [
        f"{path.relative_to(REPO).as_posix()}: {value!r}"
        for path in sources("bot")
        if not path.name.startswith("_")  # the guard's pattern modules: regexes, not words
        for value in literals(path.read_text())
        if PLATFORM_SYNTAX.search(value)
    ]
    assert found == []


def test_the_syntax_check_can_fail() -> None:
    for slack_or_teams in ("*Bold*", "hi <@U123>", "<#C1>", "&amp;", "`/rant`", "<at>Ben</at>"):
        assert PLATFORM_SYNTAX.search(slack_or_teams), slack_or_teams
    for neutral in ("10 * 3", "a_b", "Dr O'Brien", "snake_case_name", "Q&A", "5 > 3"):
        assert not PLATFORM_SYNTAX.search(neutral), neutral


SHARED = {"core": {"core"}, "safety": {"core", "safety"}, "ui": {"core", "safety", "ui"}}


def test_capabilities_use_only_the_core_and_their_own_package() -> None:
    """A capability may use bot.core, bot.ui and bot.safety; never another capability's parts.

    Only the assembly (bot.app) sees every capability.
    """
    broken = []
    for path in sources("bot"):
        parts = path.relative_to(REPO / "bot").parts
        if len(parts) < 2 or parts[0] == "app":
            continue
        package = parts[0]
        allowed = SHARED.get(package, {"core", "safety", "ui", package})
        for name in imports(path.read_text()):
            pieces = name.split(".")
            if pieces[0] == "bot" and len(pieces) > 1 and pieces[1] not in allowed:
                broken.append(f"{path.relative_to(REPO).as_posix()} imports {name}")
    assert broken == []


def test_the_capability_check_can_fail() -> None:
    assert "bot.nudges.service" in imports('"""x."""\nfrom bot.nudges.service import Nudges\n')


MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40


def test_modules_and_functions_stay_small() -> None:
    """Small rooms: no module over 300 lines, no function over 40 (migrations aside)."""
    too_big = []
    for package in FORBIDDEN:
        for path in sources(package):
            if "versions" in path.parts:
                continue
            source = path.read_text()
            relative = path.relative_to(REPO).as_posix()
            if len(source.splitlines()) > MAX_MODULE_LINES:
                too_big.append(f"{relative}: {len(source.splitlines())} lines")
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = (node.end_lineno or node.lineno) - node.lineno + 1
                    if length > MAX_FUNCTION_LINES:
                        too_big.append(f"{relative}:{node.lineno} {node.name}: {length} lines")
    assert too_big == []
