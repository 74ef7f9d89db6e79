"""Coffee pairing: opt-in groups of two (a three when the number is odd) every week or fortnight.

Serves familiarity, relatability, siloes and camaraderie. Leads choose how often; a round is
announced a working day ahead with 'skip this round', then drawn (bot/pairing/matching.py: roles
mixed, no repeat within four rounds when avoidable, nobody left out), then followed up with a
one-tap 'did you meet?', which records that they have met (the nudge's 'colleague you haven't
met' reads it). Nothing is sent on bank holidays, closed days, outside the working day, or to
anyone on leave or paused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.calendar import DAYTIME, local_date, recurs_on, week_of
from bot.core.choosing import pick
from bot.core.errors import Refused
from bot.core.message import Button, Message
from bot.core.roles import ROLE_NAMES
from bot.core.service import PeerService, closed_now
from bot.core.values import Caller, Practice, Role
from bot.pairing import wording
from bot.pairing.matching import RECENT_ROUNDS, make_groups, pairs_in
from bot.pairing.ports import PairingTx
from bot.pairing.values import PairingAction, PairingSettings, Round

FOLLOW_UP_AFTER = timedelta(days=3)


@dataclass
class PairingReport:
    """What one run did (counts only)."""

    announced: int = 0
    paired: int = 0
    groups: int = 0
    followed_up: int = 0
    practices: list[int] = field(default_factory=list)


class Pairing(PeerService[PairingTx]):
    """Opting in and out, the leads' setting, and the rounds (the `coffee-pairing` job)."""

    def opt(self, caller: Caller, on: bool) -> str:
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            tx.pairing.opt(practice.id, caller.user, on, self.clock.now())
        return wording.JOINED if on else wording.LEFT

    def status(self, caller: Caller) -> str:
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            settings = tx.pairing.settings(practice.id)
            opted = caller.user in tx.pairing.opted_in(practice.id)
        return wording.status(opted, settings.every_weeks if settings else 0)

    def set_cadence(self, caller: Caller, every_weeks: int) -> str:
        """Leads only: weekly, fortnightly or off, counted from this week."""
        self.practices.authorise(caller, "pairing.cadence")
        now = self.clock.now()
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            monday, _ = week_of(now, practice.timezone)
            tx.pairing.save_settings(PairingSettings(practice.id, every_weeks, monday), now)
            tx.audit.record(
                practice_id=practice.id,
                actor=caller.user,
                action="pairing.cadence",
                detail={"every_weeks": every_weeks},
                now=now,
            )
        return wording.cadence_saved(every_weeks)

    def pair_now(self, caller: Caller) -> str:
        """Leads only: draw this week's round now, without the day's notice."""
        self.practices.authorise(caller, "pairing.now")
        now = self.clock.now()
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            today, (_, week) = local_date(now, practice.timezone), week_of(now, practice.timezone)
            current = tx.pairing.round_of(practice.id, week) or tx.pairing.start_round(
                practice.id, week, today, now
            )
            if current is None or not tx.pairing.claim_draw(current.id, today):
                return wording.ALREADY_DRAWN
            groups, people = self._draw(tx, practice, current, today)
        return wording.drawn(groups, people)

    def skip(self, caller: Caller, round_id: str) -> str:
        with self.uow() as tx:
            _, current = self._round(tx, caller, round_id)
            if current.drawn_on is not None:
                return wording.NOT_IN_ROUND
            tx.pairing.skip(current.id, caller.user)
        return wording.SKIPPED

    def met(self, caller: Caller, round_id: str, met: bool) -> str:
        """'Did you meet?': a yes records that they have met (the nudge reads it)."""
        with self.uow() as tx:
            practice, current = self._round(tx, caller, round_id)
            group = next((g for g in tx.pairing.groups(current.id) if caller.user in g), None)
            if group is None:
                raise Refused(wording.NOT_YOURS)
            if not tx.pairing.met(current.id, caller.user, met):
                return wording.ALREADY_ANSWERED
            if met:
                for other in group:
                    tx.contacts.record(practice.id, caller.user, other, self.clock.now())
        return wording.MET_THANKS if met else wording.MISSED_THANKS

    def _round(self, tx: PairingTx, caller: Caller, round_id: str) -> tuple[Practice, Round]:
        current = tx.pairing.get_round(int(round_id)) if round_id.isdigit() else None
        practice = self.practices.owning(tx, caller, current, wording.NOT_YOURS)
        assert current is not None  # owning refuses a round that is not there
        return practice, current

    # --- the job --------------------------------------------------------------------------
    def run(self) -> PairingReport:
        """Announce, draw and follow up whatever is due now, in each practice's own week."""
        report = PairingReport()
        now = self.clock.now()
        with self.uow() as tx:
            practices = tx.practices.all()
        for practice in practices:
            with self.uow() as tx:
                if closed_now(tx, practice, now) or not _working_daytime(now, practice):
                    continue
                self._tick(tx, practice, now, report)
        return report

    def _tick(
        self, tx: PairingTx, practice: Practice, now: datetime, report: PairingReport
    ) -> None:
        settings = tx.pairing.settings(practice.id)
        today = local_date(now, practice.timezone)
        for due in tx.pairing.follow_ups_due(practice.id, today - FOLLOW_UP_AFTER):
            if tx.pairing.claim_follow_up(due.id):
                report.followed_up += self._follow_up(tx, practice, due)
        if settings is None or not settings.every_weeks:
            return
        monday, week = week_of(now, practice.timezone)
        if not recurs_on(
            monday, weekday=0, every_weeks=settings.every_weeks, anchor=settings.anchor
        ):
            return
        current = tx.pairing.round_of(practice.id, week)
        if current is None:
            started = tx.pairing.start_round(practice.id, week, today, now)
            if started is not None:
                report.announced += self._announce(tx, practice, started, today)
        elif (
            current.drawn_on is None
            and today > current.announced_on
            and tx.pairing.claim_draw(current.id, today)
        ):
            groups, people = self._draw(tx, practice, current, today)
            report.groups += groups
            report.paired += people

    def _available(self, tx: PairingTx, practice: Practice, today: date) -> dict[str, str]:
        """Opted-in active members not on leave or paused: person -> role."""
        opted = tx.pairing.opted_in(practice.id)
        found: dict[str, str] = {}
        for member in tx.members.active(practice.id):
            pattern = tx.preferences.get(practice.id, member.user_id).pattern
            if member.user_id in opted and not pattern.on_leave(today):
                found[member.user_id] = member.role.value
        return found

    def _announce(self, tx: PairingTx, practice: Practice, current: Round, today: date) -> int:
        buttons = (
            Button(PairingAction.SKIP, wording.SKIP, str(current.id)),
            Button(PairingAction.LEAVE, wording.LEAVE),
        )
        message = Message(wording.ANNOUNCE, buttons, note=wording.ANNOUNCE_NOTE)
        people = self._available(tx, practice, today)
        for user in people:
            self.outbox.send(tx, practice, user, message, f"pairing-announce:{current.id}:{user}")
        return len(people)

    def _draw(
        self, tx: PairingTx, practice: Practice, current: Round, today: date
    ) -> tuple[int, int]:
        skipped = tx.pairing.skipped(current.id)
        people = {u: r for u, r in self._available(tx, practice, today).items() if u not in skipped}
        recent = tx.pairing.recent_groups(practice.id, current.week, RECENT_ROUNDS)
        known = {frozenset((u, o)) for u in people for o in tx.contacts.of(practice.id, u)}
        seed = f"{practice.id}:{current.week}"
        groups = make_groups(people, pairs_in(recent), known=known, seed=seed)
        for number, group in enumerate(groups):
            starter = pick(list(wording.STARTERS), str(current.id), str(number))
            for user in group:
                tx.pairing.place(current.id, number, user)
                others = [(o, ROLE_NAMES[Role(people[o])]) for o in group if o != user]
                text = wording.introduction(others, starter)
                self.outbox.send(
                    tx, practice, user, Message(text), f"pairing-intro:{current.id}:{user}"
                )
        if len(people) == 1:
            (alone,) = people
            self.outbox.send(
                tx, practice, alone, Message(wording.ALONE), f"pairing-alone:{current.id}"
            )
        return len(groups), sum(len(g) for g in groups)

    def _follow_up(self, tx: PairingTx, practice: Practice, due: Round) -> int:
        buttons = (
            Button(PairingAction.MET, wording.MET, str(due.id), primary=True),
            Button(PairingAction.MISSED, wording.MISSED, str(due.id)),
        )
        sent = 0
        for group in tx.pairing.groups(due.id):
            for user in group:
                message = Message(wording.FOLLOW_UP, buttons)
                sent += self.outbox.send(
                    tx, practice, user, message, f"pairing-met:{due.id}:{user}"
                )
        return sent


def _working_daytime(now: datetime, practice: Practice) -> bool:
    """A weekday's working daytime in the practice: when a round's messages may land."""
    local = now.astimezone(ZoneInfo(practice.timezone))
    return local.weekday() < 5 and DAYTIME[0] <= local.time() < DAYTIME[1]
