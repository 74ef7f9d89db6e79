"""The local chat's loop: read a line (typed or scripted), call the services Slack calls, print."""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from cryptography.fernet import Fernet

from bot.app.settings import Settings
from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.core.ports import Clock
from bot.core.text import Words
from bot.core.values import Platform, SpacePurpose
from bot.practices import wording as practices_words
from bot.safety.checks import Unsafe
from handlers.chat import flows, week
from handlers.chat.render import plain
from handlers.chat.world import ChatClock, ChatDirectory, ChatMessenger, World

JOBS = ["protected-time", "checkins", "weekly-nudges", "retention"]  # what `jobs` runs, in order
INTRO = """\
Coffee Room, local chat: you are a GP at a sample practice. Nothing leaves this terminal and
nothing is kept when you quit. Type `help` for what you can do, `as <name>` to be someone else
(Asha, Ben, Chloe, Dev, Emma), `quit` to leave.
"""
COMMANDS_HELP = """\
  help                 what Coffee Room is, and these commands
  rant [words]         let off steam: privately, to a colleague, or to the rant channel
  runitpast [question] run a question past colleagues (or one), optionally anonymously
  press N.i            tap button i under message [N] (e.g. press 3.1)
  home                 your Coffee Room home (what a lead sees includes setup)
  week                 your working pattern, nudges, check-ins, leave and pause
  week set             set your surgeries (e.g. mon:am,pm tue:am)
  week quiet           set your quiet hours (nothing from Coffee Room then)
  leave                book leave: nothing from Coffee Room while you're away
  leave clear          cancel the leave you booked
  pause                pause everything until a date (Enter to unpause)
  nudges on|off        the weekly nudge (on unless you turn it off)
  checkins on|off      the weekly private check-in (opt-in); `checkins` shows your own trend
  role                 say whether you're a partner, salaried GP, locum or trainee
  setup                (leads) choose the channels for rants and questions
  protected            (leads) protected time: `protected add`, `protected remove N`
  closure              (leads) a closed or protected-learning day: protected time is skipped
  region               (leads) whose bank holidays the practice keeps
  time [when]          move this chat's clock, e.g. time 2026-11-25T10:20
  jobs                 run the scheduled jobs now, and see what they send
  as <name>            be someone else: Asha (lead), Ben, Chloe (locum), Dev (trainee), Emma
  who                  who you are, and the practice's people
  quit                 leave"""


