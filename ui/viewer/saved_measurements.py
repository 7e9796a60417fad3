"""Measurements kept with the case (ctx.annotations): saved when drawn, shown again when the series is
reopened, removed with Delete, brought back with Ctrl+Z (as a new record: the deletion stays in the audit).

Geometry is stored in image coordinates: length and angle as their points, the ellipse as centre and
radii (app.services.annotations). A role that may not change the case measures on screen only and is told
so once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP
from ui import ops
from ui.errors import show_error

NOT_SAVED = QT_TRANSLATE_NOOP("ImageViewer", "Measurements are shown but not saved: your role cannot change the case.")
DELETED = QT_TRANSLATE_NOOP("ImageViewer", "Measurement deleted. Ctrl+Z brings it back.")
RESTORED = QT_TRANSLATE_NOOP("ImageViewer", "Measurement restored.")
KINDS = ("length", "angle", "ellipse")


def tr(text: str) -> str:
    return QCoreApplication.translate("ImageViewer", text)


def points_of(kind: str, geometry: dict) -> list[tuple[float, float]] | None:
    """The tool's points for a stored geometry; None for a shape this tool does not draw."""
    try:
        if kind == "ellipse":
            (cx, cy), (rx, ry) = geometry["centre"], geometry["radii"]
            return [(float(cx) - float(rx), float(cy) - float(ry)), (float(cx) + float(rx), float(cy) + float(ry))]
        points = [(float(x), float(y)) for x, y in geometry["points"]]
        return points if len(points) == {"length": 2, "angle": 3}.get(kind) else None
    except (KeyError, TypeError, ValueError):
        return None


def load(viewer) -> None:
    """Put the series' saved measurements on their slices (labels follow once a slice is decoded)."""
    from ui.viewer.measure_tool import Measurement

    ctx, actor, ids = viewer.session.ctx, viewer.session.actor, sorted(set(viewer.attachment_ids))
    opened = viewer.attachment_ids

    def arrived(records) -> None:
        if viewer.attachment_ids != opened:
            return  # another series is on screen by now
        viewer.__dict__["_undo"] = []
        keys = set(viewer.slices)
        known = {m.saved_id for items in viewer.measure.by_key.values() for m in items}
        for r in records:
            points = points_of(r.kind, r.geometry) if r.kind in KINDS else None
            key = (r.attachment_id, r.frame)
            if points is None or key not in keys or r.id in known:
                continue
            viewer.measure.by_key.setdefault(key, []).append(Measurement(r.kind, points, saved_id=r.id))
        viewer.canvas.update()

    ops.run(lambda: ctx.annotations.for_images(actor, ids), arrived, lambda _exc: None, owner=viewer)


def save(viewer, key, item) -> None:
    if not viewer.can_mark:
        if not getattr(viewer, "_told_not_saved", False):
            viewer._told_not_saved = True
            viewer.status.setText(tr(NOT_SAVED))
        return
    ctx, actor = viewer.session.ctx, viewer.session.actor
    geometry = item.geometry()

    def saved(record) -> None:
        item.saved_id = record.id
        if not any(x is item for items in viewer.measure.by_key.values() for x in items):
            deleted(viewer, key, item)  # Delete was pressed before the save came back
            viewer.__dict__["_undo"].pop()

    ops.run(lambda: ctx.annotations.add(actor, key[0], key[1], item.kind, geometry), saved,
            lambda exc: show_error(exc, viewer), owner=viewer)


def deleted(viewer, key, item) -> None:
    """Delete was pressed on `item` (already off the screen): remove its record, keep it for Ctrl+Z."""
    undo = viewer.__dict__.setdefault("_undo", [])
    undo.append((key, item))
    viewer.status.setText(tr(DELETED))
    if item.saved_id is None or not viewer.can_mark:
        return
    ctx, actor, gone = viewer.session.ctx, viewer.session.actor, item.saved_id
    item.saved_id = None
    ops.run(lambda: ctx.annotations.delete(actor, gone), None, lambda exc: show_error(exc, viewer), owner=viewer)


def undo_delete(viewer) -> bool:
    undo = viewer.__dict__.get("_undo") or []
    if not undo:
        return False
    key, item = undo.pop()
    viewer.measure.by_key.setdefault(key, []).append(item)
    viewer.measure.selected = item
    viewer.canvas.update()
    viewer.status.setText(tr(RESTORED))
    save(viewer, key, item)
    return True
