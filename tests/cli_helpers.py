"""Running the command line in a subprocess, exactly as a user or another tool would."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADMIN_PASSWORD = "Admin2026!"  # the `ctx` fixture's administrator (tests/conftest.py)


def run_cli(*args: str, stdin: str = "", env: dict | None = None, timeout: float = 120):
    """`python -m app ...` in a subprocess, exactly as a user or another tool would run it."""
    full_env = dict(os.environ)
    full_env.pop("MDT_DESK_DATA", None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "app", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=full_env, timeout=timeout)
