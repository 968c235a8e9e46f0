#!/usr/bin/env bash
# One entry point for people and CI:
#   ./run.sh demo              set up, then run the console demo (no account or key needed)
#   ./run.sh console ARGS...   set up, then `voicebot console ARGS...`
#   ./run.sh telegram          set up, then run the Telegram bot (needs TELEGRAM_BOT_TOKEN)
#   ./run.sh discord           set up, then run the Discord bot (needs DISCORD_BOT_TOKEN)
#   ./run.sh worker            set up, then run a job worker (bots with JOB_RUNNER=workers)
#   ./run.sh test [ARGS...]    set up, lint (as below), then run the test suite (ARGS go to pytest)
#   ./run.sh lint              set up, then `ruff check`, `ruff format --check` and mypy: all three
#                              run, and the command fails if any of them does (CI runs it first)
#   ./run.sh bench             set up, then print the benchmark figures
#   ./run.sh lock [ARGS...]    re-resolve the lock files from pyproject.toml (ARGS go to pip-compile)
# Setting up installs ffmpeg and espeak-ng (Debian/Ubuntu) if missing and keeps .venv current;
# for the tests also PostgreSQL, whose server they start privately (tests/postgres.py).
#
# Python packages come from lock files, so that every machine, CI and the image install the same
# versions: requirements.lock (the dependencies and the `test` extras: .venv and CI) and
# requirements-runtime.lock (the dependencies only: the Dockerfile) pin every package, transitive
# ones included, with the sha256 of each of its files on PyPI (all platforms: x86_64 and aarch64
# alike) as resolved on Python 3.11. pip installs them with --require-hashes, then voicebot itself
# with --no-deps. To change the locks (needs Python 3.11 and PyPI; takes a few minutes):
#   edit pyproject.toml's dependencies, then  ./run.sh lock
#   newer releases of everything:             ./run.sh lock --upgrade
#   a newer release of one package:           ./run.sh lock --upgrade-package NAME
# and commit both lock files with pyproject.toml. Setting up reinstalls .venv whenever
# pyproject.toml or requirements.lock is newer than its last install.
set -euo pipefail
cd "$(dirname "$0")"

# The installer and the locking tool are pinned too (pip-compile keeps pip out of a lock);
# a pip-tools release works with a range of pip releases only, so move the two together.
PIP_VERSION=26.3
PIP_TOOLS_VERSION=7.6.2

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

setup() {
    local missing=()
    command -v ffmpeg >/dev/null || missing+=(ffmpeg)
    command -v espeak-ng >/dev/null || missing+=(espeak-ng)
    python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
    if [ "${1:-}" = tests ] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
            && ! command -v initdb >/dev/null; then
        missing+=(postgresql)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing ${missing[*]} (apt)..." >&2
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        echo "voicebot needs Python 3.11 or newer (found $(python3 --version))" >&2; exit 1; }
    if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
    if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ] \
            || [ requirements.lock -nt .venv/.installed ]; then
        echo "Installing Python packages into .venv..." >&2
        .venv/bin/python -m pip install -q "pip==$PIP_VERSION"
        # Exactly the locked versions, every file checked against its hash. Then voicebot itself:
        # editable (which cannot be hash-checked) and adding nothing (--no-deps). What is built
        # from source (voicebot, docopt) is built with the locked setuptools, not the newest.
        local pip=(.venv/bin/python -m pip install -q --build-constraint requirements.lock)
        "${pip[@]}" --require-hashes -r requirements.lock
        "${pip[@]}" --no-deps -e .
        # A dependency added to pyproject.toml but not yet locked shows up here, not in a test.
        local broken
        broken="$(.venv/bin/python -m pip check)" || {
            echo "$broken" >&2
            echo "requirements.lock does not match pyproject.toml: run ./run.sh lock" >&2; exit 1; }
        touch .venv/.installed
    fi
}

lint() {
    # All three run, so that one pass shows every problem; any of them failing fails the lint.
    local failed=""
    .venv/bin/ruff check . || failed+=" 'ruff check'"
    .venv/bin/ruff format --check . || failed+=" 'ruff format --check'"
    .venv/bin/python -m mypy || failed+=" mypy"  # strict, on core and bots (pyproject.toml)
    if [ -n "$failed" ]; then
        echo "lint failed:$failed (.venv/bin/ruff format . and .venv/bin/ruff check --fix ." \
            "fix much of it)" >&2
        return 1
    fi
}

lock() {
    # The locks hold what resolves on Python 3.11, the interpreter CI and the image run.
    python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || {
        echo "./run.sh lock needs Python 3.11 (found $(python3 --version))" >&2; exit 1; }
    tools="$(mktemp -d)"  # not local: the EXIT trap reads it after lock() has returned
    trap 'rm -rf "$tools"' EXIT
    python3 -m venv "$tools"
    "$tools/bin/python" -m pip install -q "pip==$PIP_VERSION" "pip-tools==$PIP_TOOLS_VERSION"
    # Hashes of every file of each release, so the locks install on any platform; setuptools
    # (the build backend) locked too; no index or find-links of this machine written in.
    local compile=("$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe
        --all-build-deps --strip-extras --no-emit-index-url --no-emit-find-links)
    # What the locks' header gives as the command that wrote them.
    export CUSTOM_COMPILE_COMMAND="./run.sh lock  (run.sh's header says more)"
    "${compile[@]}" "$@" --extra test --output-file requirements.lock pyproject.toml
    # The image's: exactly the versions just locked (--upgrade: whatever it held before does not
    # count; the constraint decides), less the test extras. ARGS are not for this one: an
    # --upgrade-package NAME would add NAME to it.
    "${compile[@]}" --upgrade --constraint requirements.lock \
        --output-file requirements-runtime.lock pyproject.toml
}

command="${1:-demo}"
[ $# -gt 0 ] && shift
case "$command" in
    demo) setup; exec .venv/bin/voicebot console demo ;;
    console|telegram|discord|worker) setup; exec .venv/bin/voicebot "$command" "$@" ;;
    test) setup tests; lint; exec .venv/bin/python -m pytest "$@" ;;
    lint) setup; lint ;;
    bench) setup; exec .venv/bin/python -m bench "$@" ;;
    lock) lock "$@" ;;
    *) echo "usage: ./run.sh [demo|console ARGS...|telegram|discord|worker|test [ARGS...]|lint|bench|lock [ARGS...]]" >&2; exit 2 ;;
esac
