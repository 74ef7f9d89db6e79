"""Pages as data: what a person's home shows, block by block, with the controls beside it.

Slack renders a Page as the App Home, Teams as a card in the personal chat, the local chat as
numbered lines. A control's action runs through the same catalogue as a button under a message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.core.message import Button
from bot.core.text import Text, Words, as_text


@dataclass(frozen=True, slots=True)
class Select:
    """Pick one value from a list; the action gets the value picked."""

    action: str
    choices: tuple[tuple[str, str], ...]
    current: str = ""
    placeholder: str = ""


@dataclass(frozen=True, slots=True)
class DatePick:
    """Pick a date; the action gets it as YYYY-MM-DD."""

    action: str
    placeholder: str
    initial: str = ""


Control = Button | Select | DatePick


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"  # text, with an optional control beside it
    NOTE = "note"  # small print
    CONTROLS = "controls"  # a row of controls
    DIVIDER = "divider"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a page."""

    kind: BlockKind
    text: Text = field(default_factory=Text)
    controls: tuple[Control, ...] = ()


def heading(words: Words) -> Block:
    return Block(BlockKind.HEADING, as_text(words))


def para(words: Words, control: Control | None = None) -> Block:
    return Block(BlockKind.PARAGRAPH, as_text(words), (control,) if control else ())


def note(words: Words) -> Block:
    return Block(BlockKind.NOTE, as_text(words))


def controls(*row: Control) -> Block:
    return Block(BlockKind.CONTROLS, Text(), row)


def divider() -> Block:
    return Block(BlockKind.DIVIDER)


@dataclass(frozen=True, slots=True)
class Page:
    """A whole page, top to bottom."""

    blocks: tuple[Block, ...]

    def controls(self) -> list[Control]:
        """Every control on the page, in order (how a text surface numbers them)."""
        return [c for block in self.blocks for c in block.controls]
