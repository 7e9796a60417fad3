"""The case list model: holds only the ids of the current search; rows are fetched when painted.

Ids come from `cases.search_ids` (filtered and sorted in SQL). `data()` asks for the block of
`BLOCK` rows around a row it has not got yet, shows "…" meanwhile, and signals `dataChanged` when the
block arrives. A new query (search, filter, sort) or `refresh()` drops the cache; answers to an older
query are recognised by their generation number and dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.domain.vocab import label
from app.records import Actor, CaseRow
from app.services.cases import SORT_COLUMNS, CaseQuery
from ui import ops
from ui.cases.case_format import format_date, sex_age
from ui.errors import show_error
from ui.qt_compat import emit

BLOCK = 200
PENDING_TEXT = "…"
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    sort_key: str | None = None  # a key of app.services.cases.SORT_COLUMNS, or None (not sortable)
    sample: str = ""  # typical widest content, measured in the current font to size the column
    vocab: str = ""  # or the vocabulary whose labels fill the column


def _column(key: str, sort_key: str | None, sample: str = "", vocab: str = "") -> Column:
    return Column(key, sort_key if sort_key in SORT_COLUMNS else None, sample, vocab)


COLUMNS: tuple[Column, ...] = (
    _column("case_no", "case_no", "MDT2026-00000"),
    _column("patient", "patient", "欧阳某某"),
    _column("sex_age", None, "Female / 10"),
    _column("hospital_number", None, "ZY000000000"),
    _column("tumour_type", "tumour_type", vocab="tumour_type"),
    _column("diagnosis", "diagnosis", "C00.0 某某某某某某"),
    _column("stage", None, "cT4aN3bM0 IIIC"),
    _column("status", "status", vocab="case_status"),
    _column("team", "team", "消化道肿瘤MDT"),
    _column("applicant", None, "欧阳某某"),
    _column("applied_on", "applied_on", "2026-12-31"),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}


class CaseTableModel(QAbstractTableModel):
    idsLoaded = Signal(int)  # the number of matching cases, after each current search
    blockLoaded = Signal(int)  # the index of a block of rows that arrived

    def __init__(self, ctx, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._query = CaseQuery()
        self._ids: list[int] = []
        self._rows: dict[int, CaseRow] = {}
        self._missing: set[int] = set()
        self._requested: set[int] = set()  # block numbers asked for in this generation
        self._generation = 0
        self._searching = False

    # -- the query -------------------------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def searching(self) -> bool:
        return self._searching

    def set_query(self, query: CaseQuery) -> None:
        if query != self._query:
            self._query = query
            self.refresh()

    def refresh(self) -> None:
        """Run the current query again; the row cache is dropped when the new ids arrive."""
        self._generation += 1
        generation, query, actor, cases = self._generation, self._query, self._actor, self._ctx.cases
        self._searching = True
        ops.run(lambda: cases.search_ids(actor, query),
                lambda ids: self._ids_arrived(generation, ids),
                lambda exc: self._failed(generation, exc), owner=self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.set_query(replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> int:
        for i, c in enumerate(COLUMNS):
            if c.sort_key == self._query.sort:
                return i
        return -1

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._searching = False
        show_error(exc)

    def _ids_arrived(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return  # an older search finished after a newer one started
        self._searching = False
        self.beginResetModel()
        self._ids = ids
        self._rows.clear()
        self._missing.clear()
        self._requested.clear()
        self.endResetModel()
        emit(self.idsLoaded, len(ids))

    # -- rows ------------------------------------------------------------------------------------

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def case_row(self, row: int) -> CaseRow | None:
        case_id = self.case_id(row)
        return self._rows.get(case_id) if case_id is not None else None

    def ids(self) -> list[int]:
        return list(self._ids)

    def is_block_loaded(self, block: int) -> bool:
        ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
        return all(i in self._rows or i in self._missing for i in ids)

    def fetch_block(self, block: int) -> None:
        if block in self._requested or block < 0 or block * BLOCK >= len(self._ids):
            return
        self._requested.add(block)
        ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
        generation, actor, cases = self._generation, self._actor, self._ctx.cases
        ops.run(lambda: cases.rows(actor, ids),
                lambda rows: self._rows_arrived(generation, block, ids, rows), owner=self)

    def _rows_arrived(self, generation: int, block: int, ids: list[int], rows: list[CaseRow]) -> None:
        if generation != self._generation:
            return
        for r in rows:
            self._rows[r.id] = r
        self._missing.update(set(ids) - {r.id for r in rows})  # deleted since the search: shown empty
        first = block * BLOCK
        last = min(first + BLOCK, len(self._ids)) - 1
        if last >= first:
            emit(self.dataChanged, self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        emit(self.blockLoaded, block)

    # -- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section].key)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort_key is None:
            return self.tr("This column cannot be sorted.")
        return None

    def column_title(self, key: str) -> str:
        titles = {
            "case_no": self.tr("Case no."),
            "patient": self.tr("Patient"),
            "sex_age": self.tr("Sex / age"),
            "hospital_number": self.tr("Inpatient no."),
            "tumour_type": self.tr("Tumour type"),
            "diagnosis": self.tr("Diagnosis"),
            "stage": self.tr("Stage"),
            "status": self.tr("Status"),
            "team": self.tr("Team"),
            "applicant": self.tr("Applicant"),
            "applied_on": self.tr("Applied on"),
        }
        return titles[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case_id = self._ids[index.row()]
        if role == CASE_ID_ROLE:
            return case_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows.get(case_id)
        if row is None:
            if case_id in self._missing:
                return ""
            self.fetch_block(index.row() // BLOCK)
            return PENDING_TEXT if role == Qt.ItemDataRole.DisplayRole else None
        text = self.cell_text(row, COLUMNS[index.column()].key)
        if role == Qt.ItemDataRole.ToolTipRole:  # the long ones may be cut short on screen
            return text if COLUMNS[index.column()].key in ("diagnosis", "team", "stage") else None
        return text

    @staticmethod
    def cell_text(row: CaseRow, key: str) -> str:
        if key == "case_no":
            return row.case_no
        if key == "patient":
            return row.patient_name
        if key == "sex_age":
            return sex_age(row)
        if key == "hospital_number":
            return row.hospital_number or ""
        if key == "tumour_type":
            return label("tumour_type", row.tumour_type)
        if key == "diagnosis":
            return row.diagnosis
        if key == "stage":
            return row.stage
        if key == "status":
            return label("case_status", row.status)
        if key == "team":
            return row.team
        if key == "applicant":
            return row.applicant
        if key == "applied_on":
            return format_date(row.applied_on)
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
