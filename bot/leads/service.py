"""The leads' console: who leads, the practice's settings, closures, the audit log.

Serves leadership (the study's conclusion: GP leaders shape the culture peer support grows in).
Every change is lead-only, checked on every request, and audited; refusals are audited too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.calendar import local_date
from bot.core.errors import Refused
from bot.core.message import Message
from bot.core.service import PeerService
from bot.core.text import Text, mention
from bot.core.values import Caller, Platform, Practice, SpacePurpose, WeekDefaults
from bot.core.week import Closure
from bot.leads import wording
from bot.leads.insights import WEEKS, Insights, insights
from bot.leads.ports import LeadsTx
from bot.leads.values import DEFAULT_DAYS, DEFAULT_HOURS, RANT_DAYS, PracticeSettings, Review

OPERATOR = "coffeeroom-cli"  # the audit log's actor for changes made on the command line
AUDIT_SHOWN = 8
CLOSURES_AHEAD = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class Console:
    """What a lead's part of Home shows, gathered in one read."""

    leads: tuple[tuple[str, str], ...]  # (user id, name)
    settings: PracticeSettings
    defaults: WeekDefaults  # nudges and check-ins for whoever has not chosen their own
    closures: tuple[Closure, ...]
    audit: tuple[Text, ...]
    insights: Insights
    review: Review | None


