"""Practices, their members, leads and shared spaces: who belongs, who decides, where things go."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot import wording
from bot.calendar import local_date
from bot.model import (
    DeliveryKind,
    HomeView,
    Member,
    Message,
    Platform,
    PlatformUser,
    Practice,
    Role,
    Space,
    SpacePurpose,
)
from bot.outbox import Outbox
from bot.ports import CannotDeliver, Clock, Directory, Tx, UnitOfWork

log = logging.getLogger(__name__)


class Refused(Exception):
    """A request the bot says no to, kindly; `text` is shown to the person and nothing changes.

    `field` names the form field it is about, when there is one.
    """

    def __init__(self, text: str, field: str = "") -> None:
        super().__init__(text)
        self.text = text
        self.field = field


@dataclass(frozen=True, slots=True)
class RosterReport:
    """What a roster sync changed (counts only)."""

    practice_id: int
    members: int
    deactivated: int
    leads_seeded: int


class Practices:
    """Keeps each practice's roster, leads and spaces, and says who may do what."""

    def __init__(self, *, uow: UnitOfWork, outbox: Outbox, clock: Clock, timezone: str) -> None:
        self.uow = uow
        self.outbox = outbox
        self.clock = clock
        self.timezone = timezone

    # --- roster ---------------------------------------------------------------------------
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

    def sync_roster(self, platform: Platform, directory: Directory) -> RosterReport:
        """Make members match the workspace's people; seed leads if there are none yet."""
        workspace = directory.workspace()
        people = [p for p in directory.people() if p.is_person_in_workspace]
        now = self.clock.now()
        with self.uow() as tx:
            practice = self.practice_for(tx, platform, workspace)
            for person in people:
                self._upsert(tx, practice, person)
            gone = tx.members.deactivate_except(practice.id, {p.user_id for p in people}, now)
            seeded = 0
            if not tx.leads.list(practice.id):
                for person in people:
                    if person.owner or person.admin:
                        seeded += tx.leads.add(practice.id, person.user_id, now)
                self._audit_seed(tx, practice, seeded)
        log.info("roster synced: %d members, %d left, %d leads seeded", len(people), gone, seeded)
        return RosterReport(practice.id, len(people), gone, seeded)

    def learn(self, *, platform: Platform, directory: Directory, person: PlatformUser) -> None:
        """Someone joined, changed or left the workspace: keep their membership true."""
        with self.uow() as tx:
            practice = self.practice_for(tx, platform, directory.workspace())
            if person.is_person_in_workspace:
                self._upsert(tx, practice, person)
                return
            existing = tx.members.get(practice.id, person.user_id)
            if existing is not None and existing.active:
                tx.members.upsert(replace(existing, active=False), self.clock.now())

    def _audit_seed(self, tx: Tx, practice: Practice, seeded: int) -> None:
        if seeded:
            tx.audit.record(
                practice_id=practice.id,
                actor="coffeeroom",
                action="leads.seeded",
                detail={"leads": list(tx.leads.list(practice.id)), "why": "owners and admins"},
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
            raise Refused(wording.NOT_A_MEMBER)
        return self._upsert(tx, practice, person)

    # --- home -----------------------------------------------------------------------------
    def open_home(
        self,
        *,
        platform: Platform,
        directory: Directory,
        user_id: str,
        event_key: str,
        show: Callable[[HomeView], None],
    ) -> bool:
        """Show a person their home once per event, however often the event is retried."""
        with self.uow() as tx:
            if not tx.events.claim(event_key, self.clock.now()):
                return False
            view = self._home(tx, platform, directory, user_id)
            show(view)  # inside the transaction: if it fails, the event is not marked handled
        return True

    def home(self, *, platform: Platform, directory: Directory, user_id: str) -> HomeView:
        """The home view for one person, now."""
        with self.uow() as tx:
            return self._home(tx, platform, directory, user_id)

    def _home(self, tx: Tx, platform: Platform, directory: Directory, user_id: str) -> HomeView:
        practice = self.practice_for(tx, platform, directory.workspace())
        member = self.member(tx, practice, user_id, directory)
        leads = tx.leads.list(practice.id)
        is_lead = user_id in leads
        return HomeView(
            practice=practice,
            member=member,
            is_lead=is_lead,
            spaces=tx.spaces.all(practice.id),
            leads=leads,
            today=local_date(self.clock.now(), practice.timezone),
            preferences=tx.preferences.get(practice.id, user_id),
            trend=tuple(tx.checkins.history(practice.id, user_id, 12)),
            slots=tuple(tx.slots.active(practice.id)) if is_lead else (),
        )

    # --- spaces ---------------------------------------------------------------------------
    def set_spaces(
        self,
        *,
        platform: Platform,
        directory: Directory,
        actor: str,
        channels: dict[SpacePurpose, str],
    ) -> HomeView:
        """A lead chooses the shared channels; the bot joins them. Only leads may."""
        if set(channels) != set(SpacePurpose) or not all(channels.values()):
            raise Refused(wording.SETUP_NEEDS_BOTH)
        workspace = directory.workspace()
        with self.uow() as tx:
            practice = self.practice_for(tx, platform, workspace)
            self.require_lead(tx, practice, actor)
        names = {purpose: self.join(directory, ch) for purpose, ch in channels.items()}
        with self.uow() as tx:
            practice = self.practice_for(tx, platform, workspace)
            self.require_lead(tx, practice, actor)  # checked again: leads can change meanwhile
            for purpose, channel in channels.items():
                tx.spaces.set(
                    Space(practice.id, purpose, channel, names[purpose]), self.clock.now()
                )
            tx.audit.record(
                practice_id=practice.id,
                actor=actor,
                action="spaces.set",
                detail={p.value: channels[p] for p in channels},
                now=self.clock.now(),
            )
            return self._home(tx, platform, directory, actor)

    def create_spaces(self, *, platform: Platform, directory: Directory, actor: str) -> HomeView:
        """A lead asks the bot to create the two default channels."""
        with self.uow() as tx:
            self.require_lead(tx, self.practice_for(tx, platform, directory.workspace()), actor)
        rants, _ = directory.create_channel("coffee-room")
        advice, _ = directory.create_channel("run-it-past")
        channels = {SpacePurpose.RANTS: rants, SpacePurpose.ADVICE: advice}
        return self.set_spaces(
            platform=platform, directory=directory, actor=actor, channels=channels
        )

    @staticmethod
    def join(directory: Directory, channel: str) -> str:
        """Join a channel for the practice, or refuse kindly if the bot may not."""
        try:
            return directory.join(channel)
        except CannotDeliver as exc:
            raise Refused(wording.CANNOT_JOIN) from exc

    @staticmethod
    def require_lead(tx: Tx, practice: Practice, user_id: str) -> None:
        """Refuse unless `user_id` is one of the practice's leads (checked on every request)."""
        if user_id not in tx.leads.list(practice.id):
            raise Refused(wording.ONLY_LEADS)

    def ready(
        self, *, platform: Platform, directory: Directory, user_id: str, need: SpacePurpose | None
    ) -> tuple[Practice, Member, Space | None]:
        """The practice, the member and the space `need`ed; refused once the leads are asked."""
        with self.uow() as tx:
            practice = self.practice_for(tx, platform, directory.workspace())
            member = self.member(tx, practice, user_id, directory)
            spaces = self.spaces_or_ask_leads(tx, practice) if need else {}
        if spaces is None:  # refused after the commit, so the request to the leads is kept
            raise Refused(wording.WAITING_FOR_LEAD)
        return practice, member, spaces[need] if need else None

    def colleague(self, tx: Tx, practice: Practice, me: str, user_id: str) -> Member:
        """Someone to send to: an active member of the practice, and not oneself."""
        if not user_id:
            raise Refused(wording.PICK_A_COLLEAGUE, field="colleague")
        if user_id == me:
            raise Refused(wording.NOT_YOURSELF, field="colleague")
        found = tx.members.get(practice.id, user_id)
        if found is None or not found.active:
            raise Refused(wording.NOT_A_COLLEAGUE, field="colleague")
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
                message=Message(wording.LEAD_ASKED_TO_SET_UP),
                dedupe_key=f"setup-ask:{practice.id}:{lead}:{day}",
            )
        return None
