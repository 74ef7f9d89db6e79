"""The weekly nudge: at most one gentle, personal direct message a week, never in a surgery.

Serves leadership and camaraderie (and, through what it suggests, every moderator). On for every
member until they turn it off; chosen for what would help most now.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta

from bot.core.calendar import week_of
from bot.core.message import Button, Message
from bot.core.service import PeerService
from bot.core.text import Words
from bot.core.values import Caller, Member, Practice
from bot.core.week import Preferences, moment_come, with_defaults
from bot.nudges import wording
from bot.nudges.ports import NudgesTx
from bot.nudges.values import NudgeAction
from bot.nudges.week import NudgeWeek, nudged_in_workspace, today

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
        """One pass: each practice read once; a small transaction for each nudge sent."""
        report = NudgeReport()
        now = self.clock.now()
        practices, report.closed = self.open_practices(now)
        for practice in practices:
            with self.uow.read() as tx:
                week = NudgeWeek.load(tx, practice, now)
            for member in week.members:
                self._consider(week, member, report)
        return report

    def snooze(self, caller: Caller, weeks: int) -> str:
        """'Not now': no nudges for `weeks` weeks (this one and the next weeks - 1)."""
        with self.uow() as tx:
            for practice in self._everywhere(tx, caller):  # one nudge a week in all: so too this
                monday, _ = week_of(self.clock.now(), practice.timezone)  # the practice's week
                until = monday + timedelta(weeks=max(1, min(weeks, 12)), days=-1)  # a Sunday
                prefs = with_defaults(tx.preferences.get(practice.id, caller.user), practice)
                tx.preferences.save(replace(prefs, snoozed_until=until), self.clock.now())
        return wording.snoozed(weeks)

    def turn_off(self, caller: Caller) -> str:
        """'Turn these off' under a nudge."""
        with self.uow() as tx:
            for practice in self._everywhere(tx, caller):
                prefs = with_defaults(tx.preferences.get(practice.id, caller.user), practice)
                tx.preferences.save(replace(prefs, nudges_on=False), self.clock.now())
        return wording.NUDGES_TURNED_OFF

    def _everywhere(self, tx: NudgesTx, caller: Caller) -> list[Practice]:
        """Every practice of the workspace the caller is in (a locum's several): a nudge may
        have come from any of them, and the weekly nudge is one in all."""
        practice, _ = self.practices.resolve(tx, caller)
        mine = tx.practices.joined(caller.platform, caller.workspace, caller.user)
        return mine or [practice]

    def waiting(self) -> tuple[int, int]:
        """How many members, of how many, still have this week's nudge to come."""
        wanted: dict[tuple[str, str, str], bool] = {}  # a person (once, however many practices)
        with self.uow.read() as tx:
            for practice in tx.practices.all():
                had = nudged_in_workspace(tx, practice, self.clock.now())
                prefs = tx.preferences.of_practice(practice.id)
                for member in tx.members.active(practice.id):
                    who = (practice.platform, practice.workspace_id, member.user_id)
                    mine = prefs.get(member.user_id) or Preferences(practice.id, member.user_id)
                    on = with_defaults(mine, practice).nudges_on and member.user_id not in had
                    wanted[who] = wanted.get(who, False) or on
        return sum(wanted.values()), len(wanted)

    def _consider(self, week: NudgeWeek, member: Member, report: NudgeReport) -> None:
        prefs = week.preferences(member.user_id)
        day = today(week)
        if not prefs.nudges_on or (prefs.snoozed_until and day <= prefs.snoozed_until):
            report.off += 1
        elif prefs.pattern.on_leave(day):
            report.away += 1
        elif member.user_id in week.had:
            report.already += 1
        elif not moment_come(prefs, week.practice, week.now):
            report.busy += 1  # the practice's moment for this week is still to come
        elif not prefs.pattern.free_for_a_message(week.now, week.practice.timezone):
            report.busy += 1
        else:
            kind, text = week.choose(member)
            self._send(week, member, kind, text, report)

    def _send(
        self, week: NudgeWeek, member: Member, kind: str, text: Words, report: NudgeReport
    ) -> None:
        practice, user = week.practice, member.user_id
        try:
            with self.uow() as tx:  # a small write of its own: claimed, and queued, together
                if not tx.nudges.claim(practice.id, user, week.week, kind, week.now):
                    raise _Already  # another pass (or replica) got there first
                if not self.outbox.send(tx, practice, user, _with_buttons(text), _key(week, user)):
                    raise _Already  # another practice of theirs (a locum's) got there first
        except _Already:
            report.already += 1  # and the claim above is rolled back with the transaction
            return
        report.sent += 1
        report.kinds[kind] = report.kinds.get(kind, 0) + 1


class _Already(Exception):
    """This week's nudge has been sent already: nothing of this attempt is kept."""


def _key(week: NudgeWeek, user: str) -> str:
    """One nudge a week per person in a workspace, whichever of its practices sends it: the
    outbox's unique dedupe key enforces it, across passes, practices and replicas."""
    practice = week.practice
    return f"nudge:{practice.platform}:{practice.workspace_id}:{user}:{week.week}"


def _with_buttons(text: Words) -> Message:
    snoozes = tuple(
        Button(NudgeAction.SNOOZE, f"{wording.NOT_NOW}: {w} week{'s' if w > 1 else ''}", str(w))
        for w in wording.SNOOZE_WEEKS
    )
    return Message(
        text, (*snoozes, Button(NudgeAction.OFF, wording.NUDGES_OFF)), note=wording.NUDGE_FOOTER
    )
