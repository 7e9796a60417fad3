"""The series of the case beside the image: a thumbnail, modality, description and image count for each.

A click or Enter opens the series in the active pane; the series on screen is highlighted. Thumbnails
are the attachment list's stored previews (made once), fetched one by one after the list is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui import ops
from ui.qt_compat import emit

THUMB = 96
UID_ROLE = Qt.ItemDataRole.UserRole


class SeriesBrowser(QListWidget):
    chosen = Signal(object)  # SeriesRow
    loaded = Signal()

    def __init__(self, session, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesBrowser")
        self.session, self.case_id = session, case_id
        self.rows: list = []
        self.current_uid = ""
        self.wanted: bool | None = None  # shown or hidden by the user (B)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(2)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setMaximumWidth(THUMB + self.fontMetrics().horizontalAdvance("M") * 12)
        self.setMinimumWidth(THUMB + self.fontMetrics().horizontalAdvance("M") * 7)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(self.tr("Series of this case: click or Enter opens one; [ and ] step through them"))
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def load(self) -> None:
        ctx, actor, case_id = self.session.ctx, self.session.actor, self.case_id
        ops.run(lambda: ctx.attachment_browse.series_for_case(actor, case_id), self._arrived,
                lambda _exc: None, owner=self)

    def _arrived(self, rows) -> None:
        self.rows = list(rows)
        self.clear()
        for row in self.rows:
            n = len(row.attachment_ids)
            label = self.tr("{n} images").format(n=n)
            when = row.taken_on.isoformat() if row.taken_on else ""
            text = "\n".join(x for x in (f"{row.modality} {row.description}".strip(), label, when) if x)
            item = QListWidgetItem(text)
            item.setData(UID_ROLE, row.series_uid)
            item.setToolTip(text)
            item.setSizeHint(QSize(THUMB + 8, THUMB + 8 + self.fontMetrics().height() * 3))
            self.addItem(item)
        self.highlight(self.current_uid)
        if self.wanted is None:  # until someone toggles it: shown when there is a choice to make
            self.setVisible(len(self.rows) > 1)
        emit(self.loaded)
        self._fetch_thumbnails(list(self.rows))

    def _fetch_thumbnails(self, todo: list) -> None:
        if not todo:
            return
        row = todo.pop(0)
        ctx, actor = self.session.ctx, self.session.actor
        middle = row.attachment_ids[len(row.attachment_ids) // 2]

        def arrived(png) -> None:
            if png:
                pixmap = QPixmap()
                if pixmap.loadFromData(png):
                    item = self._item(row.series_uid)
                    if item is not None:
                        item.setIcon(QIcon(pixmap))
            self._fetch_thumbnails(todo)

        ops.run(lambda: ctx.attachment_browse.thumbnail(actor, middle), arrived,
                lambda _exc: self._fetch_thumbnails(todo), owner=self)

    def _item(self, uid: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(UID_ROLE) == uid:
                return self.item(i)
        return None

    def toggle(self) -> None:
        self.wanted = not self.isVisible()
        self.setVisible(self.wanted)

    def row_for(self, uid: str):
        return next((r for r in self.rows if r.series_uid == uid), None)

    def uid_of(self, attachment_ids) -> str:
        """The series made of exactly these slices, '' if none."""
        ids = tuple(attachment_ids)
        return next((r.series_uid for r in self.rows if r.attachment_ids == ids), "")

    def highlight(self, uid: str) -> None:
        """Mark the series on screen (bold and selected)."""
        self.current_uid = uid
        for i in range(self.count()):
            item = self.item(i)
            font = QFont(self.font())
            font.setBold(item.data(UID_ROLE) == uid)
            item.setFont(font)
            if item.data(UID_ROLE) == uid:
                self.setCurrentItem(item)
        if not uid:
            self.clearSelection()

    def neighbour(self, step: int):
        """The series `step` places from the one on screen (clamped), None without series."""
        if not self.rows:
            return None
        uids = [r.series_uid for r in self.rows]
        here = uids.index(self.current_uid) if self.current_uid in uids else (-1 if step > 0 else len(uids))
        return self.rows[max(0, min(len(uids) - 1, here + step))]

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.row_for(item.data(UID_ROLE))
        if row is not None:
            emit(self.chosen, row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._activated(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)
