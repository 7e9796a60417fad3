"""The attachment panel: series as one entry, previews in the background, labels and key items saved."""

import threading
from pathlib import Path

import pytest
import ui_data
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog
from test_attachments_data import make_case, make_disc, make_photo, make_series

from app.services.attachment_browse import LABELS as SERVICE_LABELS
from ui.cases.attachments import AttachmentPanel
from ui.cases.attachments.entries import LABELS
from ui.cases.attachments.model import COL_KEY, COL_WARN
from ui.qt_compat import emit
from ui.session import Session


@pytest.fixture
def case_id(ui_session):
    return make_case(ui_session)


def open_panel(qtbot, session, case_id) -> AttachmentPanel:
    panel = AttachmentPanel(session, case_id)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitUntil(lambda: panel.is_loaded, timeout=10_000)
    return panel


def import_and_wait(qtbot, panel, paths, timeout=30_000):
    with qtbot.waitSignal(panel.importFinished, timeout=timeout) as sig:
        assert panel.import_paths(paths)
    qtbot.waitUntil(lambda: not panel.is_importing)
    return sig.args[0]


def close_results(panel):
    if panel.results_dialog is not None:
        panel.results_dialog.close()
        panel.results_dialog = None


@pytest.fixture
def panel(qtbot, ui_session, case_id):
    return open_panel(qtbot, ui_session, case_id)


def by_kind(panel, kind):
    return [e for e in panel.entries() if e.kind == kind]


def test_labels_are_the_services(panel):
    assert LABELS == SERVICE_LABELS


def test_an_empty_case_says_how_to_add(panel):
    assert panel.entries() == []
    assert panel.stack.currentWidget() is panel.empty
    assert panel.add_files_button.isVisible() and panel.add_folder_button.isVisible()


def test_a_folder_becomes_one_series_and_a_photo_with_previews(qtbot, panel, ui_session, case_id, tmp_path):
    disc = make_disc(tmp_path / "cd", slices=12)
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        outcome = import_and_wait(qtbot, panel, [disc["root"]])
    assert (outcome.imported, outcome.duplicate, outcome.rejected) == (14, 0, 0)
    assert panel.results_dialog is None  # nothing rejected, nothing warned: no dialog to close
    qtbot.waitUntil(lambda: len(panel.entries()) == 3, timeout=10_000)
    [series] = by_kind(panel, "series")
    assert series.count == 12 and series.modality == "CT" and series.name == "胸部平扫"
    assert series.label == "imaging" and not series.warnings
    browse = ui_session.ctx.attachment_browse
    [stored] = browse.series_for_case(ui_session.actor, case_id)
    assert series.attachment_ids == stored.attachment_ids  # anatomical order, as the service gives it
    [photo] = by_kind(panel, "photo")
    [pdf] = by_kind(panel, "pdf")
    assert photo.name == "HE染色.jpg" and pdf.name == "CT报告.pdf" and pdf.label == "report"
    assert panel.model.thumbnail_state(pdf.key) == "none"  # an icon, no preview to fetch
    qtbot.waitUntil(lambda: panel.pending_thumbnails() == 0, timeout=20_000)
    assert panel.model.thumbnail_state(series.key) == "shown"
    assert panel.model.thumbnail_state(photo.key) == "shown"
    icon = panel.model.index_of(series.key).data(Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull()
    assert "12" in panel.model.index_of(series.key).data()  # "… · 12 images"
    assert panel.stack.currentWidget() is panel.tree


def test_the_list_is_usable_before_previews_arrive(qtbot, ui_session, case_id, tmp_path, monkeypatch):
    make_series(tmp_path / "s", 5)
    make_photo(tmp_path / "p.jpg")
    ui_session.ctx.attachment_import.import_paths(ui_session.actor, case_id, [tmp_path / "s", tmp_path / "p.jpg"])
    browse = ui_session.ctx.attachment_browse
    release, asked = threading.Event(), []
    real = browse.thumbnail

    def slow_thumbnail(actor, attachment_id):  # the worker waits until the test has looked at the list
        asked.append(attachment_id)
        release.wait(10)
        return real(actor, attachment_id)

    monkeypatch.setattr(browse, "thumbnail", slow_thumbnail)
    panel = open_panel(qtbot, ui_session, case_id)
    series, photo = panel.entries()
    assert panel.model.thumbnail_state(series.key) == "pending"
    assert panel.model.thumbnail_state(photo.key) == "pending"
    panel.tree.setFocus()  # usable meanwhile: move, choose a label
    panel.tree.setCurrentIndex(panel.model.index_of(photo.key))
    assert panel.model.entry_at(panel.tree.currentIndex()) == photo
    arrived = []
    panel.thumbnailArrived.connect(arrived.append)
    release.set()
    qtbot.waitUntil(lambda: panel.pending_thumbnails() == 0, timeout=10_000)
    assert arrived == asked == [series.attachment_ids[2], photo.attachment_ids[0]]  # one by one; middle slice


def test_label_change_and_key_toggle_persist_and_emit_changed(qtbot, panel, ui_session, case_id, tmp_path):
    make_series(tmp_path / "cd" / "s", 6)
    make_photo(tmp_path / "cd" / "p.jpg")
    import_and_wait(qtbot, panel, [tmp_path / "cd"])
    qtbot.waitUntil(lambda: len(panel.entries()) == 2, timeout=10_000)
    [series] = by_kind(panel, "series")
    [photo] = by_kind(panel, "photo")
    browse, actor = ui_session.ctx.attachment_browse, ui_session.actor

    combo = panel.tree.label_combo(photo.key)
    assert combo is not None and combo.currentData() == "other"
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        combo.setCurrentIndex(combo.findData("pathology"))
        emit(combo.activated, combo.currentIndex())  # what a person's choice in the combo sends
    assert {r.id: r.label for r in browse.list_for_case(actor, case_id)}[photo.attachment_ids[0]] == "pathology"

    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.set_label(series.key, "other")
    labels = {r.id: r.label for r in browse.list_for_case(actor, case_id)}
    assert {labels[i] for i in series.attachment_ids} == {"other"}  # every slice of the series

    panel.tree.setFocus()
    panel.tree.setCurrentIndex(panel.model.index_of(series.key))
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    keys = {r.id: r.is_key for r in browse.list_for_case(actor, case_id)}
    assert all(keys[i] for i in series.attachment_ids) and not keys[photo.attachment_ids[0]]
    assert panel.model.entry(series.key).is_key
    assert panel.model.index_of(series.key, COL_KEY).data(Qt.ItemDataRole.UserRole) is True

    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Space)  # and off again
    assert not any(r.is_key for r in browse.list_for_case(actor, case_id))

    rect = panel.tree.visualRect(panel.model.index_of(photo.key, COL_KEY))
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [r.id for r in browse.list_for_case(actor, case_id) if r.is_key] == list(photo.attachment_ids)

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.refresh()
    assert panel.model.entry(photo.key).is_key and panel.model.entry(photo.key).label == "pathology"
    assert panel.tree.label_combo(photo.key).currentData() == "pathology"


