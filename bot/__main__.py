"""`python -m bot`: run, chat, migrate, doctor, jobs, manifest."""

from __future__ import annotations

import os
import sys

from dotenv import find_dotenv, load_dotenv

from bot.app.cli import main

if __name__ == "__main__":
    load_dotenv(find_dotenv(usecwd=True), override=False)  # the real environment wins
    try:
        sys.exit(main(sys.argv[1:], dict(os.environ)))
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:  # Ctrl+C: no traceback, just stop
        print("\nStopped.", file=sys.stderr)
        sys.exit(130)
