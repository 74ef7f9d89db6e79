"""Each GP's own settings: working pattern, leave, pauses, nudges and check-ins, role.

Serves job demands (nothing lands in a surgery), self-perception (check-ins are opt-in and
private) and familiarity (a self-declared role). Only the GP changes their own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.core import wording as core_words
from bot.core.calendar import local_date, parse_sessions
from bot.core.errors import Refused
from bot.core.ports import Tx
from bot.core.service import PeerService
from bot.core.values import Caller, Role
from bot.core.week import CheckIn, Preferences, with_defaults
from bot.preferences import wording


class PreferenceService(PeerService[Tx]):
    """Reads and changes one GP's preferences, always their own."""

    def get(self, caller: Caller) -> Preferences:
        with self.uow.read() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            return with_defaults(tx.preferences.get(practice.id, caller.user), practice)

    def today(self, caller: Caller) -> date:
        """Today, in the caller's practice."""
        with self.uow.read() as tx:
            practice = self.practices.of(tx, caller)
        return local_date(self.clock.now(), practice.timezone)

    def trend(self, caller: Caller) -> list[CheckIn]:
        """The GP's own check-ins, oldest first (for their eyes only)."""
        with self.uow.read() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            return tx.checkins.history(practice.id, caller.user, 12)

    def change(self, caller: Caller, **changes: object) -> Preferences:
        """Apply `changes`: nudges_on, checkins_on, snoozed_until, sessions, quiet
        (a (start, end) pair of times), paused_until."""
        paused = changes.get("paused_until")
        if isinstance(paused, date) and paused < self.clock.now().date():
            raise Refused(wording.PAUSE_IN_THE_PAST, field="paused_until")
        if changes.get("nudges_on") is True:
            changes.setdefault("snoozed_until", None)  # turning them on means now
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            prefs = with_defaults(tx.preferences.get(practice.id, caller.user), practice)
            prefs = _apply(prefs, changes)
            tx.preferences.save(prefs, self.clock.now())
            return prefs

    def add_leave(self, caller: Caller, *, starts: date, ends: date) -> None:
        if ends < starts:
            raise Refused(wording.BAD_RANGE, field="ends")
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            tx.preferences.add_leave(practice.id, caller.user, starts, ends)

    def clear_leave(self, caller: Caller) -> str:
        """Cancel every leave the GP has booked (plans change)."""
        with self.uow() as tx:
            practice, _ = self.practices.resolve(tx, caller)
            tx.preferences.clear_leave(practice.id, caller.user)
        return wording.LEAVE_CLEARED

    def set_role(self, caller: Caller, *, role: Role) -> None:
        with self.uow() as tx:
            _, member = self.practices.resolve(tx, caller)
            tx.members.upsert(replace(member, role=role), self.clock.now())


def _apply(prefs: Preferences, changes: dict[str, object]) -> Preferences:
    pattern = prefs.pattern
    customised = prefs.customised
    if "sessions" in changes:
        try:
            pattern = replace(pattern, sessions=parse_sessions(str(changes.pop("sessions"))))
        except ValueError as exc:
            raise Refused(wording.BAD_SESSIONS, field="sessions") from exc
        customised = True
    if "quiet" in changes:
        quiet = changes.pop("quiet")
        if not (isinstance(quiet, tuple) and len(quiet) == 2):
            raise Refused(core_words.BAD_TIME, field="quiet")
        pattern = replace(pattern, quiet=quiet)
    if "paused_until" in changes:
        paused = changes.pop("paused_until")
        pattern = replace(pattern, paused_until=paused if isinstance(paused, date) else None)
    allowed = {"nudges_on", "checkins_on", "snoozed_until"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown preferences: {sorted(unknown)}")
    return replace(prefs, pattern=pattern, customised=customised, **changes)  # type: ignore[arg-type]
