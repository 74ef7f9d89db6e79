"""Practices, their members, leads and shared spaces: who belongs, who decides, where things go."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.core.calendar import local_date
from bot.core.errors import Refused
from bot.core.home import HomeView
from bot.core.people import channel_members
from bot.core.ports import Directory, Tx
from bot.core.values import Caller, Platform, PlatformUser, Practice, Space, SpacePurpose
from bot.core.week import with_defaults
from bot.practices import wording
from bot.practices.split import Divisions

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RosterReport:
    """What a roster sync changed (counts only)."""

    practice_id: int
    members: int
    deactivated: int
    leads_seeded: int


ROSTER_BATCH = 500  # people written per transaction when a roster is learnt


class Practices(Divisions):
    """Keeps rosters, leads and spaces up to date, and shows each person their home."""

    def sync_roster(self, platform: Platform, directory: Directory) -> RosterReport:
        """Make members match the workspace's people (or, in a workspace split into practices,
        each practice's channel); seed each practice's leads if it has none yet."""
        workspace, _ = directory.workspace()
        people = [p for p in directory.people() if p.is_person_in_workspace]
        with self.uow() as tx:
            found = tx.practices.in_workspace(platform, workspace)
            practices = found or [self.practice(tx, platform, workspace)]
        reports = [self._sync(practice, directory, people) for practice in practices]
        return RosterReport(
            practices[0].id,
            sum(r.members for r in reports),
            sum(r.deactivated for r in reports),
            sum(r.leads_seeded for r in reports),
        )

    def _sync(
        self, practice: Practice, directory: Directory, people: list[PlatformUser]
    ) -> RosterReport:
        if practice.channel_id is not None:
            inside = channel_members(directory, practice)
            if inside is None:  # the bot cannot see the channel: change nobody meanwhile
                log.warning("roster sync: practice %d's channel cannot be read", practice.id)
                return RosterReport(practice.id, 0, 0, 0)
            people = [p for p in people if p.user_id in inside]
        now = self.clock.now()
        for start in range(0, len(people), ROSTER_BATCH):  # short writes: nobody waits long
            with self.uow() as tx:
                for person in people[start : start + ROSTER_BATCH]:
                    self._upsert(tx, practice, person)
        with self.uow() as tx:
            gone = tx.members.deactivate_except(practice.id, {p.user_id for p in people}, now)
            seeded = 0
            if not tx.leads.list(practice.id):
                for person in people:
                    if person.owner or person.admin:
                        seeded += tx.leads.add(practice.id, person.user_id, now)
                self._audit_seed(tx, practice, seeded)
        log.info("roster synced: %d members, %d left, %d leads seeded", len(people), gone, seeded)
        return RosterReport(practice.id, len(people), gone, seeded)

    def learn(self, platform: Platform, workspace: str, person: PlatformUser) -> None:
        """Someone joined, changed or left the workspace: keep their membership true (in a
        workspace split into practices, joining a practice is joining its channel)."""
        with self.uow() as tx:
            practices = tx.practices.in_workspace(platform, workspace)
            for practice in practices or [self.practice(tx, platform, workspace)]:
                existing = tx.members.get(practice.id, person.user_id)
                was_in = existing is not None and existing.active
                if person.is_person_in_workspace and (practice.channel_id is None or was_in):
                    self._upsert(tx, practice, person)
                elif not person.is_person_in_workspace and existing is not None and was_in:
                    tx.members.upsert(replace(existing, active=False), self.clock.now())

    def defines_a_practice(self, platform: Platform, workspace: str, channel: str) -> bool:
        """Whether `channel` is a practice's own (so who joins or leaves it matters)."""
        with self.uow.read() as tx:
            practices = tx.practices.in_workspace(platform, workspace)
        return any(p.channel_id == channel for p in practices)

    def channel_changed(
        self,
        platform: Platform,
        workspace: str,
        channel: str,
        person: PlatformUser,
        *,
        joined: bool,
    ) -> None:
        """Someone joined or left a channel (Slack's member_joined_channel / member_left_channel):
        if the channel is a practice's, they join or leave that practice at once."""
        with self.uow() as tx:
            for practice in tx.practices.in_workspace(platform, workspace):
                if practice.channel_id != channel:
                    continue
                existing = tx.members.get(practice.id, person.user_id)
                if joined and person.is_person_in_workspace:
                    self._upsert(tx, practice, person)
                elif existing is not None and existing.active:
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

    def open_home(
        self, caller: Caller, *, event_key: str, show: Callable[[HomeView], None]
    ) -> bool:
        """Show a person their home once per event, however often the event is retried."""
        with self.uow() as tx:
            if not tx.events.claim(event_key, self.clock.now()):
                return False
            view = self._home(tx, caller)
            show(view)  # inside the transaction: if it fails, the event is not marked handled
        return True

    def home(self, caller: Caller) -> HomeView:
        """The home view for one person, now (read without taking a write lock up front)."""
        with self.uow.read() as tx:
            return self._home(tx, caller)

    def _home(self, tx: Tx, caller: Caller) -> HomeView:
        practice, member = self.resolve(tx, caller)
        leads = tx.leads.list(practice.id)
        is_lead = caller.user in leads
        return HomeView(
            practice=practice,
            member=member,
            is_lead=is_lead,
            spaces=tx.spaces.all(practice.id),
            leads=leads,
            today=local_date(self.clock.now(), practice.timezone),
            preferences=with_defaults(tx.preferences.get(practice.id, caller.user), practice),
            trend=tuple(tx.checkins.history(practice.id, caller.user, 12)),
            slots=tuple(tx.slots.active(practice.id)) if is_lead else (),
            elsewhere=tuple(
                p
                for p in tx.practices.joined(caller.platform, caller.workspace, caller.user)
                if p.id != practice.id
            ),
        )

    def set_spaces(self, caller: Caller, channels: dict[SpacePurpose, str]) -> HomeView:
        """A lead chooses the shared channels; the bot joins them. Only leads may."""
        missing = [p for p in SpacePurpose if not channels.get(p)]
        if missing:
            raise Refused(wording.SETUP_NEEDS_BOTH, field=missing[0].value)
        self.authorise(caller, "spaces.set")
        names = {purpose: self.join(caller, ch) for purpose, ch in channels.items()}
        with self.uow() as tx:
            practice = self.lead(tx, caller)  # checked again: leads can change meanwhile
            self._not_anothers(tx, practice, channels)
            for purpose, channel in channels.items():
                tx.spaces.set(
                    Space(practice.id, purpose, channel, names[purpose]), self.clock.now()
                )
            tx.audit.record(
                practice_id=practice.id,
                actor=caller.user,
                action="spaces.set",
                detail={p.value: channels[p] for p in channels},
                now=self.clock.now(),
            )
            return self._home(tx, caller)

    def _not_anothers(self, tx: Tx, practice: Practice, channels: dict[SpacePurpose, str]) -> None:
        """In a workspace of several practices, a channel that is another's stays theirs: its
        posts would be read by the other practice's members."""
        for other in tx.practices.in_workspace(practice.platform, practice.workspace_id):
            taken = self._own_channels(tx, other) if other.id != practice.id else set()
            for purpose, channel in channels.items():
                if channel in taken:
                    raise Refused(wording.anothers_channel(other.name), field=purpose.value)

    def create_spaces(self, caller: Caller) -> HomeView:
        """A lead asks the bot to create the two default channels (named after the practice
        where a workspace holds several, so each practice gets its own)."""
        self.authorise(caller, "spaces.create")
        with self.uow.read() as tx:
            practice = self.of(tx, caller)
            several = len(tx.practices.in_workspace(caller.platform, caller.workspace)) > 1
        suffix = f"-{channel_slug(practice.name)}" if several else ""
        directory = self.directory(caller)
        rants, _ = directory.create_channel(f"coffee-room{suffix}")
        advice, _ = directory.create_channel(f"run-it-past{suffix}")
        return self.set_spaces(caller, {SpacePurpose.RANTS: rants, SpacePurpose.ADVICE: advice})


def channel_slug(name: str) -> str:
    """A practice's name as Slack allows in a channel's name: lower case, digits, hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "practice"