class Session:
    """One local chat: a sample practice, the services, and who 'you' are."""

    def __init__(self, assembly: Any, world: World, lines: Iterator[str], out: TextIO) -> None:
        self.assembly = assembly
        self.services = assembly.services
        self.world = world
        self.directory = ChatDirectory(world)
        self.lines = lines
        self.out = out
        self.me = "asha"
        self.handlers: dict[str, Callable[[str], None]] = {
            "help": self.help,
            "home": self.home,
            "setup": self.setup,
            "as": self.become,
            "who": self.who,
            "rant": partial(flows.rant, self),
            "runitpast": partial(flows.ask, self),
            "ask": partial(flows.ask, self),
            "press": partial(flows.press, self),
            "time": self.move_time,
            "jobs": self.run_jobs,
            **{name: partial(command, self) for name, command in week.COMMANDS.items()},
        }

    def say(self, text: Words) -> None:
        print(plain(text, self.world.name), file=self.out)

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

    def handle(self, line: str) -> None:
        word, _, rest = line.strip().partition(" ")
        handler = self.handlers.get(word.lower())
        if handler is None:
            self.say(f"I don't know `{word}`. Type `help` for what you can do.")
            return
        try:
            handler(rest.strip())
        except Refused as refusal:
            self.say(refusal.text)
        except Unsafe as unsafe:  # a pre-filled text that the guard objected to
            self.say(unsafe.explanation)
        except EOFError:
            self.say("\n(The input ended part-way through; nothing more was sent.)")
        self.flush()

    def flush(self) -> None:
        """Deliver what the services queued, and print it."""
        self.services.outbox.drain()
        for text in self.world.out:
            self.say(text)
        self.world.out.clear()

    # --- commands -------------------------------------------------------------------------
    def help(self, _rest: str) -> None:
        view = self._home()
        self.say(core_words.help_text(is_lead=view.is_lead))
        self.say("\nIn this local chat:\n" + COMMANDS_HELP)

    def _home(self) -> Any:
        return self.services.practices.home(
            platform=Platform.CHAT, directory=self.directory, user_id=self.me
        )

    def home(self, _rest: str) -> None:
        view = self._home()
        rants, advice = view.spaces.get(SpacePurpose.RANTS), view.spaces.get(SpacePurpose.ADVICE)
        self.say(f"{core_words.NAME}: {view.practice.name}")
        self.say(core_words.WHAT_IT_IS + "\n" + core_words.WHAT_IT_IS_NOT)
        self.say(practices_words.home_role_line(view.member.role))
        self.say(practices_words.home_spaces_line(rants and rants.name, advice and advice.name))
        self.say(practices_words.leads_line(view.leads))
        if view.is_lead and view.needs_setup:
            self.say("You're a lead: type `setup` to choose the channels.")

    def setup(self, _rest: str) -> None:
        self.say(
            practices_words.SETUP_INTRO + " Channels here: #general, #coffee-room, #run-it-past."
        )
        rants = self.ask(practices_words.SETUP_RANTS_LABEL + "?").lstrip("#")
        advice = self.ask(practices_words.SETUP_ADVICE_LABEL + "?").lstrip("#")
        view = self.services.practices.set_spaces(
            platform=Platform.CHAT,
            directory=self.directory,
            actor=self.me,
            channels={SpacePurpose.RANTS: rants, SpacePurpose.ADVICE: advice},
        )
        self.say(
            practices_words.spaces_saved(
                view.spaces[SpacePurpose.RANTS].name, view.spaces[SpacePurpose.ADVICE].name
            )
        )

    def move_time(self, rest: str) -> None:
        """`time 2026-11-25T10:20` (the practice's local time unless a zone is given)."""
        clock = self.services.clock
        assert isinstance(clock, ChatClock)  # run_chat always gives the chat its own clock
        zone = ZoneInfo(self._home().practice.timezone)

        def moment(text: str) -> datetime:
            at = datetime.fromisoformat(text.strip())
            return at if at.tzinfo else at.replace(tzinfo=zone)

        if rest:
            clock.set(week.retry(self, "When", moment, core_words.BAD_MOMENT, rest))
        local = clock.now().astimezone(zone)
        self.say(core_words.now_is(local.date(), local.time()))

    def run_jobs(self, _rest: str) -> None:
        """`jobs`: run what the scheduler would run now, and show what it sent."""
        known = {job.name: job for job in self.assembly.jobs()}
        for name in JOBS:
            known[name].run()
        self.say(core_words.jobs_ran(JOBS))
        self.services.outbox.drain()
        if not self.world.out:
            self.say(core_words.NOTHING_DUE)

    def become(self, rest: str) -> None:
        person = self.world.find_person(rest)
        if person is None:
            self.say("I don't know who that is. Try Asha, Ben, Chloe, Dev or Emma.")
            return
        self.me = person.user_id
        self.say(f"You are now {person.name}.")

    def who(self, _rest: str) -> None:
        view = self._home()
        others = [p.name for p in self.directory.people() if p.is_person_in_workspace]
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
        )
        assembly.services.practices.sync_roster(Platform.CHAT, ChatDirectory(world))
        lines = iter(stdin)
        session = Session(assembly, world, lines, out)
        print(INTRO, file=out)
        while True:
            if stdin.isatty():
                out.write(f"{world.name(session.me)}> ")
                out.flush()
            line = next(lines, None)
            if line is None or line.strip().lower() in ("quit", "exit"):
                break
            if not stdin.isatty():
                out.write(f"{world.name(session.me)}> {line.rstrip()}\n")
            if line.strip():
                session.handle(line)
        assembly.engine.dispose()
    return 0
