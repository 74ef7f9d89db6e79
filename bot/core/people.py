"""Who is who: a workspace's practice, the member behind a request, colleagues, and leads.

Every capability resolves the person it serves through here, so the rules live once.
"""

from __future__ import annotations

from bot.core import wording as core_words
from bot.core.delivery import DeliveryKind
from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.outbox import Outbox
from bot.core.ports import CannotDeliver, Clock, Directory, Tx, UnitOfWork
from bot.core.values import Member, Platform, PlatformUser, Practice, Role, Space, SpacePurpose


class People:
    """Finds the practice and the member behind each request, and says who may do what."""

    def __init__(self, *, uow: UnitOfWork, outbox: Outbox, clock: Clock, timezone: str) -> None:
        self.uow = uow
        self.outbox = outbox
        self.clock = clock
        self.timezone = timezone

    def practice_for(self, tx: Tx, platform: Platform, workspace: tuple[str, str]) -> Practice:
        """The workspace's practice, created (as one practice) the first time it is seen."""
        found = tx.practices.by_workspace(platform, workspace[0])
        if found is not None:
            return found
        return tx.practices.create(
            platform=platform,
            workspace_id=workspace[0],
            name=workspace[1] or "Our practice",
            timezone=self.timezone,
            now=self.clock.now(),
        )

    def _upsert(self, tx: Tx, practice: Practice, person: PlatformUser) -> Member:
        existing = tx.members.get(practice.id, person.user_id)
        member = Member(
            practice_id=practice.id,
            user_id=person.user_id,
            name=person.name,
            role=existing.role if existing else Role.NOT_SET,
            guest=person.guest,
            active=True,
        )
        tx.members.upsert(member, self.clock.now())
        return member

    def member(
        self, tx: Tx, practice: Practice, user_id: str, directory: Directory | None
    ) -> Member:
        """The member behind a request, learning a newcomer from the platform if need be."""
        found = tx.members.get(practice.id, user_id)
        if found is not None and found.active:
            return found
        person = directory.person(user_id) if directory else None
        if person is None or not person.is_person_in_workspace:
            raise Refused(core_words.NOT_A_MEMBER)
        return self._upsert(tx, practice, person)

    @staticmethod
    def join(directory: Directory, channel: str) -> str:
        """Join a channel for the practice, or refuse kindly if the bot may not."""
        try:
            return directory.join(channel)
        except CannotDeliver as exc:
            raise Refused(core_words.CANNOT_JOIN) from exc

    @staticmethod
    def require_lead(tx: Tx, practice: Practice, user_id: str) -> None:
        """Refuse unless `user_id` is one of the practice's leads (checked on every request)."""
        if user_id not in tx.leads.list(practice.id):
            raise Refused(core_words.ONLY_LEADS)

    def ready(
        self, *, platform: Platform, directory: Directory, user_id: str, need: SpacePurpose | None
    ) -> tuple[Practice, Member, Space | None]:
        """The practice, the member and the space `need`ed; refused once the leads are asked."""
        with self.uow() as tx:
            practice = self.practice_for(tx, platform, directory.workspace())
            member = self.member(tx, practice, user_id, directory)
            spaces = self.spaces_or_ask_leads(tx, practice) if need else {}
        if spaces is None:  # refused after the commit, so the request to the leads is kept
            raise Refused(core_words.WAITING_FOR_LEAD)
        return practice, member, spaces[need] if need else None

    def colleague(self, tx: Tx, practice: Practice, me: str, user_id: str) -> Member:
        """Someone to send to: an active member of the practice, and not oneself."""
        if not user_id:
            raise Refused(core_words.PICK_A_COLLEAGUE, field="colleague")
        if user_id == me:
            raise Refused(core_words.NOT_YOURSELF, field="colleague")
        found = tx.members.get(practice.id, user_id)
        if found is None or not found.active:
            raise Refused(core_words.NOT_A_COLLEAGUE, field="colleague")
        return found

    def spaces_or_ask_leads(self, tx: Tx, practice: Practice) -> dict[SpacePurpose, Space] | None:
        """The practice's spaces; if not chosen yet, ask the leads (once a day) and return None."""
        spaces = tx.spaces.all(practice.id)
        if all(p in spaces for p in SpacePurpose):
            return spaces
        day = self.clock.now().date().isoformat()
        for lead in tx.leads.list(practice.id):
            self.outbox.enqueue(
                tx,
                practice_id=practice.id,
                platform=practice.platform,
                kind=DeliveryKind.DIRECT,
                target=lead,
                message=Message(core_words.LEAD_ASKED_TO_SET_UP),
                dedupe_key=f"setup-ask:{practice.id}:{lead}:{day}",
            )
        return None
