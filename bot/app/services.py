"""The services the platform adapters call, with the merged catalogue and each person's home."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.advice import forms as advice_forms
from bot.advice.service import Advice
from bot.checkins import forms as checkins_forms
from bot.checkins.service import Checkins
from bot.core.home import HomeView
from bot.core.outbox import Outbox
from bot.core.ports import Clock
from bot.core.service import Deps
from bot.core.values import Caller
from bot.nudges import forms as nudges_forms
from bot.nudges.service import Nudges
from bot.practices import forms as practices_forms
from bot.practices.service import Practices
from bot.preferences import forms as preferences_forms
from bot.preferences.service import PreferenceService
from bot.protected_time import forms as protected_time_forms
from bot.protected_time.service import ProtectedTime
from bot.rants import forms as rants_forms
from bot.rants.service import Rants
from bot.retention.service import Retention
from bot.ui.catalogue import Catalogue
from bot.ui.page import Page


@dataclass(frozen=True)
class Services:
    """Everything an adapter may ask the domain to do."""

    clock: Clock
    outbox: Outbox
    practices: Practices
    rants: Rants
    advice: Advice
    retention: Retention
    preferences: PreferenceService
    protected_time: ProtectedTime
    nudges: Nudges
    checkins: Checkins
    catalogue: Catalogue = field(init=False)

    def __post_init__(self) -> None:
        merged = (
            practices_forms.catalogue(self.practices)
            + rants_forms.catalogue(self.rants)
            + advice_forms.catalogue(self.advice)
            + preferences_forms.catalogue(self.preferences)
            + protected_time_forms.catalogue(self.protected_time)
            + checkins_forms.catalogue(self.checkins)
            + nudges_forms.catalogue(self.nudges)
        )
        object.__setattr__(self, "catalogue", merged)

    def home(self, caller: Caller) -> Page:
        """Someone's home, now."""
        return page(self.practices.home(caller))

    def open_home(self, caller: Caller, event_key: str, show: Callable[[Page], None]) -> bool:
        """Show someone their home once per event, however often the platform retries it."""
        return self.practices.open_home(caller, event_key=event_key, show=lambda v: show(page(v)))


def assemble(deps: Deps, practices: Practices) -> Services:
    """Every capability's service, from the collaborators they share."""
    rants, advice = Rants(deps), Advice(deps)
    expirers = {"rants": rants.expire, "questions": advice.expire}
    return Services(
        clock=deps.clock,
        outbox=deps.outbox,
        practices=practices,
        rants=rants,
        advice=advice,
        retention=Retention(uow=deps.uow, clock=deps.clock, expirers=expirers),
        preferences=PreferenceService(deps),
        protected_time=ProtectedTime(deps),
        nudges=Nudges(deps),
        checkins=Checkins(deps),
    )


SLASH_COMMANDS = (rants_forms.SLASH, advice_forms.SLASH, practices_forms.SLASH)  # the manifest's


def page(view: HomeView) -> Page:
    """The home page: the practice's frame around each capability's section."""
    sections = [preferences_forms.section(view), protected_time_forms.section(view)]
    return practices_forms.home_page(view, sections)
