"""The agenda table: rows dragged to a new place, or moved with Ctrl+Up / Ctrl+Down from the keyboard.

The table never reorders its model itself: it asks (`reorderRequested` with the complete new order of item
ids, `moveRequested` with -1/+1) and the screen sends that to the service, then shows the agenda read back.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.meetings.meeting_models import AgendaModel
from ui.qt_compat import emit

MIME = "application/x-mdt-agenda-items"


def moved(order: list[int], dragged: list[int], row: int) -> list[int]:
    """`order` with the `dragged` ids taken out and put, in their order, before what stood at `row`
    (row == len(order): at the end)."""
    anchor = order[row] if 0 <= row < len(order) else None
    while anchor in dragged:  # dropped onto itself: keep the place of the next row not being dragged
        i = order.index(anchor) + 1
        anchor = order[i] if i < len(order) else None
    rest = [i for i in order if i not in dragged]
    at = rest.index(anchor) if anchor is not None else len(rest)
    kept = [i for i in order if i in dragged]
    return rest[:at] + kept + rest[at:]


class DraggableAgendaModel(AgendaModel):
    """The agenda model, able to carry its rows' item ids in a drag."""

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, QByteArray(",".join(str(self.row_at(r).id) for r in rows).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class AgendaTable(QTableView):
    reorderRequested = Signal(list)  # the complete new order of agenda item ids
    moveRequested = Signal(int)  # -1 up, +1 down (the selected row)

    def __init__(self, model: DraggableAgendaModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.set_reorderable(False)

    def set_reorderable(self, on: bool) -> None:
        self.setDragEnabled(on)
        self.setAcceptDrops(on)
        self.viewport().setAcceptDrops(on)

    @staticmethod
    def _ids(event) -> list[int] | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(MIME):
            return None
        text = bytes(mime.data(MIME).data()).decode()
        return [int(x) for x in text.split(",") if x]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.acceptDrops() and self._ids(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        super().dragMoveEvent(event)  # draws the drop indicator
        if self.acceptDrops() and self._ids(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop_row(self, y: int) -> int:
        """Where a drop at height `y` lands: before the row under it (after it, in the lower half)."""
        model = self.model()
        row = self.rowAt(y)
        if row < 0:
            return model.rowCount()
        rect = self.visualRect(model.index(row, 0))
        return row + 1 if y > rect.center().y() else row

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        ids = self._ids(event)
        if not self.acceptDrops() or not ids:
            event.ignore()
            return
        model: DraggableAgendaModel = self.model()
        order = [r.id for r in model.rows()]
        new = moved(order, [i for i in ids if i in order], self.drop_row(int(event.position().y())))
        event.setDropAction(Qt.DropAction.CopyAction)  # nothing for the view to remove: the service reorders
        event.accept()
        if new != order:
            emit(self.reorderRequested, new)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up,
                                                                                        Qt.Key.Key_Down):
            emit(self.moveRequested, -1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)
