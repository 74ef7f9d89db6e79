"""Pool the work's form, buttons, command (/pool) and its part of the home, as data."""

from __future__ import annotations

from dataclasses import replace

from bot.core.home import HomeView
from bot.core.message import Button
from bot.core.text import Text, Words
from bot.core.values import Caller
from bot.safety import wording as safety_words
from bot.ui.catalogue import Catalogue, Command, FormSpec, Reply, Slash, Tap, prefilled, said
from bot.ui.forms import Answers, Field, FieldKind, Form, choices, words_field
from bot.ui.page import Block, controls, divider, heading, note
from bot.workload import wording
from bot.workload.service import PoolRequest, Workload
from bot.workload.values import Destination, Due, PoolAction, TaskKind

POOL = "pool_form"
START = "pool.start"

SLASH = Slash("/pool", "Swamped? Offer tasks colleagues could take", "[what could move]")


def pool_form(words: str = "", notice: Words = "") -> Form:
    """'I'm swamped': the tasks that could move, how many, by when, and to whom."""
    return Form(
        id=POOL,
        title=wording.TITLE,
        intro=Text(wording.INTRO),
        fields=(
            Field(
                "tasks",
                FieldKind.CHOICES,
                wording.TASKS_LABEL,
                choices=choices(wording.TASK_LABELS),
            ),
            Field(
                "how_many",
                FieldKind.CHOICE,
                wording.HOW_MANY_LABEL,
                choices=choices(wording.HOW_MANY),
                initial="1",
            ),
            Field(
                "due",
                FieldKind.CHOICE,
                wording.DUE_LABEL,
                choices=choices(wording.DUES),
                initial="today",
            ),
            Field(
                "to",
                FieldKind.CHOICE,
                wording.TO_LABEL,
                choices=choices(wording.DESTINATIONS),
                initial="free_first",
            ),
            replace(words_field("text", wording.NOTE_LABEL, words), optional=True),
        ),
        notice=Text(notice),
    )


def section(_view: HomeView) -> list[Block]:
    """Pool the work, one tap from home."""
    return [
        divider(),
        heading(wording.TITLE),
        note(wording.INTRO),
        controls(Button(START, wording.TITLE, primary=True)),
    ]


class Entries:
    """Pool the work's entries, bound to the service."""

    def __init__(self, service: Workload) -> None:
        self.service = service

    def catalogue(self) -> Catalogue:
        return Catalogue.of(
            [
                Command("pool", wording.SUMMARY, self.start, SLASH),
                FormSpec(POOL, lambda _c, _s: pool_form(), self.send),
                Tap(START, lambda caller, _v: self.start(caller, "")),
                Tap(PoolAction.CLAIM, lambda caller, v: said(self.service.claim(caller, v))),
                Tap(PoolAction.THANK, lambda caller, v: said(self.service.thank(caller, v))),
                Tap(PoolAction.WITHDRAW, lambda caller, v: said(self.service.withdraw(caller, v))),
            ]
        )

    def start(self, _caller: Caller, words: str) -> Reply:
        return prefilled(pool_form, words)

    def send(self, caller: Caller, answers: Answers) -> Reply:
        request = PoolRequest(
            tasks=tuple(TaskKind(t) for t in answers.choices("tasks")),
            how_many=answers.number("how_many"),
            due=Due(answers.choice("due")),
            to=Destination(answers.choice("to")),
            note=answers.text("text"),
        )
        done = self.service.pool(caller, request, key=answers.key)
        reply = wording.pooled(done.where, done.reached, fell_back=done.fell_back)
        return said(reply, safety_words.CRISIS_REPLY if done.signposted else "")


def catalogue(service: Workload) -> Catalogue:
    """Pool the work's entries, bound to the service."""
    return Entries(service).catalogue()
