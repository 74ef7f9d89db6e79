"""Run it past someone: the question and answer forms, their buttons and the command, as data."""

from __future__ import annotations

from bot.advice import wording
from bot.advice.service import Advice, QuestionRequest
from bot.advice.values import AdviceAction, Topic, Urgency
from bot.core import wording as core_words
from bot.core.text import Text, Words
from bot.core.values import Caller
from bot.safety import wording as safety_words
from bot.ui.catalogue import Catalogue, Command, FormSpec, Opens, Reply, Slash, Tap, prefilled, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices, words_field

QUESTION = "question"
ANSWER = "answer"

SLASH = Slash("/runitpast", "Run a question past colleagues", "[your question]")


def question_form(words: str = "", notice: Words = "") -> Form:
    """The question form (from the command, or a message shortcut with its words)."""
    return Form(
        id=QUESTION,
        title=wording.QUESTION_TITLE,
        intro=Text(wording.QUESTION_INTRO),
        fields=(
            words_field("text", wording.QUESTION_TEXT_LABEL, words),
            Field("colleague", FieldKind.PERSON, wording.QUESTION_TO_LABEL, optional=True),
            Field("anonymous", FieldKind.YES_NO, wording.QUESTION_ANONYMOUS_LABEL, optional=True),
            Field(
                "topic",
                FieldKind.CHOICE,
                wording.TOPIC_LABEL,
                optional=True,
                choices=choices(wording.TOPICS),
            ),
            Field(
                "urgency",
                FieldKind.CHOICE,
                wording.URGENCY_LABEL,
                optional=True,
                choices=choices(wording.URGENCIES),
            ),
            Field(
                "free",
                FieldKind.YES_NO,
                wording.FREE_NOW_LABEL,
                optional=True,
                when=("urgency", "now"),
            ),
        ),
        notes=(Text(core_words.ANONYMITY_HONESTY),),
        notice=Text(notice),
    )


def answer_form(question_id: str) -> Form:
    """The form behind a question's Answer button."""
    return Form(
        id=ANSWER,
        title=wording.ANSWER_TITLE,
        fields=(
            words_field("text", wording.ANSWER_TEXT_LABEL),
            Field("anonymous", FieldKind.YES_NO, wording.ANSWER_ANONYMOUS_LABEL, optional=True),
        ),
        state=(("question", question_id),),
    )


class Entries:
    """Run it past someone's entries, bound to the service."""

    def __init__(self, advice: Advice) -> None:
        self.advice = advice

    def catalogue(self) -> Catalogue:
        return Catalogue.of(
            [
                Command("runitpast", wording.QUESTION_SUMMARY, self.start, SLASH),
                FormSpec(QUESTION, lambda _c, _s: question_form(), self.ask),
                FormSpec(ANSWER, lambda _c, s: answer_form(s.get("question", "")), self.answer),
                Tap(AdviceAction.ANSWER, lambda _c, value: Opens(answer_form(value))),
                Tap(AdviceAction.CAN_HELP, self.can_help),
                Tap(AdviceAction.HELPFUL, self.helpful),
            ]
        )

    def start(self, _caller: Caller, words: str) -> Reply:
        return prefilled(question_form, words)

    def ask(self, caller: Caller, answers: Answers) -> Reply:
        topic, urgency = answers.choice("topic"), answers.choice("urgency")
        request = QuestionRequest(
            text=answers.text("text"),
            colleague=answers.person("colleague"),
            anonymous=answers.yes("anonymous"),
            free_now=urgency == Urgency.NOW and answers.yes("free"),
            topic=Topic(topic) if topic else None,
            urgency=Urgency(urgency) if urgency else None,
        )
        outcome = self.advice.ask(caller, request=request, key=answers.key)
        done = wording.question_done(
            outcome.where, anonymous=outcome.anonymous, to_colleague=bool(request.colleague)
        )
        if outcome.free:
            done = wording.question_to_free(outcome.free, anonymous=outcome.anonymous)
        elif outcome.fell_back:
            done = Text(wording.NOBODY_FREE, done)
        return said(done, safety_words.CRISIS_REPLY if outcome.signposted else "")

    def answer(self, caller: Caller, answers: Answers) -> Reply:
        receipt = self.advice.answer(
            caller,
            question_id=answers.state.get("question", ""),
            text=answers.text("text"),
            anonymous=answers.yes("anonymous"),
            key=answers.key,
        )
        return said(receipt)

    def can_help(self, caller: Caller, question_id: str) -> Reply:
        return said(self.advice.can_help(caller, question_id=question_id))

    def helpful(self, caller: Caller, answer_id: str) -> Reply:
        return said(self.advice.helpful(caller, answer_id=answer_id))


def catalogue(advice: Advice) -> Catalogue:
    """Run it past someone's entries, bound to the service."""
    return Entries(advice).catalogue()
