"""Importing a patient list: GB18030 and Excel files, a report for every row, stopping between rows."""

import re
import threading
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from app.domain import idcard
from app.records import Actor
from app.services.patient_import import ImportReport
from ui import ops
from ui.patients.actions import add_patient_actions
from ui.patients.import_dialog import ImportStopped, PatientImportDialog
from ui.patients.import_report import COLUMNS
from ui.patients.patient_dialog import PatientDialog
from ui.session import Session

GOOD_ID = idcard.make("410000", date(1990, 3, 7), 12, "F")
BAD_ID = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")

CSV = (
    "姓名,性别,出生日期,身份证号,住院号,籍贯\n"
    f"刘洋,女,1990-03-07,{GOOD_ID},ZY0200,河南\n"
    f"孙七,男,1970-01-01,{BAD_ID},ZY0201,河南\n"
    "张三,男,1960-05-01,,ZY0001,河南\n"
    "\n"
    "周八,男,1971-02-03,,ZY0202,\n"
)


@pytest.fixture
def dialog(qtbot, ui_session):
    d = PatientImportDialog(ui_session)
    qtbot.addWidget(d)
    d.show()
    return d


@pytest.fixture
def gb18030_csv(tmp_path):
    path = tmp_path / "患者名单.csv"
    path.write_bytes(CSV.encode("gb18030"))
    return path


def run_import(qtbot, dialog, path):
    dialog.set_path(path)
    with qtbot.waitSignal(dialog.importDone, timeout=20_000) as done:
        dialog.start()
    return done.args[0]


def shown(dialog, row, key):
    return dialog.model.index(row, COLUMNS.index(key)).data()


def stored(session, text):
    return ops.call(lambda: session.ctx.patients.search(session.actor, text))


def test_gb18030_csv_with_a_bad_row_shows_the_report_for_every_row(qtbot, dialog, gb18030_csv, ui_session):
    report = run_import(qtbot, dialog, gb18030_csv)
    assert isinstance(report, ImportReport) and dialog.report is report
    assert [(r.row, r.status, r.name) for r in report.rows] == [
        (2, "created", "刘洋"), (3, "rejected", "孙七"), (4, "duplicate", "张三"), (6, "created", "周八")]

    assert dialog.model.rowCount() == 4
    assert [shown(dialog, r, "row") for r in range(4)] == ["2", "3", "4", "6"]
    assert shown(dialog, 1, "status") in ("拒绝", "Rejected")
    assert shown(dialog, 1, "name") == "孙七"
    reason = shown(dialog, 1, "reason")
    assert "18" in reason  # "18 characters, and the last one (check digit)…", either language
    assert shown(dialog, 2, "status") in ("重复", "Duplicate")
    zhang = stored(ui_session, "ZY0001")[0]
    assert str(zhang.id) in shown(dialog, 2, "reason")
    assert shown(dialog, 0, "status") in ("新建", "Created")

    assert dialog.summary.isVisible()
    assert re.findall(r"\d+", dialog.summary.text()) == ["2", "1", "1"]  # created, duplicates, rejected
    assert dialog.unknown.isVisible() and "籍贯" in dialog.unknown.text()
    assert not dialog.start_button.isEnabled()  # the same file again would only give duplicates
    assert not dialog.progress.isVisible() and not dialog.stop_button.isVisible()
    assert [p.name for p in stored(ui_session, "ZY020")] == ["刘洋", "周八"]


def test_xlsx_list_is_imported(qtbot, dialog, tmp_path, ui_session):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["name", "sex", "birth_date", "hospital_number", "phone"])
    ws.append(["吴九", "M", date(1965, 4, 5), "ZY0300", "13912345678"])
    ws.append(["郑十", "F", "1966-05-06", "ZY0301", "not a phone"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    report = run_import(qtbot, dialog, path)
    assert [r.status for r in report.rows] == ["created", "rejected"]
    assert shown(dialog, 1, "reason")
    assert not dialog.unknown.isVisible()
    assert stored(ui_session, "ZY0300")[0].birth_date == date(1965, 4, 5)


def test_a_file_without_a_name_column_says_so_inline(qtbot, dialog, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    outcome = run_import(qtbot, dialog, path)
    assert not isinstance(outcome, ImportReport) and dialog.report is None
    assert dialog.error.isVisible() and "姓名" in dialog.error.text()  # names the column it looked for
    assert dialog.start_button.isEnabled()


def test_a_missing_file_is_said_without_starting(qtbot, dialog, tmp_path):
    dialog.set_path(tmp_path / "nowhere.csv")
    dialog.start()
    assert dialog.error.isVisible() and not dialog.is_running() and ops.is_idle()


def _hold_the_worker():
    """Keep the one worker busy until the returned event is set (ops run in order, one at a time)."""
    gate, started = threading.Event(), threading.Event()

    def hold():
        started.set()
        gate.wait(10)

    ops.run(hold, None)
    started.wait(10)
    return gate


def test_stop_ends_the_import_between_rows(qtbot, dialog, gb18030_csv, ui_session):
    gate = _hold_the_worker()
    dialog.set_path(gb18030_csv)
    dialog.start()
    assert dialog.is_running() and dialog.stop_button.isVisible()
    dialog.stop()  # asked before the first row is read: the import ends after row 2
    with qtbot.waitSignal(dialog.importDone, timeout=20_000) as done:
        gate.set()
    assert done.args[0] == ImportStopped(last_row=2) and dialog.stopped == ImportStopped(2)
    assert dialog.report is None and "2" in dialog.status.text()
    assert [p.name for p in stored(ui_session, "ZY020")] == ["刘洋"]  # row 2 saved, the rest not read
    assert not dialog.is_running() and dialog.start_button.isEnabled()


def test_closing_while_importing_stops_first_then_closes(qtbot, dialog, gb18030_csv):
    gate = _hold_the_worker()
    dialog.set_path(gb18030_csv)
    dialog.start()
    dialog.reject()
    assert dialog.isVisible()  # still open until the worker has let go of the file
    with qtbot.waitSignal(dialog.importDone, timeout=20_000):
        gate.set()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_actions_open_the_dialogs(qtbot, ui_session, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    opened = []
    monkeypatch.setattr(PatientDialog, "ask", classmethod(
        lambda cls, session, parent=None, patient_id=None: opened.append(("register", session, parent))))
    monkeypatch.setattr(PatientImportDialog, "run_for", classmethod(
        lambda cls, session, parent=None: opened.append(("import", session, parent))))
    register, import_list = add_patient_actions(menu, ui_session, parent)
    assert menu.actions() == [register, import_list]
    assert register.isEnabled() and import_list.isEnabled()
    register.trigger()
    import_list.trigger()
    assert opened == [("register", ui_session, parent), ("import", ui_session, parent)]


def test_actions_are_disabled_for_a_viewer(qtbot, ui_session):
    viewer = Session(ui_session.ctx, Actor(None, "v", "查看者", "viewer"), ui_session.hospital)
    menu = QMenu()
    qtbot.addWidget(menu)
    actions = add_patient_actions(menu, viewer, None)
    assert [a.isEnabled() for a in actions] == [False, False]
    assert all(a.toolTip() for a in actions)
