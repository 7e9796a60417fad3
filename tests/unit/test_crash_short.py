"""A short crash test: the workload is SIGKILLed at random moments and restarted; nothing reported is lost.

The long run (200+ kills) is `tests/bench/crash_test.py`; this one runs the same driver with a few kills.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_records_survive_sigkill_at_random_moments(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "bench" / "crash_test.py"), "--kills", "7",
                        "--seed", "7", "--max-delay", "3", "--work", str(tmp_path / "crash"), "--json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    result = json.loads(r.stdout)
    assert result["problems"] == [] and result["survived"] == 7
    assert result["records"]["patients"] >= 1  # something was reported, and all of it is there
