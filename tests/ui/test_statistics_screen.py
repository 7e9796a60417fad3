"""The statistics screen on the demo hospital: the numbers shown are the service's and `stats --json`'s,
a click on a figure lists exactly its cases (and opens one), the exports write real files."""

import json
import subprocess
from datetime import date

import demo_template
import pytest
import ui_data
from cli_helpers import run_cli
from PySide6.QtCore import Qt

from app import i18n as app_i18n
from app.cli_stats import report_json
from app.closed_loop_records import StatsReport
from app.context import open_context
from app.services.stats_indicators import SPECS
from ui import ops
from ui.statistics.indicator_table import COL_BASIS, COL_VALUE
from ui.statistics.stats_view import StatisticsView


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    # The demo template is shared by the process and keeps its progress messages (tests/unit/test_demo.py
    # reads them in English): build it with app messages untranslated, as outside the UI tests.
    saved = app_i18n._translator
    app_i18n.install_translator(None)
    try:
        data_dir = demo_template.demo_copy(tmp_path_factory, tmp_path_factory.mktemp("stats") / "d")
    finally:
        app_i18n.install_translator(saved)
    ctx = open_context(data_dir, lock=False)
    yield ctx, data_dir
    ops.shutdown()
    ctx.close()


@pytest.fixture
def screen(qtbot, demo):
    ctx, _ = demo
    admin = ui_data.actor_for(ctx, "demo_admin")
    view = StatisticsView(ctx, admin)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.report is not None, timeout=20000)
    return view, ctx, admin


def _refreshed(qtbot, view):
    with qtbot.waitSignal(view.reportShown, timeout=20000):
        pass


def test_the_default_period_is_the_last_twelve_months_and_every_figure_is_the_services(screen):
    view, ctx, admin = screen
    f = view.report.filter
    today = date.today()
    assert f.end == today and f.start.day == 1 and (today.year - f.start.year) * 12 + today.month - f.start.month == 11
    assert (f.team_id, f.tumour_type) == (None, "")
    _assert_screen_shows(view, ctx.statistics.report(admin, f))


def test_a_team_filter_shows_the_same_numbers_as_the_service_and_the_command_line(qtbot, screen, demo):
    view, ctx, admin = screen
    _, data_dir = demo
    teams = ctx.teams.list(admin)
    team = teams[1]
    with qtbot.waitSignal(view.reportShown, timeout=20000):
        view.filters.team.setCurrentIndex(view.filters.team.findData(team.id))
    f = view.report.filter
    assert f.team_id == team.id
    service = ctx.statistics.report(admin, f)
    _assert_screen_shows(view, service)
    done = run_cli("stats", "--data-dir", str(data_dir.root), "--from", f.start.isoformat(), "--to",
                   f.end.isoformat(), "--team", team.name, "--json")
    assert done.returncode == 0, done.stderr
    cli = json.loads(done.stdout)
    ours = json.loads(json.dumps(report_json(service), ensure_ascii=False, default=str))
    for data in (cli, ours):  # tumour-type labels follow each program's language; the codes and counts agree
        data["per_tumour_type"] = [(r["key"], r["count"]) for r in data["per_tumour_type"]]
    assert cli == ours
    assert [m["count"] for m in cli["per_month"]] == [v for _, v in view.month_chart.values]
    table = view.indicators
    for row, ind in enumerate(cli["indicators"]):
        assert table.item(row, COL_BASIS).text() == (f"{ind['numerator']} / {ind['denominator']}"
                                                      if ind["kind"] == "share" else str(ind["denominator"]))


def test_a_tumour_type_filter_and_a_reversed_period(qtbot, screen):
    view, ctx, admin = screen
    with qtbot.waitSignal(view.reportShown, timeout=20000):
        view.filters.tumour.setCurrentIndex(view.filters.tumour.findData("lung"))
    assert view.report.filter.tumour_type == "lung"
    _assert_screen_shows(view, ctx.statistics.report(admin, view.report.filter))
    assert [name for name, _ in view.tumour_chart.values] in ([], ["肺癌"])
    view.filters.set_period(date(2026, 5, 1), date(2026, 1, 1))
    qtbot.waitUntil(lambda: "截止日期早于起始日期" in view.message.text(), timeout=5000)
    assert not view.export_bar.buttons[".pdf"].isEnabled()


def test_clicking_a_figure_lists_exactly_its_cases_and_opens_one(qtbot, screen):
    view, ctx, admin = screen
    f = view.report.filter
    row = next(i for i, ind in enumerate(view.report.indicators) if ind.key == "implemented")
    ind = view.report.indicators[row]
    assert 0 < ind.numerator < ind.denominator
    table = view.indicators
    table.scrollTo(table.model().index(row, COL_BASIS))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, COL_BASIS)).center())
    dialog = view.dialog
    assert dialog is not None and dialog.windowTitle() == "诊疗意见执行率"
    every = ctx.statistics.case_ids(admin, f, "implemented")
    qtbot.waitUntil(lambda: dialog.shown_case_ids() == every, timeout=10000)
    assert "病例数：" in dialog.count.text()
    dialog.narrow.setChecked(True)
    met = ctx.statistics.case_ids(admin, f, "implemented", numerator=True)
    qtbot.waitUntil(lambda: dialog.shown_case_ids() == met, timeout=10000)
    assert set(met) < set(every)
    with qtbot.waitSignal(view.caseActivated, timeout=5000) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.args == [met[0]]
    dialog.close()
    # The value of a share lists its numerator straight away; Enter on a row lists every case counted.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, COL_VALUE)).center())
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.shown_case_ids() == met, timeout=10000)
    view.dialog.close()
    table.setFocus()
    table.setCurrentCell(row, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.shown_case_ids() == every, timeout=10000)
    view.dialog.close()


