"""Each GP's own settings: working pattern, leave, pauses, nudges and check-ins, role.

Serves job demands (nothing lands in a surgery), self-perception (check-ins are opt-in and
private) and familiarity (a self-declared role). Only the GP changes their own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.core import wording as core_words
from bot.core.calendar import parse_sessions
from bot.core.errors import Refused
from bot.core.ports import Directory, Tx
from bot.core.service import PeerService
from bot.core.values import Platform, Role
from bot.core.week import Preferences
from bot.nudges import wording as nudges_words
from bot.preferences import wording


class PreferenceService(PeerService[Tx]):
    """Reads and changes one GP's preferences, always their own."""

    def get(self, *, platform: Platform, directory: Directory, user: str) -> Preferences:
        with self.uow() as tx:
            practice = self.practices.practice_for(tx, platform, directory.workspace())
            self.practices.member(tx, practice, user, directory)
            return tx.preferences.get(practice.id, user)

    def change(
        self, *, platform: Platform, directory: Directory, user: str, **changes: object
    ) -> Preferences:
        """Apply `changes`: nudges_on, checkins_on, snoozed_until, sessions, quiet
        (a (start, end) pair of times), paused_until."""
        paused = changes.get("paused_until")
        if isinstance(paused, date) and paused < self.clock.now().date():
            raise Refused(wording.PAUSE_IN_THE_PAST, field="paused_until")
        if changes.get("nudges_on") is True:
            changes.setdefault("snoozed_until", None)  # turning them on means now
        with self.uow() as tx:
            practice = self.practices.practice_for(tx, platform, directory.workspace())
            self.practices.member(tx, practice, user, directory)
            prefs = tx.preferences.get(practice.id, user)
            prefs = _apply(prefs, changes)
            tx.preferences.save(prefs, self.clock.now())
            return prefs

    def snooze(self, *, platform: Platform, directory: Directory, user: str, weeks: int) -> str:
        """'Not now': no nudges for `weeks` weeks."""
        # Snoozing for N weeks skips this week and the next N-1, to the Sunday before the next.
        today = self.clock.now().date()
        until = today - timedelta(days=today.weekday()) + timedelta(weeks=max(1, min(weeks, 12)))
        until -= timedelta(days=1)
        self.change(platform=platform, directory=directory, user=user, snoozed_until=until)
        return nudges_words.snoozed(weeks)

    def nudges_off(self, *, platform: Platform, directory: Directory, user: str) -> str:
        """'Turn these off' under a nudge."""
        self.change(platform=platform, directory=directory, user=user, nudges_on=False)
        return nudges_words.NUDGES_TURNED_OFF

    def add_leave(
        self, *, platform: Platform, directory: Directory, user: str, starts: date, ends: date
    ) -> None:
        if ends < starts:
            raise Refused(wording.BAD_RANGE, field="ends")
        with self.uow() as tx:
            practice = self.practices.practice_for(tx, platform, directory.workspace())
            self.practices.member(tx, practice, user, directory)
            tx.preferences.add_leave(practice.id, user, starts, ends)

    def clear_leave(self, *, platform: Platform, directory: Directory, user: str) -> str:
        """Cancel every leave the GP has booked (plans change)."""
        with self.uow() as tx:
            practice = self.practices.practice_for(tx, platform, directory.workspace())
            self.practices.member(tx, practice, user, directory)
            tx.preferences.clear_leave(practice.id, user)
        return wording.LEAVE_CLEARED

    def set_role(self, *, platform: Platform, directory: Directory, user: str, role: Role) -> None:
        with self.uow() as tx:
            practice = self.practices.practice_for(tx, platform, directory.workspace())
            member = self.practices.member(tx, practice, user, directory)
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
