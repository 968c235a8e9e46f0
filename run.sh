#!/usr/bin/env bash
# One entry point for people and CI:
#   ./run.sh demo              set up, then run the console demo (no account or key needed)
#   ./run.sh console ARGS...   set up, then `voicebot console ARGS...`
#   ./run.sh telegram          set up, then run the Telegram bot (needs TELEGRAM_BOT_TOKEN)
#   ./run.sh discord           set up, then run the Discord bot (needs DISCORD_BOT_TOKEN)
#   ./run.sh worker            set up, then run a job worker (bots with JOB_RUNNER=workers)
#   ./run.sh test [ARGS...]    set up, then run the test suite
#   ./run.sh bench             set up, then print the benchmark figures
# Setting up installs ffmpeg and espeak-ng (Debian/Ubuntu) if missing and keeps .venv current;
# for the tests also PostgreSQL, whose server they start privately (tests/postgres.py).
set -euo pipefail
cd "$(dirname "$0")"

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
    if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
        echo "Installing Python packages into .venv..." >&2
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e ".[test]"
        touch .venv/.installed
    fi
}

command="${1:-demo}"
[ $# -gt 0 ] && shift
case "$command" in
    demo) setup; exec .venv/bin/voicebot console demo ;;
    console|telegram|discord|worker) setup; exec .venv/bin/voicebot "$command" "$@" ;;
    test) setup tests; exec .venv/bin/python -m pytest "$@" ;;
    bench) setup; exec .venv/bin/python -m bench "$@" ;;
    *) echo "usage: ./run.sh [demo|console ARGS...|telegram|discord|worker|test [ARGS...]|bench]" >&2; exit 2 ;;
esac
