"""The main window: navigation on the left, one section at a time on the right, the user below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.domain.vocab import label
from ui.about_dialog import AboutDialog
from ui.admin.user_list import UserListView
from ui.cases.case_list import CaseListView
from ui.cases.case_summary_dialog import CaseSummaryDialog
from ui.geometry import GeometryStore
from ui.look import icon
from ui.meetings.meeting_list import MeetingListView
from ui.qt_compat import emit
from ui.session import Session
from ui.settings_dialog import SettingsDialog
from ui.widgets.placeholder import FollowUpView, StatisticsView
from ui.widgets.section import SectionView

SECTIONS = ("cases", "meetings", "followup", "stats", "admin")
GEOMETRY_KEY = "main_window"


class MainWindow(QMainWindow):
    logoutRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self._store = GeometryStore(session.data_dir)
        self._views: dict[str, SectionView] = {}
        self._factories: dict[str, Callable[[], SectionView]] = {
            "cases": self._make_cases,
            "meetings": lambda: MeetingListView(session.ctx, session.actor),
            "followup": FollowUpView,
            "stats": StatisticsView,
            "admin": lambda: UserListView(session.ctx, session.actor),
        }
        self._logging_out = False
        title = self.tr("MDT Desk")
        self.setWindowTitle(f"{title} — {session.hospital.name}" if session.hospital.name else title)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for key in SECTIONS:
            item = QListWidgetItem(icon(f"nav-{key}"), self.section_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 36))
        self.stack = QStackedWidget()
        self.stack.setObjectName("sections")

        central = QWidget()
        central.setObjectName("central")
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(lambda r: self.show_section(SECTIONS[r]) if r >= 0 else None)
        if not self._store.restore(self, GEOMETRY_KEY):
            self.resize(1280, 800)
        self.show_section("cases")

    # -- sections --------------------------------------------------------------------------------

    def section_title(self, key: str) -> str:
        return {
            "cases": self.tr("Cases"), "meetings": self.tr("Meetings"), "followup": self.tr("Follow-up"),
            "stats": self.tr("Statistics"), "admin": self.tr("Admin"),
        }[key]

    def _make_cases(self) -> SectionView:
        view = CaseListView(self.session.ctx, self.session.actor)
        view.caseActivated.connect(self.open_case)
        return view

    def view(self, key: str) -> SectionView | None:
        return self._views.get(key)

    def current_section(self) -> str:
        return SECTIONS[max(0, self.nav.currentRow())]

    def show_section(self, key: str) -> SectionView:
        """Switch to a section, creating it on first use (its data loads then)."""
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = self._factories[key]()
            self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        row = SECTIONS.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return view

    def open_case(self, case_id: int) -> CaseSummaryDialog:
        dialog = CaseSummaryDialog(self.session.ctx, self.session.actor, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- menus and status bar --------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"), self.open_settings)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        file_menu.addSeparator()
        self.logout_action = file_menu.addAction(self.tr("&Log out"), self.log_out)
        self.quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.section_actions: dict[str, QAction] = {}
        for i, key in enumerate(SECTIONS, start=1):
            action = view_menu.addAction(icon(f"nav-{key}"), self.section_title(key))
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _=False, k=key: self.show_section(k))
            self.section_actions[key] = action
        view_menu.addSeparator()
        refresh = view_menu.addAction(self.tr("&Refresh"), self.refresh_current)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About MDT Desk…"), self.open_about)

    def _build_status_bar(self) -> None:
        actor = self.session.actor
        self.user_label = QLabel(self.tr("Logged in: %1 (%2)")
                                 .replace("%1", actor.display_name).replace("%2", label("role", actor.role)))
        self.user_label.setObjectName("statusUser")
        self.data_label = QLabel(self.tr("Data: %1").replace("%1", str(self.session.data_dir.root)))
        self.data_label.setObjectName("statusData")
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.data_label)

    def refresh_current(self) -> None:
        view = self._views.get(self.current_section())
        if view is not None:
            view.refresh()

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.session.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.session.data_dir, self.session.hospital.schema_revision,
                             self.session.hospital.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def log_out(self) -> None:
        self._logging_out = True
        emit(self.logoutRequested)
        self.close()

    @property
    def logging_out(self) -> bool:
        return self._logging_out

    def closeEvent(self, event: QCloseEvent) -> None:
        self._store.save(self, GEOMETRY_KEY)
        super().closeEvent(event)

