"""Your week and the practice's protected time, as commands in the local chat."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from bot.checkins import wording as checkins_words
from bot.core import wording as core_words
from bot.core.calendar import Region
from bot.core.errors import Refused
from bot.core.text import Text
from bot.core.values import Platform, Role
from bot.core.week import DayPart, Slot, SlotKind
from bot.preferences import wording as preferences_words
from bot.protected_time import wording as protected_time_words
from bot.protected_time.service import SlotRequest
from handlers.chat.flows import TRIES, choose
from handlers.chat.world import CHANNELS

if TYPE_CHECKING:
    from handlers.chat.console import Session

T = TypeVar("T")
HH_MM = re.compile(r"(\d{1,2}):(\d{2})")
USAGE = {
    "nudges": "Say `nudges on` or `nudges off`.",
    "checkins": "Say `checkins on`, `checkins off`, or `checkins` for your own trend.",
    "protected": "Say `protected`, `protected add` or `protected remove N`.",
}


# --- asking, kindly ---------------------------------------------------------------------------
def retry(
    session: Session, prompt: str, parse: Callable[[str], T], problem: str, first: str = ""
) -> T:
    """Ask until `parse` takes the answer; a miss (ValueError, or a refused field) asks again."""
    pending = [first] if first else []
    for _ in range(TRIES):
        answer = pending.pop() if pending else session.ask(prompt + "?")
        try:
            return parse(answer)
        except ValueError:
            session.say(problem)
        except Refused as refusal:
            if not refusal.field:
                raise
            session.say(refusal.text)
    raise Refused(core_words.NOTHING_CHANGED)


def _pick(session: Session, label: str, choices: dict[str, str]) -> str:
    picked = choose(session, label, choices, optional=False)
    assert picked is not None  # choose() only skips when optional
    return picked


def _date(text: str) -> date:
    return date.fromisoformat(text.strip())


def _optional_date(text: str) -> date | None:
    return _date(text) if text.strip() else None


def _weekday(text: str) -> int:
    wanted = text.strip().lower()
    days = [i for i, day in enumerate(core_words.DAY_NAMES) if day.lower().startswith(wanted)]
    if len(wanted) < 3 or len(days) != 1:
        raise ValueError(text)
    return days[0]


def _clock(text: str) -> time:
    found = HH_MM.fullmatch(text.strip())
    if found is None:
        raise ValueError(text)
    return time(int(found[1]), int(found[2]))  # 25:00 is a ValueError too


def _minutes(text: str) -> int:
    minutes = int(text.strip())
    if not 5 <= minutes <= 180:
        raise ValueError(text)
    return minutes


def _mine(session: Session) -> dict[str, Any]:
    return {"platform": Platform.CHAT, "directory": session.directory, "user": session.me}


def _home(session: Session) -> Any:
    return session.services.practices.home(
        platform=Platform.CHAT, directory=session.directory, user_id=session.me
    )


def _lead(session: Session) -> dict[str, Any]:
    """The practice's say-so that you are a lead (the services check again when saving)."""
    if not _home(session).is_lead:
        raise Refused(core_words.ONLY_LEADS)
    return {"platform": Platform.CHAT, "directory": session.directory, "actor": session.me}


def _today(session: Session) -> date:
    zone = ZoneInfo(_home(session).practice.timezone)
    return session.services.clock.now().astimezone(zone).date()


# --- a GP's own week --------------------------------------------------------------------------
def week(session: Session, rest: str) -> None:
    """`week` shows your week; `week set` changes your surgeries, `week quiet` your quiet hours."""
    word, _, sessions = rest.partition(" ")
    if word.lower() == "set":
        _set_week(session, sessions.strip())
        return
    if word.lower() == "quiet":
        _set_quiet(session)
        return
    prefs = session.services.preferences.get(**_mine(session))
    pattern = prefs.pattern
    session.say(preferences_words.WEEK_TITLE)
    for line in (
        preferences_words.surgeries_line(pattern.sessions, prefs.customised),
        preferences_words.quiet_line(pattern.quiet),
        preferences_words.nudges_line(prefs.nudges_on, prefs.snoozed_until, _today(session)),
        preferences_words.checkins_line(prefs.checkins_on),
        preferences_words.leave_line(list(pattern.leave)),
        preferences_words.paused(pattern.paused_until),
    ):
        session.say("    " + line)


