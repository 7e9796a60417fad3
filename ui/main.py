"""The GUI entry point: `run(options)` builds the QApplication and returns the process exit code.

`options` has `data_dir` (app.config.DataDir), `lang` ("zh_CN", "en" or None: the saved setting),
`screenshot` (a PNG path or None) and `view` (a section key or None: cases, meetings, followup, stats,
admin). `app/__main__.py` (the composition root) imports this module lazily, on the `gui` path only.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import app
from app.config import DataDir, load_settings
from ui import errors, ops
from ui.i18n import install_translators
from ui.look import apply_app_font, apply_stylesheet, icon, register_font

ORGANIZATION = "MDT Desk"
LOG_FILE = "mdt-desk.log"


def create_application(language: object, font_pt: object) -> QApplication:
    """The QApplication with our font, look and languages (reuses one that exists, e.g. under tests)."""
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName(app.APP_NAME)
    qapp.setOrganizationName(ORGANIZATION)
    qapp.setApplicationVersion(app.__version__)
    QGuiApplication.setDesktopFileName("mdt-desk")
    register_font()
    apply_app_font(qapp, font_pt)
    apply_stylesheet(qapp)
    install_translators(qapp, language)
    qapp.setWindowIcon(icon("app"))
    return qapp


def _file_logging(data_dir: DataDir) -> logging.Handler | None:
    try:
        data_dir.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            data_dir.logs / LOG_FILE, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None  # a read-only folder must not stop the app; open_context will say what is wrong
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)  # the level stays the caller's (the CLI sets WARNING)
    # Never SQL in the log, whatever level is set later: its parameters are patients' names and numbers.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    return handler


def run(options) -> int:
    data_dir: DataDir = options.data_dir
    settings = load_settings(data_dir)
    language = getattr(options, "lang", None) or settings.get("language")
    screenshot = getattr(options, "screenshot", None)
    view = getattr(options, "view", None)
    handler = _file_logging(data_dir)
    qapp = create_application(language, settings.get("ui_font_pt"))
    errors.install()
    qapp.aboutToQuit.connect(ops.shutdown)
    try:
        if screenshot:
            from ui.screenshot import take_screenshot

            return take_screenshot(data_dir, screenshot, view)
        from ui.startup import interactive

        return interactive(qapp, data_dir, view)
    finally:
        ops.shutdown()
        errors.uninstall()
        if handler is not None:
            logging.getLogger().removeHandler(handler)
            handler.close()
