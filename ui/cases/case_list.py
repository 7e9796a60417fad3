"""The case list screen: search as you type, filters, SQL-side sorting, and a count."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import codes, label
from app.records import Actor, TeamRow
from app.security.permissions import allowed
from app.services.cases import CaseQuery
from ui import ops
from ui.cases.case_table_model import COLUMNS, CaseTableModel
from ui.packages.case_actions import PackageActions
from ui.qt_compat import emit
from ui.widgets.section import SectionView

SEARCH_DELAY_MS = 250


class CaseTable(QTableView):
    """Row height and column widths follow the font (the projector setting changes it at run time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))

    def fit_columns(self) -> None:
        """Widths from typical content measured in the current font and language (no scan of the rows).

        The diagnosis column takes the room left over, but never less than its typical content: on a
        narrow screen the table scrolls sideways instead of squeezing the diagnosis to "C34…".
        """
        metrics = self.fontMetrics()
        model = self.model()
        cjk = metrics.horizontalAdvance("病")
        self._widths = []
        for i, col in enumerate(COLUMNS):
            texts = [label(col.vocab, c) for c in codes(col.vocab)] if col.vocab else [col.sample]
            if col.key == "sex_age":
                texts.append(QCoreApplication.translate("CaseFormat", "{sex} / {age}")
                             .format(sex=label("sex", "F"), age=88))
            if model is not None:
                texts.append(str(model.headerData(i, Qt.Orientation.Horizontal)) + "  ▲")
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            self._widths.append(min(widest + 22, cjk * 16))
        self.horizontalHeader().setMinimumSectionSize(cjk * 3)
        self._spread()

    def _spread(self) -> None:
        widths = list(getattr(self, "_widths", []))
        if not widths:
            return
        spare = self.viewport().width() - sum(widths)
        if spare > 0:
            widths[COLUMN_DIAGNOSIS] += spare
        for i, w in enumerate(widths):
            self.setColumnWidth(i, w)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._spread()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_font()
            self.fit_columns()
        super().changeEvent(event)


PERIODS = ("any", "7", "30", "90", "year", "custom")  # applied-on filter: days back, this year, a range


class CaseListView(SectionView):
    caseActivated = Signal(int)  # a case id: the user pressed Enter or double-clicked its row
    newCaseRequested = Signal()  # the "New case" button

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseList")
        self.model = CaseTableModel(ctx, actor, self)

        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin initials (zs), inpatient no., case no. or ICD-10"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for code in codes("case_status"):
            self.status_filter.addItem(label("case_status", code), code)
        self.tumour_filter = QComboBox()
        self.tumour_filter.setObjectName("tumourFilter")
        self.tumour_filter.addItem(self.tr("All tumour types"), "")
        for code in codes("tumour_type"):
            self.tumour_filter.addItem(label("tumour_type", code), code)
        self.team_filter = QComboBox()
        self.team_filter.setObjectName("teamFilter")
        self.team_filter.addItem(self.tr("All teams"), None)
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("periodFilter")
        for key, text in zip(PERIODS, (self.tr("Any application date"), self.tr("Applied in the last 7 days"),
                                       self.tr("Applied in the last 30 days"), self.tr("Applied in the last 90 days"),
                                       self.tr("Applied this year"), self.tr("Applied between…")), strict=True):
            self.period_filter.addItem(text, key)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name, days in ((self.date_from, "dateFrom", 30), (self.date_to, "dateTo", 0)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate().addDays(-days))
            edit.hide()
        self.date_dash = QLabel("–")
        self.date_dash.hide()
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.setObjectName("newCaseButton")
        self.new_button.setVisible(allowed(actor, "case.create"))
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        narrow = self.fontMetrics().horizontalAdvance("病") * 4  # filters shrink on a small screen
        for w in (self.status_filter, self.tumour_filter, self.team_filter, self.period_filter, self.date_from,
                  self.date_dash, self.date_to):
            if isinstance(w, QComboBox):
                w.setMinimumWidth(narrow)
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.table = CaseTable()
        self.table.setModel(self.model)
        self.table.fit_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.package_actions = PackageActions(self, ctx, actor)  # export / import consultation packages
        top.addWidget(self.package_actions.import_button)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_now)
        self.status_filter.currentIndexChanged.connect(self._apply_now)
        self.tumour_filter.currentIndexChanged.connect(self._apply_now)
        self.team_filter.currentIndexChanged.connect(self._apply_now)
        self.period_filter.currentIndexChanged.connect(self._period_changed)
        self.date_from.dateChanged.connect(self._apply_now)
        self.date_to.dateChanged.connect(self._apply_now)
        self.new_button.clicked.connect(lambda: emit(self.newCaseRequested))
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.table.activated.connect(self._activated)
        self.model.idsLoaded.connect(self._ids_loaded)
        self.model.blockLoaded.connect(self._block_loaded)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.activated.connect(self.refresh)

        self._show_sort_indicator()
        self.count_label.setText(self.tr("Loading…"))
        self.model.refresh()
        teams = ctx.teams
        ops.run(lambda: teams.list(actor), self._teams_arrived, owner=self)

    # -- filters and sorting ---------------------------------------------------------------------

    def current_query(self) -> CaseQuery:
        q = self.model.query
        date_from, date_to = self.date_range()
        return CaseQuery(text=self.search.text().strip(), status=self.status_filter.currentData() or "",
                         team_id=self.team_filter.currentData() or None,
                         tumour_type=self.tumour_filter.currentData() or "", date_from=date_from,
                         date_to=date_to, sort=q.sort, descending=q.descending)

    def date_range(self) -> tuple[date | None, date | None]:
        period, today = self.period_filter.currentData(), date.today()
        if period == "custom":
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        if period == "year":
            return date(today.year, 1, 1), None
        if period and period.isdigit():
            return today - timedelta(days=int(period)), None
        return None, None

    def _period_changed(self) -> None:
        custom = self.period_filter.currentData() == "custom"
        for w in (self.date_from, self.date_dash, self.date_to):
            w.setVisible(custom)
        self._apply_now()

    def _teams_arrived(self, teams: list[TeamRow]) -> None:
        for t in teams:
            self.team_filter.addItem(t.name, t.id)

    def _apply_now(self) -> None:
        self._debounce.stop()
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.model.set_query(self.current_query())

    def refresh(self) -> None:
        self.model.refresh()

    def _header_clicked(self, column: int) -> None:
        col = COLUMNS[column]
        if col.sort_key is not None:
            q = self.model.query
            if q.sort == col.sort_key:
                descending = not q.descending
            else:
                descending = col.sort_key == "applied_on"  # newest first; text columns A→Z
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            self.model.sort(column, order)
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        q = self.model.query
        order = Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    # -- answers ---------------------------------------------------------------------------------

    def _ids_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", count))
        if count == 0:
            self.mark_loaded()
        else:
            self.model.fetch_block(0)  # the first screenful, also before the view paints

    def _block_loaded(self, block: int) -> None:
        if block == 0:
            self.mark_loaded()

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            emit(self.caseActivated, case_id)


COLUMN_DIAGNOSIS = next(i for i, c in enumerate(COLUMNS) if c.key == "diagnosis")
