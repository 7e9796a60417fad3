"""Measurements drawn in the viewer are saved with the case and come back, labelled, when the series is
opened again; Delete removes the record and Ctrl+Z brings it back; a read-only role is told they stay local."""

from PySide6.QtCore import QPoint, Qt
from viewer_helpers import drag, open_viewer
from viewer_series_data import attach, write_series

from app.records import Actor
from ui.session import Session


def _screen(viewer, x: float, y: float) -> QPoint:
    q = viewer.measure.to_screen((x, y))
    return QPoint(round(q.x()), round(q.y()))


def _draw(qtbot, viewer, kind_key, a, b, leave: bool = True) -> None:
    qtbot.keyClick(viewer, kind_key)
    drag(viewer.canvas, Qt.MouseButton.LeftButton, _screen(viewer, *a), _screen(viewer, *b))
    if leave:
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)


def test_measurements_are_saved_and_shown_again_when_reopened(qtbot, ui_session, tmp_path):
    write_series(tmp_path / "cd", 4, size=200)  # Pixel Spacing 0.5 mm
    case_id, [row] = attach(ui_session, tmp_path / "cd")
    ctx, actor = ui_session.ctx, ui_session.actor
    viewer = open_viewer(qtbot, ui_session, case_id, row.attachment_ids)
    qtbot.keyClick(viewer, Qt.Key.Key_Down)
    qtbot.waitUntil(viewer.is_loaded, timeout=10_000)
    _draw(qtbot, viewer, Qt.Key.Key_L, (20, 50), (120, 50))
    _draw(qtbot, viewer, Qt.Key.Key_E, (60, 60), (100, 90))
    slice_id = row.attachment_ids[1]
    qtbot.waitUntil(lambda: len(ctx.annotations.for_image(actor, slice_id)) == 2, timeout=10_000)
    length, ellipse = ctx.annotations.for_image(actor, slice_id)
    assert length.kind == "length" and ellipse.kind == "ellipse" and length.frame == 0
    (x0, y0), (x1, y1) = length.geometry["points"]
    assert abs(abs(x1 - x0) - 100) < 2 and abs(y1 - y0) < 2
    first_label = viewer.measure.current()[0].lines

    again = open_viewer(qtbot, ui_session, case_id, row.attachment_ids)
    qtbot.waitUntil(lambda: len(again.measure.by_key.get((slice_id, 0), [])) == 2, timeout=10_000)
    assert again.measure.current() == []  # they belong to slice 2
    qtbot.keyClick(again, Qt.Key.Key_Down)
    qtbot.waitUntil(again.is_loaded, timeout=10_000)
    again.canvas.grab()  # painting works the labels out
    restored = again.measure.current()
    assert [m.kind for m in restored] == ["length", "ellipse"]
    assert restored[0].lines == first_label and "mm" in restored[0].lines[0]
    assert restored[1].lines and restored[1].saved_id == ellipse.id

    again.measure.selected = restored[0]
    qtbot.keyClick(again, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: [r.kind for r in ctx.annotations.for_image(actor, slice_id)] == ["ellipse"],
                    timeout=10_000)
    assert "Ctrl+Z" in again.status.text()
    qtbot.keyClick(again, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [m.kind for m in again.measure.current()] == ["ellipse", "length"]
    qtbot.waitUntil(lambda: len(ctx.annotations.for_image(actor, slice_id)) == 2, timeout=10_000)


def test_a_reader_measures_on_screen_only(qtbot, ui_session, tmp_path):
    write_series(tmp_path / "cd", 2, size=100)
    case_id, [row] = attach(ui_session, tmp_path / "cd")
    reader = Session(ui_session.ctx, Actor(None, "guest", "访客", "viewer"), ui_session.hospital)
    viewer = open_viewer(qtbot, reader, case_id, row.attachment_ids)
    _draw(qtbot, viewer, Qt.Key.Key_L, (10, 10), (60, 10), leave=False)
    assert len(viewer.measure.current()) == 1
    assert "不会保存" in viewer.status.text() or "not saved" in viewer.status.text()
    assert ui_session.ctx.annotations.for_image(ui_session.actor, row.attachment_ids[0]) == []
