"""`python -m bot`: run, chat, migrate, doctor, jobs, manifest."""

from __future__ import annotations

import os
import sys

from dotenv import find_dotenv, load_dotenv

from bot.cli import main

if __name__ == "__main__":
    load_dotenv(find_dotenv(usecwd=True), override=False)  # the real environment wins
    sys.exit(main(sys.argv[1:], dict(os.environ)))
