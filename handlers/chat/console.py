"""The local chat's loop: read a line (typed or scripted), run the catalogue Slack runs, print."""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from cryptography.fernet import Fernet

from bot.app.settings import Settings
from bot.core import wording
from bot.core.errors import Refused
from bot.core.ports import Clock
from bot.core.text import Words
from bot.core.values import Caller, Platform, Role
from bot.ui import flow
from bot.ui.forms import parse_date
from bot.ui.page import Control
from handlers.chat import prompts
from handlers.chat.render import plain
from handlers.chat.world import (
    ROLES,
    WORKSPACE,
    ChatClock,
    ChatDirectory,
    ChatMessenger,
    World,
)

JOBS = ["protected-time", "checkins", "weekly-nudges", "retention"]  # what `jobs` runs, in order
ALIASES = {"ask": "runitpast"}
INTRO = """\
Coffee Room, local chat: you are a GP at a sample practice. Nothing leaves this terminal and
nothing is kept when you quit. Type `help` for what you can do, `as <name>` to be someone else
(Asha, Ben, Chloe, Dev, Emma), `quit` to leave.
"""
BUILT_INS = """\
  home                 your Coffee Room home; `press h1` uses its first control
  press N.i            tap button i under message [N] (e.g. press 3.1)
  time [when]          move this chat's clock, e.g. time 2026-11-25T10:20
  jobs                 run the scheduled jobs now, and see what they send
  as <name>            be someone else: Asha (lead), Ben, Chloe (locum), Dev (trainee), Emma
  who                  who you are, and the practice's people
  quit                 leave"""
NO_SUCH_BUTTON = "There's no such button. Buttons look like [3.1] under a message, [h2] on home."


class Session:
    """One local chat: a sample practice, the services, and who 'you' are."""

    def __init__(self, assembly: Any, world: World, lines: Iterator[str], out: TextIO) -> None:
        self.assembly = assembly
        self.services = assembly.services
        self.catalogue = self.services.catalogue
        self.world = world
        self.lines = lines
        self.out = out
        self.me = "asha"
        self.home_controls: list[Control] = []
        self.built_ins: dict[str, Callable[[str], None]] = {
            "help": self.help,
            "home": self.home,
            "press": self.press,
            "as": self.become,
            "who": self.who,
            "time": self.move_time,
            "jobs": self.run_jobs,
        }

    @property
    def caller(self) -> Caller:
        return Caller(Platform.CHAT, WORKSPACE[0], self.me)

    def say(self, text: Words | object) -> None:
        words = text if isinstance(text, str) else plain(text, self.world.name)  # type: ignore[arg-type]
        print(words, file=self.out)

    def ask(self, prompt: str) -> str:
        """A form field becomes a prompt; scripted input answers it from the next line."""
        self.out.write(f"  {prompt} ")
        self.out.flush()
        answer = next(self.lines, None)
        if answer is None:
            raise EOFError  # the script ended part-way through a form
        answer = answer.rstrip("\n")
        if not self.out.isatty():
            self.out.write(answer + "\n")
        return answer.strip()

    def show(self, outcome: flow.Done | flow.Open) -> None:
        """Print a reply, or fill in the form it opened."""
        if isinstance(outcome, flow.Open):
            prompts.fill(self, outcome.form)
            return
        for paragraph in (outcome.said.text, *outcome.said.more):
            self.say(paragraph)

    def handle(self, line: str) -> None:
        word, _, rest = line.strip().partition(" ")
        name = ALIASES.get(word.lower(), word.lower())
        try:
            if name in self.built_ins:
                self.built_ins[name](rest.strip())
            elif name in self.catalogue.commands:
                self.show(flow.command(self.catalogue, self.caller, name, rest.strip()))
            else:
                self.say(f"I don't know `{word}`. Type `help` for what you can do.")
        except Refused as refusal:
            self.say(refusal.text)
        except EOFError:
            self.say("\n(The input ended part-way through; nothing more was sent.)")
        self.flush()

    def flush(self) -> None:
        """Deliver what the services queued, and print it."""
        self.services.outbox.drain()
        for text in self.world.out:
            self.say(text)
        self.world.out.clear()

    # --- what only the local chat has ---------------------------------------------------------
    def help(self, _rest: str) -> None:
        self.show(flow.command(self.catalogue, self.caller, "help"))
        commands = sorted(self.catalogue.commands.values(), key=lambda c: c.name)
        self.say("\nIn this local chat:")
        names: dict[str, list[str]] = {}  # one line per command, its other names beside it
        for command in commands:
            names.setdefault(str(command.summary), []).append(command.name)
        for summary, same in names.items():
            self.say(f"  {', '.join(same):<20} {summary}")
        self.say(BUILT_INS)

    def home(self, _rest: str) -> None:
        self.home_controls = prompts.page_lines(self.services.home(self.caller), self.say)

    def press(self, rest: str) -> None:
        """`press N.i`: tap button i under message [N]; `press hN`: control N on your home."""
        if rest.lower().startswith("h") and rest[1:].isdigit():
            self._press_home(int(rest[1:]))
            return
        ref, _, index = rest.partition(".")
        posted = next((p for p in self.world.posted if p.ref == ref), None)
        buttons = posted.delivery.message.buttons if posted else ()
        if posted is None or not index.isdigit() or not 1 <= int(index) <= len(buttons):
            self.say(NO_SUCH_BUTTON)
            return
        if posted.where.startswith("DM to ") and posted.delivery.target != self.me:
            raise Refused("That message isn't yours to answer: it was sent to someone else.")
        button = buttons[int(index) - 1]
        self.show(flow.tap(self.catalogue, self.caller, button.action, button.value))

    def _press_home(self, number: int) -> None:
        if not 1 <= number <= len(self.home_controls):
            self.say(NO_SUCH_BUTTON)
            return
        control = self.home_controls[number - 1]
        value = prompts.control_value(self, control)
        self.show(flow.tap(self.catalogue, self.caller, control.action, value))

    def move_time(self, rest: str) -> None:
        """`time 2026-11-25T10:20` (the practice's local time unless a zone is given)."""
        clock = self.services.clock
        assert isinstance(clock, ChatClock)  # run_chat always gives the chat its own clock
        zone = ZoneInfo(self.services.practices.home(self.caller).practice.timezone)
        if rest:
            try:
                at = datetime.fromisoformat(rest.strip())
            except ValueError:
                try:
                    at = datetime.combine(parse_date(rest), datetime.min.time())
                except Refused:
                    self.say(wording.BAD_MOMENT)
                    return
            clock.set(at if at.tzinfo else at.replace(tzinfo=zone))
        local = clock.now().astimezone(zone)
        self.say(wording.now_is(local.date(), local.time()))

    def run_jobs(self, _rest: str) -> None:
        """`jobs`: run what the scheduler would run now, and show what it sent."""
        known = {job.name: job for job in self.assembly.jobs()}
        for name in JOBS:
            known[name].run()
        self.say(wording.jobs_ran(JOBS))
        self.services.outbox.drain()
        if not self.world.out:
            self.say(wording.NOTHING_DUE)

    def become(self, rest: str) -> None:
        person = self.world.find_person(rest)
        if person is None:
            self.say("I don't know who that is. Try Asha, Ben, Chloe, Dev or Emma.")
            return
        self.me = person.user_id
        self.home_controls = []
        self.say(f"You are now {person.name}.")

    def who(self, _rest: str) -> None:
        view = self.services.practices.home(self.caller)
        others = [p.name for p in ChatDirectory(self.world).people() if p.is_person_in_workspace]
        lead = " (a practice lead)" if view.is_lead else ""
        self.say(f"You are {self.world.name(self.me)}{lead}. The practice: {', '.join(others)}.")


