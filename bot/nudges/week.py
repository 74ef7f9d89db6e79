"""One practice's week as the nudge job sees it: read once, in bulk, then decided in memory.

Every member is considered against the same snapshot, so a pass costs a fixed number of queries
per practice and time linear in its members, whatever their number."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.calendar import Region, local_date, recurs_on, week_of
from bot.core.choosing import pick
from bot.core.text import Words
from bot.core.values import Member, Practice
from bot.core.week import Preferences, skipped, with_defaults
from bot.nudges import wording
from bot.nudges.ports import NudgesTx

THANKS_WINDOW = timedelta(days=14)


@dataclass
class NudgeWeek:
    """What the job needs to know about one practice this week."""

    practice: Practice
    now: datetime
    week: str
    members: list[Member]
    prefs: dict[str, Preferences]
    leads: set[str]
    had: set[str]  # nudged already this week
    last: dict[str, str]  # each member's last kind of nudge
    contacts: dict[str, set[str]]
    unthanked: dict[str, list[str]]
    ahead: Words  # protected time still to come this week, or ''
    ids: list[str] = field(default_factory=list)  # every member's id, in a stable order

    @classmethod
    def load(cls, tx: NudgesTx, practice: Practice, now: datetime) -> NudgeWeek:
        monday, week = week_of(now, practice.timezone)
        members = tx.members.active(practice.id)
        return cls(
            practice=practice,
            now=now,
            week=week,
            members=members,
            prefs=tx.preferences.of_practice(practice.id),
            leads=set(tx.leads.list(practice.id)),
            had=nudged_in_workspace(tx, practice, now),
            last=tx.nudges.last_kinds(practice.id),
            contacts=tx.contacts.all(practice.id),
            unthanked=tx.answers.unthanked_by_asker(practice.id, now - THANKS_WINDOW),
            ahead=protected_time_ahead(tx, practice, now, monday),
            ids=sorted(m.user_id for m in members),
        )

    def preferences(self, user: str) -> Preferences:
        """Their own settings, or (for whoever chose none) the practice's defaults."""
        mine = self.prefs.get(user) or Preferences(self.practice.id, user)
        return with_defaults(mine, self.practice)

    def choose(self, member: Member) -> tuple[str, Words]:
        """What would help most now, avoiding last week's kind when there is a choice."""
        user, week = member.user_id, self.week
        options: list[tuple[str, Words]] = []
        if user in self.leads:
            options.append(("go_first", pick(list(wording.LEAD_GO_FIRST), user, week)))
        if self.ahead:
            options.append(("protected_time", self.ahead))
        helpers = self.unthanked.get(user)
        if helpers:
            options.append(("thanks", wording.nudge_thanks(helpers[-1])))
        stranger = self.stranger(user)
        if stranger:
            options.append(("new_colleague", wording.nudge_new_colleague(stranger)))
        options.append(("general", pick(list(wording.NUDGE_GENERAL), user, week)))
        fresh = [o for o in options if o[0] != self.last.get(user)] or options
        return fresh[0]

    def stranger(self, user: str) -> str:
        """A colleague they have not been in touch with: a stable choice for this person and
        week, found by walking from a point that depends on both (not by listing everyone)."""
        known = self.contacts.get(user, set()) | {user}
        if len(known) >= len(self.ids):
            return ""
        digest = hashlib.sha256(f"{user}:{self.week}".encode()).digest()
        start = int.from_bytes(digest[:4], "big") % len(self.ids)
        for step in range(len(self.ids)):
            candidate = self.ids[(start + step) % len(self.ids)]
            if candidate not in known:
                return candidate
        return ""


def nudged_in_workspace(tx: NudgesTx, practice: Practice, now: datetime) -> set[str]:
    """Who has had this week's nudge from any practice of the workspace (each practice's week
    in its own zone): a GP in several practices (a locum) gets one a week in all."""
    had: set[str] = set()
    for each in tx.practices.in_workspace(practice.platform, practice.workspace_id):
        had |= tx.nudges.users_in(each.id, week_of(now, each.timezone)[1])
    return had


def protected_time_ahead(tx: NudgesTx, practice: Practice, now: datetime, monday: date) -> Words:
    """The next protected time still to come this week, in words, or '' if there is none."""
    local = now.astimezone(ZoneInfo(practice.timezone))
    closures = tx.closures.between(practice.id, monday, monday + timedelta(days=6))
    region = Region(practice.holiday_region)
    for slot in tx.slots.active(practice.id):
        for offset in range(7):
            day = monday + timedelta(days=offset)
            later = day > local.date() or (day == local.date() and slot.start > local.time())
            if (
                later
                and recurs_on(
                    day, weekday=slot.weekday, every_weeks=slot.every_weeks, anchor=slot.anchor
                )
                and not skipped(slot, day, region, closures)
            ):
                return wording.nudge_protected_time(
                    slot.kind, slot.weekday, slot.start, slot.channel_name
                )
    return ""


def today(week: NudgeWeek) -> date:
    return local_date(week.now, week.practice.timezone)
