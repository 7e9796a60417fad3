# Sourced by run.sh and test.sh: find Python 3.11+, make .venv, install the project when its files changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
  for p in python3.13 python3.12 python3.11 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$p"; return 0
    fi
  done
  echo "MDT Desk needs Python 3.11 or newer; none was found on PATH." >&2
  return 1
}

apt_install() {  # apt_install PKG... — only the missing ones; says why when it cannot
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "note: not a Debian/Ubuntu system; install these yourself if something fails: ${missing[*]}" >&2
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "note: cannot install ${missing[*]} (not root, no password-less sudo); continuing without them" >&2
      return 0
    fi
  fi
  echo "installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "note: apt-get could not install ${missing[*]}; continuing" >&2
}

# Qt's offscreen/xcb platforms need these system libraries on a bare Debian/Ubuntu.
QT_RUNTIME_PKGS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3)

ensure_venv() {  # ensure_venv EXTRAS  (e.g. "test" or "")
  local extras="$1" py
  py="$(find_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$py" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      apt_install python3-venv "python3.$("$py" -c 'import sys; print(sys.version_info[1])')-venv"
      "$py" -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.installed-$extras" want
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    if [ -n "$extras" ]; then
      "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
    else
      "$VENV/bin/python" -m pip install -q -e "$ROOT"
    fi
    echo "$want" >"$stamp"
  fi
}
