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
from bot.core.values import Caller, SpacePurpose
from bot.free_now import forms as free_now_forms
from bot.free_now.service import FreeNow
from bot.leads import forms as leads_forms
from bot.leads import rights_forms
from bot.leads.anonymity import AnonymousWhen, guarded
from bot.leads.digest import Leadership
from bot.leads.rights import DataRights
from bot.leads.service import Console
from bot.mentoring import forms as mentoring_forms
from bot.mentoring.service import Mentoring
from bot.nudges import forms as nudges_forms
from bot.nudges.service import Nudges
from bot.pairing import forms as pairing_forms
from bot.pairing.service import Pairing
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
from bot.welcome import forms as welcome_forms
from bot.welcome.service import Welcomes
from bot.workload import forms as workload_forms
from bot.workload.service import Workload


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
    free_now: FreeNow
    workload: Workload
    mentoring: Mentoring
    pairing: Pairing
    welcome: Welcomes
    leads: Leadership
    data_rights: DataRights
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
            + free_now_forms.catalogue(self.free_now)
            + workload_forms.catalogue(self.workload)
            + mentoring_forms.catalogue(self.mentoring)
            + pairing_forms.catalogue(self.pairing)
            + welcome_forms.catalogue(self.welcome)
            + leads_forms.catalogue(self.leads)
            + rights_forms.catalogue(self.data_rights)
        )
        merged = guarded(merged, ANONYMOUS_POSTS, self.leads)  # the leads' per-space setting
        object.__setattr__(self, "catalogue", merged)

    def home(self, caller: Caller) -> Page:
        """Someone's home, now."""
        view = self.practices.home(caller)
        return page(view, self.leads.console(caller) if view.is_lead else None)

    def open_home(self, caller: Caller, event_key: str, show: Callable[[Page], None]) -> bool:
        """Show someone their home once per event, however often the platform retries it."""
        return self.practices.open_home(
            caller,
            event_key=event_key,
            show=lambda v: show(page(v, self.leads.console(caller) if v.is_lead else None)),
        )


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
        free_now=FreeNow(deps),
        workload=Workload(deps),
        mentoring=Mentoring(deps),
        pairing=Pairing(deps),
        welcome=Welcomes(deps),
        leads=Leadership(deps),
        data_rights=DataRights(deps),
    )


SLASH_COMMANDS = (  # the manifest's
    rants_forms.SLASH,
    advice_forms.SLASH,
    workload_forms.SLASH,
    practices_forms.SLASH,
)


ANONYMOUS_POSTS = [  # which forms post anonymously, and where: the leads can turn each off
    AnonymousWhen(rants_forms.FORM, "destination", "space_anonymous", SpacePurpose.RANTS),
    AnonymousWhen(advice_forms.QUESTION, "anonymous", "yes", SpacePurpose.ADVICE),
    AnonymousWhen(advice_forms.ANSWER, "anonymous", "yes", SpacePurpose.ADVICE),
]


def page(view: HomeView, console: Console | None = None) -> Page:
    """The home page: the practice's frame around each capability's section."""
    sections = [
        free_now_forms.section(view),
        workload_forms.section(view),
        mentoring_forms.section(view),
        pairing_forms.section(view),
        preferences_forms.section(view),
        protected_time_forms.section(view),
        leads_forms.section(view, console),
        rights_forms.section(view),
    ]
    return practices_forms.home_page(view, sections)
