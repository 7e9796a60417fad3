"""The presenter console: the agenda, the keys that drive the audience window, masking and the screen choice.

Keys: PageDown/N next case, PageUp/P previous case (persisted through ctx.meetings.step, so a restarted
app resumes at the same case), →/← next/previous image, V the full viewer, B blank screen, U unmask
(confirmation; presenter only), F5 show/hide the audience window.

Unmasking is written to the audit trail first (`ctx.privacy.record_unmask`: who, which patient, when); the
name appears only once that entry is stored, and moving to another case masks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import ops
from ui.presentation.audience import AudienceWindow
from ui.presentation.loading import CaseShow, discussed_items, load_show
from ui.presentation.masking import mask_name
from ui.qt_compat import emit

K = Qt.Key


class PresenterConsole(QWidget):
    loaded = Signal()  # a case (or "no case") has reached both windows

    def __init__(self, session, meeting_id: int, parent: QWidget | None = None, *,
                 audience: AudienceWindow | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterConsole")
        self.setWindowTitle(self.tr("Presenter console"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session, self.meeting_id = session, meeting_id
        self.show_data: CaseShow | None = None
        self.is_loaded = False
        self.busy = False
        self.audience = audience or AudienceWindow(session)
        self.audience.key_handler = self.handle_key
        self.audience.screenChanged.connect(lambda _name: self._update_status())
        self.confirm_unmask: Callable[[], bool] = self._ask_unmask
        self._build()
        self.reload()

    # ---- building -----------------------------------------------------------------------------------
    def _button(self, text: str, key: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(self.tr("Shortcut: %1").replace("%1", key))
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(slot)
        return b

    def _build(self) -> None:
        v = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("presenterHeading")
        v.addWidget(self.heading)
        self.agenda = QListWidget()
        self.agenda.setObjectName("presenterAgenda")
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agenda.itemActivated.connect(self._activated)
        v.addWidget(self.agenda, 1)
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("Previous case"), "PageUp / P", lambda: self.step_case(-1)))
        row.addWidget(self._button(self.tr("Next case"), "PageDown / N", lambda: self.step_case(1)))
        row.addWidget(self._button(self.tr("Previous image"), "←", lambda: self.step_image(-1)))
        row.addWidget(self._button(self.tr("Next image"), "→", lambda: self.step_image(1)))
        row.addWidget(self._button(self.tr("Viewer"), "V", self.toggle_viewer))
        row.addWidget(self._button(self.tr("Blank screen"), "B", self.toggle_blank))
        self.unmask_button = self._button(self.tr("Unmask"), "U",
                                          self.toggle_mask)
        row.addWidget(self.unmask_button)
        v.addLayout(row)
        screens = QHBoxLayout()
        screens.addWidget(QLabel(self.tr("Audience screen:")))
        self.screen_combo = QComboBox()
        self.screen_combo.setObjectName("audienceScreen")
        self.screen_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for n, screen in enumerate(QGuiApplication.screens(), 1):
            g = screen.geometry()
            self.screen_combo.addItem(f"{n}. {screen.name()} ({g.width()}×{g.height()})", screen)
        if self.screen_combo.count() > 1:
            self.screen_combo.setCurrentIndex(1)  # the second screen is usually the projector
        screens.addWidget(self.screen_combo, 1)
        self.audience_button = self._button(self.tr("Show audience window"), "F5", self.toggle_audience)
        screens.addWidget(self.audience_button)
        v.addLayout(screens)
        self.status = QLabel()
        self.status.setObjectName("presenterStatus")
        self.status.setWordWrap(True)
        v.addWidget(self.status)

    # ---- loading and stepping -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, actor, mid = self.session.ctx, self.session.actor, self.meeting_id
        self._run(lambda: load_show(ctx, actor, mid))

    def step_case(self, delta: int) -> None:
        ctx, actor, mid = self.session.ctx, self.session.actor, self.meeting_id
        self._run(lambda: load_show(ctx, actor, mid, ctx.meetings.step(actor, mid, delta)))

    def go_to_item(self, item_id: int) -> None:
        ctx, actor, mid = self.session.ctx, self.session.actor, self.meeting_id
        self._run(lambda: load_show(ctx, actor, mid, ctx.meetings.set_current(actor, mid, item_id)))

    def _run(self, fn) -> None:
        if self.busy:
            return  # one move at a time: a held key does not queue a dozen steps
        self.busy, self.is_loaded = True, False
        ops.run(fn, self._arrived, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        from ui.errors import show_error

        show_error(exc)

    def _arrived(self, show: CaseShow) -> None:
        self.busy = False
        before = self.show_data.item.id if self.show_data is not None and self.show_data.item else None
        if not self.audience.masked and (show.item.id if show.item else None) != before:
            self.audience.masked = True  # an unmask covers one patient: the next case starts masked
        self.show_data = show
        self.audience.show_case(show)
        self._fill_agenda()
        self._update_status()
        self.is_loaded = True
        emit(self.loaded)

    def _fill_agenda(self) -> None:
        show = self.show_data
        self.heading.setText(self.tr("%1 · case %2 of %3").replace("%1", show.meeting.team)
                             .replace("%2", str(show.number)).replace("%3", str(show.total)))
        self.agenda.clear()
        for n, item in enumerate(discussed_items(show.meeting), 1):
            name = mask_name(item.patient_name) if self.audience.masked else item.patient_name
            row = QListWidgetItem(f"{n}. {item.case_no}  {name}  {item.diagnosis}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            if show.item is not None and item.id == show.item.id:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
                self.agenda.addItem(row)
                self.agenda.setCurrentItem(row)
            else:
                self.agenda.addItem(row)

    def _activated(self, row: QListWidgetItem) -> None:
        self.go_to_item(row.data(Qt.ItemDataRole.UserRole))

    # ---- the audience window -------------------------------------------------------------------------------
    def step_image(self, delta: int) -> None:
        self.audience.step_image(delta)
        self._update_status()

    def toggle_viewer(self) -> None:
        self.audience.toggle_viewer()
        self._update_status()

    def toggle_blank(self) -> None:
        self.audience.set_blank(not self.audience.blank)
        self._update_status()

    def toggle_mask(self) -> None:
        if not self.audience.masked:
            self._set_masked(True)
            return
        item = self.show_data.item if self.show_data is not None else None
        if item is None or not self.confirm_unmask():
            return
        ctx, actor, case_id = self.session.ctx, self.session.actor, item.case_id
        ops.run(lambda: ctx.privacy.record_unmask(actor, case_id, "presentation"),
                lambda _r: self._unmasked(case_id), self._failed_unmask, owner=self)

    def _unmasked(self, case_id: int) -> None:
        item = self.show_data.item if self.show_data is not None else None
        if item is not None and item.case_id == case_id:  # still the case the presenter agreed to show
            self._set_masked(False)

    def _failed_unmask(self, exc: BaseException) -> None:
        from ui.errors import show_error

        show_error(exc, self)

    def _set_masked(self, masked: bool) -> None:
        self.audience.set_masked(masked)
        if self.show_data is not None:
            self._fill_agenda()
        self._update_status()

    def _ask_unmask(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unmask the patient"),
            self.tr("Show the patient's full name on the audience screen? Everyone in the room will see it."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def toggle_audience(self) -> None:
        """Several screens: full screen on the chosen one. One screen: switch between the two views."""
        a = self.audience
        if a.isVisible():
            a.hide()
            self.activateWindow()
        else:
            screen = self.screen_combo.currentData()
            if screen is not None:
                a.setScreen(screen)
                a.setGeometry(screen.geometry())
            a.showFullScreen()
            a.raise_()
            if self.screen_combo.count() > 1:
                self.activateWindow()  # keep the keys on the console
        self._update_status()

    def _update_status(self) -> None:
        a = self.audience
        where = {"case": self.tr("case page"), "viewer": self.tr("full viewer"), "blank": self.tr("blank screen"),
                 "image": self.tr("key image %1").replace("%1", str(a.page))}[a.screen_name()]
        mask = self.tr("identity masked") if a.masked else self.tr("IDENTITY SHOWN")
        shown = self.tr("audience window shown") if a.isVisible() else self.tr("audience window hidden")
        self.status.setText(self.tr("Audience: %1 · %2 · %3").replace("%1", where).replace("%2", mask)
                            .replace("%3", shown))
        self.unmask_button.setText(self.tr("Mask") if not a.masked else self.tr("Unmask"))
        self.audience_button.setText(self.tr("Hide audience window") if a.isVisible()
                                     else self.tr("Show audience window"))

    # ---- keys ---------------------------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        actions = {
            K.Key_PageDown: lambda: self.step_case(1), K.Key_N: lambda: self.step_case(1),
            K.Key_PageUp: lambda: self.step_case(-1), K.Key_P: lambda: self.step_case(-1),
            K.Key_Right: lambda: self.step_image(1), K.Key_Left: lambda: self.step_image(-1),
            K.Key_V: self.toggle_viewer, K.Key_B: self.toggle_blank, K.Key_U: self.toggle_mask,
            K.Key_F5: self.toggle_audience,
        }
        if key == K.Key_Escape and self.audience.isVisible() and self.screen_combo.count() <= 1:
            self.toggle_audience()
            return True
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.audience.timer.stop()
        self.audience.close()
        super().closeEvent(event)