def test_clicking_a_bar_lists_its_cases_and_the_keyboard_reaches_every_bar(qtbot, screen):
    view, ctx, admin = screen
    f = view.report.filter
    chart = view.team_chart
    team = view.report.per_team[0]
    assert chart.values[0] == (team.label, team.count) and team.count > 0
    view.scroll.ensureWidgetVisible(chart)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_position(0))
    dialog = view.dialog
    assert dialog is not None and team.label in dialog.windowTitle()
    expected = ctx.statistics.count_case_ids(admin, f, "team", team.key)
    assert expected
    qtbot.waitUntil(lambda: dialog.shown_case_ids() == expected, timeout=10000)
    dialog.close()
    # Keyboard: the month chart takes focus, the arrows walk its bars, Enter lists the month's cases.
    months = view.month_chart
    busiest = max(range(len(months.values)), key=lambda i: months.values[i][1])
    view.activateWindow()
    months.setFocus()
    qtbot.waitUntil(lambda: months.current == 0, timeout=5000)  # focus shows the bar Enter would open
    for _ in range(busiest):
        qtbot.keyClick(months, Qt.Key.Key_Right)
    assert months.current == busiest
    qtbot.keyClick(months, Qt.Key.Key_Return)
    month = view.report.per_month[busiest].key
    expected = ctx.statistics.count_case_ids(admin, f, "month", month)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.shown_case_ids() == expected, timeout=10000)
    assert month in view.dialog.windowTitle()
    view.dialog.close()


def test_a_deviation_reason_lists_the_cases_that_deviated_for_it(qtbot, screen):
    view, ctx, admin = screen
    f = view.report.filter
    reasons = view.report.deviation_reasons
    assert reasons, "the demo year has deviations"
    table = view.deviations.table
    view.scroll.ensureWidgetVisible(table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center())
    expected = ctx.statistics.count_case_ids(admin, f, "reason", reasons[0].key)
    assert 0 < len(expected) <= reasons[0].count
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.shown_case_ids() == expected, timeout=10000)
    assert table.item(0, 0).text() in view.dialog.windowTitle()
    view.dialog.close()


def test_exports_write_the_files_the_command_line_writes(qtbot, screen, tmp_path):
    view, _ctx, _admin = screen
    bar = view.export_bar
    for suffix in (".xlsx", ".csv", ".pdf"):
        target = tmp_path / f"stats{suffix}"
        bar.ask_path = lambda _s, t=target: t
        with qtbot.waitSignal(bar.exported, timeout=60000) as done:
            qtbot.mouseClick(bar.buttons[suffix], Qt.MouseButton.LeftButton)
        assert done.args == [target] and target.stat().st_size > 200
        assert "已导出" in bar.status.text() and bar.buttons[suffix].isEnabled()
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "stats.xlsx", read_only=True)
    assert len(book.sheetnames) >= 5
    book.close()
    assert "诊疗意见执行率" in (tmp_path / "stats.csv").read_text(encoding="utf-8-sig")
    text = subprocess.run(["pdftotext", str(tmp_path / "stats.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "诊疗意见执行率" in "".join(text.split())


def test_a_viewer_is_told_statistics_are_not_open_to_the_role(qtbot, demo):
    ctx, _ = demo
    view = StatisticsView(ctx, ui_data.actor_for(ctx, "demo_viewer"))
    qtbot.addWidget(view)
    assert view.is_loaded and view.report is None and "统计仅向" in view.message.text()
    assert not view.filters.isEnabled()


def _assert_screen_shows(view, report: StatsReport) -> None:
    assert view.report == report
    assert view.month_chart.values == [(r.key, r.count) for r in report.per_month]
    assert view.team_chart.values == [(r.label, r.count) for r in report.per_team][:12]
    assert dict(view.tumour_chart.values) == {r.label: r.count for r in report.per_tumour_type}
    assert [v for _, v in view.department_chart.values] == [r.count for r in report.per_department]
    table = view.indicators
    assert table.rowCount() == len(report.indicators) == len(SPECS)
    for row, ind in enumerate(report.indicators):
        assert table.item(row, COL_VALUE).text() == table.value_text(ind)
        assert table.item(row, COL_BASIS).text() == table.basis_text(ind)
        assert table.item(row, 4).text() and table.item(row, 4).text() != ind.definition  # shown in Chinese
    assert view.experts.rows() == [(r.label, r.count) for r in report.expert_attendance]
    assert [n for _, n in view.disciplines.rows()] == [r.count for r in report.discipline_attendance]
    assert [n for _, n in view.deviations.rows()] == [r.count for r in report.deviation_reasons]
    discussions = sum(r.count for r in report.per_month)
    assert f"共讨论 {discussions} 例次" in view.summary.text()
