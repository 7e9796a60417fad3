"""What the attachment screens look like: rendered in Chinese, nothing clipped.

The PNGs go to tmp_path, or to $MDT_DESK_SHOTS/attachments when that is set (for a person to look at).
The pending translations are installed for the test, so the shots show what the merged catalogue will.
"""

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from test_attachments_data import (
    make_broken_dicom,
    make_case,
    make_pdf,
    make_photo,
    make_series,
)
from test_attachments_panel import open_panel

from app.records import FoundPatient
from ui.cases.attachments.dialogs import ImportProgressDialog, ImportResultsDialog, PatientMismatchDialog
from ui.cases.attachments.outcome import ImportOutcome


@pytest.fixture
def shots(tmp_path) -> Path:
    base = os.environ.get("MDT_DESK_SHOTS")
    folder = Path(base) / "attachments" if base else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def clipped(widget: QWidget) -> list[str]:
    """Visible labels and buttons narrower or lower than their text needs."""
    out = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisible() or not isinstance(w, QLabel | QAbstractButton):
            continue
        text = w.text()
        if not text.strip():
            continue
        hint = w.sizeHint()
        if isinstance(w, QLabel) and w.wordWrap():
            if w.heightForWidth(w.width()) > w.height() + 1:
                out.append(f"{type(w).__name__} {text!r}: needs {w.heightForWidth(w.width())} px, has {w.height()}")
        elif hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
            out.append(f"{type(w).__name__} {text!r}: needs {hint.width()}×{hint.height()}, has {w.width()}×{w.height()}")
    return out


def save(widget: QWidget, path: Path) -> QImage:
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 20, path  # text and pictures, not a blank surface
    return image


def test_panel_with_series_photos_report_and_a_warning(qtbot, ui_session, tmp_path, shots):
    case_id = make_case(ui_session)
    disc = tmp_path / "disc"
    make_series(disc / "CT", 40, size=96)
    make_series(disc / "MR", 12, size=96, description="上腹部增强", modality="MR")
    make_series(disc / "old", 8, size=96, patient_name="WANG^WU", patient_id="X99", description="外院胸部CT")
    make_photo(disc / "病理" / "HE染色_40倍.jpg")
    make_photo(disc / "病理" / "免疫组化_Ki67.jpg", size=(240, 320))
    make_pdf(disc / "报告" / "CT诊断报告.pdf")
    ctx, actor = ui_session.ctx, ui_session.actor
    ctx.attachment_import.import_paths(actor, case_id, [disc])
    panel = open_panel(qtbot, ui_session, case_id)
    panel.resize(980, 700)
    qtbot.waitUntil(lambda: panel.pending_thumbnails() == 0, timeout=20_000)
    for e in panel.entries():
        if e.kind == "photo":
            with qtbot.waitSignal(panel.changed, timeout=10_000):
                panel.set_label(e.key, "pathology")
    ct = next(e for e in panel.entries() if e.modality == "CT" and not e.warnings)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.toggle_key(ct.key)
    panel.tree.setCurrentIndex(panel.model.index_of(ct.key))
    save(panel, shots / "panel.png")
    assert clipped(panel) == []
    combo = panel.tree.label_combo(ct.key)
    assert combo.width() >= combo.sizeHint().width() - 1


def test_the_dialogs(qtbot, ui_session, tmp_path, shots):
    mismatch = PatientMismatchDialog([FoundPatient("WANG^WU", "X99", 8, False), FoundPatient("", "", 2, False)],
                                     "孙丽（住院号 ZY0101）")
    qtbot.addWidget(mismatch)
    mismatch.show()
    save(mismatch, shots / "mismatch.png")
    assert clipped(mismatch) == []

    progress = ImportProgressDialog()
    qtbot.addWidget(progress)
    progress.show_progress(137, 412, "/media/cdrom/DICOM/ST000001/SE000003/IM000137")
    progress.show()
    save(progress, shots / "progress.png")
    assert clipped(progress) == []

    case_id = make_case(ui_session)
    files = make_series(tmp_path / "cd" / "DICOM", 6)
    make_broken_dicom(tmp_path / "cd" / "DICOM" / "IM9999", files[0])
    (tmp_path / "cd" / "AUTORUN.INF").write_text("[autorun]\n", encoding="ascii")
    make_series(tmp_path / "cd" / "OTHER", 2, patient_name="WANG^WU", patient_id="X99")
    service, actor = ui_session.ctx.attachment_import, ui_session.actor
    service.import_paths(actor, case_id, [files[0]])  # one duplicate
    results = service.import_paths(actor, case_id, [tmp_path / "cd"])
    outcome = ImportOutcome(results=results, total=len(results))
    assert outcome.rejected == 2 and outcome.duplicate == 1 and outcome.warned == 2
    dialog = ImportResultsDialog(outcome)
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog, shots / "results.png")
    assert clipped(dialog) == []
    dialog.problems_only.setChecked(False)
    save(dialog, shots / "results_all.png")
