#!/usr/bin/env bash
# Run the whole test suite: sets everything up on first use (.venv, packages, Debian tools the tests use).
# Extra arguments go to pytest: scripts/test.sh -k login
source "$(dirname "$0")/bootstrap.sh"
# cups + cups-pdf: the printing tests print through a real queue (tests/cups_queue.py starts cupsd if needed);
# zbar-tools: the plan's verification QR code is read back by a real barcode decoder
apt_install "${QT_RUNTIME_PKGS[@]}" poppler-utils cups printer-driver-cups-pdf zbar-tools
ensure_venv "test,build"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
