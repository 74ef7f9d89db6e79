"""Practices inside one workspace (a PCN): a lead makes a practice of a channel's members, each
practice keeps its own name, time zone and bank holidays, and a locum chooses whom they act for."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.core.calendar import Region
from bot.core.errors import Refused
from bot.core.people import People
from bot.core.ports import CannotDeliver, Tx
from bot.core.values import Caller, Platform, PlatformUser, Practice
from bot.practices import wording

MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class NewPractice:
    """What a lead asks for: a channel whose members become a practice, and its settings."""

    channel: str
    name: str = ""  # '' takes the channel's name
    timezone: str = ""  # '' keeps the splitting practice's
    region: str = ""  # '' keeps the splitting practice's
    first_channel: str = ""  # the current practice's channel, the first time a workspace splits


@dataclass(frozen=True, slots=True)
class Made:
    """A practice just made, and how many people its channel gave it."""

    practice: Practice
    members: int


@cache
def _zones() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def valid_zone(text: str) -> str:
    """An IANA time zone name, however it was capitalised; '' for none; refused if unknown."""
    typed = text.strip()
    if not typed:
        return ""
    name = _zones().get(typed.lower(), typed)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise Refused(wording.BAD_ZONE, field="timezone") from exc
    return name


def valid_region(text: str) -> str:
    if text and text not in {r.value for r in Region}:
        raise Refused(wording.PICK_REGION, field="region")
    return text


def valid_name(text: str) -> str:
    name = " ".join(text.split())
    if len(name) > MAX_NAME:
        raise Refused(wording.NAME_TOO_LONG, field="name")
    return name


class Divisions(People):
    """Splitting a workspace into practices, each practice's own settings, and acting for one."""

    def split(self, caller: Caller, new: NewPractice) -> Made:
        """A lead makes a practice of a channel's members (the first time, the current practice
        becomes the first channel's, keeping all its records). Only leads may; Slack only."""
        new = NewPractice(
            new.channel,
            valid_name(new.name),
            valid_zone(new.timezone),
            valid_region(new.region),
            new.first_channel,
        )
        if not new.channel:
            raise Refused(wording.PICK_A_CHANNEL, field="channel")
        self.authorise(caller, "practices.split")
        if caller.platform is Platform.TEAMS:
            raise Refused(wording.SPLIT_NOT_HERE)
        with self.uow.read() as tx:
            unsplit = self.lead(tx, caller).channel_id is None
        first = new.first_channel if unsplit else ""  # the first time: the current practice's
        inside = self._channels(caller, new, first, unsplit)
        people = {p.user_id: p for p in self.directory(caller).people() if p.is_person_in_workspace}
        with self.uow() as tx:
            current = self.lead(tx, caller)  # checked again: leads can change meanwhile
            name = new.name or inside[new.channel][0]
            self._free(tx, caller, new.channel, name)
            if first and current.channel_id is None:
                self._narrow(
                    tx, current, first, [people[u] for u in inside[first][1] & people.keys()]
                )
            made = self._create(tx, current, new, name)
            joined = [people[u] for u in inside[new.channel][1] & people.keys()]
            self._fill(tx, made, joined, caller.user)
            self._audit_split(tx, current, made, caller.user)
            return Made(tx.practices.get(made.id), len(joined))

    def _channels(
        self, caller: Caller, new: NewPractice, first: str, unsplit: bool
    ) -> dict[str, tuple[str, set[str]]]:
        """Each chosen channel's name and members (the first time, both channels are needed)."""
        if unsplit and not first:
            raise Refused(wording.PICK_A_CHANNEL, field="first_channel")
        if first == new.channel:
            raise Refused(wording.SAME_CHANNEL, field="channel")
        return {ch: self._channel(caller, ch) for ch in (first, new.channel) if ch}

    def _create(self, tx: Tx, current: Practice, new: NewPractice, name: str) -> Practice:
        made = tx.practices.create(
            platform=current.platform,
            workspace_id=current.workspace_id,
            name=name,
            timezone=new.timezone or current.timezone,
            now=self.clock.now(),
        )
        tx.practices.define(made.id, name=name, channel_id=new.channel)
        tx.practices.set_region(made.id, new.region or current.holiday_region)
        tx.practices.set_defaults(made.id, current.defaults)  # its leads can change them
        return made

    def _channel(self, caller: Caller, channel: str) -> tuple[str, set[str]]:
        """A channel's name (the bot joins it) and its members; refused if the bot cannot see."""
        name = self.join(caller, channel)
        try:
            return name, self.directory(caller).channel_members(channel)
        except CannotDeliver as exc:
            raise Refused(wording.CANNOT_SEE_CHANNEL, field="channel") from exc

    @staticmethod
    def _free(tx: Tx, caller: Caller, channel: str, name: str) -> None:
        for other in tx.practices.in_workspace(caller.platform, caller.workspace):
            if other.channel_id == channel:
                raise Refused(wording.CHANNEL_TAKEN, field="channel")
            if other.name.lower() == name.lower():
                raise Refused(wording.NAME_TAKEN, field="name")

    def _narrow(
        self, tx: Tx, practice: Practice, channel: str, people: Collection[PlatformUser]
    ) -> None:
        """The workspace's practice becomes its first channel's: records kept, others leave."""
        tx.practices.define(practice.id, name=practice.name, channel_id=channel)
        for person in people:
            self._upsert(tx, practice, person)
        keep = {p.user_id for p in people}
        tx.members.deactivate_except(practice.id, keep, self.clock.now())

    def _fill(self, tx: Tx, practice: Practice, people: list[PlatformUser], lead: str) -> None:
        """A new practice's members, and its leads: the lead who made it, and the channel's
        workspace owners and admins (as a new workspace's are seeded)."""
        now = self.clock.now()
        for person in people:
            self._upsert(tx, practice, person)
        tx.leads.add(practice.id, lead, now)
        for person in people:
            if person.owner or person.admin:
                tx.leads.add(practice.id, person.user_id, now)

    def _audit_split(self, tx: Tx, current: Practice, made: Practice, actor: str) -> None:
        detail = {"practice": made.id, "channel": made.channel_id, "leads": tx.leads.list(made.id)}
        for practice in (current, made):
            tx.audit.record(
                practice_id=practice.id,
                actor=actor,
                action="practices.split",
                detail=dict(detail),
                now=self.clock.now(),
            )

    def settle(self, caller: Caller, *, name: str, timezone: str, region: str) -> Practice:
        """A lead changes their practice's name, time zone or bank-holiday region."""
        zone, region, name = valid_zone(timezone), valid_region(region), valid_name(name)
        self.authorise(caller, "practice.settings")
        with self.uow() as tx:
            practice = self.lead(tx, caller)
            if name and name != practice.name:
                others = tx.practices.in_workspace(caller.platform, caller.workspace)
                if any(p.name.lower() == name.lower() and p.id != practice.id for p in others):
                    raise Refused(wording.NAME_TAKEN, field="name")
                tx.practices.define(practice.id, name=name, channel_id=practice.channel_id)
            if zone:
                tx.practices.set_timezone(practice.id, zone)
            if region:
                tx.practices.set_region(practice.id, region)
            detail = {"name": name, "timezone": zone, "region": region}
            tx.audit.record(
                practice_id=practice.id,
                actor=caller.user,
                action="practice.settings",
                detail=detail,
                now=self.clock.now(),
            )
            return tx.practices.get(practice.id)

    def current(self, caller: Caller) -> Practice:
        """The practice the caller acts in now (for a form about it)."""
        with self.uow() as tx:
            return self.of(tx, caller)

    def mine(self, caller: Caller) -> list[str]:
        """The names of the practices the caller is in here, the one they act for first."""
        with self.uow.read() as tx:
            return [
                p.name for p in tx.practices.joined(caller.platform, caller.workspace, caller.user)
            ]

    def act_for(self, caller: Caller, practice: str) -> Practice:
        """Someone in several practices chooses which one they act for (by id or by name)."""
        with self.uow() as tx:
            mine = tx.practices.joined(caller.platform, caller.workspace, caller.user)
            wanted = practice.strip().lower()
            found = next((p for p in mine if wanted in (str(p.id), p.name.lower())), None)
            if found is None:
                raise Refused(wording.NOT_YOUR_PRACTICE)
            tx.members.choose(found.id, caller.user, self.clock.now())
            return found
