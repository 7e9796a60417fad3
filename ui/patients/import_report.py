"""The per-row result of a patient list import: row, result, name, reason."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from app.services.patient_import import ImportReport, RowResult

COLUMNS = ("row", "status", "name", "reason")
SAMPLES = {"row": "100000", "status": "已新建", "name": "欧阳明月明"}
_COLOURS = {"rejected": QColor("#a4001d"), "duplicate": QColor("#7a5a00")}


class ImportReportModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[RowResult, ...] = ()

    def headers(self) -> dict[str, str]:
        return {"row": self.tr("Row"), "status": self.tr("Result"), "name": self.tr("Name"),
                "reason": self.tr("Reason")}

    def status_text(self, status: str) -> str:
        return {"created": self.tr("Created"), "duplicate": self.tr("Duplicate"),
                "rejected": self.tr("Rejected")}.get(status, status)

    def reason_text(self, result: RowResult) -> str:
        if result.status == "duplicate" and result.patient_id is not None:
            # The service words this in English (str(e)); say it here in the user's language.
            return self.tr("Already registered (patient no. {id}); not imported again.").format(
                id=result.patient_id)
        return result.reason

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        self.rows = report.rows if report is not None else ()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        result, key = self.rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "row":
                return str(result.row)
            if key == "status":
                return self.status_text(result.status)
            if key == "name":
                return result.name
            return self.reason_text(result)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return _COLOURS.get(result.status)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return self.headers()[COLUMNS[section]]
        return None
