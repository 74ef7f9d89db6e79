"""Logging that never carries a GP's words: library loggers capped, failures logged by type only,
as plain text lines or (LOG_FORMAT=json) one JSON object per line."""

from __future__ import annotations

import json
import logging
import traceback
from datetime import UTC, datetime

# slack_sdk logs whole request bodies at DEBUG, Bolt logs payloads at DEBUG, SQLAlchemy logs
# bound parameters: none of them may ever write below WARNING, whatever LOG_LEVEL says.
CAPPED = ("slack_sdk", "slack_bolt", "urllib3", "sqlalchemy", "alembic.runtime", "apscheduler")
# slack_sdk and Bolt decide whether to format a debug line (a whole request body, for every Web
# API call) from their own logger's level, not the effective one: a logger left at NOTSET builds
# the line and throws it away (0.6 ms of a tap that opens a 4.6 KB form). Set, not inherited.
PER_CALL = ("slack_sdk.web.base_client", "slack_sdk.web.slack_response", "slack_bolt.coffeeroom")
TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
OURS = ("bot", "handlers", "storage", "__main__")


def configure(level: str = "INFO", log_format: str = "text") -> None:
    """Set up logging for a command: `log_format` is "text" (the default) or "json"."""
    as_json = log_format == "json"
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines() if as_json else logging.Formatter(TEXT))
    handler.addFilter(withhold_library_details)
    logging.basicConfig(level=getattr(logging, level, logging.INFO), handlers=[handler])
    logging.captureWarnings(as_json)  # a library's warning becomes a JSON line too
    cap_libraries()


def cap_libraries() -> None:
    """Keep chatty libraries at WARNING or above: their top loggers, every logger of theirs that
    exists already, and the ones they consult on every call (PER_CALL)."""
    existing = [n for n in logging.root.manager.loggerDict if n.startswith(CAPPED)]
    for name in (*CAPPED, *existing, *PER_CALL):
        logging.getLogger(name).setLevel(logging.WARNING)


def withhold_library_details(record: logging.LogRecord) -> bool:
    """A library's log of an exception says only where and what type: its message and traceback
    may quote what was posted (the Teams SDK logs `str(error)` of a request it could not read,
    which for a malformed activity includes the activity's text)."""
    if record.exc_info and record.exc_info[0] is not None and record.name.split(".")[0] not in OURS:
        kind = record.exc_info[0].__name__
        record.msg, record.args = f"{kind} (details withheld: they may quote a message)", None
        record.exc_info, record.exc_text = None, None
        record.error_type = kind
    return True


class JsonLines(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message and, when there is
    one, the exception's type. Never a traceback or an exception's message: both may quote text."""

    def format(self, record: logging.LogRecord) -> str:
        at = datetime.fromtimestamp(record.created, UTC)
        entry = {
            "time": at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        kind = getattr(record, "error_type", None)
        if kind is None and record.exc_info and record.exc_info[0] is not None:
            kind = record.exc_info[0].__name__
        if kind:
            entry["exception"] = str(kind)
        return json.dumps(entry, ensure_ascii=False)


def log_failure(logger: logging.Logger, what: str, error: BaseException) -> None:
    """Log where a failure happened and its type, but not its message (which may quote text)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(
        f"{f.name}@{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in frames[::-1]
    )
    logger.error(
        "%s failed: %s at %s",
        what,
        type(error).__name__,
        where or "?",
        extra={"error_type": type(error).__name__},
    )
