"""Screenshot mode: log in to a demonstration folder, open a section, wait for its data, save a PNG.

Never opens a dialog: every problem goes to stderr and the exit code is 1.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from app.config import DataDir
from app.context import open_context
from app.errors import AppError
from ui import errors, ops
from ui.main_window import SECTIONS, MainWindow
from ui.qt_compat import run_pending_events
from ui.session import Session

WINDOW_SIZE = (1440, 900)
LOAD_TIMEOUT_MS = 20_000
DEMO_USER = "demo_admin"
PRESENTATION = "presentation"  # not a section: the audience window of the meeting in progress


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def wait_until_loaded(view, timeout_ms: int = LOAD_TIMEOUT_MS) -> bool:
    """Run the event loop until `view` (a section, the presenter console: anything with `is_loaded` and a
    `loaded` signal) has shown its data, an error is reported, or the time is up."""
    if view.is_loaded:
        return True
    loop = QEventLoop()
    view.loaded.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    failed: list[errors.Report] = []

    def report(r: errors.Report) -> None:
        failed.append(r)
        _say(f"{r.message}\n{r.details}".rstrip())
        loop.quit()

    previous = errors.set_reporter(report)
    try:
        loop.exec()
    finally:
        errors.set_reporter(previous)
        timer.stop()
    return view.is_loaded and not failed


def take_screenshot(data_dir: DataDir, path: str, view: str | None) -> int:
    key = view or "cases"
    if key not in SECTIONS and key != PRESENTATION:
        _say(QCoreApplication.translate("Screenshot", "Unknown view “%1”; choose one of: %2")
             .replace("%1", key).replace("%2", ", ".join([*SECTIONS, PRESENTATION])))
        return 1
    if not data_dir.is_initialised():
        _say(QCoreApplication.translate("Screenshot", "No MDT Desk database in %1.")
             .replace("%1", str(data_dir.root)))
        return 1
    previous = errors.set_reporter(lambda r: _say(f"{r.message}\n{r.details}".rstrip()))
    try:
        ctx = ops.call(lambda: open_context(data_dir))
    except AppError as exc:
        errors.set_reporter(previous)
        _say(exc.localized())
        return 1
    try:
        hospital = ops.call(ctx.setup.info)
        if not hospital.is_demo:
            _say(QCoreApplication.translate(
                "Screenshot",
                "Screenshots are only taken of demonstration data; this folder holds real records. "
                "Make a demonstration folder with `python -m app demo` first."))
            return 1
        from app.demo import DEMO_PASSWORD

        try:
            actor = ops.call(lambda: ctx.auth.login(DEMO_USER, DEMO_PASSWORD))
        except AppError as exc:
            _say(exc.localized())
            return 1
        if key == PRESENTATION:
            from ui.presentation.shot import take_presentation_screenshot

            return take_presentation_screenshot(Session(ctx, actor, hospital), path)
        window = MainWindow(Session(ctx, actor, hospital))
        window.resize(*WINDOW_SIZE)
        window.show()
        section = window.show_section(key)
        if not wait_until_loaded(section):
            _say(QCoreApplication.translate("Screenshot", "The “%1” view did not finish loading within 20 seconds.")
                 .replace("%1", key))
            return 1
        run_pending_events()  # the last layout and paint requests
        saved = window.grab().save(path)
        window.hide()
        window.deleteLater()
        if not saved:
            _say(QCoreApplication.translate("Screenshot", "Could not write the screenshot to %1.").replace("%1", path))
            return 1
        return 0
    finally:
        errors.set_reporter(previous)
        ops.shutdown()
        ctx.close()
