"""What a person's home shows: gathered once, drawn by every capability's section of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.core.values import Member, Practice, Space, SpacePurpose
from bot.core.week import CheckIn, Preferences, Slot


@dataclass(frozen=True, slots=True)
class HomeView:
    """What a person sees on Coffee Room's home: who they are to it and what is set up."""

    practice: Practice
    member: Member
    is_lead: bool
    spaces: dict[SpacePurpose, Space] = field(default_factory=dict)
    leads: tuple[str, ...] = ()
    today: date | None = None  # in the practice's time zone
    preferences: Preferences | None = None  # the member's own
    trend: tuple[CheckIn, ...] = ()  # the member's own answered check-ins, oldest first
    slots: tuple[Slot, ...] = ()  # the practice's protected time, filled for leads only
    elsewhere: tuple[Practice, ...] = ()  # the other practices here this person is in (locums)

    @property
    def needs_setup(self) -> bool:
        """A practice is ready once it has both shared spaces."""
        return not all(p in self.spaces for p in SpacePurpose)
