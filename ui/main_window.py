"""The main window: navigation on the left, one section at a time on the right, the user below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
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
from ui.geometry import GeometryStore
from ui.look import icon
from ui.meetings.meeting_list import MeetingListView
from ui.qt_compat import emit
from ui.session import Session
from ui.settings_dialog import SettingsDialog
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
            "meetings": lambda: MeetingListView(session.ctx, session.actor, session=session),
            "followup": self._make_followup,
            "stats": self._make_stats,
            "admin": lambda: UserListView(session.ctx, session.actor),
        }
        self._logging_out = False
        self._editors: dict[int, QWidget] = {}  # open case editors by case id
        self._drafts_offered = False
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
        # Set by ui.startup: e.g. the automatic backup on exit, which makes the close wait for it.
        self.close_guard: Callable[[QMainWindow], bool] | None = None
        from ui.backup.banner import add_backup_banner

        self.backup_banner = add_backup_banner(self, session)
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
        view.newCaseRequested.connect(self.new_case)
        return view

    def _make_stats(self) -> SectionView:
        # pyqtgraph is loaded when the section is first shown, not at start-up.
        from ui.statistics.stats_view import StatisticsView

        view = StatisticsView(self.session.ctx, self.session.actor)
        view.caseActivated.connect(self.open_case)
        return view

    def _make_followup(self) -> SectionView:
        from ui.followup.section import FollowUpSection

        return FollowUpSection(self.session.ctx, self.session.actor)

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

    # -- case editors (a window per case, loaded on first use) ------------------------------------

    def open_case(self, case_id: int):
        """Show the case's editor window (the one already open for it, if any)."""
        from ui.cases.editor.window import CaseEditor

        editor = self._editors.get(case_id)
        if editor is None:
            editor = CaseEditor(self.session, case_id, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.saved.connect(self._case_changed)
            editor.statusChanged.connect(self._case_changed)
            editor.destroyed.connect(lambda _=None, cid=case_id: self._editors.pop(cid, None))
            self._editors[case_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def editors(self) -> list[QWidget]:
        return list(self._editors.values())

    def new_case(self) -> None:
        from ui.cases.editor.opening import new_case

        new_case(self.session, self, self._case_created)

    def _case_created(self, case_id: int) -> None:
        self._case_changed(case_id)
        self.open_case(case_id)

    def _case_changed(self, _case_id: int) -> None:
        view = self._views.get("cases")
        if view is not None:
            view.refresh()

    def close_editors(self) -> bool:
        """Close every case editor (each asks about unsaved changes); False if one stays open."""
        return all(editor.close() for editor in list(self._editors.values()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drafts_offered:
            self._drafts_offered = True
            from ui.cases.editor.opening import offer_pending_drafts

            QTimer.singleShot(0, self, lambda: offer_pending_drafts(self.session, self, self.open_case))

    # -- menus and status bar --------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"), self.open_settings)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        from ui.password_dialog import add_password_action

        self.password_action = add_password_action(file_menu, self.session, self)
        from ui.backup.banner import add_backup_action

        self.backup_action = add_backup_action(file_menu, self.session, self)
        file_menu.addSeparator()
        self.logout_action = file_menu.addAction(self.tr("&Log out"), self.log_out)
        self.quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        from ui.patients.actions import add_patient_actions

        self.patient_actions = add_patient_actions(self.menuBar().addMenu(self.tr("&Patients")), self.session, self)

        from ui.signing.actions import add_document_actions

        self.document_actions = add_document_actions(self.menuBar().addMenu(self.tr("&Documents")), self.session,
                                                     self)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.section_actions: dict[str, QAction] = {}
        for i, key in enumerate(SECTIONS, start=1):
            action = view_menu.addAction(icon(f"nav-{key}"), self.section_title(key))
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _=False, k=key: self.show_section(k))
            self.section_actions[key] = action
        view_menu.addSeparator()
        self.teams_action = view_menu.addAction(self.tr("MDT &teams…"), self.open_teams)
        self.teams_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
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

    def open_teams(self) -> QWidget:
        from ui.teams import open_teams

        return open_teams(self.session.ctx, self.session.actor, self)

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
        if not self.close_editors():
            return
        self._logging_out = True
        emit(self.logoutRequested)
        self.close()

    @property
    def logging_out(self) -> bool:
        return self._logging_out

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_editors():
            event.ignore()
            return
        if self.close_guard is not None and not self.close_guard(self):
            event.ignore()
            return
        self._store.save(self, GEOMETRY_KEY)
        super().closeEvent(event)

