"""The rows of a patient search: name, sex, birth date, inpatient no., masked ID number, phone."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.domain.vocab import label
from app.records import PatientRow
from ui.patients.formatting import mask_id_number

COLUMNS = ("name", "sex", "birth_date", "hospital_number", "id_number", "phone")
# Typical content per column, measured in the current font to size the columns (no scan of the rows).
SAMPLES = {"name": "欧阳明月明", "sex": "未知", "birth_date": "2026-12-31", "hospital_number": "ZY20260001",
           "id_number": "110101********1234", "phone": "13912345678"}


class PatientTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PatientRow] = []

    def headers(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "sex": self.tr("Sex"), "birth_date": self.tr("Birth date"),
                "hospital_number": self.tr("Inpatient no."), "id_number": self.tr("ID number"),
                "phone": self.tr("Phone")}

    def set_rows(self, rows: list[PatientRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def patient(self, row: int) -> PatientRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "id_number":
            return self.tr("Shown masked; the full number is on the patient's record.")
        return None

    @staticmethod
    def text(row: PatientRow, key: str) -> str:
        if key == "sex":
            return label("sex", row.sex)
        if key == "birth_date":
            return row.birth_date.isoformat() if row.birth_date else ""
        if key == "id_number":
            return mask_id_number(row.id_number)
        value = getattr(row, key)
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return self.headers()[COLUMNS[section]]
        return None