def _set_quiet(session: Session) -> None:
    start = retry(session, preferences_words.QUIET_FROM_LABEL, _clock, core_words.BAD_TIME)
    end = retry(session, preferences_words.QUIET_TO_LABEL, _clock, core_words.BAD_TIME)
    prefs = session.services.preferences.change(**_mine(session), quiet=(start, end))
    session.say(
        preferences_words.PREFS_SAVED + " " + preferences_words.quiet_line(prefs.pattern.quiet)
    )


def _set_week(session: Session, first: str) -> None:
    def save(text: str) -> Any:
        if not text:
            return None
        return session.services.preferences.change(**_mine(session), sessions=text)

    prefs = retry(
        session, preferences_words.SURGERIES_LABEL, save, preferences_words.BAD_SESSIONS, first
    )
    if prefs is None:
        session.say(core_words.NOTHING_CHANGED)
        return
    session.say(
        preferences_words.PREFS_SAVED
        + " "
        + preferences_words.surgeries_line(prefs.pattern.sessions, True)
    )


def leave(session: Session, rest: str) -> None:
    """`leave`: a first and last day, inclusive; `leave clear` cancels it all."""
    if rest.strip().lower() == "clear":
        session.say(session.services.preferences.clear_leave(**_mine(session)))
        return
    starts = retry(session, preferences_words.LEAVE_STARTS_LABEL, _date, core_words.BAD_DATE)

    def save(text: str) -> date:
        ends = _date(text)
        session.services.preferences.add_leave(**_mine(session), starts=starts, ends=ends)
        return ends

    ends = retry(session, preferences_words.LEAVE_ENDS_LABEL, save, core_words.BAD_DATE)
    session.say(preferences_words.leave_saved(starts, ends))


def pause(session: Session, rest: str) -> None:
    """`pause`: nothing at all until a date; Enter unpauses."""
    until = retry(session, preferences_words.PAUSE_LABEL, _optional_date, core_words.BAD_DATE, rest)
    session.services.preferences.change(**_mine(session), paused_until=until)
    session.say(preferences_words.paused(until))


def nudges(session: Session, rest: str) -> None:
    """`nudges on|off`."""
    if rest.lower() not in ("on", "off"):
        session.say(USAGE["nudges"])
        return
    on = rest.lower() == "on"
    session.services.preferences.change(**_mine(session), nudges_on=on, snoozed_until=None)
    session.say(preferences_words.NUDGES_NOW_ON if on else preferences_words.NUDGES_NOW_OFF)


def checkins(session: Session, rest: str) -> None:
    """`checkins on|off`, or `checkins` for your own answers (only you see them)."""
    if not rest:
        history = session.services.checkins.trend(**_mine(session))
        session.say(
            checkins_words.trend([(c.week, c.score) for c in history if c.score is not None])
        )
    elif rest.lower() in ("on", "off"):
        on = rest.lower() == "on"
        session.services.preferences.change(**_mine(session), checkins_on=on)
        session.say(preferences_words.CHECKINS_NOW_ON if on else preferences_words.CHECKINS_NOW_OFF)
    else:
        session.say(USAGE["checkins"])


def role(session: Session, _rest: str) -> None:
    """`role`: partner, salaried, locum or trainee."""
    picked = _pick(session, preferences_words.ROLE_LABEL, preferences_words.ROLE_LABELS)
    session.services.preferences.set_role(**_mine(session), role=Role(picked))
    session.say(preferences_words.role_saved(preferences_words.ROLE_LABELS[picked]))


