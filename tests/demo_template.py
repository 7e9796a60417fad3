"""The demo hospital, populated once per test run and copied for each test that uses it.

Populating signs a dozen PDFs, builds a 108-MP slide pyramid, writes hundreds of DICOM slices and a year of
meetings (~30 s); copying the closed folder takes a fraction of that, and each test still gets a folder of
its own to change. The suite's worker processes share one template: the first to need it builds it under a
file lock, the others wait for it or find it ready.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.config import DataDir


@dataclass(frozen=True)
class DemoTemplate:
    data_dir: DataDir
    summary: object
    messages: tuple[str, ...]


_BUILT: list[DemoTemplate] = []


def _shared_root(tmp_path_factory) -> Path:
    """The folder every worker of this run sees (the parent of the workers' own temporary folders)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _build(root: Path) -> tuple[object, list[str]]:
    from app import i18n as app_i18n
    from app.context import open_context
    from app.demo import populate

    ctx = open_context(DataDir(root / "d"), create=True)
    messages: list[str] = []
    # Built in English whichever test builds it first (the UI tests translate app messages meanwhile):
    # the template must not depend on the order tests run in.
    translator = app_i18n._translator
    app_i18n.install_translator(None)
    try:
        summary = populate(ctx, messages.append)
    finally:
        app_i18n.install_translator(translator)
        ctx.close()
    return summary, messages


def demo_template(tmp_path_factory) -> DemoTemplate:
    """The populated, closed demo folder of this test run (never open it: copy it)."""
    if not _BUILT:
        root = _shared_root(tmp_path_factory) / "demo-template"
        root.mkdir(exist_ok=True)
        ready = root / "ready.pickle"
        with open(root / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another worker building it: wait for its result
            if not ready.exists():
                shutil.rmtree(root / "d", ignore_errors=True)  # a build that died half-way
                summary, messages = _build(root)
                ready.write_bytes(pickle.dumps((summary, messages)))
        summary, messages = pickle.loads(ready.read_bytes())
        _BUILT.append(DemoTemplate(DataDir(root / "d"), summary, tuple(messages)))
    return _BUILT[0]


def demo_copy(tmp_path_factory, dest: Path) -> DataDir:
    """A fresh copy of the demo hospital at `dest` (which must not exist yet)."""
    d = DataDir(Path(dest))
    shutil.copytree(demo_template(tmp_path_factory).data_dir.root, d.root)
    return d
