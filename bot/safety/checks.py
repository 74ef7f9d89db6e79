"""Safety on every path: the guard before anything is posted or stored, and crisis signposting."""

from __future__ import annotations

from typing import Any

from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.service import PeerService
from bot.core.values import Caller
from bot.safety import wording
from bot.safety.crisis import mentions_crisis
from bot.safety.guard import Finding, redact, scan

MAX_TEXT = 2800  # Slack shows at most 3,000 characters in a block; leave room for our framing


class Unsafe(Exception):
    """The text holds what looks like patient-identifiable information; nothing was kept."""

    def __init__(
        self, findings: tuple[Finding, ...], field: str = "text", *, signposted: bool = False
    ) -> None:
        super().__init__(f"{len(findings)} finding(s)")  # never the text itself
        self.findings = findings
        self.field = field
        self.signposted = signposted  # the words also spoke of crisis: help was sent privately

    def redacted(self, text: str) -> str:
        """The same text with every finding replaced by a marker."""
        return redact(text, self.findings)

    @property
    def explanation(self) -> str:
        """What was found, masked, in words a GP reads in a second (and help, if it was needed)."""
        found = wording.guard_found([(str(f.kind), f.preview) for f in self.findings])
        return f"{found}\n\n{wording.CRISIS_REPLY}" if self.signposted else found


def checked(text: str, *, field: str = "text", signposted: bool = False) -> str:
    """The text, stripped, if it is fit to post; otherwise Refused or Unsafe (nothing kept)."""
    text = (text or "").strip()
    if not text:
        raise Refused(wording.EMPTY_TEXT, field=field)
    if len(text) > MAX_TEXT:
        raise Refused(wording.too_long(len(text), MAX_TEXT), field=field)
    findings = scan(text)
    if findings:
        raise Unsafe(findings, field, signposted=signposted)
    return text


def guarded(
    service: PeerService[Any], caller: Caller, text: str, *, key: str, private: bool
) -> tuple[str, bool]:
    """A GP's words, checked: help first if they speak of crisis (sent privately, and kept even
    when the guard then stops the words), then the guard. Returns the words and whether help
    was sent; `key` (the submission's) sends the help once however often the form comes back."""
    crisis = mentions_crisis(text or "")
    if crisis:
        with service.uow() as tx:
            practice = service.practices.of(tx, caller)
            reply = Message(wording.CRISIS_REPLY)
            service.outbox.send(tx, practice, caller.user, reply, f"crisis:{key}", private=private)
    return checked(text, signposted=crisis), crisis


def prefill(text: str) -> tuple[str, str]:
    """Text fit to pre-fill a form with (redacted if need be), and why it changed, or ''."""
    text = (text or "").strip()[:MAX_TEXT]
    findings = scan(text)
    if not findings:
        return text, ""
    unsafe = Unsafe(findings)
    return unsafe.redacted(text), unsafe.explanation
