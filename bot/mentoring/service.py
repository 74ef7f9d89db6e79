"""Mentoring: GPs offer to mentor or ask for a mentor; the bot proposes matches across seniority.

Serves mentorship (7 of 15 GPs: "a mentor ... where some time could be blocked off") and the
moderators hierarchy, familiarity and relatability. A match is never the mentee's own line
manager; both say yes before anyone is named; a regular slot is agreed and reminded at a free
moment for both (the `mentoring` job); either side can end it without the other being told why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.core.calendar import local_date, recurs_on
from bot.core.errors import Refused
from bot.core.message import Button, Message
from bot.core.roles import role_phrase
from bot.core.service import PeerService, closed_now
from bot.core.text import Text
from bot.core.values import Caller, Practice
from bot.mentoring import wording
from bot.mentoring.matching import best_mentor
from bot.mentoring.ports import MentoringTx
from bot.mentoring.values import Match, MatchStatus, MentorAction, MentorSlot, Profile, Side

OPEN = (MatchStatus.PROPOSED, MatchStatus.ACTIVE)


@dataclass
class MentoringReport:
    reminded: int = 0


class Mentoring(PeerService[MentoringTx]):
    """Profiles, proposals, introductions, slots, reminders and endings."""

    def profile(self, caller: Caller) -> Profile | None:
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            return tx.mentoring.profile(practice.id, caller.user)

    def today(self, caller: Caller) -> date:
        with self.uow() as tx:
            practice = self.practices.of(tx, caller)
        return local_date(self.clock.now(), practice.timezone)

    def save(self, caller: Caller, profile: Profile) -> str:
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            if profile.line_manager:
                self.practices.colleague(tx, practice, caller.user, profile.line_manager)
            tx.mentoring.save_profile(replace(profile, practice_id=practice.id), self.clock.now())
        return wording.SAVED_SEEKING if profile.seeking else wording.SAVED

    def find(self, caller: Caller) -> str:
        """Propose the best mentor for the caller; both are asked, neither named yet."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            mine = tx.mentoring.profile(practice.id, caller.user)
            if mine is None or not mine.seeking:
                raise Refused(wording.NOT_SEEKING)
            if any(
                m.mentee == caller.user and m.status in OPEN
                for m in tx.mentoring.matches_of(practice.id, caller.user)
            ):
                return wording.ALREADY
            return wording.PROPOSED if self._propose(tx, practice, mine) else wording.NOBODY

    def _propose(self, tx: MentoringTx, practice: Practice, mentee: Profile) -> bool:
        history = tx.mentoring.matches_of(practice.id, mentee.user_id)
        tried = {m.mentor for m in history if m.mentee == mentee.user_id}
        active = {m.user_id for m in tx.members.active(practice.id)}
        profiles = [p for p in tx.mentoring.profiles(practice.id) if p.user_id in active]
        load = {p.user_id: len(self._mentees(tx, practice, p.user_id)) for p in profiles}
        mentor = best_mentor(mentee, profiles, excluded=tried, load=load)
        if mentor is None:
            return False
        match = tx.mentoring.propose(practice.id, mentor.user_id, mentee.user_id, self.clock.now())
        shared = sorted(set(mentor.interests) & set(mentee.interests))
        roles = {m.user_id: m.role for m in tx.members.active(practice.id)}
        buttons = (
            Button(MentorAction.ACCEPT, wording.ACCEPT, str(match.id), primary=True),
            Button(MentorAction.DECLINE, wording.DECLINE, str(match.id)),
        )
        to_mentee = wording.to_mentee(role_phrase(roles[mentor.user_id]), mentor.years, shared)
        to_mentor = wording.to_mentor(role_phrase(roles[mentee.user_id]), mentee.years, shared)
        send = self.outbox.send
        send(
            tx,
            practice,
            mentee.user_id,
            Message(to_mentee, buttons),
            f"mentor-ask:{match.id}:mentee",
        )
        send(
            tx,
            practice,
            mentor.user_id,
            Message(to_mentor, buttons),
            f"mentor-ask:{match.id}:mentor",
        )
        return True

    def _mentees(self, tx: MentoringTx, practice: Practice, mentor: str) -> list[Match]:
        return [m for m in tx.mentoring.active(practice.id) if m.mentor == mentor]

    def accept(self, caller: Caller, match_id: str) -> str:
        """One side says yes; when both have, they are introduced by name."""
        with self.uow() as tx:
            practice, match, side = self._match(tx, caller, match_id)
            accepted = tx.mentoring.accept(match.id, side, self.clock.now())
            if accepted is None:
                return wording.CLOSED
            if not (accepted.mentor_ok and accepted.mentee_ok):
                return wording.WAITING
            if tx.mentoring.activate(match.id, self.clock.now()):
                self._introduce(tx, practice, accepted)
            return wording.BOTH_SAID_YES

    def _introduce(self, tx: MentoringTx, practice: Practice, match: Match) -> None:
        tx.contacts.record(practice.id, match.mentor, match.mentee, self.clock.now())
        buttons = (
            Button(MentorAction.SLOT, wording.AGREE_SLOT, str(match.id), primary=True),
            Button(MentorAction.END, wording.END, str(match.id)),
        )
        for user, as_mentor in ((match.mentor, True), (match.mentee, False)):
            text = wording.introduced(match.other(user), as_mentor)
            self.outbox.send(
                tx, practice, user, Message(text, buttons), f"mentor-intro:{match.id}:{user}"
            )

    def decline(self, caller: Caller, match_id: str) -> str:
        """'Not this one': the proposal closes; the other is not told who or why. A mentee who
        declines is offered the next best fit."""
        with self.uow() as tx:
            practice, match, side = self._match(tx, caller, match_id)
            if match.status is not MatchStatus.PROPOSED:
                return wording.CLOSED
            if not tx.mentoring.close(match.id, MatchStatus.DECLINED, self.clock.now()):
                return wording.CLOSED
            other = match.other(caller.user)
            notice = Message(wording.DECLINED_OTHER)
            self.outbox.send(tx, practice, other, notice, f"mentor-declined:{match.id}")
            mentee = tx.mentoring.profile(practice.id, match.mentee)
            again = mentee is not None and mentee.seeking and self._propose(tx, practice, mentee)
        more = f" {wording.LOOKING_AGAIN}" if again and side is Side.MENTEE else ""
        return wording.DECLINED + more

    def end(self, caller: Caller, match_id: str) -> str:
        """Either side ends it; the other hears it has come to a close, never why."""
        with self.uow() as tx:
            practice, match, _ = self._match(tx, caller, match_id)
            if not tx.mentoring.close(match.id, MatchStatus.ENDED, self.clock.now()):
                return wording.CLOSED
            other = match.other(caller.user)
            message = Message(wording.ended_other(caller.user))
            self.outbox.send(tx, practice, other, message, f"mentor-ended:{match.id}")
        return wording.ENDED

    def set_slot(self, caller: Caller, match_id: str, slot: MentorSlot) -> str:
        """Either side sets the regular time; the other is told."""
        with self.uow() as tx:
            practice, match, _ = self._match(tx, caller, match_id)
            if match.status is not MatchStatus.ACTIVE:
                raise Refused(wording.CLOSED)
            tx.mentoring.set_slot(match.id, slot, self.clock.now())
            line = wording.slot_line(slot.weekday, slot.start, slot.minutes, slot.every_weeks)
            told = Message(wording.slot_told(caller.user, line))
            key = f"mentor-slot:{match.id}:{self.clock.now().isoformat()}"
            self.outbox.send(tx, practice, match.other(caller.user), told, key)
        return wording.slot_saved(line)

    def _match(
        self, tx: MentoringTx, caller: Caller, match_id: str
    ) -> tuple[Practice, Match, Side]:
        match = tx.mentoring.match(int(match_id)) if match_id.isdigit() else None
        practice = self.practices.owning(tx, caller, match, wording.NOT_YOURS)
        side = match.side(caller.user) if match else None
        if match is None or side is None:
            raise Refused(wording.NOT_YOURS)
        return practice, match, side

    # --- the job --------------------------------------------------------------------------
    def run(self) -> MentoringReport:
        """Remind both sides of today's mentoring time, at a moment free for both."""
        report = MentoringReport()
        now = self.clock.now()
        with self.uow() as tx:
            practices = tx.practices.all()
        for practice in practices:
            with self.uow() as tx:
                if closed_now(tx, practice, now):
                    continue
                for match in tx.mentoring.active(practice.id):
                    report.reminded += self._remind(tx, practice, match, now)
        return report

    def _remind(self, tx: MentoringTx, practice: Practice, match: Match, now: datetime) -> int:
        slot, today = match.slot, local_date(now, practice.timezone)
        if slot is None or not recurs_on(
            today, weekday=slot.weekday, every_weeks=slot.every_weeks, anchor=slot.anchor
        ):
            return 0
        local = now.astimezone(ZoneInfo(practice.timezone)).time()
        patterns = [
            tx.preferences.get(practice.id, u).pattern for u in (match.mentor, match.mentee)
        ]
        if local >= slot.start or not all(
            p.free_for_a_message(now, practice.timezone) for p in patterns
        ):
            return 0
        sent = 0
        for user in (match.mentor, match.mentee):
            text = Text(wording.reminder(match.other(user), slot.start))
            key = f"mentor-reminder:{match.id}:{today.isoformat()}:{user}"
            sent += self.outbox.send(tx, practice, user, Message(text), key)
        return sent
