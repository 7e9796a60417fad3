"""Suite-wide settings: no screen, errors raise instead of opening dialogs, fresh data dirs per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["MDT_DESK_TEST_RAISE"] = "1"
# Never let a test touch the real per-user data folder.
os.environ.pop("MDT_DESK_DATA", None)


import pytest  # noqa: E402
from cli_helpers import ADMIN_PASSWORD  # noqa: E402


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
