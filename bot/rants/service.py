"""Rant: five minutes of letting off steam, kept private or shared, answered with one tap.

Serves emotional support (13 of 15 GPs), and the moderators psychological safety and hierarchy.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core import wording as core_words
from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.message import Button, Message
from bot.core.service import PeerService
from bot.core.text import Text, quote
from bot.core.values import Caller, Member, Practice, SpacePurpose
from bot.rants import wording
from bot.rants.ports import RantsTx
from bot.rants.values import Rant, RantAction, RantDestination
from bot.safety import checks as safety

RANT_LIFETIME = timedelta(days=7)  # then it leaves the shared space and the relay link is gone


@dataclass(frozen=True, slots=True)
class RantRequest:
    """What a GP filled in."""

    text: str
    destination: RantDestination
    colleague: str = ""


@dataclass(frozen=True, slots=True)
class RantOutcome:
    """Where it went, for the confirmation the GP sees."""

    destination: RantDestination
    where: str  # channel name, colleague's name, or ''
    signposted: bool


class Rants(PeerService[RantsTx]):
    """Takes rants where their authors choose and relays colleagues' one-tap replies back."""

    def submit(self, caller: Caller, *, request: RantRequest, key: str) -> RantOutcome:
        """Guard, then send the rant where its author chose; `key` makes a resubmission a no-op."""
        private = request.destination in (RantDestination.SPACE_ANONYMOUS, RantDestination.JUST_OUT)
        text, signposted = safety.guarded(self, caller, request.text, key=key, private=private)
        shared = request.destination in (RantDestination.SPACE, RantDestination.SPACE_ANONYMOUS)
        practice, _, space = self.practices.ready(caller, SpacePurpose.RANTS if shared else None)
        with self.uow() as tx:
            if request.destination is RantDestination.JUST_OUT:
                return RantOutcome(request.destination, "", signposted)  # nothing kept
            if not tx.events.claim(key, self.clock.now()):
                return RantOutcome(request.destination, space.name if space else "", signposted)
            where = self._deliver(
                tx, practice, caller.user, request, text, space.channel_id if space else ""
            )
        return RantOutcome(request.destination, space.name if space else where, signposted)

    def _deliver(
        self,
        tx: RantsTx,
        practice: Practice,
        author: str,
        request: RantRequest,
        text: str,
        channel: str,
    ) -> str:
        now = self.clock.now()
        anonymous = request.destination is RantDestination.SPACE_ANONYMOUS
        colleague: Member | None = None
        if request.destination is RantDestination.COLLEAGUE:
            colleague = self.practices.colleague(tx, practice, author, request.colleague)
        rant = Rant(
            id=str(uuid.uuid4()),
            practice_id=practice.id,
            destination=request.destination,
            author="" if anonymous else author,
            author_sealed=self.cipher.seal(author) if anonymous else "",
            colleague=colleague.user_id if colleague else "",
            created_at=now,
            expires_at=now + RANT_LIFETIME,
        )
        tx.rants.add(rant)
        self.outbox.send(
            tx,
            practice,
            colleague.user_id if colleague else channel,
            _message(rant, author, text),
            f"rant:{rant.id}",
            kind=DeliveryKind.DIRECT if colleague else DeliveryKind.POST,
            notify=author,
            post=rant.id,
        )
        return colleague.name if colleague else ""

    def reply(self, caller: Caller, *, rant_id: str, action: RantAction) -> str:
        """A colleague's one tap, relayed privately to the author; returns what they are told."""
        with self.uow() as tx:
            rant = tx.rants.get(rant_id)
            practice = self.practices.owning(tx, caller, rant, wording.RANT_GONE)
            assert rant is not None  # owning refuses a rant that is gone
            author = rant.author or self.cipher.open(rant.author_sealed)
            if author == caller.user:
                raise Refused(wording.OWN_RANT)
            if rant.author:  # never from an anonymous rant: that would link the two
                tx.contacts.record(practice.id, caller.user, author, self.clock.now())
            said = wording.heard if action is RantAction.HEAR_YOU else wording.coffee_offer
            added = self.outbox.send(
                tx,
                practice,
                author,
                Message(said(caller.user)),
                f"rant-reply:{rant.id}:{caller.user}:{action}",
                private=not rant.author,
                post=rant.id,
            )
        return wording.REPLY_SENT if added else core_words.REPLY_ALREADY_SENT

    def expire(self, now: datetime, forget_before: datetime, limit: int = 200) -> tuple[int, int]:
        """Take expired rants out of the shared space and destroy their relay links; forget
        the bare records of long-expired ones. Returns (expired now, records deleted)."""
        with self.uow() as tx:
            rants = tx.rants.expiring(now, limit)
            for rant in rants:
                shared = rant.destination in (
                    RantDestination.SPACE,
                    RantDestination.SPACE_ANONYMOUS,
                )
                landed = tx.outbox.landed(f"rant:{rant.id}") if shared else None
                if landed is not None:
                    practice = tx.practices.get(rant.practice_id)
                    self.outbox.send(
                        tx,
                        practice,
                        landed.channel,
                        Message(""),
                        f"rant-remove:{rant.id}",
                        kind=DeliveryKind.DELETE,
                        ref=landed.ref,
                        post=rant.id,
                    )
                tx.rants.expire(rant.id, now)
                tx.outbox.forget_seals(rant.id)  # the relays' sealed targets die with it
            return len(rants), tx.rants.purge(forget_before)


def _message(rant: Rant, author: str, words: str) -> Message:
    """The rant as posted: who (unless anonymous), their words, and the one-tap replies."""
    anonymous = rant.destination is RantDestination.SPACE_ANONYMOUS
    heading = wording.rant_heading(None if anonymous else author, to_colleague=bool(rant.colleague))
    return Message(
        Text(heading, "\n", quote(words)),
        (
            Button(RantAction.HEAR_YOU, wording.HEAR_YOU, rant.id),
            Button(RantAction.COFFEE, wording.FANCY_A_COFFEE, rant.id),
        ),
        note=wording.RANT_NOTE_ANONYMOUS if anonymous else wording.RANT_NOTE,
    )
