"""Logging that never carries a GP's words: library loggers capped, failures logged by type only."""

from __future__ import annotations

import logging
import traceback

# slack_sdk logs whole request bodies at DEBUG, Bolt logs payloads at DEBUG, SQLAlchemy logs
# bound parameters: none of them may ever write below WARNING, whatever LOG_LEVEL says.
CAPPED = ("slack_sdk", "slack_bolt", "urllib3", "sqlalchemy", "alembic.runtime", "apscheduler")


def configure(level: str = "INFO") -> None:
    """Set up logging for a command."""
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    cap_libraries()


def cap_libraries() -> None:
    """Keep chatty libraries at WARNING or above."""
    for name in CAPPED:
        logging.getLogger(name).setLevel(logging.WARNING)


def log_failure(logger: logging.Logger, what: str, error: BaseException) -> None:
    """Log where a failure happened and its type, but not its message (which may quote text)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(
        f"{f.name}@{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[::-1]
    )
    logger.error("%s failed: %s at %s", what, type(error).__name__, where or "?")
