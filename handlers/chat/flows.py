"""Rant, run it past someone, and the buttons under messages, as questions in the local chat."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from bot.advice import wording as advice_words
from bot.advice.service import QuestionRequest
from bot.advice.values import Topic, Urgency
from bot.checkins import wording as checkins_words
from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.core.message import Action
from bot.core.text import Words
from bot.core.values import Platform
from bot.protected_time.service import ANSWERS
from bot.rants import wording as rants_words
from bot.rants.service import RantRequest
from bot.rants.values import RantDestination
from bot.safety.checks import Unsafe

if TYPE_CHECKING:
    from handlers.chat.console import Session

YES = ("y", "yes")


TRIES = 3
GIVE_UP = "Let's leave that there; nothing was sent."


def choose(session: Session, label: str, choices: dict[str, str], optional: bool) -> str | None:
    session.say(label)
    keys = list(choices)
    for i, key in enumerate(keys, start=1):
        session.say(f"    {i}. {choices[key]}")
    for _ in range(TRIES):
        answer = session.ask("Number" + (" (or Enter to skip)" if optional else "") + "?")
        if optional and not answer:
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(keys):
            return keys[int(answer) - 1]
        session.say(f"Please answer with a number from 1 to {len(keys)}.")
    raise Refused(GIVE_UP)


def pick_colleague(session: Session, prompt: str, optional: bool) -> str:
    for _ in range(TRIES):
        name = session.ask(prompt)
        if not name and optional:
            return ""
        person = session.world.find_person(name) if name else None
        if person is not None:
            return person.user_id
        session.say("I don't know who that is. Try Asha, Ben, Chloe, Dev or Emma.")
    raise Refused(GIVE_UP)


def _send_guarded(session: Session, text: str, send: object) -> None:
    """Run `send(text)`; if the guard objects, show why and offer the redacted version."""
    assert callable(send)
    try:
        said = send(text)
        if said:
            session.say(said)
    except Unsafe as unsafe:
        session.say(unsafe.explanation)
        redacted = unsafe.redacted(text)
        session.say(f"    {redacted}")
        choice = session.ask("Send this version? (yes / edit / no)").lower()
        if choice in YES:
            _send_guarded(session, redacted, send)
        elif choice == "edit":
            _send_guarded(session, session.ask(rants_words.RANT_TEXT_LABEL), send)
        else:
            session.say("Not sent; nothing was kept.")


def rant(session: Session, rest: str) -> None:
    """`rant [text]`."""
    session.say(rants_words.RANT_INTRO)
    text = rest or session.ask(rants_words.RANT_TEXT_LABEL)
    where = choose(session, rants_words.RANT_WHERE_LABEL, rants_words.RANT_DESTINATIONS, False)
    destination = RantDestination(where or RantDestination.JUST_OUT)
    colleague = ""
    if destination is RantDestination.COLLEAGUE:
        colleague = pick_colleague(session, "Which colleague (e.g. Ben)?", optional=False)
    if destination is RantDestination.SPACE_ANONYMOUS:
        session.say(core_words.ANONYMITY_HONESTY)
    key = f"chat:{uuid.uuid4()}"

    def send(words: str) -> Words:
        request = RantRequest(session.me, words, destination, colleague)
        outcome = session.services.rants.submit(
            platform=Platform.CHAT, directory=session.directory, request=request, key=key
        )
        return rants_words.rant_done(outcome.destination, outcome.where)  # help comes as a DM

    _send_guarded(session, text, send)


def ask(session: Session, rest: str) -> None:
    """`runitpast [text]`."""
    session.say(advice_words.QUESTION_INTRO)
    text = rest or session.ask(advice_words.QUESTION_TEXT_LABEL)
    colleague = pick_colleague(
        session, "Ask one colleague (a name), or Enter for the advice channel:", optional=True
    )
    anonymous = session.ask(advice_words.QUESTION_ANONYMOUS_LABEL + "? (y/N)").lower() in YES
    topic = choose(session, advice_words.TOPIC_LABEL, advice_words.TOPICS, True)
    urgency = choose(session, advice_words.URGENCY_LABEL, advice_words.URGENCIES, True)
    key = f"chat:{uuid.uuid4()}"

    def send(words: str) -> Words:
        request = QuestionRequest(
            session.me,
            words,
            colleague,
            anonymous,
            Topic(topic) if topic else None,
            Urgency(urgency) if urgency else None,
        )
        outcome = session.services.advice.ask(
            platform=Platform.CHAT, directory=session.directory, request=request, key=key
        )
        # Crisis help, if needed, arrives as its own private message.
        return advice_words.question_done(
            outcome.where, anonymous=anonymous, to_colleague=bool(colleague)
        )

    _send_guarded(session, text, send)


def press(session: Session, rest: str) -> None:
    """`press N.i`: tap button i under message [N]."""
    ref, _, index = rest.partition(".")
    posted = next((p for p in session.world.posted if p.ref == ref), None)
    buttons = posted.delivery.message.buttons if posted else ()
    if posted is None or not index.isdigit() or not 1 <= int(index) <= len(buttons):
        session.say("There's no such button. Buttons look like [3.1] under a message.")
        return
    if posted.where.startswith("DM to ") and posted.delivery.target != session.me:
        raise Refused("That message isn't yours to answer: it was sent to someone else.")
    button = buttons[int(index) - 1]
    action = Action(button.action)
    said = _week_tap(session, action, button.value)
    session.say(said if said is not None else _tap(session, action, button.value))


def _tap(session: Session, action: Action, value: str) -> str:
    common = {"platform": Platform.CHAT, "directory": session.directory}
    services = session.services
    if action in (Action.HEAR_YOU, Action.COFFEE):
        return services.rants.reply(**common, responder=session.me, rant_id=value, action=action)
    if action is Action.CAN_HELP:
        return services.advice.can_help(**common, helper=session.me, question_id=value)
    if action is Action.HELPFUL:
        return services.advice.helpful(**common, presser=session.me, answer_id=value)
    anonymous = session.ask(advice_words.ANSWER_ANONYMOUS_LABEL + "? (y/N)").lower() in YES
    key = f"chat:{uuid.uuid4()}"
    result: list[str] = []

    def send(words: str) -> Words:
        result.append(
            services.advice.answer(
                **common,
                helper=session.me,
                question_id=value,
                text=words,
                anonymous=anonymous,
                key=key,
            )
        )
        return ""

    _send_guarded(session, session.ask(advice_words.ANSWER_TEXT_LABEL), send)
    return result[-1] if result else ""


def _week_tap(session: Session, action: Action, value: str) -> str | None:
    """Protected-time, nudge and check-in buttons: the services decide, the chat translates."""
    mine = {"platform": Platform.CHAT, "directory": session.directory, "user": session.me}
    services = session.services
    if action in ANSWERS:
        return services.protected_time.answer(**mine, action=action, value=value)
    if action is Action.NUDGE_SNOOZE:
        return services.preferences.snooze(**mine, weeks=int(value or 1))
    if action is Action.NUDGE_OFF:
        return services.preferences.nudges_off(**mine)
    if action is Action.CHECKIN_SCORE:
        return services.checkins.answer(**mine, value=value)
    if action is Action.CHECKIN_NO:
        return checkins_words.CHECKIN_NO_REPLY
    if action in (Action.CHECKIN_MATCH, Action.CHECKIN_CHOOSE):
        colleague = ""
        if action is Action.CHECKIN_CHOOSE:
            colleague = pick_colleague(session, "Which colleague (e.g. Ben)?", optional=False)
        return services.checkins.ask_colleague(**mine, checkin_id=int(value), colleague=colleague)
    return None