def run_chat(
    settings: Settings,
    clock: Clock,
    *,
    build: Callable[..., Any],
    stdin: TextIO | None = None,
    out: TextIO | None = None,
) -> int:
    """Run the local chat on a temporary database until `quit` or the end of input."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    world = World()
    clock = ChatClock(clock.now())  # from the real time, or --now; `time` moves it
    with tempfile.TemporaryDirectory(prefix="coffeeroom-chat-") as tmp:
        local = dataclasses.replace(
            settings,
            database_url=f"sqlite:///{Path(tmp) / 'chat.db'}",
            key_file=str(Path(tmp) / "chat.key"),
            secret_key=Fernet.generate_key().decode(),  # lives and dies with this chat
        )
        assembly = build(
            local,
            clock=clock,
            with_slack=False,
            extra_messengers={Platform.CHAT: ChatMessenger(world)},
            extra_directories={Platform.CHAT: lambda _workspace: ChatDirectory(world)},
        )
        assembly.services.practices.sync_roster(Platform.CHAT, ChatDirectory(world))
        for user, role in ROLES.items():
            caller = Caller(Platform.CHAT, WORKSPACE[0], user)
            assembly.services.preferences.set_role(caller, role=Role(role))
        _loop(Session(assembly, world, iter(stdin), out), stdin, out)
        assembly.engine.dispose()
    return 0


def _loop(session: Session, stdin: TextIO, out: TextIO) -> None:
    print(INTRO, file=out)
    name = session.world.name
    while True:
        if stdin.isatty():
            out.write(f"{name(session.me)}> ")
            out.flush()
        line = next(session.lines, None)
        if line is None or line.strip().lower() in ("quit", "exit"):
            return
        if not stdin.isatty():
            out.write(f"{name(session.me)}> {line.rstrip()}\n")
        if line.strip():
            session.handle(line)
