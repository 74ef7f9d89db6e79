"""Protected time: leads set recurring slots; the bot makes each one happen and asks if it did.

Serves the moderators protected time, shared space and leadership. For each occurrence, in the
slot's channel: a reminder 10 minutes before, a discussion starter at the start, and a one-tap
"Did you get to take it?" at the end. None of these is a nudge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core.calendar import Region, at, local_date, recurs_on
from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.message import Button, Message
from bot.core.service import PeerService
from bot.core.values import Caller, Practice
from bot.core.week import Closure, DayPart, Slot, SlotKind, skipped
from bot.protected_time import wording
from bot.protected_time.ports import ProtectedTimeTx
from bot.protected_time.values import Phase, SlotAction

REMINDER_BEFORE = timedelta(minutes=10)
ANSWERS = {
    SlotAction.IN: (Phase.REMINDER, "in"),
    SlotAction.OUT: (Phase.REMINDER, "out"),
    SlotAction.YES: (Phase.FOLLOW_UP, "yes"),
    SlotAction.PARTLY: (Phase.FOLLOW_UP, "partly"),
    SlotAction.NO: (Phase.FOLLOW_UP, "no"),
}


@dataclass(frozen=True, slots=True)
class SlotRequest:
    """What a lead filled in."""

    weekday: int
    start: time
    minutes: int
    every_weeks: int
    channel: str
    kind: SlotKind
    first_week: date | None = None


def moments(slot: Slot, day: date, zone: str) -> dict[Phase, tuple[datetime, datetime]]:
    """When each phase of an occurrence may be sent: from its moment until it stops mattering."""
    start = at(day, slot.start, zone)
    end = start + timedelta(minutes=slot.minutes)
    midnight = at(day + timedelta(days=1), time(0, 0), zone)
    return {
        Phase.REMINDER: (start - REMINDER_BEFORE, start),
        Phase.STARTER: (start, end),
        Phase.FOLLOW_UP: (end, midnight),
    }


def first_day(slot: Slot, today: date) -> date:
    """The first day a new slot happens (a fortnightly one always recurs within 14 days)."""
    start = max(slot.anchor, today)
    return next(
        day
        for day in (start + timedelta(days=i) for i in range(15))
        if recurs_on(day, weekday=slot.weekday, every_weeks=slot.every_weeks, anchor=slot.anchor)
    )


class ProtectedTime(PeerService[ProtectedTimeTx]):
    """Slots in, occurrences out: every message claimed once by its (slot, day, phase)."""

    def add_slot(self, caller: Caller, *, request: SlotRequest) -> tuple[Slot, date]:
        """A lead adds a slot (the bot joins its channel); returns it and its first day."""
        if not (
            0 <= request.weekday <= 6
            and 5 <= request.minutes <= 180
            and request.every_weeks in (1, 2)
            and request.channel
        ):
            raise Refused(wording.BAD_SLOT)
        self.practices.authorise(caller, "slot.add")  # before joining: a forged form does nothing
        name = self.practices.join(caller, request.channel)
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            today = local_date(self.clock.now(), practice.timezone)
            anchor = request.first_week or today
            slot = tx.slots.add(
                Slot(
                    0,
                    practice.id,
                    request.channel,
                    name,
                    request.kind,
                    request.weekday,
                    request.start,
                    request.minutes,
                    request.every_weeks,
                    anchor,
                ),
                self.clock.now(),
            )
            self._audit(tx, practice, caller.user, "slot.added", {"slot": slot.id})
        return slot, first_day(slot, today)

    def require_lead(self, caller: Caller) -> None:
        """Refuse kindly unless the caller leads the practice (before a form is even shown)."""
        with self.uow() as tx:
            practice = self.practices.of(tx, caller)
            if caller.user not in tx.leads.list(practice.id):
                raise Refused(wording.PT_ONLY_LEADS)

    def remove_slot(self, caller: Caller, *, slot_id: int) -> None:
        self.practices.authorise(caller, "slot.remove")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            if tx.slots.remove(practice.id, slot_id):
                self._audit(tx, practice, caller.user, "slot.removed", {"slot": slot_id})

    def add_closure(self, caller: Caller, *, closure_day: date, part: DayPart, reason: str) -> None:
        self.practices.authorise(caller, "closure.add")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            tx.closures.add(Closure(practice.id, closure_day, part, reason))
            self._audit(
                tx,
                practice,
                caller.user,
                "closure.added",
                {"day": closure_day.isoformat(), "part": part, "reason": reason},
            )

    def set_region(self, caller: Caller, *, region: Region) -> None:
        self.practices.authorise(caller, "region.set")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            tx.practices.set_region(practice.id, region)
            self._audit(tx, practice, caller.user, "region.set", {"region": region})

    def slots(self, caller: Caller) -> list[Slot]:
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)  # a member's own practice only
            return tx.slots.active(practice.id)

    def _audit(
        self,
        tx: ProtectedTimeTx,
        practice: Practice,
        actor: str,
        action: str,
        detail: dict[str, object],
    ) -> None:
        tx.audit.record(
            practice_id=practice.id, actor=actor, action=action, detail=detail, now=self.clock.now()
        )

    # --- the job --------------------------------------------------------------------------
    def run(self) -> int:
        """Queue every phase that is due now (and still meaningful); returns how many."""
        now = self.clock.now()
        queued = 0
        with self.uow() as tx:
            practices = tx.practices.all()
        for practice in practices:
            with self.uow() as tx:
                queued += self._run_practice(tx, practice, now)
        return queued

    def _run_practice(self, tx: ProtectedTimeTx, practice: Practice, now: datetime) -> int:
        today = local_date(now, practice.timezone)
        days = [today - timedelta(days=1), today, today + timedelta(days=1)]
        closures = tx.closures.between(practice.id, days[0], days[-1])
        queued = 0
        for slot in tx.slots.active(practice.id):
            for day in days:
                if not recurs_on(
                    day, weekday=slot.weekday, every_weeks=slot.every_weeks, anchor=slot.anchor
                ):
                    continue
                if skipped(slot, day, Region(practice.holiday_region), closures):
                    continue
                for phase, (opens, closes) in moments(slot, day, practice.timezone).items():
                    if opens <= now < closes:
                        queued += self._queue(tx, practice, slot, day, phase)
        return queued

    def _queue(
        self, tx: ProtectedTimeTx, practice: Practice, slot: Slot, day: date, phase: Phase
    ) -> int:
        value = f"{slot.id}:{day.isoformat()}"
        if phase is Phase.REMINDER:
            message = Message(
                wording.pt_reminder(slot.kind, slot.start),
                (
                    Button(SlotAction.IN, wording.IM_IN, value, primary=True),
                    Button(SlotAction.OUT, wording.CANT_TODAY, value),
                ),
            )
        elif phase is Phase.STARTER:
            index = (day - slot.anchor).days // 7
            message = Message(wording.pt_starter(slot.kind, index))
        else:
            message = Message(
                wording.PT_FOLLOW_UP,
                tuple(
                    Button(action, wording.TOOK_IT[answer], value)
                    for action, (p, answer) in ANSWERS.items()
                    if p is Phase.FOLLOW_UP
                ),
            )
        added = self.outbox.send(
            tx,
            practice,
            slot.channel_id,
            message,
            f"pt:{slot.id}:{day.isoformat()}:{phase}",
            kind=DeliveryKind.POST,
        )
        return int(added)

    def next_moment(self) -> tuple[datetime, Phase, Slot] | None:
        """The next reminder, starter or follow-up any practice will get (for `jobs list`)."""
        now = self.clock.now()
        found: list[tuple[datetime, Phase, Slot]] = []
        with self.uow() as tx:
            for practice in tx.practices.all():
                today = local_date(now, practice.timezone)
                closures = tx.closures.between(practice.id, today, today + timedelta(days=15))
                for slot in tx.slots.active(practice.id):
                    found += [
                        (opens, phase, slot)
                        for day in (today + timedelta(days=i) for i in range(15))
                        if recurs_on(
                            day,
                            weekday=slot.weekday,
                            every_weeks=slot.every_weeks,
                            anchor=slot.anchor,
                        )
                        and not skipped(slot, day, Region(practice.holiday_region), closures)
                        for phase, (opens, _) in moments(slot, day, practice.timezone).items()
                        if opens >= now
                    ]
        return min(found, key=lambda f: f[0]) if found else None

    def answer(self, caller: Caller, *, action: SlotAction, value: str) -> str:
        """'I'm in', 'Can't today', or whether they got to take it: one answer per person."""
        slot_id, _, day = value.partition(":")
        phase, answer = ANSWERS[action]
        with self.uow() as tx:
            slot = tx.slots.get(int(slot_id))
            self.practices.owning(tx, caller, slot, wording.PT_GONE)
            assert slot is not None  # owning refuses a slot that is gone
            tx.slot_answers.record(
                slot_id=slot.id,
                occurs_on=date.fromisoformat(day),
                user_id=caller.user,
                phase=phase,
                answer=answer,
                now=self.clock.now(),
            )
        return wording.PT_NOTED[answer]
