"""Cine (C), rotate (R, Shift+R) and flip (H) for the viewer, and the keys of the measuring tools.

Cine plays the stack forward in a loop, one slice per tick, and waits for a slice still decoding rather
than skip it; while it plays, +/- change its rate instead of the zoom. A turn or flip changes only how the
canvas shows the image (measurements, kept in image coordinates, turn with it); the overlay says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

DEFAULT_FPS, MIN_FPS, MAX_FPS = 10, 1, 30
TOOL_KEYS = {Qt.Key.Key_L: "length", Qt.Key.Key_A: "angle", Qt.Key.Key_E: "ellipse"}


class Cine(QObject):
    def __init__(self, viewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.fps = DEFAULT_FPS
        self.timer = QTimer(self)
        self.timer.setObjectName("cineTimer")
        self.timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def toggle(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        elif self.viewer.count > 1:
            self.timer.start(round(1000 / self.fps))
        self._changed()

    def stop(self) -> None:
        self.timer.stop()
        self._changed()

    def set_rate(self, fps: int) -> None:
        self.fps = max(MIN_FPS, min(MAX_FPS, int(fps)))
        if self.timer.isActive():
            self.timer.setInterval(round(1000 / self.fps))
        self._changed()

    def faster(self) -> None:
        self.set_rate(self.fps + (1 if self.fps < 10 else 5))

    def slower(self) -> None:
        self.set_rate(self.fps - (1 if self.fps <= 10 else 5))

    def _changed(self) -> None:
        button = getattr(self.viewer, "buttons", {}).get("cine")
        if button is not None:
            button.setChecked(self.timer.isActive())
        if hasattr(self.viewer, "canvas"):
            self.viewer.refresh_overlay()

    def _tick(self) -> None:
        v = self.viewer
        if not v.is_loaded():
            return  # the slice on screen is still decoding: wait for it rather than skip it
        if v.index + 1 < v.count:
            v.step(1)
        else:
            v.go_to(0)


def rotate(viewer, quarters: int = 1) -> None:
    viewer.canvas.rotate(quarters)
    viewer.refresh_overlay()


def flip(viewer) -> None:
    viewer.canvas.flip()
    viewer.refresh_overlay()


def handle_key(viewer, event: QKeyEvent) -> bool:
    """The keys of cine, turn/flip and the measuring tools; False for any other key."""
    key, mods = event.key(), event.modifiers()
    if mods & Qt.KeyboardModifier.ControlModifier:
        return False
    K = Qt.Key
    if viewer.cine.active and key in (K.Key_Plus, K.Key_Equal):
        viewer.cine.faster()
    elif viewer.cine.active and key == K.Key_Minus:
        viewer.cine.slower()
    elif key == K.Key_C:
        viewer.cine.toggle()
    elif key == K.Key_R:
        rotate(viewer, -1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
    elif key == K.Key_H:
        flip(viewer)
    elif key in TOOL_KEYS:
        viewer.measure.toggle(TOOL_KEYS[key])
    elif key == K.Key_Escape and (viewer.measure.pending or viewer.measure.mode):  # else Esc goes on
        viewer.measure.escape()
    elif key in (K.Key_Delete, K.Key_Backspace):
        viewer.measure.delete_selected()
    else:
        return False
    return True
