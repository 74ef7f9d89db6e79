"""Rant: five minutes of letting off steam, kept private or shared, answered with one tap.

Serves emotional support (13 of 15 GPs), and the moderators psychological safety and hierarchy.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from bot.core import wording as core_words
from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.message import Action, Button, Message
from bot.core.ports import Directory
from bot.core.service import PeerService
from bot.core.text import Text, quote
from bot.core.values import Member, Platform, Practice, SpacePurpose
from bot.rants import wording
from bot.rants.ports import RantsTx
from bot.rants.values import Rant, RantDestination
from bot.safety import checks as safety

RANT_LIFETIME = timedelta(days=7)  # then it leaves the shared space and the relay link is gone


@dataclass(frozen=True, slots=True)
class RantRequest:
    """What a GP filled in."""

    author: str
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

    def submit(
        self, *, platform: Platform, directory: Directory, request: RantRequest, key: str
    ) -> RantOutcome:
        """Guard, then send the rant where its author chose; `key` makes a resubmission a no-op."""
        text = safety.checked(request.text)
        shared = request.destination in (RantDestination.SPACE, RantDestination.SPACE_ANONYMOUS)
        practice, _, space = self.practices.ready(
            platform=platform,
            directory=directory,
            user_id=request.author,
            need=SpacePurpose.RANTS if shared else None,
        )
        anonymous = request.destination is RantDestination.SPACE_ANONYMOUS
        with self.uow() as tx:
            signposted = safety.signpost_if_in_crisis(
                self.outbox,
                tx,
                practice=practice,
                text=text,
                to=request.author,
                key=key,
                private=anonymous or request.destination is RantDestination.JUST_OUT,
            )
            if request.destination is RantDestination.JUST_OUT:
                return RantOutcome(request.destination, "", signposted)  # nothing kept
            if not tx.events.claim(key, self.clock.now()):
                return RantOutcome(request.destination, space.name if space else "", signposted)
            where = self._deliver(tx, practice, request, text, space.channel_id if space else "")
        return RantOutcome(request.destination, space.name if space else where, signposted)

    def _deliver(
        self, tx: RantsTx, practice: Practice, request: RantRequest, text: str, channel: str
    ) -> str:
        now = self.clock.now()
        anonymous = request.destination is RantDestination.SPACE_ANONYMOUS
        colleague: Member | None = None
        if request.destination is RantDestination.COLLEAGUE:
            colleague = self.practices.colleague(tx, practice, request.author, request.colleague)
        rant = Rant(
            id=str(uuid.uuid4()),
            practice_id=practice.id,
            destination=request.destination,
            author="" if anonymous else request.author,
            author_sealed=self.cipher.seal(request.author) if anonymous else "",
            colleague=colleague.user_id if colleague else "",
            created_at=now,
            expires_at=now + RANT_LIFETIME,
        )
        tx.rants.add(rant)
        buttons = (
            Button(Action.HEAR_YOU, wording.HEAR_YOU, rant.id),
            Button(Action.COFFEE, wording.FANCY_A_COFFEE, rant.id),
        )
        heading = wording.rant_heading(
            None if anonymous else request.author, to_colleague=bool(colleague)
        )
        message = Message(
            Text(heading, "\n", quote(text)),
            buttons,
            note=wording.RANT_NOTE_ANONYMOUS if anonymous else wording.RANT_NOTE,
        )
        self.outbox.enqueue(
            tx,
            practice_id=practice.id,
            platform=practice.platform,
            kind=DeliveryKind.DIRECT if colleague else DeliveryKind.POST,
            target=colleague.user_id if colleague else channel,
            message=message,
            dedupe_key=f"rant:{rant.id}",
            notify=request.author,  # always sealed in the outbox
        )
        return colleague.name if colleague else ""

    def reply(
        self,
        *,
        platform: Platform,
        directory: Directory,
        responder: str,
        rant_id: str,
        action: Action,
    ) -> str:
        """A colleague's one tap, relayed privately to the author; returns what they are told."""
        with self.uow() as tx:
            practice = self.practices.practice_for(tx, platform, directory.workspace())
            self.practices.member(tx, practice, responder, directory)
            rant = tx.rants.get(rant_id)
            if rant is None or rant.practice_id != practice.id:
                raise Refused(wording.RANT_GONE)
            author = rant.author or self.cipher.open(rant.author_sealed)
            if author == responder:
                raise Refused(wording.OWN_RANT)
            if rant.author:  # never from an anonymous rant: that would link the two
                tx.contacts.record(practice.id, responder, author, self.clock.now())
            said = wording.heard if action is Action.HEAR_YOU else wording.coffee_offer
            added = self.outbox.enqueue(
                tx,
                practice_id=practice.id,
                platform=practice.platform,
                kind=DeliveryKind.DIRECT,
                target=author,
                message=Message(said(responder)),
                dedupe_key=f"rant-reply:{rant.id}:{responder}:{action}",
                private=not rant.author,
            )
        return wording.REPLY_SENT if added else core_words.REPLY_ALREADY_SENT
