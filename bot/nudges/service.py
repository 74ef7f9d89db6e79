"""The weekly nudge: at most one gentle, personal direct message a week, never in a surgery.

Serves leadership and camaraderie (and, through what it suggests, every moderator). On for every
member until they turn it off; chosen for what would help most now.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.calendar import Region, local_date, recurs_on, week_of
from bot.core.choosing import pick
from bot.core.message import Button, Message
from bot.core.service import PeerService
from bot.core.text import Words
from bot.core.values import Caller, Member, Practice
from bot.core.week import Preferences, skipped
from bot.nudges import wording
from bot.nudges.ports import NudgesTx
from bot.nudges.values import NudgeAction

THANKS_WINDOW = timedelta(days=14)


@dataclass
class NudgeReport:
    """Who got what in one run (counts only)."""

    sent: int = 0
    already: int = 0
    busy: int = 0  # in surgery, quiet hours, or a day off: a later run this week will try
    away: int = 0  # on leave or paused
    off: int = 0  # turned off or snoozed
    kinds: dict[str, int] = field(default_factory=dict)
    closed: int = 0  # practices on a bank holiday or closed now: nobody there is nudged


class Nudges(PeerService[NudgesTx]):
    """Runs as the `weekly-nudges` job; running it again in the same week sends nothing more."""

    def run(self) -> NudgeReport:
        report = NudgeReport()
        report.closed = self.each_member(
            lambda tx, practice, member, now: self._consider(tx, practice, member, now, report)
        )
        return report

    def snooze(self, caller: Caller, weeks: int) -> str:
        """'Not now': no nudges for `weeks` weeks (this one and the next weeks - 1)."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            monday, _ = week_of(self.clock.now(), practice.timezone)  # the practice's week
            until = monday + timedelta(weeks=max(1, min(weeks, 12)), days=-1)  # a Sunday
            prefs = tx.preferences.get(practice.id, caller.user)
            tx.preferences.save(replace(prefs, snoozed_until=until), self.clock.now())
        return wording.snoozed(weeks)

    def turn_off(self, caller: Caller) -> str:
        """'Turn these off' under a nudge."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            prefs = tx.preferences.get(practice.id, caller.user)
            tx.preferences.save(replace(prefs, nudges_on=False), self.clock.now())
        return wording.NUDGES_TURNED_OFF

    def waiting(self) -> tuple[int, int]:
        """How many members, of how many, still have this week's nudge to come."""
        waiting = members = 0
        with self.uow() as tx:
            for practice in tx.practices.all():
                _, week = week_of(self.clock.now(), practice.timezone)
                had = tx.nudges.users_in(practice.id, week)
                for member in tx.members.active(practice.id):
                    members += 1
                    prefs = tx.preferences.get(practice.id, member.user_id)
                    waiting += prefs.nudges_on and member.user_id not in had
        return waiting, members

    def _consider(
        self, tx: NudgesTx, practice: Practice, member: Member, now: datetime, report: NudgeReport
    ) -> None:
        prefs = tx.preferences.get(practice.id, member.user_id)
        today = local_date(now, practice.timezone)
        if not prefs.nudges_on or (prefs.snoozed_until and today <= prefs.snoozed_until):
            report.off += 1
        elif prefs.pattern.on_leave(today):
            report.away += 1
        elif not prefs.pattern.free_for_a_message(now, practice.timezone):
            report.busy += 1
        else:
            monday, week = week_of(now, practice.timezone)
            kind, text = self._choose(tx, practice, member, prefs, now, monday, week)
            if not tx.nudges.claim(practice.id, member.user_id, week, kind, now):
                report.already += 1
                return
            self.outbox.send(
                tx,
                practice,
                member.user_id,
                _with_buttons(text),
                f"nudge:{practice.id}:{member.user_id}:{week}",
            )
            report.sent += 1
            report.kinds[kind] = report.kinds.get(kind, 0) + 1

    def _choose(
        self,
        tx: NudgesTx,
        practice: Practice,
        member: Member,
        prefs: Preferences,
        now: datetime,
        monday: date,
        week: str,
    ) -> tuple[str, Words]:
        """What would help most now, avoiding last week's kind when there is a choice."""
        options: list[tuple[str, Words]] = []
        if member.user_id in tx.leads.list(practice.id):
            options.append(("go_first", pick(list(wording.LEAD_GO_FIRST), member.user_id, week)))
        upcoming = self._protected_time_ahead(tx, practice, now, monday)
        if upcoming:
            options.append(("protected_time", upcoming))
        helpers = tx.answers.unthanked(practice.id, member.user_id, now - THANKS_WINDOW)
        if helpers:
            options.append(("thanks", wording.nudge_thanks(helpers[-1])))
        stranger = self._stranger(tx, practice, member, week)
        if stranger:
            options.append(("new_colleague", wording.nudge_new_colleague(stranger)))
        options.append(("general", pick(list(wording.NUDGE_GENERAL), member.user_id, week)))
        last = tx.nudges.last_kind(practice.id, member.user_id)
        fresh = [o for o in options if o[0] != last] or options
        return fresh[0]

    def _protected_time_ahead(
        self, tx: NudgesTx, practice: Practice, now: datetime, monday: date
    ) -> Words:
        local = now.astimezone(ZoneInfo(practice.timezone))
        closures = tx.closures.between(practice.id, monday, monday + timedelta(days=6))
        for slot in tx.slots.active(practice.id):
            for offset in range(7):
                day = monday + timedelta(days=offset)
                if (
                    day < local.date()
                    or (day == local.date() and slot.start <= local.time())
                    or not recurs_on(
                        day, weekday=slot.weekday, every_weeks=slot.every_weeks, anchor=slot.anchor
                    )
                    or skipped(slot, day, Region(practice.holiday_region), closures)
                ):
                    continue
                return wording.nudge_protected_time(
                    slot.kind, slot.weekday, slot.start, slot.channel_name
                )
        return ""

    def _stranger(self, tx: NudgesTx, practice: Practice, member: Member, week: str) -> str:
        known = tx.contacts.of(practice.id, member.user_id) | {member.user_id}
        others = [m.user_id for m in tx.members.active(practice.id) if m.user_id not in known]
        return pick(others, member.user_id, week) if others else ""


def _with_buttons(text: Words) -> Message:
    snoozes = tuple(
        Button(NudgeAction.SNOOZE, f"{wording.NOT_NOW}: {w} week{'s' if w > 1 else ''}", str(w))
        for w in wording.SNOOZE_WEEKS
    )
    return Message(
        text, (*snoozes, Button(NudgeAction.OFF, wording.NUDGES_OFF)), note=wording.NUDGE_FOOTER
    )
