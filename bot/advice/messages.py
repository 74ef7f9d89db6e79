"""What a question and its answers look like when they are posted (neutral Text, any surface)."""

from __future__ import annotations

from bot.advice import wording
from bot.advice.values import FREE_NOW, AdviceAction, Answer, Question
from bot.core.message import Button, Message
from bot.core.text import Text, quote


def question(posted: Question, asker: str, words: str) -> Message:
    """The question, its Answer and I-can-help buttons; the asker named unless anonymous."""
    heading = wording.question_heading(
        None if posted.anonymous else asker, posted.topic, posted.urgency
    )
    return Message(
        Text(heading, "\n", quote(words)),
        (
            Button(AdviceAction.ANSWER, wording.ANSWER, posted.id, primary=True),
            Button(AdviceAction.CAN_HELP, wording.CAN_HELP, posted.id),
        ),
        note=_note(posted),
    )


def _note(posted: Question) -> str:
    if posted.colleague == FREE_NOW:
        return wording.QUESTION_NOTE_FREE
    return wording.QUESTION_NOTE_DIRECT if posted.colleague else wording.QUESTION_NOTE


def answer_body(answer: Answer, words: str) -> Text:
    """An answer as posted under the question: who (unless anonymous), then their words."""
    return Text(wording.answer_heading(answer.helper or None), "\n", quote(words))


def receipt(answer: Answer, body: Text) -> Message:
    """The answer as the asker receives it, with 'This helped'."""
    return Message(
        Text(wording.ANSWER_ARRIVED, "\n", body),
        (Button(AdviceAction.HELPFUL, wording.HELPFUL, answer.id),),
    )
