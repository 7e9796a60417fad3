"""The demo hospital, populated once per test process and copied for each test that uses it.

Populating signs a dozen PDFs, builds a 108-MP slide pyramid and writes hundreds of DICOM slices (~20 s);
copying the closed folder takes a fraction of that, and each test still gets a folder of its own to change.
"""

from __future__ import annotations

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


def demo_template(tmp_path_factory) -> DemoTemplate:
    """The populated, closed demo folder of this test process (never open it: copy it)."""
    if not _BUILT:
        from app import i18n as app_i18n
        from app.context import open_context
        from app.demo import populate

        d = DataDir(tmp_path_factory.mktemp("demo-template") / "d")
        ctx = open_context(d, create=True)
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
        _BUILT.append(DemoTemplate(d, summary, tuple(messages)))
    return _BUILT[0]


def demo_copy(tmp_path_factory, dest: Path) -> DataDir:
    """A fresh copy of the demo hospital at `dest` (which must not exist yet)."""
    d = DataDir(Path(dest))
    shutil.copytree(demo_template(tmp_path_factory).data_dir.root, d.root)
    return d
