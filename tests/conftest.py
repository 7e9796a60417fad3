"""Suite-wide settings: no screen, errors raise instead of opening dialogs, fresh data dirs per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MDT_DESK_TEST_RAISE"] = "1"
# Never let a test touch the real per-user data folder.
os.environ.pop("MDT_DESK_DATA", None)

import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ADMIN_PASSWORD = "Admin2026!"


@pytest.fixture
def data_dir(tmp_path):
    from app.config import DataDir

    return DataDir(tmp_path / "data")


@pytest.fixture
def ctx(data_dir):
    """A freshly initialised data dir, opened; closed (lock released) after the test."""
    from app.context import open_context

    c = open_context(data_dir, create=True)
    c.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
    yield c
    c.close()


@pytest.fixture
def admin(ctx):
    return ctx.auth.login("admin", ADMIN_PASSWORD)


def run_cli(*args: str, stdin: str = "", env: dict | None = None, timeout: float = 120):
    """`python -m app ...` in a subprocess, exactly as a user or another tool would run it."""
    import os

    full_env = dict(os.environ)
    full_env.pop("MDT_DESK_DATA", None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "app", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=full_env, timeout=timeout)
