"""Sealing: what ties an anonymous post to its author is encrypted with a key kept elsewhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken


class SealedBox:
    """The Cipher port over Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`)."""

    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode())

    def seal(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode()

    def open(self, token: str) -> str:
        return self._fernet.decrypt(token.encode()).decode()


def is_valid_key(key: str) -> bool:
    """True when `key` is a usable Fernet key."""
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return True


def load_or_create_key(configured: str, key_file: Path) -> tuple[str, bool]:
    """The configured key, else the key file's, else a new one written there (0600).

    Returns the key and whether it was just created, so the caller can warn.
    """
    if configured:
        return configured, False
    if key_file.exists():
        return key_file.read_text().strip(), False
    key = Fernet.generate_key().decode()
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key, True


__all__ = ["InvalidToken", "SealedBox", "is_valid_key", "load_or_create_key"]
