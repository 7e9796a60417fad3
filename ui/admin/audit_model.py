"""The audit trail table model: only the ids of the current filter; rows fetched in blocks when painted.

Same pattern as the case list (ui/cases/case_table_model.py): filtering and sorting happen in SQL
(`audit_query.ids`), `data()` asks for the block of BLOCK rows around a row it has not got and shows "…"
meanwhile; answers to an older query are recognised by the generation number and dropped.
"""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.audit_labels import action_label, entity_label
from app.records import Actor
from app.services.audit_query import AuditFilter, AuditRow
from ui import ops
from ui.errors import show_error
from ui.qt_compat import emit

BLOCK = 200
PENDING_TEXT = "…"
Index = QModelIndex | QPersistentModelIndex

# (key, sort key of app.services.audit_query.SORT_COLUMNS or None)
COLUMNS = (("at", "at"), ("user", "user"), ("action", "action"), ("entity", "entity"), ("case_no", None),
           ("change", None), ("note", None))


def change_text(row: AuditRow) -> str:
    def short(value) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    return " → ".join(x for x in (short(row.old), short(row.new)) if x)


class AuditTableModel(QAbstractTableModel):
    idsLoaded = Signal(int)  # noqa: N815 - the number of matching events
    blockLoaded = Signal(int)  # noqa: N815

    def __init__(self, ctx, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self._ctx, self._actor = ctx, actor
        self._filter = AuditFilter()
        self._ids: list[int] = []
        self._rows: dict[int, AuditRow] = {}
        self._requested: set[int] = set()
        self._generation = 0

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, f: AuditFilter) -> None:
        self._filter = replace(f, sort=self._filter.sort, descending=self._filter.descending)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation, f, actor, audit = self._generation, self._filter, self._actor, self._ctx.audit_query
        ops.run(lambda: audit.ids(actor, f), lambda ids: self._ids_arrived(generation, ids),
                lambda exc: show_error(exc), owner=self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self._filter = replace(self._filter, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        self.refresh()

    def _ids_arrived(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids, self._rows, self._requested = ids, {}, set()
        self.endResetModel()
        emit(self.idsLoaded, len(ids))

    def event_row(self, row: int) -> AuditRow | None:
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def fetch_block(self, block: int) -> None:
        if block in self._requested or block < 0 or block * BLOCK >= len(self._ids):
            return
        self._requested.add(block)
        ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
        generation, actor, audit = self._generation, self._actor, self._ctx.audit_query
        ops.run(lambda: audit.rows(actor, ids), lambda rows: self._rows_arrived(generation, block, rows),
                owner=self)

    def _rows_arrived(self, generation: int, block: int, rows: list[AuditRow]) -> None:
        if generation != self._generation:
            return
        for r in rows:
            self._rows[r.id] = r
        first, last = block * BLOCK, min((block + 1) * BLOCK, len(self._ids)) - 1
        if last >= first:
            emit(self.dataChanged, self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        emit(self.blockLoaded, block)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {"at": self.tr("Time"), "user": self.tr("User"), "action": self.tr("Action"),
                  "entity": self.tr("Record"), "case_no": self.tr("Case no."), "change": self.tr("Old → new"),
                  "note": self.tr("Note")}
        return titles[COLUMNS[section][0]] if 0 <= section < len(COLUMNS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows.get(self._ids[index.row()])
        if row is None:
            self.fetch_block(index.row() // BLOCK)
            return PENDING_TEXT if role == Qt.ItemDataRole.DisplayRole else None
        key = COLUMNS[index.column()][0]
        text = self.cell_text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in ("action", "entity"):  # the stored code, for matching the CSV export
                return getattr(row, key)
            return text if key in ("change", "note") else None
        return text

    @staticmethod
    def cell_text(row: AuditRow, key: str) -> str:
        if key == "at":
            return row.at.strftime("%Y-%m-%d %H:%M:%S")
        if key == "user":
            return row.username or "-"
        if key == "action":
            return action_label(row.action)
        if key == "entity":
            name = entity_label(row.entity)
            return f"{name} #{row.entity_id}" if row.entity_id is not None else name
        if key == "case_no":
            return row.case_no
        if key == "change":
            return change_text(row)
        return row.note
