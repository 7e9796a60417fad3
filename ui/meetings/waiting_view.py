"""The secretary's view of cases waiting for a meeting, per team (urgent first), with their readiness.

Enter (or a double click) on a case asks the main window to open it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.domain.vocab import label
from app.meeting_records import CandidateCase
from app.records import Actor
from ui import ops
from ui.meetings.meeting_models import NOT_READY, OK_COLOUR, READY, WARN_COLOUR, missing_text
from ui.qt_compat import emit

CASE_ID = Qt.ItemDataRole.UserRole


class WaitingCasesView(QWidget):
    caseActivated = Signal(int)
    loaded = Signal()

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingCases")
        self.setWindowTitle(self.tr("Cases waiting for a meeting"))
        self._ctx, self._actor = ctx, actor
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("waitingSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("waitingTree")
        self.tree.setColumnCount(7)
        self.tree.setHeaderLabels([self.tr("Case no."), self.tr("Patient"), self.tr("Tumour type"),
                                   self.tr("Diagnosis"), self.tr("Case status"), self.tr("Urgency"),
                                   self.tr("Ready")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.installEventFilter(self)
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(900, 520)
        self.refresh()

    def refresh(self) -> None:
        agenda, teams, actor = self._ctx.agenda, self._ctx.teams, self._actor
        ops.run(lambda: (agenda.waiting_by_team(actor), {t.id: t.name for t in teams.list(actor)}),
                lambda r: self._arrived(*r), owner=self)

    def _arrived(self, waiting: dict[int | None, list[CandidateCase]], names: dict[int, str]) -> None:
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        total = 0
        for team_id, cases in waiting.items():
            if team_id is None and not cases:
                continue
            name = names.get(team_id, "") if team_id is not None else self.tr("No team covers these cases")
            head = QTreeWidgetItem([self.tr("%1 (%2 waiting)").replace("%1", name).replace("%2", str(len(cases)))])
            head.setFont(0, bold)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
            for c in cases:
                row = QTreeWidgetItem([c.case_no, c.patient_name, label("tumour_type", c.tumour_type), c.diagnosis,
                                       label("case_status", c.status), label("urgency", c.urgency),
                                       READY if c.ready else NOT_READY])
                row.setData(0, CASE_ID, c.id)
                row.setToolTip(6, missing_text(c.missing))
                row.setForeground(6, OK_COLOUR if c.ready else WARN_COLOUR)
                if c.urgency == "urgent":
                    row.setForeground(5, WARN_COLOUR)
                head.addChild(row)
            head.setExpanded(True)
            total += len(cases)
        for col in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(col)
        self.summary.setText(self.tr("%n case(s) waiting for a meeting.", "", total) if total
                             else self.tr("No case is waiting for a meeting."))
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))
        emit(self.loaded)

    def case_rows(self) -> list[tuple[str, list[str]]]:
        """(team heading, case numbers) as shown, for tests and screen readers."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            out.append((head.text(0), [head.child(j).text(0) for j in range(head.childCount())]))
        return out

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        case_id = item.data(0, CASE_ID)
        if case_id is not None:
            emit(self.caseActivated, case_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.tree and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tree.currentItem() is not None):
            self._activated(self.tree.currentItem())
            return True
        return super().eventFilter(watched, event)
