"""A primary care network in one Slack workspace: two practice channels, a locum in both."""

from __future__ import annotations

from bot.app.assembly import Assembly
from bot.core.values import Caller, Practice, SpacePurpose
from bot.practices.split import NewPractice
from tests.callers import caller, synced
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_roster import (
    ADMIN,
    LOCUM_GUEST,
    PARTNER_OWNER,
    SALARIED_GP,
    SALARIED_GP_2,
    make_channel,
)

RIVERSIDE, HILLSIDE = "C0RIVER", "C0HILL"  # each practice's own channel
RIVERSIDE_PEOPLE = [PARTNER_OWNER, SALARIED_GP, LOCUM_GUEST]
HILLSIDE_PEOPLE = [ADMIN, SALARIED_GP_2, LOCUM_GUEST]  # the locum works at both
# Each practice's shared spaces: Riverside keeps the workspace's, Hillside has its own.
HILL_RANTS, HILL_ADVICE = "C0HILLRANTS", "C0HILLADVICE"
LONDON, BERLIN = "Europe/London", "Europe/Berlin"  # an hour apart, so each zone shows


def channels(fake: FakeSlack) -> None:
    """The practice channels (and Hillside's spaces) in the fake workspace."""
    fake.add_channel(make_channel(RIVERSIDE, "riverside-surgery"), RIVERSIDE_PEOPLE)
    fake.add_channel(make_channel(HILLSIDE, "hillside-practice"), HILLSIDE_PEOPLE)
    fake.add_channel(make_channel(HILL_RANTS, "hillside-coffee"), HILLSIDE_PEOPLE)
    fake.add_channel(make_channel(HILL_ADVICE, "hillside-run-it-past"), HILLSIDE_PEOPLE)


def split(assembly: Assembly, fake: FakeSlack, *, zone: str = BERLIN) -> tuple[Practice, Practice]:
    """The workspace learnt, then split by a lead (ADMIN): Riverside keeps the workspace's
    practice and its records; Hillside is new, in `zone`, keeping Northern Ireland's holidays."""
    channels(fake)
    synced(assembly)
    services = assembly.services
    services.practices.set_spaces(
        caller(ADMIN), {SpacePurpose.RANTS: "C0RANTS", SpacePurpose.ADVICE: "C0ADVICE"}
    )
    request = NewPractice(HILLSIDE, "Hillside", zone, "northern-ireland", RIVERSIDE)
    hillside = services.practices.split(caller(ADMIN), request).practice
    services.practices.set_spaces(
        caller(ADMIN), {SpacePurpose.RANTS: HILL_RANTS, SpacePurpose.ADVICE: HILL_ADVICE}
    )
    with assembly.services.outbox.uow() as tx:
        riverside = next(p for p in tx.practices.all() if p.id != hillside.id)
    return riverside, hillside


def in_channel(user: str, channel: str) -> Caller:
    """`user`, asking from a channel (a locum's practice is the channel's)."""
    return Caller(caller(user).platform, caller(user).workspace, user, channel)
