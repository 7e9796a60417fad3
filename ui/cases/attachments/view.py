"""The tree that shows the attachment model: label combos, the star column, and the keyboard.

Arrow keys move between entries; Space toggles the key-item star of the current entry; F2 opens its label
combo (arrows and Enter choose, the list gets the focus back); Delete and
Backspace remove nothing (attachments are kept for the record in this version) and only say so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ui.cases.attachments.entries import LABELS
from ui.cases.attachments.model import (
    CODE_ROLE,
    COL_ITEM,
    COL_KEY,
    COL_LABEL,
    COL_WARN,
    TILE,
    AttachmentModel,
)
from ui.cases.attachments.texts import label_names
from ui.qt_compat import emit


class LabelDelegate(QStyledItemDelegate):
    """A combo (always open as a persistent editor) whose choice goes to `on_chosen(entry_key, code)`."""

    def __init__(self, on_chosen: Callable[[str, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_chosen = on_chosen
        self.enabled = True

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("labelCombo")
        names = label_names()
        for code in LABELS:
            combo.addItem(names[code], code)
        combo.setEnabled(self.enabled)
        combo.setToolTip(self.tr("What this material is: imaging, pathology, report or other (F2 in the list)"))
        combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab and arrows stay in the list
        model = index.model()
        entry = model.entry_at(index) if isinstance(model, AttachmentModel) else None
        if entry is not None:
            key = entry.key
            combo.activated.connect(lambda i: self._on_chosen(key, combo.itemData(i)))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(CODE_ROLE))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        """Nothing: a choice is saved through the service and comes back with the refreshed list."""

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect.adjusted(4, 0, -4, 0)
        height = min(editor.sizeHint().height(), rect.height())
        editor.setGeometry(rect.x(), rect.y() + (rect.height() - height) // 2, rect.width(), height)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the combo shows it; only the row background is painted here
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        widest = max(option.fontMetrics.horizontalAdvance(t) for t in label_names().values())
        return QSize(max(hint.width(), widest + 56), hint.height())


class AttachmentTree(QTreeView):
    keyToggleRequested = Signal(str)  # an entry key: Space, or a click on the star
    labelEditRequested = Signal(str)  # an entry key: F2 opens its label combo
    deleteRefused = Signal()

    def __init__(self, model: AttachmentModel, on_label: Callable[[str, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentTree")
        self.setModel(model)
        self.label_delegate = LabelDelegate(on_label, self)
        self.setItemDelegateForColumn(COL_LABEL, self.label_delegate)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(False)
        self.setIndentation(0)
        self.setIconSize(QSize(TILE, TILE))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAllColumnsShowFocus(True)
        self.setAcceptDrops(False)  # drops go to the panel
        self.viewport().setAcceptDrops(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for col in (COL_LABEL, COL_KEY, COL_WARN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_columns()
        self.clicked.connect(self._clicked)

    def _fit_columns(self) -> None:
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in label_names().values())
        self.setColumnWidth(COL_LABEL, widest + 64)
        key_title = str(self.model().headerData(COL_KEY, Qt.Orientation.Horizontal) or "")
        self.setColumnWidth(COL_KEY, max(44, metrics.horizontalAdvance(key_title) + 24))
        self.setColumnWidth(COL_WARN, 36)

    def rebuild_editors(self) -> None:
        """Groups open, a label combo on every entry (call after the model was filled)."""
        self.expandAll()
        model = self.model()
        for g in range(model.rowCount()):
            group = model.index(g, 0)
            self.setFirstColumnSpanned(g, QModelIndex(), True)
            for r in range(model.rowCount(group)):
                self.openPersistentEditor(model.index(r, COL_LABEL, group))

    def label_combo(self, key: str) -> QComboBox | None:
        model = self.model()
        widget = self.indexWidget(model.index_of(key, COL_LABEL)) if isinstance(model, AttachmentModel) else None
        return widget if isinstance(widget, QComboBox) else None

    def set_editable(self, editable: bool) -> None:
        self.label_delegate.enabled = editable

    def _clicked(self, index: QModelIndex) -> None:
        entry = self.model().entry_at(index)
        if entry is not None and index.column() == COL_KEY:
            emit(self.keyToggleRequested, entry.key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            entry = self.model().entry_at(self.currentIndex())
            if entry is not None:
                emit(self.keyToggleRequested, entry.key)
            event.accept()
            return
        if key == Qt.Key.Key_F2:
            entry = self.model().entry_at(self.currentIndex())
            if entry is not None:
                emit(self.labelEditRequested, entry.key)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            emit(self.deleteRefused)
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_columns()
