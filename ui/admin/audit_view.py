"""The administrator's audit trail: filter by user, patient, case, action and dates; export as CSV.

Opened from the admin section. The table holds only ids (audit_model.py), so 100,000 events scroll as
fast as 100; sorting by a column header happens in SQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit_labels import action_label
from app.records import Actor
from app.services.audit_query import AuditFilter
from ui import ops
from ui.admin.audit_model import AuditTableModel
from ui.errors import show_error
from ui.widgets.heading import Heading

FILTER_DELAY_MS = 300


def _utc(day: date) -> datetime:
    """The start of a local day as naive UTC (how events are stored)."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


class AuditView(QDialog):
    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.setWindowTitle(self.tr("Audit trail"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._ctx, self._actor = ctx, actor
        self.model = AuditTableModel(ctx, actor, self)

        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.user.setEditable(True)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.case_no = QLineEdit()
        self.case_no.setObjectName("auditCase")
        self.case_no.setPlaceholderText(self.tr("Case no., exactly"))
        self.patient = QLineEdit()
        self.patient.setObjectName("auditPatient")
        self.patient.setPlaceholderText(self.tr("Name, inpatient or ID no., exactly"))
        today = QDate.currentDate()
        self.use_from, self.date_from = QCheckBox(self.tr("From")), QDateEdit(today.addDays(-30))
        self.use_to, self.date_to = QCheckBox(self.tr("To")), QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(QLabel(self.tr("User")), 0, 0)
        grid.addWidget(self.user, 0, 1)
        grid.addWidget(QLabel(self.tr("Action")), 0, 2)
        grid.addWidget(self.action, 0, 3)
        grid.addWidget(self.use_from, 0, 4)
        grid.addWidget(self.date_from, 0, 5)
        grid.addWidget(QLabel(self.tr("Case")), 1, 0)
        grid.addWidget(self.case_no, 1, 1)
        grid.addWidget(QLabel(self.tr("Patient")), 1, 2)
        grid.addWidget(self.patient, 1, 3)
        grid.addWidget(self.use_to, 1, 4)
        grid.addWidget(self.date_to, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("病")
        for i, width in enumerate((11, 7, 8, 8, 9, 22)):
            self.table.setColumnWidth(i, em * width)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)

        self.count = QLabel()
        self.count.setObjectName("auditCount")
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(Heading(self.tr("Audit trail")))
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(em * 80, em * 45)

        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(FILTER_DELAY_MS)
        self._delay.timeout.connect(self.apply_filter)
        for signal in (self.user.currentTextChanged, self.action.currentIndexChanged, self.case_no.textChanged,
                       self.patient.textChanged, self.use_from.toggled, self.use_to.toggled,
                       self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(lambda *_: self._delay.start())
        self.model.idsLoaded.connect(self._counted)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.export)
        self._load_choices()
        self.model.refresh()

    def _load_choices(self) -> None:
        audit, actor = self._ctx.audit_query, self._actor
        ops.run(lambda: audit.choices(actor), self._choices_arrived, owner=self)

    def _choices_arrived(self, choices: tuple[list[str], list[str]]) -> None:
        users, actions = choices
        for combo, items, everyone, label in ((self.user, users, self.tr("(all users)"), str),
                                              (self.action, actions, self.tr("(all actions)"), action_label)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, "")
            for item in items:
                combo.addItem(label(item), item)
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        user = self.user.currentText().strip()
        if self.user.currentIndex() == 0 and user == self.user.itemText(0):
            user = ""
        return AuditFilter(
            user=user, action=self.action.currentData() or "", case_no=self.case_no.text().strip(),
            patient=self.patient.text().strip(),
            since=_utc(self.date_from.date().toPython()) if self.use_from.isChecked() else None,
            until=_utc(self.date_to.date().toPython() + timedelta(days=1)) if self.use_to.isChecked() else None,
        )

    def apply_filter(self) -> None:
        self._delay.stop()
        self.model.set_filter(self.current_filter())

    def _counted(self, n: int) -> None:
        self.count.setText(self.tr("%n event(s)", "", n))

    # -- export ----------------------------------------------------------------------------------

    def ask_path(self) -> Path | None:
        """Where to write the CSV (tests replace this)."""
        name = f"audit-{date.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), str(Path.home() / name),
                                              self.tr("CSV files (*.csv)"))
        return Path(path) if path else None

    def export(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        audit, actor, f = self._ctx.audit_query, self._actor, self.model.filter
        ops.run(lambda: audit.export_csv(actor, f, path), lambda n: self._exported(path, n),
                self._export_failed, owner=self)

    def _exported(self, path: Path, n: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("%1 events written to %2").replace("%1", str(n)).replace("%2", str(path)))
        self.model.refresh()  # the export is an event too

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText("")
        show_error(exc, self)
