# Sourced by scripts/run and scripts/test: make .venv with Python 3.11+ and install what
# pyproject.toml asks for, again only when it changes. $EXTRAS picks optional groups.
find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Coffee Room needs Python 3.11 or newer; please install it (python.org, or your" >&2
    echo "package manager: e.g. 'brew install python@3.12' or 'apt install python3')." >&2
    return 1
}

if [ ! -x .venv/bin/python ]; then
    PY=$(find_python)
    echo "Setting up Coffee Room in .venv (first time only, a minute or two)..." >&2
    "$PY" -m venv .venv
fi
stamp=".venv/.deps-stamp${EXTRAS:+-$EXTRAS}"
want="$(cat pyproject.toml | cksum)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    # Installers are chatty; keep their words in a log and show it only if something fails.
    log=.venv/install.log
    if ! { .venv/bin/python -m pip install --upgrade pip &&
        .venv/bin/python -m pip install -e ".${EXTRAS:+[$EXTRAS]}"; } >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        echo "Installing Coffee Room's dependencies failed; the full log is in $log." >&2
        exit 1
    fi
    echo "$want" >"$stamp"
fi
