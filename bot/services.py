"""The services the platform handlers call, bundled so they can be injected in one piece."""

from __future__ import annotations

from dataclasses import dataclass

from bot.advice import Advice
from bot.checkins import Checkins
from bot.nudges import Nudges
from bot.outbox import Outbox
from bot.ports import Clock
from bot.practices import Practices
from bot.preferences import PreferenceService
from bot.protected_time import ProtectedTime
from bot.rants import Rants
from bot.retention import Retention


@dataclass(frozen=True)
class Services:
    """Everything a handler may ask the domain to do."""

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
