"""Welcome: when someone joins, or says they are a locum or trainee, offer an introduction.

Serves familiarity (locums work in a median of four practices a month: the least familiar
members). The `welcome` job finds newcomers (anyone who joins after Coffee Room first met the
practice, and anyone whose role is locum or trainee) and asks them, at a free moment, whether
they would like an introduction. A yes introduces them in the practice's coffee-room channel and
asks a colleague, privately and first, to be their buddy for the first weeks.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.calendar import local_date
from bot.core.choosing import pick
from bot.core.delivery import DeliveryKind
from bot.core.message import Button, Message
from bot.core.roles import NEWCOMER_ROLES, role_phrase
from bot.core.service import PeerService
from bot.core.text import Text
from bot.core.values import Caller, Member, Practice, Role, SpacePurpose
from bot.welcome import wording
from bot.welcome.ports import WelcomeTx
from bot.welcome.values import WelcomeAction, WelcomeStatus

BUDDY_ROLES = (Role.PARTNER, Role.SALARIED, Role.NOT_SET)


class Welcomes(PeerService[WelcomeTx]):
    """Offers, introductions and buddies."""

    def run(self) -> int:
        """The `welcome` job: offer an introduction to each newcomer, at a free moment."""
        offered = [0]

        def consider(tx: WelcomeTx, practice: Practice, member: Member, now: datetime) -> None:
            offered[0] += self._consider(tx, practice, member, now)

        self.each_member(consider)
        return offered[0]

    def _consider(self, tx: WelcomeTx, practice: Practice, member: Member, now: datetime) -> int:
        if not tx.welcomes.started(practice.id):
            for settled in tx.members.active(practice.id):
                tx.welcomes.settle(practice.id, settled.user_id, now)
        record = tx.welcomes.get(practice.id, member.user_id)
        newcomer = record is None or (
            record.status is WelcomeStatus.SETTLED and member.role in NEWCOMER_ROLES
        )
        pattern = tx.preferences.get(practice.id, member.user_id).pattern
        if not newcomer or not pattern.free_for_a_message(now, practice.timezone):
            return 0
        if not tx.welcomes.offer(practice.id, member.user_id, now):
            return 0
        buttons = (
            Button(WelcomeAction.YES, wording.YES, primary=True),
            Button(WelcomeAction.NO, wording.NO),
        )
        message = Message(wording.OFFER, buttons)
        return int(
            self.outbox.send(
                tx, practice, member.user_id, message, f"welcome:{practice.id}:{member.user_id}"
            )
        )

    def answer(self, caller: Caller, yes: bool) -> Text:
        """The newcomer's answer: a yes introduces them and asks a buddy."""
        with self.uow() as tx:
            practice, member = self.practices.resolve(tx, caller)
            status = WelcomeStatus.ACCEPTED if yes else WelcomeStatus.DECLINED
            if not tx.welcomes.answer(practice.id, caller.user, status, self.clock.now()):
                return Text(wording.CLOSED)
            if not yes:
                return Text(wording.DECLINED)
            space = tx.spaces.all(practice.id).get(SpacePurpose.RANTS)
            role, days = self._described(tx, practice, member)
            if space is not None:
                intro = Message(wording.introduction(member.user_id, role, days))
                key = f"welcome-intro:{practice.id}:{member.user_id}"
                self.outbox.send(tx, practice, space.channel_id, intro, key, kind=DeliveryKind.POST)
            found = self._ask_next_buddy(tx, practice, member)
        reply = wording.accepted(space.name if space else "")
        return reply if found else Text(reply, " ", wording.NOBODY_FOR_BUDDY)

    def _described(self, tx: WelcomeTx, practice: Practice, member: Member) -> tuple[str, str]:
        prefs = tx.preferences.get(practice.id, member.user_id)
        days = sorted(d for d, s in prefs.pattern.sessions.items() if s) if prefs.customised else []
        return role_phrase(member.role), wording.days_phrase(days)

    def _ask_next_buddy(self, tx: WelcomeTx, practice: Practice, newcomer: Member) -> bool:
        record = tx.welcomes.get(practice.id, newcomer.user_id)
        asked = set(record.asked) if record else set()
        today = local_date(self.clock.now(), practice.timezone)
        candidates = [
            m.user_id
            for m in tx.members.active(practice.id)
            if m.user_id != newcomer.user_id
            and m.user_id not in asked
            and m.role in BUDDY_ROLES
            and not tx.preferences.get(practice.id, m.user_id).pattern.on_leave(today)
        ]
        if not candidates:
            return False
        buddy = pick(sorted(candidates), newcomer.user_id, str(len(asked)))
        tx.welcomes.asked(practice.id, newcomer.user_id, buddy, self.clock.now())
        role, days = self._described(tx, practice, newcomer)
        buttons = (
            Button(WelcomeAction.BUDDY_YES, wording.BUDDY_YES, newcomer.user_id, primary=True),
            Button(WelcomeAction.BUDDY_NO, wording.BUDDY_NO, newcomer.user_id),
        )
        message = Message(wording.ask_buddy(newcomer.user_id, role, days), buttons)
        self.outbox.send(
            tx, practice, buddy, message, f"buddy-ask:{practice.id}:{newcomer.user_id}:{buddy}"
        )
        return True

    def buddy(self, caller: Caller, newcomer: str, yes: bool) -> str:
        """A colleague asked to be a buddy answers; a no asks the next colleague."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            record = tx.welcomes.get(practice.id, newcomer)
            if record is None or caller.user not in record.asked:
                return wording.NOT_ASKED
            if record.buddy:
                return wording.BUDDY_TAKEN
            member = tx.members.get(practice.id, newcomer)
            if not yes:
                if member is not None and member.active:
                    self._ask_next_buddy(tx, practice, member)
                return wording.BUDDY_ASKING_ELSE
            if not tx.welcomes.buddy(practice.id, newcomer, caller.user, self.clock.now()):
                return wording.BUDDY_TAKEN
            tx.contacts.record(practice.id, caller.user, newcomer, self.clock.now())
            found = Message(wording.buddy_found(caller.user))
            self.outbox.send(tx, practice, newcomer, found, f"buddy-found:{practice.id}:{newcomer}")
        return wording.BUDDY_THANKS
