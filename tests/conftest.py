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


@pytest.fixture(scope="module")
def queue():
    """The real CUPS test queue (tests/cups_queue.py), this module's alone while it runs: the suite's
    workers print into one queue and each test tells its printouts by what appeared since it printed."""
    from cups_queue import exclusive_use, printer_queue

    with exclusive_use():
        q, reason = printer_queue()
        if q is None:
            print(f"SKIPPED printing through CUPS: {reason}")
            pytest.skip(reason)
        before = q.outputs()
        yield q
        q.remove_new(before)


# Longest first: the suite runs on every core (pytest-xdist, a module per worker), so the modules that take
# minutes (the PyInstaller build, the demo hospital, the crash test) start at once instead of finishing last
# on one worker while the other idles.
SLOW_MODULES = ("test_bundle.py", "test_demo.py", "test_crash_short.py", "test_packages_cli.py",
                "test_fuzz_short.py", "test_permissions_matrix.py", "test_presentation_console.py")


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.path.name not in SLOW_MODULES)  # stable: order kept within each group
