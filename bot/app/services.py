"""The services the platform handlers call, bundled so they can be injected in one piece."""

from __future__ import annotations

from dataclasses import dataclass

from bot.advice.service import Advice
from bot.checkins.service import Checkins
from bot.core.outbox import Outbox
from bot.core.ports import Clock
from bot.nudges.service import Nudges
from bot.practices.service import Practices
from bot.preferences.service import PreferenceService
from bot.protected_time.service import ProtectedTime
from bot.rants.service import Rants
from bot.retention.service import Retention


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
