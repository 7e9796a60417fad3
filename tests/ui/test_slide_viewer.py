"""The pathology tile viewer: a pyramidal slide opens at once and sharpens as tiles arrive, photos stand
upright, arrows and notes outlive a restart, bombs give a message, the tile cache keeps to its cap, and the
case screen opens photos and slides here."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from slide_samples import make_png_bomb, make_pyramid_tiff, make_sideways_photo
from test_attachments_data import make_case
from viewer_helpers import attach_file, drag, wheel

from app.context import open_context
from app.imaging.byte_cache import ByteCache, shared_cache
from ui import ops
from ui.qt_compat import emit
from ui.session import Session
from ui.viewer.slide_viewer import SlideViewer


def open_slide_viewer(qtbot, session, case_id: int, attachment_id: int) -> SlideViewer:
    viewer = SlideViewer(session, case_id)
    qtbot.addWidget(viewer)
    viewer.resize(900, 650)
    viewer.show()
    with qtbot.waitSignal(viewer.opened, timeout=10_000):
        viewer.open_attachment(attachment_id)
    return viewer


def screen_rgb(viewer, image_point: QPointF) -> np.ndarray:
    """The colour the canvas shows at a full-resolution image point."""
    shot = viewer.canvas.grab().toImage()
    p = viewer.canvas.to_screen(image_point)
    c = shot.pixelColor(round(p.x() * shot.devicePixelRatio()), round(p.y() * shot.devicePixelRatio()))
    return np.array([c.red(), c.green(), c.blue()])


@pytest.fixture
def slide(ui_session, tmp_path):
    case_id = make_case(ui_session)
    rgb = make_pyramid_tiff(tmp_path / "扫描" / "scan.tif", 1500, 1100, mpp=0.25)
    return case_id, attach_file(ui_session, case_id, tmp_path / "扫描" / "scan.tif"), rgb


def test_a_slide_shows_whole_at_once_then_sharpens_at_1_to_1(qtbot, ui_session, slide, tmp_path):
    case_id, aid, rgb = slide
    viewer = open_slide_viewer(qtbot, ui_session, case_id, aid)
    c = viewer.canvas
    assert c.overview is not None and c.scale is None  # fitted, the whole slide
    assert "1500×1100" in viewer.status.text() and "0.25" in viewer.status.text()
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert c.effective_scale() == 1.0 and c.level() == 0
    qtbot.waitUntil(c.is_sharp, timeout=10_000)
    centre = QPointF(rgb.shape[1] // 2 + 75, rgb.shape[0] // 2 + 75)  # inside the magenta block
    assert np.abs(screen_rgb(viewer, centre) - (200, 40, 120)).max() < 12
    qtbot.keyClick(viewer, Qt.Key.Key_Left)  # pan with the keyboard: the picture moves right
    assert c.centre.x() < rgb.shape[1] / 2
    before = c.effective_scale()
    wheel(c, 2)
    assert c.effective_scale() == pytest.approx(before * 1.25 ** 2)
    qtbot.keyClick(viewer, Qt.Key.Key_F)
    assert c.scale is None
    out = tmp_path / "view.png"
    assert viewer.export_png(str(out)) and out.stat().st_size > 1000
    c.grab().save(str(tmp_path / "slide_viewer.png"))
    viewer.close()


def test_the_tile_cache_keeps_to_its_cap_while_panning(qtbot, ui_session, slide):
    case_id, aid, _ = slide
    viewer = open_slide_viewer(qtbot, ui_session, case_id, aid)
    c = viewer.canvas
    c.loader.cache = ByteCache(cap=24 * 256 * 256 * 4)  # a screenful and a little more; the slide has 30 tiles
    arrived = []
    c.loader._on_tile = lambda key: (arrived.append(key), c._tile_arrived(key))
    c.zoom_to(1.0)
    for dx, dy in [(0, 0), (500, 300), (-900, 0), (0, -700), (900, 0), (-400, 500)]:
        c.pan_by(dx, dy)
        qtbot.waitUntil(c.is_sharp, timeout=10_000)
        assert c.loader.cache.bytes <= c.loader.cache.cap
    assert len(set(arrived)) > 24  # more tiles were read than fit: the oldest went
    viewer.close()


def test_tiles_go_to_the_shared_cache_and_serve_a_second_viewer(qtbot, ui_session, slide):
    case_id, aid, _ = slide
    first = open_slide_viewer(qtbot, ui_session, case_id, aid)
    first.canvas.zoom_to(1.0)
    qtbot.waitUntil(first.canvas.is_sharp, timeout=10_000)
    held = shared_cache().bytes
    assert held > 0
    first.close()
    second = open_slide_viewer(qtbot, ui_session, case_id, aid)
    second.canvas.zoom_to(1.0)
    assert second.canvas.is_sharp()  # at once: the same file's tiles were still cached
    second.close()


def test_scale_bar_lengths_are_round():
    from ui.viewer.slide_marks import length_label, nice_length

    assert nice_length(740) == 500 and nice_length(0.3) == 0.2 and nice_length(1999) == 1000
    assert length_label(500) == "500 µm" and length_label(2000) == "2 mm"


def test_a_photo_lying_on_its_side_is_shown_upright(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    aid = attach_file(ui_session, case_id, make_sideways_photo(tmp_path / "HE.jpg"))
    viewer = open_slide_viewer(qtbot, ui_session, case_id, aid)
    src = viewer.canvas.source
    assert (src.width, src.height) == (48, 64)
    blue = screen_rgb(viewer, QPointF(44, 4))
    assert blue[2] > 150 and blue[0] < 80
    assert "48×64" in viewer.status.text()
    viewer.close()


def test_arrows_and_notes_are_saved_with_the_case_and_come_back(qtbot, ui_session, sample_ctx, sample_dir, slide):
    case_id, aid, _ = slide
    viewer = open_slide_viewer(qtbot, ui_session, case_id, aid)
    c = viewer.canvas
    qtbot.keyClick(viewer, Qt.Key.Key_A)
    assert viewer.tool == "arrow"
    tail, head = QPoint(300, 250), QPoint(450, 330)
    drag(c, Qt.MouseButton.LeftButton, tail, head)
    qtbot.waitUntil(lambda: len(c.annotations) == 1, timeout=10_000)
    viewer.add_annotation("text", [QPointF(700, 500)], "肿瘤边缘 tumour margin")
    qtbot.waitUntil(lambda: len(c.annotations) == 2, timeout=10_000)
    arrow = c.annotations[0]
    expected = [c.to_image(QPointF(tail)), c.to_image(QPointF(head))]
    assert arrow.kind == "arrow"
    flat = [v for p in arrow.geometry["points"] for v in p]
    assert flat == pytest.approx([v for p in expected for v in (p.x(), p.y())], abs=0.1)  # full-resolution pixels
    viewer.close()
    ops.shutdown()
    sample_ctx.close()

    again = open_context(sample_dir)
    try:
        session = Session(again, ui_session.actor, again.setup.info())
        second = open_slide_viewer(qtbot, session, case_id, aid)
        kept = second.canvas.annotations
        assert [(a.kind, a.text) for a in kept] == [("arrow", ""), ("text", "肿瘤边缘 tumour margin")]
        assert kept[0].geometry == arrow.geometry
        near = second.annotation_at(second.canvas.to_screen(QPointF(*kept[0].geometry["points"][1])))
        assert near is not None and near.id == kept[0].id
        second.delete_annotation(kept[0].id)
        qtbot.waitUntil(lambda: len(second.canvas.annotations) == 1, timeout=10_000)
        assert [a.kind for a in again.annotations.for_image(ui_session.actor, aid)] == ["text"]
        second.close()
        ops.shutdown()
    finally:
        again.close()


def test_a_decompression_bomb_gives_a_message_not_a_crash(qtbot, ui_session, tmp_path):
    case_id = make_case(ui_session)
    aid = ui_session.ctx.attachments.add_file(ui_session.actor, case_id, make_png_bomb(tmp_path / "b.png", 13000, 13500))
    viewer = SlideViewer(ui_session, case_id)
    qtbot.addWidget(viewer)
    viewer.show()
    with qtbot.waitSignal(viewer.failed, timeout=10_000) as sig:
        viewer.open_attachment(aid)
    assert "170" in sig.args[0] and viewer.canvas.source is None
    assert viewer.canvas.message == sig.args[0]
    viewer.close()


def test_the_case_screen_opens_slides_and_photos_in_the_tile_viewer(qtbot, ui_session, slide):
    from ui.cases.editor.material_tab import MaterialTab

    case_id, aid, _ = slide
    tab = MaterialTab(ui_session, case_id)
    qtbot.addWidget(tab)
    tab.show()
    panel = tab.panel
    qtbot.waitUntil(lambda: panel.is_loaded and len(panel.entries()) == 1, timeout=10_000)
    [entry] = panel.entries()
    assert entry.kind == "slide"
    emit(panel.tree.activated, panel.model.index_of(entry.key))
    qtbot.waitUntil(lambda: tab.slide_viewer is not None and tab.slide_viewer.canvas.source is not None,
                    timeout=10_000)
    assert tab.slide_viewer.isWindow() and tab.viewer is None
    tab.slide_viewer.close()
    assert tab.slide_viewer.canvas.source is None
    emit(panel.tree.activated, panel.model.index_of(entry.key))  # opened again after closing its window
    qtbot.waitUntil(lambda: tab.slide_viewer.canvas.source is not None, timeout=10_000)
    tab.slide_viewer.canvas.zoom_to(1.0)
    qtbot.waitUntil(tab.slide_viewer.canvas.is_sharp, timeout=10_000)
    tab.slide_viewer.close()
