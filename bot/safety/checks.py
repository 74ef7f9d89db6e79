"""Safety on every path: the guard before anything is posted or stored, and crisis signposting."""

from __future__ import annotations

from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.outbox import Outbox
from bot.core.ports import Tx
from bot.core.values import Practice
from bot.safety import wording
from bot.safety.crisis import mentions_crisis
from bot.safety.guard import Finding, redact, scan

MAX_TEXT = 2800  # Slack shows at most 3,000 characters in a block; leave room for our framing


class Unsafe(Exception):
    """The text holds what looks like patient-identifiable information; nothing was kept."""

    def __init__(self, findings: tuple[Finding, ...], field: str = "text") -> None:
        super().__init__(f"{len(findings)} finding(s)")  # never the text itself
        self.findings = findings
        self.field = field

    def redacted(self, text: str) -> str:
        """The same text with every finding replaced by a marker."""
        return redact(text, self.findings)

    @property
    def explanation(self) -> str:
        """What was found, masked, in words a GP reads in a second."""
        return wording.guard_found([(str(f.kind), f.preview) for f in self.findings])


def checked(text: str, *, field: str = "text") -> str:
    """The text, stripped, if it is fit to post; otherwise Refused or Unsafe (nothing kept)."""
    text = (text or "").strip()
    if not text:
        raise Refused(wording.EMPTY_TEXT, field=field)
    if len(text) > MAX_TEXT:
        raise Refused(wording.too_long(len(text), MAX_TEXT), field=field)
    findings = scan(text)
    if findings:
        raise Unsafe(findings, field)
    return text


def prefill(text: str) -> tuple[str, str]:
    """Text fit to pre-fill a form with (redacted if need be), and why it changed, or ''."""
    text = (text or "").strip()[:MAX_TEXT]
    findings = scan(text)
    if not findings:
        return text, ""
    unsafe = Unsafe(findings)
    return unsafe.redacted(text), unsafe.explanation


def signpost_if_in_crisis(
    outbox: Outbox, tx: Tx, *, practice: Practice, text: str, to: str, key: str, private: bool
) -> bool:
    """If the words speak of crisis, privately point their author to real help. Never blocks."""
    if not mentions_crisis(text):
        return False
    outbox.send(tx, practice, to, Message(wording.CRISIS_REPLY), f"crisis:{key}", private=private)
    return True
