"""Run it past someone: a question to the advice space or one colleague, optionally anonymous.

Serves professional advice (13 of 15 GPs), and the moderators approachability, hierarchy and
siloes: a trainee can ask the partners without putting their name to it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.advice import messages, wording
from bot.advice.free import colleagues_free, new_question, post_to_free
from bot.advice.ports import AdviceTx
from bot.advice.values import FREE_NOW, Answer, Question, Topic, Urgency
from bot.core import wording as core_words
from bot.core.delivery import DeliveryKind, SentRef
from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.service import PeerService
from bot.core.text import Text
from bot.core.values import Caller, Member, Practice, SpacePurpose
from bot.safety import checks as safety
from bot.safety import wording as safety_words

QUESTION_LIFETIME = timedelta(days=30)  # then the relay link to an anonymous asker is destroyed


@dataclass(frozen=True, slots=True)
class QuestionRequest:
    """What the asker filled in."""

    text: str
    colleague: str = ""  # '' for the advice space
    anonymous: bool = False
    topic: Topic | None = None
    urgency: Urgency | None = None
    free_now: bool = False  # to colleagues free now first (the advice space if nobody is)


@dataclass(frozen=True, slots=True)
class QuestionOutcome:
    """Where the question went, for the confirmation."""

    where: str
    anonymous: bool
    signposted: bool
    free: int = 0  # colleagues free now it reached
    fell_back: bool = False  # they asked for colleagues free now, and nobody was


class Advice(PeerService[AdviceTx]):
    """Questions out, answers and offers of help back, privately where the asker is anonymous."""

    lifetime = QUESTION_LIFETIME

    def ask(self, caller: Caller, *, request: QuestionRequest, key: str) -> QuestionOutcome:
        """Guard, then post the question; `key` makes a resubmission a no-op."""
        text, signposted = safety.guarded(
            self, caller, request.text, key=key, private=request.anonymous
        )
        wants_free = request.free_now and not request.colleague
        free = colleagues_free(self, caller) if wants_free else []
        practice, _, space = self.practices.ready(
            caller,
            need=None if request.colleague or free else SpacePurpose.ADVICE,
        )
        with self.uow() as tx:
            colleague = (
                self.practices.colleague(tx, practice, caller.user, request.colleague)
                if request.colleague
                else None
            )
            if free and tx.events.claim(key, self.clock.now()):
                post_to_free(self, tx, practice, caller.user, request, text, free)
            elif not free and tx.events.claim(key, self.clock.now()):
                self._post(
                    tx,
                    practice,
                    caller.user,
                    request,
                    text,
                    colleague,
                    space.channel_id if space else "",
                )
        where = colleague.name if colleague else (space.name if space else "")
        fell_back = wants_free and not free
        return QuestionOutcome(where, request.anonymous, signposted, len(free), fell_back)

    def _post(
        self,
        tx: AdviceTx,
        practice: Practice,
        asker: str,
        request: QuestionRequest,
        text: str,
        colleague: Member | None,
        channel: str,
    ) -> None:
        question = new_question(
            self, practice, asker, request, colleague.user_id if colleague else ""
        )
        tx.questions.add(question)
        self.outbox.send(
            tx,
            practice,
            colleague.user_id if colleague else channel,
            messages.question(question, asker, text),
            f"question:{question.id}",
            kind=DeliveryKind.DIRECT if colleague else DeliveryKind.POST,
            notify=asker,
            post=question.id,
        )

    def answer(
        self, caller: Caller, *, question_id: str, text: str, anonymous: bool, key: str
    ) -> Text:
        """Post an answer under the question and relay it to the asker; returns the receipt
        (with private help too, if the answerer's own words spoke of crisis)."""
        text, signposted = safety.guarded(self, caller, text, key=key, private=anonymous)
        receipt = self._answer(caller, question_id, text, anonymous, key)
        return Text(receipt, "\n\n", safety_words.CRISIS_REPLY) if signposted else Text(receipt)

    def _answer(
        self, caller: Caller, question_id: str, text: str, anonymous: bool, key: str
    ) -> str:
        with self.uow() as tx:
            practice, question, asker = self._question(tx, caller, question_id)
            landed = tx.outbox.landed(f"question:{question.id}")
            if landed is None and question.colleague != FREE_NOW:
                raise Refused(wording.QUESTION_NOT_LANDED)
            if not tx.events.claim(key, self.clock.now()):
                return wording.ANSWER_SENT
            answer = Answer(
                id=str(uuid.uuid4()),
                question_id=question.id,
                helper="" if anonymous else caller.user,
                helper_sealed=self.cipher.seal(caller.user) if anonymous else "",
                anonymous=anonymous,
                created_at=self.clock.now(),
            )
            tx.answers.add(answer)
            if not (anonymous or question.anonymous):
                tx.contacts.record(practice.id, caller.user, asker, self.clock.now())
            self._deliver_answer(tx, practice, question, asker, answer, landed, text)
        return wording.ANSWER_SENT

    def _deliver_answer(
        self,
        tx: AdviceTx,
        practice: Practice,
        question: Question,
        asker: str,
        answer: Answer,
        landed: SentRef | None,
        text: str,
    ) -> None:
        """Under the question for everyone (in the advice space), and privately to the asker."""
        body = messages.answer_body(answer, text)
        if not question.colleague and landed is not None:
            self.outbox.send(
                tx,
                practice,
                landed.channel,
                Message(body, thread=landed.ref),
                f"answer:{answer.id}",
                kind=DeliveryKind.POST,
                notify=answer.helper or self.cipher.open(answer.helper_sealed),
                post=question.id,
            )
        self.outbox.send(
            tx,
            practice,
            asker,
            messages.receipt(answer, body),
            f"answer-to-asker:{answer.id}",
            private=question.anonymous or answer.anonymous,
            post=question.id,
        )

    def can_help(self, caller: Caller, *, question_id: str) -> str:
        """Tell the asker, privately, that a colleague can help; the asker stays hidden."""
        with self.uow() as tx:
            practice, question, asker = self._question(tx, caller, question_id)
            if not question.anonymous:
                tx.contacts.record(practice.id, caller.user, asker, self.clock.now())
            added = self.outbox.send(
                tx,
                practice,
                asker,
                Message(wording.can_help_relay(caller.user)),
                f"can-help:{question.id}:{caller.user}",
                private=question.anonymous,
                post=question.id,
            )
        return wording.CAN_HELP_SENT if added else core_words.REPLY_ALREADY_SENT

    def helpful(self, caller: Caller, *, answer_id: str) -> str:
        """The asker marks an answer helpful; the helper is thanked (once)."""
        with self.uow() as tx:
            answer = tx.answers.get(answer_id)
            question = tx.questions.get(answer.question_id) if answer else None
            if answer is None or question is None:
                raise Refused(wording.QUESTION_GONE)
            practice = tx.practices.get(question.practice_id)  # the question's own practice
            if self._asker(question) != caller.user:
                raise Refused(wording.ONLY_ASKER)
            if tx.answers.mark_helpful(answer.id):
                helper = answer.helper or self.cipher.open(answer.helper_sealed)
                self.outbox.send(
                    tx,
                    practice,
                    helper,
                    Message(wording.THANKED),
                    f"thanks:{answer.id}",
                    private=answer.anonymous or question.anonymous,
                    post=question.id,
                )
        return wording.THANKS_SENT

    def thread_reply(self, caller: Caller, *, channel: str, thread: str, key: str) -> bool:
        """A native reply under a question: let an anonymous (or busy) asker know, privately."""
        with self.uow() as tx:
            question_key = tx.outbox.key_for(channel, thread)
            if not question_key or not question_key.startswith("question:"):
                return False
            question = tx.questions.get(question_key.split(":", 1)[1])
            if question is None or not tx.events.claim(key, self.clock.now()):
                return False
            asker = self._asker(question)
            if asker == caller.user:
                return False
            practice = tx.practices.get(question.practice_id)  # the question's own practice
            return self.outbox.send(
                tx,
                practice,
                asker,
                Message(wording.THREAD_REPLY_RELAY),
                f"thread-reply:{key}",
                private=question.anonymous,
                post=question.id,
            )

    def _question(
        self, tx: AdviceTx, caller: Caller, question_id: str
    ) -> tuple[Practice, Question, str]:
        question = tx.questions.get(question_id)
        practice = self.practices.owning(tx, caller, question, wording.QUESTION_GONE)
        assert question is not None  # owning refuses a question that is gone
        helper = caller.user
        asker = self._asker(question)
        if asker == helper:
            raise Refused(wording.OWN_QUESTION)
        return practice, question, asker

    def _asker(self, question: Question) -> str:
        return question.asker or (
            self.cipher.open(question.asker_sealed) if question.asker_sealed else ""
        )

    def expire(self, now: datetime, forget_before: datetime, limit: int = 200) -> tuple[int, int]:
        """Destroy expired questions' relay links; forget long-expired ones' bare records."""
        with self.uow() as tx:
            questions = tx.questions.expiring(now, limit)
            for question in questions:
                tx.questions.expire(question.id, now)
                tx.outbox.forget_seals(question.id)
            return len(questions), tx.questions.purge(forget_before)
