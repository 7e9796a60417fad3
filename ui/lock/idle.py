"""Idle detection: an application-wide event filter notes the last keyboard or mouse input.

A coarse timer compares that time with the limit, so typing costs one clock read per event and no timer
restart; the lock comes at most `check_ms` after the limit.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.qt_compat import emit

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
})


class IdleWatcher(QObject):
    idle = Signal()  # no input for `limit_ms`: fired once, then again only after new input

    def __init__(self, limit_ms: int, check_ms: int = 5000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit = limit_ms / 1000
        self._last = time.monotonic()
        self._fired = False
        self.timer = QTimer(self)
        self.timer.setObjectName("idleCheck")
        self.timer.setInterval(min(check_ms, max(50, limit_ms // 4)))
        self.timer.timeout.connect(self._check)

    def set_limit(self, limit_ms: int) -> None:
        self._limit = limit_ms / 1000

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.touch()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def touch(self) -> None:
        """Count as activity now (also after unlocking)."""
        self._last = time.monotonic()
        self._fired = False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS:
            self._last = time.monotonic()
            self._fired = False
        return False

    def _check(self) -> None:
        if not self._fired and self.idle_seconds() >= self._limit:
            self._fired = True
            emit(self.idle)
