#!/usr/bin/env bash
# Run MDT Desk: sets everything up on first use (.venv, packages), then starts the app.
# Arguments are passed on: scripts/run.sh --data-dir /path, scripts/run.sh check, ...
source "$(dirname "$0")/bootstrap.sh"
apt_install "${QT_RUNTIME_PKGS[@]}"
ensure_venv ""
cd "$ROOT"
exec "$VENV/bin/python" -m app "$@"
