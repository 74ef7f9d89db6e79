"""The weekly check-in: opt-in, private, and a colleague asked to reach out if the GP wants.

Serves emotional support, and the moderators self-perception and job demands. Only the GP ever
sees their answers; a colleague asked to check in learns nothing but that a coffee may help.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.checkins import wording
from bot.checkins.values import CheckinAction
from bot.core.calendar import local_date, week_of
from bot.core.choosing import pick
from bot.core.errors import Refused
from bot.core.message import Button, Message
from bot.core.ports import Tx
from bot.core.service import PeerService
from bot.core.values import Caller, Member, Practice
from bot.core.week import CheckIn, Preferences, moment_come, with_defaults

BURNOUT_FROM = 3  # answers 3 to 5 mean burnout (study.md)


@dataclass
class CheckinReport:
    """What one run did (counts only; never anyone's answers)."""

    sent: int = 0
    already: int = 0
    not_now: int = 0
    closed: int = 0  # practices on a bank holiday or closed now: nobody there is asked


class Checkins(PeerService[Tx]):
    """Runs as the `checkins` job, and takes the answers."""

    def run(self) -> CheckinReport:
        """One pass: each practice read once (who opted in, who had this week's); a small
        transaction for each check-in sent."""
        report = CheckinReport()
        now = self.clock.now()
        practices, report.closed = self.open_practices(now)
        for practice in practices:
            _, week = week_of(now, practice.timezone)
            with self.uow.read() as tx:
                members = tx.members.active(practice.id)
                prefs = tx.preferences.of_practice(practice.id)
                had = tx.checkins.claimed(practice.id, week)
            for member in members:
                mine = prefs.get(member.user_id) or Preferences(practice.id, member.user_id)
                mine = with_defaults(mine, practice)  # opt-in, unless the leads made it the default
                if mine.checkins_on and moment_come(mine, practice, now):
                    self._consider(practice, member, mine, week, had, now, report)
        return report

    def _consider(
        self,
        practice: Practice,
        member: Member,
        prefs: Preferences,
        week: str,
        had: set[str],
        now: datetime,
        report: CheckinReport,
    ) -> None:
        today = local_date(now, practice.timezone)
        if member.user_id in had:
            report.already += 1
        elif prefs.pattern.on_leave(today) or not prefs.pattern.free_for_a_message(
            now, practice.timezone
        ):
            report.not_now += 1
        else:
            self._ask(practice, member, week, now, report)

    def _ask(
        self, practice: Practice, member: Member, week: str, now: datetime, report: CheckinReport
    ) -> None:
        with self.uow() as tx:  # a small write of its own: claimed, and queued, together
            checkin = tx.checkins.claim(practice.id, member.user_id, week, now)
            if checkin is None:
                report.already += 1
                return
            buttons = (
                *(Button(CheckinAction.SCORE, str(n), f"{checkin}:{n}") for n in range(1, 6)),
                Button(CheckinAction.SKIP, wording.NOT_THIS_WEEK, str(checkin)),
            )
            message = Message(wording.CHECKIN_ASK, buttons)
            self.outbox.send(tx, practice, member.user_id, message, f"checkin:{checkin}")
        report.sent += 1

    def answer(self, caller: Caller, *, value: str) -> str:
        """Store the GP's answer (theirs alone) and offer a colleague's check-in."""
        checkin_id, _, score = value.partition(":")
        with self.uow() as tx:
            practice, checkin = self._own(tx, caller, int(checkin_id))
            tx.checkins.answer(checkin.id, max(1, min(int(score), 5)))
            buttons = (
                Button(CheckinAction.MATCH, wording.CHECKIN_MATCH, str(checkin.id)),
                Button(CheckinAction.CHOOSE, wording.CHECKIN_CHOOSE, str(checkin.id)),
                Button(CheckinAction.NO, wording.CHECKIN_NO, str(checkin.id)),
            )
            self.outbox.send(
                tx,
                practice,
                caller.user,
                Message(wording.CHECKIN_THANKS, buttons),
                f"checkin-thanks:{checkin.id}",
            )
        return wording.score_reply(int(score))

    def ask_colleague(self, caller: Caller, *, checkin_id: int, colleague: str = "") -> str:
        """Ask a chosen (or matched) colleague to reach out, disclosing no answer."""
        with self.uow() as tx:
            practice, checkin = self._own(tx, caller, checkin_id)
            chosen = (
                self.practices.colleague(tx, practice, caller.user, colleague)
                if colleague
                else self._match(tx, practice, caller.user, checkin.week)
            )
            if chosen is None:
                return wording.CHECKIN_NOBODY
            self.outbox.send(
                tx,
                practice,
                chosen.user_id,
                Message(wording.checkin_nudge(caller.user)),
                f"checkin-ask:{checkin.id}",
            )
            tx.contacts.record(practice.id, caller.user, chosen.user_id, self.clock.now())
        return wording.checkin_colleague_asked(chosen.name)

    def _match(self, tx: Tx, practice: Practice, user: str, week: str) -> Member | None:
        """A willing colleague: active, not on leave, nudges on; familiar faces first."""
        today = local_date(self.clock.now(), practice.timezone)
        known = tx.contacts.of(practice.id, user)
        willing = []
        for member in tx.members.active(practice.id):
            prefs = with_defaults(tx.preferences.get(practice.id, member.user_id), practice)
            if member.user_id != user and prefs.nudges_on and not prefs.pattern.on_leave(today):
                willing.append(member)
        if not willing:
            return None
        familiar = [m for m in willing if m.user_id in known] or willing
        chosen = pick([m.user_id for m in familiar], user, week)
        return next(m for m in familiar if m.user_id == chosen)

    def _own(self, tx: Tx, caller: Caller, checkin_id: int) -> tuple[Practice, CheckIn]:
        checkin = tx.checkins.get(checkin_id)
        practice = self.practices.owning(tx, caller, checkin, wording.CHECKIN_NOT_YOURS)
        if checkin is None or checkin.user_id != caller.user:
            raise Refused(wording.CHECKIN_NOT_YOURS)
        return practice, checkin
