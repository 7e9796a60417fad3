"""ruff over the whole tree is part of the suite."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean():
    exe = Path(sys.executable).with_name("ruff")
    r = subprocess.run([str(exe), "check", "app", "ui", "db", "tests"], cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
