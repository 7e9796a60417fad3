"""The signature pad: mouse and tablet strokes (with pressure), undo/redo/clear, the exported PNG."""

import io

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from ui.signing.signature_pad import EXPORT_SIZE, SignaturePad


def _pad(qtbot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.show()
    return pad


def _drag(pad, points):
    """Mouse moves with the button held (qtbot.mouseMove sends no buttons on every platform)."""
    from PySide6.QtGui import QMouseEvent

    def send(kind, p, buttons):
        event = QMouseEvent(kind, QPointF(*p), QPointF(pad.mapToGlobal(QPoint(*p))), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, event)

    send(QMouseEvent.Type.MouseButtonPress, points[0], Qt.MouseButton.LeftButton)
    for p in points[1:]:
        send(QMouseEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton)
    send(QMouseEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def _tablet(pad, points):
    device = QPointingDevice("pen", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                             QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def send(kind, p, pressure, buttons):
        event = QTabletEvent(kind, device, QPointF(*p), QPointF(pad.mapToGlobal(QPoint(*p))), pressure, 0, 0, 0,
                             0, 0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons)
        QApplication.sendEvent(pad, event)
        return event

    events = [send(QTabletEvent.Type.TabletPress, points[0][:2], points[0][2], Qt.MouseButton.LeftButton)]
    for x, y, pressure in points[1:]:
        events.append(send(QTabletEvent.Type.TabletMove, (x, y), pressure, Qt.MouseButton.LeftButton))
    events.append(send(QTabletEvent.Type.TabletRelease, points[-1][:2], 0.0, Qt.MouseButton.NoButton))
    return events


def _ink(png: bytes) -> int:
    img = Image.open(io.BytesIO(png))
    return sum(img.getchannel("A").histogram()[1:])


def test_mouse_strokes_undo_redo_and_clear(qtbot):
    pad = _pad(qtbot)
    assert pad.is_empty() and not pad.can_undo()
    _drag(pad, [(50, 150), (150, 60), (250, 160)])
    _drag(pad, [(300, 150), (400, 60)])
    assert len(pad.strokes()) == 2
    pad.undo()
    assert len(pad.strokes()) == 1 and pad.can_redo()
    pad.redo()
    assert len(pad.strokes()) == 2
    pad.clear()
    assert pad.is_empty()
    pad.undo()  # clearing can be undone too
    assert len(pad.strokes()) == 2
    _drag(pad, [(10, 10), (20, 20)])
    assert not pad.can_redo(), "a new stroke ends what redo could bring back"


def test_a_tablet_pen_records_its_pressure_and_a_firm_stroke_is_thicker(qtbot):
    light, firm = _pad(qtbot), _pad(qtbot)
    events = _tablet(light, [(60, 120, 0.1), (300, 120, 0.1), (540, 120, 0.1)])
    assert all(e.isAccepted() for e in events), "the pad takes tablet events (no mouse echo)"
    _tablet(firm, [(60, 120, 1.0), (300, 120, 1.0), (540, 120, 1.0)])
    assert [round(p[2], 2) for p in light.strokes()[0]] == [0.1, 0.1, 0.1]
    assert _ink(firm.to_png()) > 2 * _ink(light.to_png())


def test_the_export_is_a_transparent_png_of_fixed_size_with_the_ink_only(qtbot):
    pad = _pad(qtbot)
    empty = pad.to_png()
    assert _ink(empty) == 0, "no guide line or frame in the export"
    _drag(pad, [(50, 150), (150, 60), (250, 160), (550, 100)])
    img = Image.open(io.BytesIO(pad.to_png()))
    assert img.format == "PNG" and img.size == (EXPORT_SIZE.width(), EXPORT_SIZE.height()) and img.mode == "RGBA"
    assert img.getpixel((5, 5))[3] == 0, "the background is transparent"
    assert _ink(pad.to_png()) > 500
    _, (r, g, b, _) = max(c for c in img.getcolors(1 << 20) if c[1][3] == 255)
    assert b > r and b > g, "dark blue ink"
