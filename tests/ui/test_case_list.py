"""The case list: rows from the database, search as you type, sorting in SQL, Enter opens a case."""

import re

import pytest
import ui_data
from PySide6.QtCore import QPoint, Qt

from app.config import DataDir
from app.context import open_context
from ui import ops
from ui.cases.case_list import CaseListView
from ui.cases.case_table_model import BLOCK, COLUMN_INDEX, PENDING_TEXT


def column_texts(view, key):
    col = COLUMN_INDEX[key]
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


@pytest.fixture
def case_list(qtbot, sample_ctx, admin_actor):
    view = CaseListView(sample_ctx, admin_actor)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    return view


def search(qtbot, view, text):
    with qtbot.waitSignal(view.model.idsLoaded, timeout=10_000):
        view.search.clear()
        qtbot.keyClicks(view.search, text)  # typed, debounced, then one query
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 or view.model.is_block_loaded(0))


def test_shows_the_cases_of_the_database(case_list):
    assert case_list.model.rowCount() == len(ui_data.CASES)
    # newest application first by default
    assert column_texts(case_list, "case_no")[0] == "MDT2026-0005"
    row = {key: case_list.model.index(0, i).data() for key, i in COLUMN_INDEX.items()}
    assert row == {
        "case_no": "MDT2026-0005", "patient": "张三", "sex_age": row["sex_age"], "hospital_number": "ZY0001",
        "tumour_type": "胃癌", "diagnosis": "C16.0 贲门腺癌", "stage": "cT2N0M0 IB", "status": "已批准",
        "team": "消化道肿瘤MDT", "applicant": "李医生", "applied_on": "2026-03-10",
    }
    assert re.fullmatch(r"男/\d+岁", row["sex_age"])
    assert case_list.count_label.text() == "共 6 例"
    header = case_list.model.headerData(COLUMN_INDEX["hospital_number"], Qt.Orientation.Horizontal)
    assert header == "住院号"


def test_search_zs_narrows_to_zhang_sans_cases(qtbot, case_list):
    search(qtbot, case_list, "zs")
    assert set(column_texts(case_list, "patient")) == {"张三"}
    assert sorted(column_texts(case_list, "case_no")) == ["MDT2026-0001", "MDT2026-0005"]
    assert case_list.count_label.text() == "共 2 例"
    search(qtbot, case_list, "ZY0003")
    assert column_texts(case_list, "patient") == ["王芳"]


def test_filters_by_status_and_tumour_type(qtbot, case_list):
    with qtbot.waitSignal(case_list.model.idsLoaded, timeout=10_000):
        case_list.tumour_filter.setCurrentIndex(case_list.tumour_filter.findData("gastric"))
    qtbot.waitUntil(lambda: case_list.model.is_block_loaded(0))
    assert sorted(column_texts(case_list, "case_no")) == ["MDT2026-0002", "MDT2026-0005"]
    with qtbot.waitSignal(case_list.model.idsLoaded, timeout=10_000):
        case_list.status_filter.setCurrentIndex(case_list.status_filter.findData("submitted"))
    qtbot.waitUntil(lambda: case_list.model.is_block_loaded(0))
    assert column_texts(case_list, "case_no") == ["MDT2026-0002"]
    assert case_list.status_filter.currentText() == "已提交"


def click_header(qtbot, view, key):
    header = view.table.horizontalHeader()
    col = COLUMN_INDEX[key]
    pos = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, header.height() // 2))


def test_clicking_a_header_sorts_in_sql(qtbot, case_list):
    with qtbot.waitSignal(case_list.model.idsLoaded, timeout=10_000):
        click_header(qtbot, case_list, "patient")
    qtbot.waitUntil(lambda: case_list.model.is_block_loaded(0))
    assert case_list.model.query.sort == "patient" and not case_list.model.query.descending
    assert column_texts(case_list, "patient") == ["陈伟", "李四", "王芳", "张三", "张三", "赵敏"]  # by pinyin
    header = case_list.table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMN_INDEX["patient"]
    with qtbot.waitSignal(case_list.model.idsLoaded, timeout=10_000):
        click_header(qtbot, case_list, "patient")  # again: the other way round
    qtbot.waitUntil(lambda: case_list.model.is_block_loaded(0))
    assert column_texts(case_list, "patient")[0] == "赵敏"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_column_without_sql_sort_does_not_sort(qtbot, case_list):
    before = case_list.model.ids()
    click_header(qtbot, case_list, "sex_age")
    assert case_list.model.query.sort == "applied_on"
    assert case_list.model.ids() == before
    assert case_list.table.horizontalHeader().sortIndicatorSection() == COLUMN_INDEX["applied_on"]


def test_enter_on_a_row_opens_the_case(qtbot, case_list):
    case_list.table.setFocus()
    case_list.table.selectRow(2)
    expected = case_list.model.case_id(2)
    with qtbot.waitSignal(case_list.caseActivated, timeout=5_000) as sig:
        qtbot.keyClick(case_list.table, Qt.Key.Key_Return)
    assert sig.args == [expected]


def test_an_older_search_answer_is_dropped(qtbot, case_list):
    model = case_list.model
    stale_generation = model._generation
    with qtbot.waitSignal(model.idsLoaded, timeout=10_000):
        model.refresh()
    model._ids_arrived(stale_generation, [1])  # a slow old query finishing late
    assert model.rowCount() == len(ui_data.CASES)


@pytest.fixture
def big_ctx(tmp_path):
    d = DataDir(tmp_path / "big")
    ui_data.build(d, extra_cases=2 * BLOCK + 50)
    ctx = open_context(d)
    yield ctx
    ops.shutdown()
    ctx.close()


def test_rows_are_fetched_in_blocks_when_needed(qtbot, big_ctx):
    view = CaseListView(big_ctx, ui_data.actor_for(big_ctx, "admin"))
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    model = view.model
    assert model.rowCount() == len(ui_data.CASES) + 2 * BLOCK + 50
    last = model.rowCount() - 1
    assert not model.is_block_loaded(last // BLOCK)
    index = model.index(last, COLUMN_INDEX["case_no"])
    assert index.data() == PENDING_TEXT  # asked for; shown as pending meanwhile
    qtbot.waitUntil(lambda: model.is_block_loaded(last // BLOCK), timeout=10_000)
    assert index.data() == "BULK-00000"  # oldest application, last row
    with qtbot.waitSignal(model.idsLoaded, timeout=10_000):
        view.refresh()
    assert not model.is_block_loaded(last // BLOCK)  # the cache went with the refresh


def test_double_click_on_a_row_opens_the_case(qtbot, case_list):
    rect = case_list.table.visualRect(case_list.model.index(1, COLUMN_INDEX["patient"]))
    viewport = case_list.table.viewport()
    with qtbot.waitSignal(case_list.caseActivated, timeout=5_000) as sig:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # QTest's double click
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # needs the press first
    assert sig.args == [case_list.model.case_id(1)]
