"""How a GP's self-declared role is spoken of, shared by every capability that introduces people."""

from __future__ import annotations

from bot.core.values import Role

ROLE_PHRASES = {
    Role.PARTNER: "a partner",
    Role.SALARIED: "a salaried GP",
    Role.LOCUM: "a locum",
    Role.TRAINEE: "a GP trainee",
    Role.NOT_SET: "a colleague",
}

ROLE_NAMES = {
    Role.PARTNER: "partner",
    Role.SALARIED: "salaried GP",
    Role.LOCUM: "locum",
    Role.TRAINEE: "GP trainee",
    Role.NOT_SET: "role not set",
}

NEWCOMER_ROLES = (Role.LOCUM, Role.TRAINEE)  # the least familiar: welcomed when they say so


def role_phrase(role: Role) -> str:
    """'a locum', 'a partner' ... ('a colleague' when the role is not set)."""
    return ROLE_PHRASES[role]
