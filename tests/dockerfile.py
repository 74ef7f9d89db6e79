"""A small reader of Dockerfile instructions, enough for ours: comments, blank lines, lines
continued with a backslash, flags (--name=value) and the JSON (exec) form. It reads what Docker's
own parser reads for our Dockerfile (checked once against it; a dependency only for that
was not worth it). `python -m tests.dockerfile healthcheck` prints the HEALTHCHECK's command as
a JSON list, for .ci/check-install to run."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLAG = re.compile(r"--([a-z-]+)=(\S+)\s+")


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case: FROM, RUN, USER ...
    text: str  # everything after the keyword, continuation lines joined
    line: int  # where it starts, counting from 1

    def flags(self) -> dict[str, str]:
        """Leading --name=value flags (HEALTHCHECK --interval=30s, COPY --from=install)."""
        return dict(FLAG.findall(self._split()[0]))

    def rest(self) -> str:
        """What follows the flags."""
        return self._split()[1]

    def exec_form(self) -> list[str] | None:
        """The JSON list form of the rest (CMD ["run"]), or None for the shell form."""
        rest = self.rest()
        if not rest.startswith("["):
            return None
        value = json.loads(rest)
        assert isinstance(value, list) and all(isinstance(v, str) for v in value)
        return value

    def _split(self) -> tuple[str, str]:
        flags = re.match(rf"(?:{FLAG.pattern})*", self.text + " ")
        end = flags.end() if flags else 0
        return self.text[:end], self.text[end:].strip()


def instructions(text: str) -> list[Instruction]:
    """Every instruction, in order. A comment line inside a continued one is skipped, as
    Docker does."""
    found: list[Instruction] = []
    parts: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not parts:
            start = number
        continued = line.endswith("\\")
        parts.append(line[:-1].strip() if continued else line)
        if not continued:
            keyword, _, rest = " ".join(parts).partition(" ")
            found.append(Instruction(keyword.upper(), rest.strip(), start))
            parts = []
    assert not parts, "the Dockerfile ends inside a continued instruction"
    return found


def read(path: Path = REPO / "Dockerfile") -> list[Instruction]:
    return instructions(path.read_text())


def healthcheck_command(found: list[Instruction]) -> list[str]:
    """The command HEALTHCHECK runs, as a list (CMD in the exec form)."""
    (check,) = [i for i in found if i.keyword == "HEALTHCHECK"]
    form = Instruction("CMD", check.rest().removeprefix("CMD").strip(), check.line).exec_form()
    assert form, "HEALTHCHECK should use CMD [...] (no shell in the way)"
    return form


if __name__ == "__main__":
    if sys.argv[1:] != ["healthcheck"]:
        sys.exit("usage: python -m tests.dockerfile healthcheck")
    print(json.dumps(healthcheck_command(read())))
