"""The two ways the domain says no: kindly refused, or unsafe to post (see bot.safety)."""

from __future__ import annotations


class Refused(Exception):
    """A request the bot says no to, kindly; `text` is shown to the person and nothing changes.

    `field` names the form field it is about, when there is one.
    """

    def __init__(self, text: str, field: str = "") -> None:
        super().__init__(text)
        self.text = text
        self.field = field
