"""完整性 Readiness: the template's checklist (present ✓ / out of date ⚠ / missing ✗) and missing fields."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.readiness import FIELD_LABELS, ChecklistItem, Readiness
from ui.cases.editor.widgets import hint_label
from ui.qt_compat import emit

STATE_COLOURS = {"present": "#1b7a3a", "stale": "#a36100", "missing": "#b00020"}
GLYPHS = {"present": "✓", "stale": "⚠", "missing": "✗"}
# the form field to open for each required field of a template
FIELD_TARGETS = {"performance_status": "ecog", "stage": "stage_t"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def template_text(text: str) -> str:
    return QCoreApplication.translate("templates", text)


class ReadinessTab(QWidget):
    confirmRequested = Signal(str, str)  # work-up item code, its label: confirm it by hand
    fieldRequested = Signal(str)  # a form field to go to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessTab")
        self.readiness: Readiness | None = None
        self.summary = QLabel(self.tr("Checking…"))
        self.summary.setObjectName("readinessSummary")
        self.summary.setWordWrap(True)
        self.unsaved_note = hint_label(self.tr("There are unsaved changes: the checklist counts them once the "
                                               "case is saved."))
        self.unsaved_note.setObjectName("readinessUnsaved")
        self.unsaved_note.hide()

        fields_title = QLabel(self.tr("Required fields"))
        fields_title.setObjectName("sectionTitle")
        self.fields_box = QWidget()
        self.fields_layout = QVBoxLayout(self.fields_box)
        self.fields_layout.setContentsMargins(0, 0, 0, 0)
        self.fields_layout.setSpacing(4)

        items_title = QLabel(self.tr("Work-up for this tumour type"))
        items_title.setObjectName("sectionTitle")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("readinessTable")
        self.table.setHorizontalHeaderLabels([self.tr("State"), self.tr("Item"), self.tr("Details"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.override = hint_label()
        self.override.setObjectName("overrideReason")
        self.override.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.unsaved_note)
        layout.addWidget(fields_title)
        layout.addWidget(self.fields_box)
        layout.addSpacing(6)
        layout.addWidget(items_title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.override)
        self.buttons: dict[str, QPushButton] = {}
        self._read_only = False

    def set_unsaved(self, unsaved: bool) -> None:
        self.unsaved_note.setVisible(unsaved)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for b in self.buttons.values():
            b.setEnabled(not read_only)

    # -- showing a result ------------------------------------------------------------------------

    def show_readiness(self, readiness: Readiness, workup: dict | None = None, override_reason: str = "") -> None:
        self.readiness = readiness
        workup = workup or {}
        missing = len(readiness.missing_fields) + len(readiness.missing)
        if readiness.ready:
            self.summary.setText(self.tr("Complete: every required field and work-up item is present."))
            colour = STATE_COLOURS["present"]
        else:
            self.summary.setText(self.tr("Not complete: %1 item(s) missing or out of date.").replace("%1", str(missing)))
            colour = STATE_COLOURS["missing"]
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self._show_fields(readiness.missing_fields)
        self._show_items(readiness.items, workup)
        self.override.setVisible(bool(override_reason))
        self.override.setText(self.tr("Submitted although incomplete, because: %1").replace("%1", override_reason))

    def _show_fields(self, missing: tuple[str, ...]) -> None:
        while self.fields_layout.count():
            item = self.fields_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not missing:
            done = QLabel(f"{GLYPHS['present']} " + self.tr("All required fields are filled in."))
            done.setStyleSheet(f"color: {STATE_COLOURS['present']};")
            self.fields_layout.addWidget(done)
            return
        for name in missing:
            row = QWidget()
            row.setObjectName(f"missing_{name}")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(f"{GLYPHS['missing']} " + template_text(FIELD_LABELS.get(name, name)))
            text.setStyleSheet(f"color: {STATE_COLOURS['missing']};")
            go = QPushButton(self.tr("Fill in"))
            go.clicked.connect(lambda _=False, f=FIELD_TARGETS.get(name, name): emit(self.fieldRequested, f))
            line.addWidget(text)
            line.addWidget(go)
            line.addStretch(1)
            self.fields_layout.addWidget(row)

    def state_text(self, state: str) -> str:
        words = {"present": self.tr("present"), "stale": self.tr("out of date"), "missing": self.tr("missing")}
        return f"{GLYPHS.get(state, '')} {words.get(state, state)}"

    def detail_text(self, item: ChecklistItem, workup: dict) -> str:
        confirmed = workup.get(item.code) or {}
        if confirmed.get("present"):
            text = self.tr("confirmed by hand, dated %1").replace("%1", confirmed.get("on") or "—")
            return f"{text} — {confirmed['note']}" if confirmed.get("note") else text
        if item.detail in FIELD_LABELS:
            return self.tr("recorded in “%1”").replace("%1", template_text(FIELD_LABELS[item.detail]))
        if ISO_DATE.match(item.detail):
            return self.tr("latest of %1").replace("%1", item.detail)
        if item.state == "missing":
            return self.tr("attach it under Material, or confirm it by hand")
        return item.detail

    def _show_items(self, items: tuple[ChecklistItem, ...], workup: dict) -> None:
        self.table.setRowCount(len(items))
        self.buttons = {}
        for r, item in enumerate(items):
            state = QTableWidgetItem(self.state_text(item.state))
            state.setForeground(QBrush(QColor(STATE_COLOURS.get(item.state, "#1e2b38"))))
            state.setData(Qt.ItemDataRole.UserRole, item.code)
            self.table.setItem(r, 0, state)
            self.table.setItem(r, 1, QTableWidgetItem(template_text(item.label)))
            self.table.setItem(r, 2, QTableWidgetItem(self.detail_text(item, workup)))
            confirmed = bool((workup.get(item.code) or {}).get("present"))
            if item.state == "present" and not confirmed:
                self.table.removeCellWidget(r, 3)
                continue  # shown by an attachment or a field: nothing to confirm
            button = QPushButton(self.tr("Update…") if confirmed else self.tr("Confirm by hand…"))
            button.setObjectName(f"confirm_{item.code}")
            button.setEnabled(not self._read_only)
            button.clicked.connect(lambda _=False, c=item.code, t=template_text(item.label):
                                   emit(self.confirmRequested, c, t))
            self.buttons[item.code] = button
            holder = QWidget()
            cell = QHBoxLayout(holder)
            cell.setContentsMargins(6, 2, 6, 2)
            cell.addWidget(button)
            self.table.setCellWidget(r, 3, holder)
        self.table.resizeRowsToContents()
        probe = QPushButton(self.tr("Confirm by hand…"))
        widest = probe.sizeHint()
        probe.deleteLater()
        self.table.setColumnWidth(3, widest.width() + 30)
        for r in range(self.table.rowCount()):
            self.table.setRowHeight(r, max(self.table.rowHeight(r), widest.height() + 8))

    def states(self) -> dict[str, str]:
        """Work-up item code -> state, as shown."""
        return {i.code: i.state for i in self.readiness.items} if self.readiness else {}
