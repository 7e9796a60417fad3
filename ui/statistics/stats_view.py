"""The statistics section: filters, charts of the cases discussed, the §6 indicators with their definitions
and the cases behind each figure, attendance for performance reviews, and the exports.

Everything shown comes from one `statistics.report` call on the worker (one aggregate query per figure,
see app/services/statistics.py); a newer filter drops the answer to an older one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.closed_loop_records import StatsReport
from app.domain.closed_loop import DEVIATION_REASONS
from app.records import Actor
from app.security.permissions import allowed
from ui import ops
from ui.qt_compat import emit
from ui.statistics.cases_dialog import CasesDialog
from ui.statistics.charts import CategoryChart, ChartCard, MonthChart
from ui.statistics.count_table import CountCard
from ui.statistics.export import ExportBar
from ui.statistics.filters import StatsFilterBar
from ui.statistics.indicator_table import IndicatorTable, title_text
from ui.widgets.heading import Heading
from ui.widgets.section import SectionView

# Cards on the grey page, like the dashboards medical affairs already reads.
STYLE = """
#statsCard { background: #ffffff; border: 1px solid #dde2e8; border-radius: 6px; }
#statsCardTitle { font-weight: bold; color: #2b3440; }
#statsSectionTitle { font-weight: bold; font-size: 13pt; color: #1d3f6e; margin-top: 6px; }
#statsSummary { color: #5a6573; }
"""


class StatisticsView(SectionView):
    caseActivated = Signal(int)  # "open this case" from a list of cases behind a figure
    reportShown = Signal()  # after every refresh that reached the screen

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self._ctx, self._actor = ctx, actor
        self._generation = 0
        self.report: StatsReport | None = None
        self.dialog: CasesDialog | None = None
        today = today or date.today()

        self.filters = StatsFilterBar(today)
        self.filters.changed.connect(self.refresh)
        stats = ctx.statistics
        self.export_bar = ExportBar(lambda f, path: stats.export(actor, f, path))
        self.summary = QLabel()
        self.summary.setObjectName("statsSummary")
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.message.hide()

        self.month_chart = MonthChart()
        self.team_chart = CategoryChart(self.tr("Other"))
        self.tumour_chart = CategoryChart(self.tr("Other"))
        self.department_chart = CategoryChart(self.tr("Other"))
        charts = QGridLayout()
        charts.setSpacing(10)
        charts.addWidget(ChartCard(self.tr("Cases discussed per month"), self.month_chart), 0, 0, 1, 2)
        charts.addWidget(ChartCard(self.tr("Per team"), self.team_chart), 0, 2)
        charts.addWidget(ChartCard(self.tr("Per tumour type"), self.tumour_chart), 1, 0)
        charts.addWidget(ChartCard(self.tr("Per applying department"), self.department_chart), 1, 1, 1, 2)
        for col in range(3):
            charts.setColumnStretch(col, 1)
        self._chart_tables = {self.month_chart: "month", self.team_chart: "team", self.tumour_chart: "tumour_type",
                              self.department_chart: "department"}
        for chart in self._chart_tables:
            chart.barActivated.connect(lambda index, c=chart: self.open_bar_cases(c, index))
        charts_hint = QLabel(self.tr("Click a bar (or Tab to a chart, choose a bar with the arrow keys and press "
                                     "Enter) to list its cases."))
        charts_hint.setObjectName("hint")

        self.indicators = IndicatorTable()
        self.indicators.casesRequested.connect(self.open_cases)
        indicator_title = QLabel(self.tr("Quality indicators"))
        indicator_title.setObjectName("statsSectionTitle")
        indicator_hint = QLabel(self.tr("Click a value or a count (or press Enter on a row) to list the cases "
                                        "behind it."))
        indicator_hint.setObjectName("hint")

        none = self.tr("Nothing in this period.")
        self.deviations = CountCard(self.tr("Deviation reasons"), self.tr("Reason"), self.tr("Decisions"), none,
                                    lists_cases=True)
        self.deviations.rowActivated.connect(self.open_reason_cases)
        self.experts = CountCard(self.tr("Expert attendance"), self.tr("Expert"), self.tr("Meetings"), none)
        self.disciplines = CountCard(self.tr("Discipline attendance"), self.tr("Discipline"), self.tr("Meetings"),
                                     none)
        counts = QHBoxLayout()
        counts.setSpacing(10)
        for card in (self.deviations, self.experts, self.disciplines):
            counts.addWidget(card, 1)

        page = QWidget()
        page.setObjectName("statsPage")
        body = QVBoxLayout(page)
        body.setContentsMargins(0, 0, 8, 8)
        body.setSpacing(10)
        body.addLayout(charts)
        body.addWidget(charts_hint)
        body.addWidget(indicator_title)
        body.addWidget(indicator_hint)
        body.addWidget(self.indicators)
        attendance_title = QLabel(self.tr("Deviations and attendance"))
        attendance_title.setObjectName("statsSectionTitle")
        body.addWidget(attendance_title)
        body.addLayout(counts)
        body.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("statsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(page)

        top = QHBoxLayout()
        top.addWidget(Heading(self.tr("Statistics")))
        top.addSpacing(12)
        top.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.export_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)

        self.setStyleSheet(STYLE)
        if not allowed(actor, "stats.view"):
            self.filters.setEnabled(False)
            self.scroll.hide()
            self._say(self.tr("Statistics are open to physicians, chairs, secretaries and administrators."))
            self.mark_loaded()
            return
        teams = ctx.teams
        ops.run(lambda: teams.list(actor), self._teams_arrived, self._teams_failed, owner=self)

    # -- loading ---------------------------------------------------------------------------------

    def _teams_arrived(self, teams) -> None:
        self.filters.set_teams(teams)
        self.refresh()

    def _teams_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        show_error(exc, self)
        self.refresh()  # all teams still work

    def refresh(self) -> None:
        if not allowed(self._actor, "stats.view"):
            return
        f = self.filters.current()
        self._generation += 1
        generation = self._generation
        if f.end < f.start:
            self._say(self.tr("The period ends before it starts: choose a later end date."))
            self.export_bar.set_enabled(False)
            return
        self._say("")
        self.summary.setText(self.tr("Counting…"))
        stats, actor = self._ctx.statistics, self._actor
        ops.run(lambda: stats.report(actor, f), lambda r: self._arrived(generation, r), self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.summary.setText("")
        show_error(exc, self)
        self.mark_loaded()

    def _arrived(self, generation: int, report: StatsReport) -> None:
        if generation != self._generation:
            return  # the filters changed while this one was counted
        self.show_report(report)

    def show_report(self, report: StatsReport) -> None:
        self.report = report
        discussions = sum(r.count for r in report.per_month)
        self.summary.setText(self.tr("%1 to %2: %3 discussions").replace("%1", report.filter.start.isoformat())
                             .replace("%2", report.filter.end.isoformat()).replace("%3", str(discussions)))
        self.month_chart.set_rows([(r.key, r.count) for r in report.per_month])
        self.team_chart.set_rows([(r.label, r.count) for r in report.per_team])
        self.tumour_chart.set_rows([(r.label, r.count) for r in report.per_tumour_type])
        self.department_chart.set_rows([(r.label or self.tr("(no department)"), r.count)
                                        for r in report.per_department])
        self.indicators.set_indicators(list(report.indicators))
        self.deviations.set_rows([(self._reason(r.key), r.count) for r in report.deviation_reasons])
        self.experts.set_rows([(r.label, r.count) for r in report.expert_attendance])
        self.disciplines.set_rows([(r.label or self.tr("(no discipline)"), r.count)
                                   for r in report.discipline_attendance])
        self.export_bar.filter = report.filter
        self.export_bar.set_enabled(True)
        self.mark_loaded()
        emit(self.reportShown)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _reason(self, code: str) -> str:
        if not code:
            return self.tr("(not recorded)")
        source = DEVIATION_REASONS.get(code)
        return QCoreApplication.translate("vocab", source) if source else code

    # -- the cases behind a figure ---------------------------------------------------------------

    def open_cases(self, key: str, numerator: bool = False) -> CasesDialog | None:
        if self.report is None:
            return None
        ind = next(i for i in self.report.indicators if i.key == key)
        stats, actor, f = self._ctx.statistics, self._actor, self.report.filter
        return self._open_dialog(title_text(ind), lambda num: stats.case_ids(actor, f, key, numerator=num),
                                 numerator, ind.kind == "share")

    def open_bar_cases(self, chart, index: int) -> CasesDialog | None:
        """The cases behind one bar of a chart (the "other" bar: behind all the rows it sums)."""
        if self.report is None:
            return None
        table = self._chart_tables[chart]
        rows = {"month": self.report.per_month, "team": self.report.per_team,
                "tumour_type": self.report.per_tumour_type, "department": self.report.per_department}[table]
        keys = [r.key for r in (rows[index:] if chart is not self.month_chart and chart.folded
                                and index == len(chart.values) - 1 else rows[index:index + 1])]
        titles = {"month": self.tr("Cases discussed in %1"), "team": self.tr("Cases discussed by %1"),
                  "tumour_type": self.tr("Cases discussed: %1"), "department": self.tr("Cases applied for by %1")}
        title = titles[table].replace("%1", chart.values[index][0])
        stats, f = self._ctx.statistics, self.report.filter
        return self._open_dialog(title, lambda _num: stats.count_case_ids(self._actor, f, table, keys), False,
                                 False)

    def open_reason_cases(self, index: int) -> CasesDialog | None:
        """The cases whose decision was carried out only in part or not at all for this reason."""
        if self.report is None or not 0 <= index < len(self.report.deviation_reasons):
            return None
        row = self.report.deviation_reasons[index]
        stats, f = self._ctx.statistics, self.report.filter
        title = self.tr("Deviation: %1").replace("%1", self._reason(row.key))
        return self._open_dialog(title, lambda _num: stats.count_case_ids(self._actor, f, "reason", row.key), False,
                                 False)

    def _open_dialog(self, title: str, load, numerator: bool, can_narrow: bool) -> CasesDialog:
        cases, actor = self._ctx.cases, self._actor
        if self.dialog is not None:
            self.dialog.close()
        dialog = CasesDialog(title, load, lambda ids: cases.rows(actor, ids), numerator, can_narrow, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.caseActivated.connect(lambda case_id: emit(self.caseActivated, case_id))
        dialog.destroyed.connect(lambda _=None, d=dialog: self._dialog_gone(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self, dialog: CasesDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
