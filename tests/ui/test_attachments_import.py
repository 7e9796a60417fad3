"""Importing through the panel: another patient's images, broken files, cancel, and a window that stays live."""

import gc
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from test_attachments_data import make_broken_dicom, make_case, make_photo, make_series
from test_attachments_panel import close_results, import_and_wait, open_panel

from ui.cases.attachments import AttachmentPanel, importer
from ui.cases.attachments.dialogs import ImportProgressDialog, ImportResultsDialog, PatientMismatchDialog


@pytest.fixture
def case_id(ui_session):
    return make_case(ui_session)


@pytest.fixture
def panel(qtbot, ui_session, case_id):
    return open_panel(qtbot, ui_session, case_id)


def stored(session, case_id):
    return session.ctx.attachment_browse.list_for_case(session.actor, case_id)


@pytest.fixture
def mixed_disc(tmp_path):
    """The case patient's series, another patient's series, and a photo."""
    root = tmp_path / "disc"
    make_series(root / "A", 4)
    make_series(root / "B", 3, patient_name="WANG^WU", patient_id="X99")
    make_photo(root / "photo.jpg")
    return root


def test_another_patients_images_are_asked_about_and_cancel_imports_nothing(
        qtbot, panel, ui_session, case_id, mixed_disc, monkeypatch):
    asked = []

    def ask(cls, parent, patients, case_patient=""):
        asked.append((patients, case_patient))
        return False

    monkeypatch.setattr(PatientMismatchDialog, "ask", classmethod(ask))
    outcome = import_and_wait(qtbot, panel, [mixed_disc])
    [(patients, case_patient)] = asked
    assert [(p.name, p.patient_id, p.files, p.matches) for p in patients] == [("WANG^WU", "X99", 3, False)]
    assert "孙丽" in case_patient and "ZY0101" in case_patient
    assert outcome.declined and outcome.results == []
    assert stored(ui_session, case_id) == []
    assert panel.results_dialog is None
    assert not panel.is_importing and panel.add_files_button.isEnabled()


def test_accepting_imports_them_with_a_warning(qtbot, panel, ui_session, case_id, mixed_disc, monkeypatch):
    monkeypatch.setattr(PatientMismatchDialog, "ask", classmethod(lambda cls, *a, **k: True))
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        outcome = import_and_wait(qtbot, panel, [mixed_disc])
    assert (outcome.imported, outcome.rejected) == (8, 0)
    assert len(stored(ui_session, case_id)) == 8
    assert outcome.warned == 3
    dialog = panel.results_dialog
    assert isinstance(dialog, ImportResultsDialog) and dialog.isVisible()
    visible = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert len(visible) == 3  # only the problems by default
    dialog.problems_only.setChecked(False)
    assert all(not dialog.table.isRowHidden(r) for r in range(dialog.table.rowCount()))
    close_results(panel)
    qtbot.waitUntil(lambda: len(panel.entries()) == 3, timeout=10_000)
    warned = [e for e in panel.entries() if e.warnings]
    assert len(warned) == 1 and warned[0].count == 3


def test_the_mismatch_dialog_lists_names_ids_and_counts(qtbot):
    from app.records import FoundPatient

    dialog = PatientMismatchDialog([FoundPatient("WANG^WU", "X99", 3, False)], "孙丽（住院号 ZY0101）")
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(3)]
    assert cells == ["WANG WU", "X99", "3"]
    assert dialog.cancel_button.isDefault()  # Enter is the safe answer


def test_a_broken_file_is_listed_with_its_reason_and_the_rest_goes_on(qtbot, panel, ui_session, case_id, tmp_path):
    files = make_series(tmp_path / "cd" / "S", 5)
    make_broken_dicom(tmp_path / "cd" / "BROKEN.dcm", files[0])
    (tmp_path / "cd" / "说明.txt").write_text("光盘说明", encoding="utf-8")
    outcome = import_and_wait(qtbot, panel, [tmp_path / "cd"])
    assert (outcome.imported, outcome.duplicate, outcome.rejected) == (5, 0, 2)
    dialog = panel.results_dialog
    assert dialog is not None
    rows = {Path(path).name: (status, reason) for path, status, reason in dialog.rows()}
    assert rows["BROKEN.dcm"][0] == "rejected" and rows["BROKEN.dcm"][1]
    assert rows["说明.txt"][0] == "rejected" and rows["说明.txt"][1]
    assert rows["IM0000"][0] == "imported"
    assert [Path(p).name for p, _, _ in dialog.rows()][:2] == ["BROKEN.dcm", "说明.txt"]  # damaged first
    assert "5" in dialog.summary.text() and "2" in dialog.summary.text()
    close_results(panel)
    again = import_and_wait(qtbot, panel, [tmp_path / "cd"])
    assert (again.imported, again.duplicate, again.rejected) == (0, 5, 2)
    close_results(panel)
    assert len(stored(ui_session, case_id)) == 5