# --- leads: protected time, closures, bank holidays -------------------------------------------
def protected(session: Session, rest: str) -> None:
    """`protected`, `protected add`, `protected remove N`."""
    word, _, number = rest.partition(" ")
    if not word:
        _list_slots(session)
    elif word.lower() == "add":
        _add_slot(session)
    elif word.lower() == "remove":
        _remove_slot(session, number.strip())
    else:
        session.say(USAGE["protected"])


def _describe(slot: Slot) -> Text:
    return protected_time_words.slot_line(
        slot.kind, slot.weekday, slot.start, slot.minutes, slot.every_weeks, slot.channel_name
    )


def _slots(session: Session) -> list[Slot]:
    found: list[Slot] = session.services.protected_time.slots(
        platform=Platform.CHAT, directory=session.directory
    )
    return found


def _list_slots(session: Session) -> None:
    slots = _slots(session)
    session.say(protected_time_words.SLOTS_TITLE if slots else protected_time_words.NO_SLOTS)
    for slot in slots:
        session.say(f"    {slot.id}. {_describe(slot)}")


def _add_slot(session: Session) -> None:
    lead = _lead(session)
    request = SlotRequest(
        weekday=retry(
            session, protected_time_words.SLOT_DAY_LABEL, _weekday, protected_time_words.BAD_DAY
        ),
        start=retry(session, protected_time_words.SLOT_START_LABEL, _clock, core_words.BAD_TIME),
        minutes=retry(
            session,
            protected_time_words.SLOT_MINUTES_LABEL,
            _minutes,
            protected_time_words.BAD_MINUTES,
        ),
        every_weeks=int(
            _pick(session, protected_time_words.SLOT_REPEAT_LABEL, protected_time_words.REPEATS)
        ),
        channel=_pick(
            session, protected_time_words.SLOT_CHANNEL_LABEL, {c: f"#{c}" for c in CHANNELS}
        ),
        kind=SlotKind(_pick(session, protected_time_words.SLOT_KIND_LABEL, core_words.KIND_LABELS)),
    )
    slot, first = session.services.protected_time.add_slot(**lead, request=request)
    session.say(protected_time_words.slot_saved(_describe(slot), first))


def _remove_slot(session: Session, number: str) -> None:
    lead = _lead(session)
    if not number.isdigit() or int(number) not in {s.id for s in _slots(session)}:
        session.say(protected_time_words.NO_SUCH_SLOT)
        return
    session.services.protected_time.remove_slot(**lead, slot_id=int(number))
    session.say(protected_time_words.SLOT_REMOVED)


def closure(session: Session, _rest: str) -> None:
    """`closure`: a closed or protected-learning day (or half day) skips protected time."""
    lead = _lead(session)
    day = retry(session, protected_time_words.CLOSURE_DAY_LABEL, _date, core_words.BAD_DATE)
    part = _pick(
        session, protected_time_words.CLOSURE_PART_LABEL, protected_time_words.CLOSURE_PARTS
    )
    reason = _pick(
        session, protected_time_words.CLOSURE_REASON_LABEL, protected_time_words.CLOSURE_REASONS
    )
    session.services.protected_time.add_closure(
        **lead, closure_day=day, part=DayPart(part), reason=reason
    )
    session.say(protected_time_words.CLOSURE_SAVED)


def region(session: Session, _rest: str) -> None:
    """`region`: whose bank holidays protected time skips."""
    lead = _lead(session)
    picked = _pick(session, protected_time_words.REGION_LABEL, protected_time_words.REGIONS)
    session.services.protected_time.set_region(**lead, region=Region(picked))
    session.say(
        protected_time_words.REGION_SAVED.format(region=protected_time_words.REGIONS[picked])
    )


COMMANDS: dict[str, Callable[[Session, str], None]] = {
    "week": week,
    "leave": leave,
    "pause": pause,
    "nudges": nudges,
    "checkins": checkins,
    "role": role,
    "protected": protected,
    "closure": closure,
    "region": region,
}
