"""The idle auto-lock of one session: after the hospital's idle time every window is covered and the
lock screen asks for the password; another user may log in instead, which ends this session cleanly.

    lock = SessionLock(main_window, session, idle_minutes)   # started at once
    ... qapp.exec() ...
    lock.stop(); next_actor = lock.next_actor                 # set when another user took over
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.records import Actor
from ui.lock.curtain import Curtain
from ui.lock.handover import close_session_windows, keep_unsaved_work
from ui.lock.idle import IdleWatcher
from ui.lock.lock_screen import LockScreen
from ui.qt_compat import emit


class SessionLock(QObject):
    lockedChanged = Signal(bool)  # noqa: N815 - Qt naming
    handedOver = Signal(object)  # noqa: N815 - the Actor who took over

    def __init__(self, window, session, idle_minutes: int, *, check_ms: int = 5000,
                 idle_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.next_actor: Actor | None = None
        self.screen: LockScreen | None = None
        self._curtains: list[Curtain] = []
        self.watcher = IdleWatcher(idle_ms if idle_ms is not None else idle_minutes * 60_000, check_ms, self)
        self.watcher.idle.connect(self.lock)
        self.watcher.start()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_idle_minutes(self, minutes: int) -> None:
        self.watcher.set_limit(minutes * 60_000)

    def stop(self) -> None:
        self.watcher.stop()
        QApplication.instance().removeEventFilter(self)

    # -- locking ---------------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        popup = QApplication.activePopupWidget()
        while popup is not None:  # open menus and combo lists would float above the curtain
            popup.close()
            nxt = QApplication.activePopupWidget()
            popup = None if nxt is popup else nxt
        self.screen = LockScreen(self.session.ctx, self.session.actor, self.session.hospital.name)
        self.screen.unlocked.connect(self._unlock)
        self.screen.switched.connect(self._hand_over)
        for w in QApplication.topLevelWidgets():
            self._cover(w)
        QApplication.instance().installEventFilter(self)  # a window opened while locked is covered too
        screen = self.window.screen()
        self.screen.setGeometry(screen.geometry() if screen is not None else self.window.geometry())
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        emit(self.lockedChanged, True)

    def _is_lock_window(self, w: QWidget) -> bool:
        while w is not None:
            if w is self.screen:
                return True
            w = w.parentWidget()
        return False

    def _cover(self, w: QWidget) -> None:
        if not w.isVisible() or not w.isWindow() or self._is_lock_window(w):
            return
        if w.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen):
            w.hide()
            return
        if any(c.parentWidget() is w for c in self._curtains):
            return
        self._curtains.append(Curtain(w, self.tr("MDT Desk is locked")))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self._cover(watched)
        return False

    def curtains(self) -> list[Curtain]:
        return [c for c in self._curtains if c.isVisible()]

    def _lift(self) -> None:
        QApplication.instance().removeEventFilter(self)
        for c in self._curtains:
            try:
                c.lift()
            except RuntimeError:  # its window was closed meanwhile, and the curtain with it
                pass
        self._curtains.clear()

    # -- unlocking or handing over ---------------------------------------------------------------

    def _unlock(self, _actor: Actor) -> None:
        self._lift()
        screen, self.screen = self.screen, None
        screen.finish()
        screen.deleteLater()
        self.watcher.touch()
        emit(self.lockedChanged, False)

    def _hand_over(self, actor: Actor) -> None:
        """Another user logged in: keep the locked user's work, close their windows, end the session."""
        self.next_actor = actor
        self.watcher.stop()
        keep_unsaved_work(self.window)
        close_session_windows(self.window, keep=self.screen)
        emit(self.handedOver, actor)
        QTimer.singleShot(0, self, self._end_session)

    def _end_session(self) -> None:
        # The lock screen goes first, the main window (still covered) last: closing the last visible
        # window is what ends the event loop, and the start-up loop then opens the next user's window.
        if self.screen is not None:
            screen, self.screen = self.screen, None
            screen.finish()
            screen.deleteLater()
        QApplication.instance().removeEventFilter(self)
        self.window.log_out()
