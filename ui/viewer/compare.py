"""Side by side (S): a second pane for another series (the prior), linked to the first.

Linked scrolling goes by slice position along the normal, never by index: the other pane shows its slice
nearest the same position (plus the offset between the two series, taken when the link is switched on, so
a prior scanned at another table height can be lined up by hand first, then linked). Window/level and
presets follow too. Each pane keeps its own overlay, measurements and series. Ctrl+L links and unlinks.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.imaging.series_geometry import nearest_index


def position_of(viewer) -> float | None:
    if not viewer.positions or not 0 <= viewer.index < len(viewer.positions):
        return None
    return viewer.positions[viewer.index]


class PaneLink(QObject):
    def __init__(self, a, b) -> None:
        super().__init__(a)
        self.a, self.b = a, b
        self.enabled = True
        self.offset = 0.0  # position in b minus position in a for the same anatomy
        self._busy = False
        for src, dst in ((a, b), (b, a)):
            src.indexChanged.connect(lambda _i, s=src, d=dst: self._follow(s, d))
            src.windowChanged.connect(lambda s=src, d=dst: self._window(s, d))

    def set_enabled(self, on: bool) -> None:
        """On: from now on the panes move together, keeping the offset they have now."""
        self.enabled = bool(on)
        if self.enabled:
            pa, pb = position_of(self.a), position_of(self.b)
            self.offset = pb - pa if pa is not None and pb is not None else 0.0

    def align(self) -> None:
        """Bring b to a's position (no offset): when the panes are first put side by side."""
        self.offset = 0.0
        self._follow(self.a, self.b)

    def _target(self, src, dst) -> int | None:
        pos = position_of(src)
        if pos is not None and dst.positions and all(p is not None for p in dst.positions):
            shift = self.offset if src is self.a else -self.offset
            return nearest_index(dst.positions, pos + shift)
        if dst.count:  # no geometry (photos, old files): by index, as well as it goes
            return min(src.index, dst.count - 1)
        return None

    def _follow(self, src, dst) -> None:
        if not self.enabled or self._busy or not dst.count:
            return
        target = self._target(src, dst)
        if target is None or target == dst.index:
            return
        self._busy = True  # dst moving must not move src back (their spacings may differ)
        try:
            dst.go_to(target)
        finally:
            self._busy = False

    def _window(self, src, dst) -> None:
        if not self.enabled or self._busy:
            return
        self._busy = True
        try:
            if src.window is not None:
                dst.set_window(*src.window)
            else:
                dst.set_preset(src.preset)
        finally:
            self._busy = False


# -- the panes of the main viewer ----------------------------------------------------------------------


def opened(main, pane) -> None:
    """A pane has its new series' positions: it lines up with the other pane (not the other way round)."""
    link = main.link
    if link is None or not link.enabled:
        return
    link.offset = 0.0
    link._follow(link.b if pane is link.a else link.a, pane)


def set_active(main, pane) -> None:
    """The pane the series browser and the toolbar act on; framed when there are two."""
    main.active = pane
    for p in (main, main.partner):
        if p is not None:
            p.canvas.active = main.partner is not None and p is pane
            p.canvas.update()
    main._highlight_series()


def toggle_side_by_side(main) -> None:
    if main.partner is not None:
        close_partner(main)
        return
    from ui.viewer.viewer import ImageViewer

    pane = ImageViewer(main.session, main.case_id, main, pane=True)
    pane.host = main
    main.partner = pane
    main.splitter.addWidget(pane)
    main.splitter.setSizes([1, 1])
    main.link = PaneLink(main, pane)
    main.buttons["link"].setVisible(True)
    main.buttons["link"].setChecked(True)
    main.buttons["compare"].setChecked(True)
    other = _other_series(main)
    if other:
        pane.open_series(other)
    if main.window is not None:
        pane.set_window(*main.window)
    else:
        pane.set_preset(main.preset)
    set_active(main, pane)


def _other_series(main) -> list[int]:
    """The series to compare with: the one before the current in the browser (older first), else after."""
    browser = main.browser
    rows = browser.rows if browser is not None else []
    uid = browser.uid_of(main.attachment_ids) if browser is not None else ""
    uids = [r.series_uid for r in rows]
    if uid in uids and len(rows) > 1:
        i = uids.index(uid)
        return list(rows[i - 1 if i > 0 else i + 1].attachment_ids)
    return list(main.attachment_ids)


def close_partner(main) -> None:
    pane, main.partner, link = main.partner, None, main.link
    main.link = None
    if link is not None:
        link.deleteLater()
    if pane is not None:
        pane.cine.stop()
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
    main.buttons["link"].setVisible(False)
    main.buttons["compare"].setChecked(False)
    set_active(main, main)


def toggle_link(main) -> None:
    if main.link is None:
        return
    main.link.set_enabled(not main.link.enabled)
    main.buttons["link"].setChecked(main.link.enabled)
    for p in (main, main.partner):
        p.refresh_overlay()
