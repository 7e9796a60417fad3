#!/usr/bin/env bash
# Run the whole test suite: sets everything up on first use (.venv, packages, Debian tools the tests use).
# Extra arguments go to pytest: scripts/test.sh -k login
source "$(dirname "$0")/bootstrap.sh"
apt_install "${QT_RUNTIME_PKGS[@]}" poppler-utils
ensure_venv "test,build"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
