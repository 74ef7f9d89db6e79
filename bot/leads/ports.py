"""What the leads' console needs from storage."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from bot.core.ports import Tx
from bot.leads.values import Activity, PracticeSettings, Review


class SettingsRepo(Protocol):
    def get(self, practice_id: int) -> PracticeSettings: ...
    def save(self, settings: PracticeSettings, now: datetime) -> None: ...
    def keep_rants(self, practice_id: int, days: int) -> int:
        """Bring forward the expiry of shared rants still up, so none stays longer than `days`."""
        ...


class ActivityRepo(Protocol):
    def since(self, practice_id: int, start: datetime) -> list[Activity]:
        """Everything countable people did from `start` (no words; anonymous authors as '')."""
        ...


class ReviewRepo(Protocol):
    def current(self, practice_id: int) -> Review | None: ...
    def start(
        self,
        practice_id: int,
        started_on: date,
        ends_on: date,
        baseline: dict[str, Any],
        now: datetime,
    ) -> Review: ...
    def due(self, today: date) -> list[Review]:
        """Reviews whose 12 weeks are up and whose report is not yet sent."""
        ...

    def reported(self, review_id: int, now: datetime) -> None: ...


class PersonalDataRepo(Protocol):
    def held(self, practice_id: int, user_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every row that names the person, by table; anyone else in them is left out."""
        ...

    def sealed(self, practice_id: int) -> list[tuple[str, str, str, datetime]]:
        """(table, id, seal, when) of each post whose author is still sealed."""
        ...

    def outbox_seals(self, practice_id: int) -> list[tuple[str, str, str]]:
        """(id, sealed target or '', sealed notify or '') of the practice's sends."""
        ...

    def forget(
        self,
        practice_id: int,
        user_id: str,
        *,
        pseudonym: str,
        unseal: list[tuple[str, str]],
        outbox: list[str],
        unnotify: list[str],
    ) -> int:
        """Remove what is held about the person, keeping their bare membership; returns rows
        changed. Counted activity keeps its shape under `pseudonym` (so past figures do not
        move), seals of their posts in `unseal` are destroyed, sends in `outbox` deleted and
        `unnotify`'s 'tell them if it fails' cleared."""
        ...


class LeadsTx(Tx, Protocol):
    """The repositories the leads' console touches."""

    @property
    def practice_settings(self) -> SettingsRepo: ...
    @property
    def activity(self) -> ActivityRepo: ...
    @property
    def reviews(self) -> ReviewRepo: ...
    @property
    def personal_data(self) -> PersonalDataRepo: ...
