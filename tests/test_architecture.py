"""The house rules, enforced: handlers -> bot <- storage, and only the assembly sees all three."""

from __future__ import annotations

import ast
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