class Leads(PeerService[LeadsTx]):
    """Lead-only changes to who leads and how the practice uses Coffee Room."""

    # --- who leads ---------------------------------------------------------------------------
    def add_lead(self, caller: Caller, user: str) -> None:
        """A lead makes a member a lead too (and they are told, privately)."""
        self.practices.authorise(caller, "lead.add")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            self._add(tx, practice, user, caller.user)

    def remove_lead(self, caller: Caller, user: str) -> None:
        """A lead removes a lead (themselves too), never the last one."""
        self.practices.authorise(caller, "lead.remove")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            self._remove(tx, practice, user, caller.user)

    def operator(
        self, platform: Platform, workspace: str, verb: str, user: str = "", named: str = ""
    ) -> list[str]:
        """`python -m bot leads add|remove|list`: whoever runs the bot changes the leads (of the
        practice `named`, where the workspace holds several)."""
        with self.uow() as tx:
            practice = _one_practice(tx.practices.in_workspace(platform, workspace), named)
            if practice is None:
                raise Refused(f"No practice is known for {platform} workspace {workspace}.")
            if verb == "add":
                self._add(tx, practice, user, OPERATOR)
            elif verb == "remove":
                self._remove(tx, practice, user, OPERATOR)
            return list(tx.leads.list(practice.id))

    def _add(self, tx: LeadsTx, practice: Practice, user: str, by: str) -> None:
        member = tx.members.get(practice.id, user)
        if member is None or not member.active:
            raise Refused(wording.NOT_A_MEMBER_HERE, field="person")
        if not tx.leads.add(practice.id, user, self.clock.now()):
            raise Refused(wording.ALREADY_A_LEAD, field="person")
        self._audit(tx, practice, by, "lead.added", {"lead": user})
        key = f"lead-added:{practice.id}:{user}:{self.clock.now().isoformat()}"
        self.outbox.send(tx, practice, user, Message(wording.you_lead_now(by)), key)

    def _remove(self, tx: LeadsTx, practice: Practice, user: str, by: str) -> None:
        leads = tx.leads.list(practice.id)
        if user not in leads:
            raise Refused(wording.NOT_A_LEAD_NOW)
        if len(leads) == 1:
            raise Refused(wording.LAST_LEAD)
        tx.leads.remove(practice.id, user)
        self._audit(tx, practice, by, "lead.removed", {"lead": user})

    # --- settings ----------------------------------------------------------------------------
    def set_rant_days(self, caller: Caller, days: int) -> None:
        """How long shared rants stay up (at most the default 7 days); applied at once."""
        if days not in RANT_DAYS:
            raise Refused(wording.RANT_DAYS_LABEL)
        self.practices.authorise(caller, "rant_days.set")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            settings = replace(tx.practice_settings.get(practice.id), rant_days=days)
            tx.practice_settings.save(settings, self.clock.now())
            tx.practice_settings.keep_rants(practice.id, days)
            self._audit(tx, practice, caller.user, "rant_days.set", {"days": days})

    def set_anonymous(self, caller: Caller, purpose: SpacePurpose, allowed: bool) -> None:
        """Whether anonymous posts are allowed in one of the shared spaces."""
        self.practices.authorise(caller, f"anonymous_{purpose}.set")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            current = tx.practice_settings.get(practice.id)
            field = "anonymous_rants" if purpose is SpacePurpose.RANTS else "anonymous_advice"
            tx.practice_settings.save(replace(current, **{field: allowed}), self.clock.now())
            detail = {"space": str(purpose), "allowed": allowed}
            self._audit(tx, practice, caller.user, "anonymous.set", detail)

    def set_week_defaults(self, caller: Caller, defaults: WeekDefaults) -> None:
        """Nudges and check-ins on or off, and the week's moment, for every member who has not
        chosen their own (whoever has keeps their choice)."""
        if defaults.weekday not in DEFAULT_DAYS:
            raise Refused(wording.BAD_DEFAULT_DAY, field="day")
        if defaults.hour not in DEFAULT_HOURS:
            raise Refused(wording.BAD_DEFAULT_HOUR, field="hour")
        self.practices.authorise(caller, "week_defaults.set")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            tx.practices.set_defaults(practice.id, defaults)
            detail: dict[str, object] = {
                "nudges": defaults.nudges_on,
                "checkins": defaults.checkins_on,
                "weekday": defaults.weekday,
                "hour": defaults.hour,
            }
            self._audit(tx, practice, caller.user, "week_defaults.set", detail)

    def week_defaults(self, caller: Caller) -> WeekDefaults:
        """The practice's defaults, for a lead about to change them."""
        self.practices.authorise(caller, "console.open")
        with self.uow.read() as tx:
            return self.practices.lead(tx, caller).defaults

    def anonymous_allowed(self, caller: Caller, purpose: SpacePurpose) -> bool:
        """Whether the caller's practice allows anonymous posts in that space."""
        with self.uow.read() as tx:
            practice = self.practices.known(tx, caller)
            if practice is None:
                return True
            settings = tx.practice_settings.get(practice.id)
        return (
            settings.anonymous_rants if purpose is SpacePurpose.RANTS else settings.anonymous_advice
        )

    def keep_rants(self) -> int:
        """Apply each practice's retention to rants shared since (a job: cheap, idempotent)."""
        changed = 0
        with self.uow() as tx:
            for practice in tx.practices.all():
                days = tx.practice_settings.get(practice.id).rant_days
                changed += tx.practice_settings.keep_rants(practice.id, days)
        return changed

    # --- closures ----------------------------------------------------------------------------
    def remove_closure(self, caller: Caller, value: str) -> None:
        """Take away a closure or protected-learning (half) day: 'YYYY-MM-DD'."""
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise Refused(wording.NO_SUCH_CLOSURE) from exc
        self.practices.authorise(caller, "closure.remove")
        with self.uow() as tx:
            practice = self.practices.lead(tx, caller)
            if not tx.closures.remove(practice.id, day):
                raise Refused(wording.NO_SUCH_CLOSURE)
            self._audit(tx, practice, caller.user, "closure.removed", {"day": value})

    # --- what a lead sees --------------------------------------------------------------------
    def console(self, caller: Caller) -> Console | None:
        """A lead's console; None for anyone else (who sees none of it)."""
        now = self.clock.now()
        with self.uow.read() as tx:
            practice = self.practices.known(tx, caller)
            if practice is None or caller.user not in tx.leads.list(practice.id):
                return None
            today = local_date(now, practice.timezone)
            names = {m.user_id: m.name for m in tx.members.active(practice.id)}
            return Console(
                leads=tuple((u, names.get(u, u)) for u in tx.leads.list(practice.id)),
                settings=tx.practice_settings.get(practice.id),
                defaults=practice.defaults,
                closures=tuple(tx.closures.between(practice.id, today, today + CLOSURES_AHEAD)),
                audit=tuple(self.audit_lines(tx, practice, AUDIT_SHOWN)),
                insights=self.figures(tx, practice, now),
                review=tx.reviews.current(practice.id),
            )

    def figures(self, tx: LeadsTx, practice: Practice, now: datetime) -> Insights:
        """Thirteen weeks of protected figures for one practice."""
        today = local_date(now, practice.timezone)
        start = now - timedelta(weeks=WEEKS, days=1)
        acts = tx.activity.since(practice.id, start)
        return insights(acts, today, practice.timezone, len(tx.members.active(practice.id)))

    def audit_lines(self, tx: LeadsTx, practice: Practice, limit: int) -> list[Text]:
        """The audit log in words: a refusal never names who tried."""
        lines = []
        for entry in tx.audit.recent(practice.id, limit):
            action, refused = str(entry["action"]), str(entry["action"]).startswith("refused:")
            actor = str(entry["actor"])
            who = (
                Text(wording.SOMEONE)
                if refused
                else Text(wording.FORMER_MEMBER)
                if actor == "a former member"
                else Text(wording.COFFEE_ROOM)
                if actor in ("coffeeroom", OPERATOR)
                else Text(mention(actor))
            )
            at = entry["at"]
            assert isinstance(at, datetime)
            local = at.astimezone(ZoneInfo(practice.timezone))
            lines.append(wording.audit_line(local, who, action.removeprefix("refused:"), refused))
        return lines

    def full_audit(self, caller: Caller) -> list[Text]:
        """The last 50 changes, for a lead."""
        self.practices.authorise(caller, "audit.read")
        with self.uow.read() as tx:
            practice = self.practices.lead(tx, caller)
            return self.audit_lines(tx, practice, 50)

    def require(self, caller: Caller) -> None:
        """Refuse kindly (and audit it) unless the caller leads: before a form is even shown."""
        self.practices.authorise(caller, "console.open")

    def _audit(
        self, tx: LeadsTx, practice: Practice, actor: str, action: str, detail: dict[str, object]
    ) -> None:
        tx.audit.record(
            practice_id=practice.id, actor=actor, action=action, detail=detail, now=self.clock.now()
        )


def _one_practice(practices: list[Practice], named: str) -> Practice | None:
    """The workspace's practice, or (where it holds several) the one `named`."""
    if named:
        found = [p for p in practices if p.name.casefold() == named.strip().casefold()]
        if not found:
            raise Refused(wording.no_practice_named(named, [p.name for p in practices]))
        return found[0]
    if len(practices) > 1:
        raise Refused(wording.which_practice([p.name for p in practices]))
    return practices[0] if practices else None
