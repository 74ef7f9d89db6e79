"""Every GP's data rights: see, export and delete everything Coffee Room holds about them.

Serves psychological safety: a GP can check, take away and erase what the bot knows. Deleting
leaves the bare membership the roster needs to reach them, and the practice's totals (the rows
that are counted stay, under a random stand-in that nothing links back to them)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.message import Attachment, Message
from bot.core.service import PeerService
from bot.core.values import Caller, Practice
from bot.leads import rights_wording as words
from bot.leads.ports import LeadsTx


@dataclass(frozen=True, slots=True)
class Held:
    """What is held about one person: rows by table, and their still-sealed anonymous posts."""

    rows: dict[str, list[dict[str, Any]]]
    anonymous: list[dict[str, str]]

    def as_json(self, practice: Practice, user: str) -> bytes:
        document = {
            "about": words.EXPORT_ABOUT,
            "practice": practice.name,
            "you": user,
            "held": self.rows,
            "anonymous_posts_still_linked_to_you": self.anonymous,
        }
        return json.dumps(document, indent=2, sort_keys=True, default=str).encode("utf-8")


class DataRights(PeerService[LeadsTx]):
    """My data, export and delete, for every member (no lead can do any of it for them)."""

    def held(self, caller: Caller) -> Held:
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            return self._held(tx, practice, caller.user)

    def _held(self, tx: LeadsTx, practice: Practice, user: str) -> Held:
        anonymous = [
            {"kind": words.POST_KINDS[table], "id": post, "at": at.isoformat()}
            for table, post, seal, at in tx.personal_data.sealed(practice.id)
            if self._opens_to(seal, user)
        ]
        return Held(tx.personal_data.held(practice.id, user), anonymous)

    def export(self, caller: Caller) -> None:
        """A JSON file of it all, sent to them privately (and to nobody else)."""
        now = self.clock.now()
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            data = self._held(tx, practice, caller.user).as_json(practice, caller.user)
            file = Attachment(f"coffee-room-my-data-{now:%Y-%m-%d}.json", words.EXPORT_TITLE, data)
            key = f"my-data:{practice.id}:{caller.user}:{now.isoformat()}"
            message = Message(words.EXPORT_SENT_WITH, file=file)
            self.outbox.send(tx, practice, caller.user, message, key, kind=DeliveryKind.FILE)

    def delete(self, caller: Caller) -> int:
        """Forget them (after they confirmed): returns how many rows changed."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            leads = tx.leads.list(practice.id)
            if leads == (caller.user,):
                raise Refused(words.LAST_LEAD_FIRST)
            unseal = [
                (table, post)
                for table, post, seal, _ in tx.personal_data.sealed(practice.id)
                if self._opens_to(seal, caller.user)
            ]
            outbox, unnotify = [], []
            for send, target, notify in tx.personal_data.outbox_seals(practice.id):
                if target and self._opens_to(target, caller.user):
                    outbox.append(send)
                elif notify and self._opens_to(notify, caller.user):
                    unnotify.append(send)
            changed = tx.personal_data.forget(
                practice.id,
                caller.user,
                pseudonym=f"former-{uuid.uuid4().hex[:12]}",
                unseal=unseal,
                outbox=outbox,
                unnotify=unnotify,
            )
            tx.audit.record(
                practice_id=practice.id,
                actor="a former member",
                action="my_data.deleted",
                detail={},
                now=self.clock.now(),
            )
        return changed

    def _opens_to(self, seal: str, user: str) -> bool:
        try:
            return self.cipher.open(seal) == user
        except Exception:  # noqa: BLE001 - a seal this key cannot open is nobody's we can name
            return False