def test_cancel_stops_early_and_keeps_what_was_imported(qtbot, panel, ui_session, case_id, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 20)
    monkeypatch.setattr(importer, "PROGRESS_INTERVAL", 0)  # a report for every file
    make_series(tmp_path / "big", 200, size=8)
    seen = []

    def on_progress(done, total):
        seen.append(done)
        if done >= 5:
            panel.cancel_import()  # as the Cancel button does

    panel.importProgressed.connect(on_progress)
    outcome = import_and_wait(qtbot, panel, [tmp_path / "big"])
    assert outcome.cancelled and outcome.total == 200
    assert 5 <= outcome.imported <= 20  # stopped within the first chunk
    assert outcome.not_reached == 200 - len(outcome.results)
    ids = {r.id for r in stored(ui_session, case_id)}
    assert ids == {r.attachment_id for r in outcome.results if r.status == "imported"}
    assert "取消" in panel.message.text() or "cancelled" in panel.message.text()
    qtbot.waitUntil(lambda: sum(e.count for e in panel.entries()) == len(ids), timeout=10_000)


def test_closing_the_panel_during_an_import_stops_the_worker(qtbot, ui_session, case_id, tmp_path, monkeypatch):
    from ui import ops

    monkeypatch.setattr(importer, "PROGRESS_INTERVAL", 0)
    make_series(tmp_path / "big", 200, size=8)
    panel = AttachmentPanel(ui_session, case_id)  # not given to qtbot: the test deletes it itself
    panel.show()
    qtbot.waitUntil(lambda: panel.is_loaded, timeout=10_000)
    gone = []
    panel.destroyed.connect(lambda: gone.append(True))
    first = []
    panel.importProgressed.connect(lambda done, total: first or (first.append(done), panel.deleteLater()))
    panel.import_paths([tmp_path / "big"])
    qtbot.waitUntil(lambda: bool(gone), timeout=20_000)
    qtbot.waitUntil(ops.is_idle, timeout=20_000)
    assert len(stored(ui_session, case_id)) < 50  # the chunk under way stopped at its next file


def test_the_progress_dialog_cancel_button_cancels(qtbot):
    dialog = ImportProgressDialog()
    qtbot.addWidget(dialog)
    dialog.show_progress(3, 10, "/media/cdrom/DICOM/IM0003")
    assert dialog.bar.value() == 3 and dialog.bar.maximum() == 10
    assert "DICOM/IM0003" in dialog.file.text()
    with qtbot.waitSignal(dialog.cancelRequested, timeout=1_000):
        dialog.reject()  # Esc or the window's close button
    assert dialog.cancelling and not dialog.cancel_button.isEnabled()


@pytest.fixture
def frozen_heap():
    """The test process's long-lived objects kept out of full collections while measuring.

    A full collection over them (~300k objects here) stops every thread for 0.3-2 s, whatever the panel
    does; the app is expected to `gc.freeze()` after start-up for the same reason (see the report).
    """
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def test_the_window_stays_responsive_during_an_import(qtbot, panel, ui_session, case_id, tmp_path, frozen_heap,
                                                       record_property):
    make_series(tmp_path / "ct", 300, size=64)
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        outcome = import_and_wait(qtbot, panel, [tmp_path / "ct"], timeout=120_000)
        qtbot.waitUntil(lambda: panel.pending_thumbnails() == 0, timeout=20_000)
    finally:
        timer.stop()
    assert outcome.imported == 300
    longest = max(gaps)
    record_property("longest_gui_gap_ms", round(longest * 1000, 1))
    print(f"\nlongest GUI gap during a 300-slice import: {longest * 1000:.1f} ms over {len(gaps)} ticks")
    assert len(gaps) > 20
    assert longest < 0.25
