"""The one error funnel: every failure a person should see ends in `show_error`.

`sys.excepthook` and `threading.excepthook` feed a Qt-free `ErrorNotifier`; the GUI subscribes and shows
`error_dialog(parent, title, message, details)` on the GUI thread. An `AppError` shows its localized
message and details; anything else shows a generic sentence with the traceback in the details, and the
traceback goes to the log file.

With MDT_DESK_TEST_RAISE=1 (set by the test conftest) nothing modal opens: reports are recorded for the
test to inspect (`take_recorded()`), and unexpected exceptions are re-raised so the test fails instead of
hanging on a dialog.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import AppError
from ui.qt_compat import emit

log = logging.getLogger(__name__)

TEST_ENV = "MDT_DESK_TEST_RAISE"


def test_mode() -> bool:
    return os.environ.get(TEST_ENV) == "1"


class ErrorNotifier:
    """Qt-free fan-out of uncaught exceptions (any thread) to whoever listens."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[BaseException], None]] = []

    def subscribe(self, fn: Callable[[BaseException], None]) -> None:
        if fn not in self._listeners:
            self._listeners.append(fn)

    def unsubscribe(self, fn: Callable[[BaseException], None]) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def notify(self, exc: BaseException) -> None:
        for fn in list(self._listeners):
            fn(exc)


notifier = ErrorNotifier()


@dataclass(frozen=True)
class Report:
    """What the funnel showed (or, in test mode, would have shown)."""

    title: str
    message: str
    details: str
    exception: BaseException | None = None


_recorded: list[Report] = []
# Replaces the dialog when set (screenshot mode prints to stderr: it never opens a window that waits).
_reporter: Callable[[Report], None] | None = None


def set_reporter(fn: Callable[[Report], None] | None) -> Callable[[Report], None] | None:
    """Show reports through `fn` instead of dialogs (None: dialogs again); returns the previous one."""
    global _reporter
    previous, _reporter = _reporter, fn
    return previous


def recorded() -> list[Report]:
    """Test mode: the reports since the last `take_recorded()` (kept)."""
    return list(_recorded)


def take_recorded() -> list[Report]:
    """Test mode: the reports since the last call (and forget them)."""
    out = list(_recorded)
    _recorded.clear()
    return out


def describe(exc: BaseException) -> tuple[str, str]:
    """(message, details) a person reads for `exc`."""
    if isinstance(exc, AppError):
        return exc.localized(), exc.details
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    message = QCoreApplication.translate(
        "ErrorFunnel",
        "An unexpected error happened. The details below help IT find the cause; "
        "your saved records are not affected.",
    )
    return message, details


def make_error_dialog(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """The standard error box (not shown): message, optional details and a button that copies both."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Close, parent)
    box.setObjectName("errorDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    copy = box.addButton(QCoreApplication.translate("ErrorFunnel", "Copy"), QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyButton")
    # QMessageBox closes on any button; the copy button must leave it open.
    copy.clicked.disconnect()

    def do_copy() -> None:
        QGuiApplication.clipboard().setText(f"{title}\n\n{message}\n\n{details}".rstrip() + "\n")
        copy.setText(QCoreApplication.translate("ErrorFunnel", "Copied"))

    copy.clicked.connect(do_copy)
    return box


def error_dialog(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    if test_mode():
        _recorded.append(Report(title, message, details))
        return
    if _reporter is not None:
        _reporter(Report(title, message, details))
        return
    make_error_dialog(parent, title, message, details).exec()


def show_error(exc: BaseException, parent: QWidget | None = None, title: str | None = None) -> None:
    """Tell a person about `exc` (GUI thread only)."""
    message, details = describe(exc)
    title = title or QCoreApplication.translate("ErrorFunnel", "MDT Desk")
    if isinstance(exc, AppError):
        # The template, not the filled-in message: its fields may be a patient's name (PIPL: no names in logs).
        log.warning("%s: %s", type(exc).__name__, exc.message)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if test_mode():
        _recorded.append(Report(title, message, details, exc))
        if not isinstance(exc, AppError):
            raise exc  # the test fails here instead of waiting on a modal box
        return
    if _reporter is not None:
        _reporter(Report(title, message, details, exc))
        return
    make_error_dialog(parent, title, message, details).exec()


class _GuiPresenter(QObject):
    """Lives in the GUI thread; exceptions from any thread are queued to it."""

    raised = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self._present, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _present(self, exc: BaseException) -> None:
        if test_mode():
            message, details = describe(exc)
            _recorded.append(Report(QCoreApplication.translate("ErrorFunnel", "MDT Desk"), message, details, exc))
            return
        show_error(exc)


_presenter: _GuiPresenter | None = None
_previous_hooks: tuple | None = None


def _excepthook(exc_type, exc, tb) -> None:
    if exc is None:
        exc = exc_type()
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    if issubclass(exc_type, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    notifier.notify(exc)
    if test_mode() and _previous_hooks:
        _previous_hooks[0](exc_type, exc, tb)  # let pytest-qt (or the default hook) see it too


def _threading_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None:
        return
    notifier.notify(args.exc_value)
    if test_mode() and _previous_hooks:
        _previous_hooks[1](args)


def _to_gui(exc: BaseException) -> None:
    if _presenter is not None:
        emit(_presenter.raised, exc)  # queued: runs on the GUI thread whatever thread raised


def install() -> None:
    """Route uncaught exceptions of every thread to the GUI (call once, on the GUI thread)."""
    global _presenter, _previous_hooks
    if _presenter is None:
        _presenter = _GuiPresenter()
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = _excepthook
        threading.excepthook = _threading_hook
    notifier.subscribe(_to_gui)


def uninstall() -> None:
    global _previous_hooks
    notifier.unsubscribe(_to_gui)
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None