def test_f2_opens_the_label_combo_and_the_choice_is_saved(qtbot, panel, ui_session, case_id, tmp_path):
    make_photo(tmp_path / "p.jpg")
    import_and_wait(qtbot, panel, [tmp_path / "p.jpg"])
    qtbot.waitUntil(lambda: len(panel.entries()) == 1, timeout=10_000)
    [photo] = panel.entries()
    panel.activateWindow()
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(panel.model.index_of(photo.key))
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    combo = panel.tree.label_combo(photo.key)
    qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=5_000)
    combo.hidePopup()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        emit(combo.activated, combo.findData("pathology"))
    [row] = ui_session.ctx.attachment_browse.list_for_case(ui_session.actor, case_id)
    assert row.label == "pathology"


def test_delete_removes_nothing(qtbot, panel, ui_session, case_id, tmp_path):
    make_photo(tmp_path / "p.jpg")
    import_and_wait(qtbot, panel, [tmp_path / "p.jpg"])
    qtbot.waitUntil(lambda: len(panel.entries()) == 1, timeout=10_000)
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(panel.model.index_of(panel.entries()[0].key))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert panel.message.text()  # says why
    assert len(ui_session.ctx.attachment_browse.list_for_case(ui_session.actor, case_id)) == 1
    assert len(panel.entries()) == 1


def test_a_warning_shows_as_an_icon_with_its_text(qtbot, panel, monkeypatch, tmp_path):
    from ui.cases.attachments.dialogs import PatientMismatchDialog

    monkeypatch.setattr(PatientMismatchDialog, "ask", classmethod(lambda cls, *a, **k: True))
    make_series(tmp_path / "other", 3, patient_name="WANG^WU", patient_id="X99")
    import_and_wait(qtbot, panel, [tmp_path / "other"])
    close_results(panel)
    qtbot.waitUntil(lambda: len(panel.entries()) == 1, timeout=10_000)
    [series] = panel.entries()
    assert series.warnings
    index = panel.model.index_of(series.key, COL_WARN)
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "WANG^WU" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_files_dropped_on_the_panel_are_imported(qtbot, panel, tmp_path):
    photo = make_photo(tmp_path / "drop" / "photo.jpg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.importFinished, timeout=20_000):
        panel.dropEvent(event)
    qtbot.waitUntil(lambda: [e.name for e in panel.entries()] == ["photo.jpg"], timeout=10_000)


def test_the_folder_button_asks_for_a_folder(qtbot, panel, monkeypatch, tmp_path):
    make_disc(tmp_path / "usb", slices=3)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "usb"))
    with qtbot.waitSignal(panel.importFinished, timeout=20_000) as sig:
        qtbot.mouseClick(panel.add_folder_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].imported == 5
    assert panel._store.value("attachments/last_dir") == str(tmp_path / "usb")


def test_a_viewer_sees_the_material_but_cannot_change_it(qtbot, ui_session, case_id, tmp_path):
    make_photo(tmp_path / "p.jpg")
    ui_session.ctx.attachment_import.import_paths(ui_session.actor, case_id, [tmp_path / "p.jpg"])
    admin = ui_session.actor
    ui_session.ctx.users.create(admin, "guest", "访客", "viewer", "Viewer2026!", must_change_password=False)
    viewer = Session(ui_session.ctx, ui_data.actor_for(ui_session.ctx, "guest"), ui_session.hospital)
    panel = open_panel(qtbot, viewer, case_id)
    [photo] = panel.entries()
    assert not panel.add_files_button.isVisible() and not panel.acceptDrops()
    assert not panel.tree.label_combo(photo.key).isEnabled()
    assert not panel.import_paths([Path(tmp_path / "p.jpg")])
    panel.toggle_key(photo.key)
    assert not panel.model.entry(photo.key).is_key
