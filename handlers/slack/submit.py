"""The one way every form is submitted: guard findings send the form back, redacted; refusals
show under their field; success turns the form into a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.practices import Refused
from bot.safety import Unsafe
from handlers.slack import forms
from handlers.slack.ids import Block

Rebuild = Callable[[str, str, int], forms.Modal]  # (text, notice, version) -> the form again


def submit(
    ack: Ack,
    view: dict[str, Any],
    *,
    rebuild: Rebuild,
    run: Callable[[dict[str, Any]], forms.Modal],
) -> None:
    """Run the service for a submitted form and answer Slack within the same request."""
    answers = forms.values(view)
    version = int(forms.metadata(view).get("v", 0))
    try:
        done = run(answers)
    except Unsafe as unsafe:
        text = str(answers.get(Block.TEXT, ""))
        again = rebuild(unsafe.redacted(text), unsafe.explanation, version + 1)
        ack(response_action="update", view=again)
        return
    except Refused as refusal:
        ack(response_action="errors", errors={refusal.field or Block.TEXT: refusal.text})
        return
    ack(response_action="update", view=done)
