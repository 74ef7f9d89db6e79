"""Stable choices: the same person and week always get the same pick, so reruns agree."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(options: Sequence[T], *salt: str) -> T:
    """A stable choice that varies by person and week (so reruns agree)."""
    digest = hashlib.sha256(":".join(salt).encode()).digest()
    return options[digest[0] % len(options)]
