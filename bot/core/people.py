"""Who is who: a workspace's practice, the member behind a request, colleagues, and leads.

Every capability resolves the person it serves through here, so the rules live once.
"""

from __future__ import annotations

from typing import Protocol

from bot.core import wording as core_words
from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.outbox import Outbox
from bot.core.ports import CannotDeliver, Clock, Directories, Directory, Tx, UnitOfWork
from bot.core.values import (
    Caller,
    Member,
    Platform,
    PlatformUser,
    Practice,
    Role,
    Space,
    SpacePurpose,
)


class Owned(Protocol):
    """A record that belongs to one practice (a rant, a check-in, a slot, a pool ...)."""

    @property
    def practice_id(self) -> int: ...


class People:
    """Finds the practice and the member behind each request, and says who may do what."""

    def __init__(
        self,
        *,
        uow: UnitOfWork[Tx],
        outbox: Outbox,
        clock: Clock,
        timezone: str,
        directories: Directories,
    ) -> None:
        self.uow = uow
        self.outbox = outbox
        self.clock = clock
        self.timezone = timezone
        self.directories = directories

    def directory(self, caller: Caller) -> Directory:
        """The caller's workspace, as the platform reports it."""
        return self.directories(caller.platform, caller.workspace)

    def practice(self, tx: Tx, platform: Platform, workspace: str) -> Practice:
        """The workspace's practice, created (as one practice) the first time it is seen."""
        found = tx.practices.by_workspace(platform, workspace)
        if found is not None:
            return found
        _, name = self.directories(platform, workspace).workspace()
        return tx.practices.create(
            platform=platform,
            workspace_id=workspace,
            name=name or "Our practice",
            timezone=self.timezone,
            now=self.clock.now(),
        )

    def of(self, tx: Tx, caller: Caller) -> Practice:
        """The practice a request acts in. A workspace of one practice: that one. Split into
        practices (a PCN): for someone in several (a locum), the practice of the channel the
        request came from, else the one they last chose, else the first they joined; for someone
        in none, one they lead, else the workspace's first (where `member` refuses them kindly)."""
        everyone = tx.practices.in_workspace(caller.platform, caller.workspace)
        if len(everyone) <= 1:
            return everyone[0] if everyone else self.practice(tx, caller.platform, caller.workspace)
        mine = tx.practices.joined(caller.platform, caller.workspace, caller.user)
        here = [p for p in mine if caller.channel and caller.channel in self._own_channels(tx, p)]
        if here or mine:
            return (here or mine)[0]
        led = [p for p in everyone if caller.user in tx.leads.list(p.id)]
        return (led or everyone)[0]

    @staticmethod
    def _own_channels(tx: Tx, practice: Practice) -> set[str]:
        """The channels that are a practice's own: the one defining it, and its spaces."""
        spaces = {s.channel_id for s in tx.spaces.all(practice.id).values()}
        return spaces | ({practice.channel_id} if practice.channel_id else set())

    def known(self, tx: Tx, caller: Caller) -> Practice | None:
        """The practice a request acts in, or None while the workspace has none (read only)."""
        if tx.practices.by_workspace(caller.platform, caller.workspace) is None:
            return None
        return self.of(tx, caller)

    def resolve(self, tx: Tx, caller: Caller) -> tuple[Practice, Member]:
        """The practice and the member behind a request (a newcomer is learnt from the platform)."""
        practice = self.of(tx, caller)
        if practice.channel_id is None:
            return practice, self.member(tx, practice, caller)
        found = tx.members.get(practice.id, caller.user)
        if found is not None and found.active:
            return practice, found
        return self._from_channels(tx, caller)

    def owning(self, tx: Tx, caller: Caller, record: Owned | None, refusal: str) -> Practice:
        """The practice `record` belongs to, where the caller is one of its members (a locum
        tapping a button from their other practice too); otherwise the caller's own practice,
        which refuses the record with `refusal` (as it does a record that is gone)."""
        found = tx.members.get(record.practice_id, caller.user) if record else None
        if record is not None and found is not None and found.active:
            practice = tx.practices.get(record.practice_id)
            if (practice.platform, practice.workspace_id) == (caller.platform, caller.workspace):
                return practice
        practice, _ = self.resolve(tx, caller)
        if record is None or record.practice_id != practice.id:
            raise Refused(refusal)
        return practice

    def _from_channels(self, tx: Tx, caller: Caller) -> tuple[Practice, Member]:
        """A newcomer to a split workspace: a member of each practice whose channel they are in."""
        directory = self.directory(caller)
        person = directory.person(caller.user)
        if person is None or not person.is_person_in_workspace:
            raise Refused(core_words.NOT_A_MEMBER)
        practices = tx.practices.in_workspace(caller.platform, caller.workspace)
        learnt = {
            p.id: self._upsert(tx, p, person)
            for p in practices
            if caller.user in (channel_members(directory, p) or set())
        }
        mine = [p for p in practices if p.id in learnt]
        if not mine:
            raise Refused(core_words.not_in_a_practice(self._lead_names(tx, practices)))
        practice = next((p for p in mine if p.channel_id == caller.channel), mine[0])
        return practice, learnt[practice.id]

    @staticmethod
    def _lead_names(tx: Tx, practices: list[Practice]) -> list[str]:
        names: list[str] = []
        for practice in practices:
            for lead in tx.leads.list(practice.id):
                found = tx.members.get(practice.id, lead)
                name = found.name if found else ""
                names += [name] if name and name not in names else []
        return names

    def lead(self, tx: Tx, caller: Caller) -> Practice:
        """The caller's practice, if they are one of its leads; refused otherwise."""
        practice = self.of(tx, caller)
        self.require_lead(tx, practice, caller.user)
        return practice

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

    def member(self, tx: Tx, practice: Practice, caller: Caller) -> Member:
        """The member behind a request, learning a newcomer from the platform if need be."""
        found = tx.members.get(practice.id, caller.user)
        if found is not None and found.active:
            return found
        person = self.directory(caller).person(caller.user)
        if person is None or not person.is_person_in_workspace:
            raise Refused(core_words.NOT_A_MEMBER)
        return self._upsert(tx, practice, person)

    def join(self, caller: Caller, channel: str) -> str:
        """Join a channel for the practice, or refuse kindly if the bot may not."""
        try:
            return self.directory(caller).join(channel)
        except CannotDeliver as exc:
            raise Refused(core_words.CANNOT_JOIN) from exc

    def authorise(self, caller: Caller, action: str) -> None:
        """Refuse kindly unless the caller leads their practice, and keep a record of the refusal
        (who, what, when; never anything they wrote) in the audit log: its own transaction, so
        the record stays while nothing else changes."""
        with self.uow() as tx:
            practice = self.of(tx, caller)
            if caller.user in tx.leads.list(practice.id):
                return
            tx.audit.record(
                practice_id=practice.id,
                actor=caller.user,
                action=f"refused:{action}",
                detail={"why": "not a lead"},
                now=self.clock.now(),
            )
        raise Refused(core_words.ONLY_LEADS)

    def require_lead_of(self, caller: Caller) -> None:
        """Refuse kindly unless the caller leads their practice (before a form is even shown)."""
        with self.uow() as tx:
            self.lead(tx, caller)

    @staticmethod
    def require_lead(tx: Tx, practice: Practice, user_id: str) -> None:
        """Refuse unless `user_id` is one of the practice's leads (checked on every request)."""
        if user_id not in tx.leads.list(practice.id):
            raise Refused(core_words.ONLY_LEADS)

    def ready(
        self, caller: Caller, need: SpacePurpose | None
    ) -> tuple[Practice, Member, Space | None]:
        """The practice, the member and the space `need`ed; refused once the leads are asked."""
        with self.uow() as tx:
            practice, member = self.resolve(tx, caller)
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
            self.outbox.send(
                tx,
                practice,
                lead,
                Message(core_words.LEAD_ASKED_TO_SET_UP),
                f"setup-ask:{practice.id}:{lead}:{day}",
            )
        return None


def channel_members(directory: Directory, practice: Practice) -> set[str] | None:
    """Who is in the practice's channel; None when the platform will not say (the bot cannot
    see the channel), so nobody is taken out of a practice for the platform's silence."""
    if practice.channel_id is None:
        return None
    try:
        return directory.channel_members(practice.channel_id)
    except CannotDeliver:
        return None
