"""The attachment tree: a group of DICOM series, a group of other files; one row per entry.

Column 0 shows the preview (placeholder until the thumbnail arrives) and two lines of text; then the label
(a combo opened by the view), the key-item star and the warning mark. Rows are found by the entry's key,
so an answer arriving after a refresh lands on the right row or nowhere.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QWidget

from ui.cases.attachments import icons
from ui.cases.attachments.entries import Entry, human_size
from ui.cases.attachments.texts import kind_name, label_names, warnings_tooltip

COL_ITEM, COL_LABEL, COL_KEY, COL_WARN = range(4)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Entry of the row (column 0)
CODE_ROLE = Qt.ItemDataRole.UserRole + 2  # the label code (label column)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # "series" | "files" on group rows
THUMB_STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # pending | shown | none (column 0)
TILE = 72  # preview tile, logical pixels
NOT_LOADED = ...  # a preview not fetched yet (None: the file has no picture)


class AttachmentModel(QStandardItemModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Material"), self.tr("Label"), self.tr("Key"), ""])
        self.setHeaderData(COL_KEY, Qt.Orientation.Horizontal, self.tr("Key item for the meeting"),
                           Qt.ItemDataRole.ToolTipRole)
        self.setHeaderData(COL_WARN, Qt.Orientation.Horizontal, self.tr("Warnings"),
                           Qt.ItemDataRole.ToolTipRole)
        self._entries: dict[str, Entry] = {}
        self._rows: dict[str, QPersistentModelIndex] = {}
        self._placeholder = tile_icon(icons.placeholder_tile(TILE))
        self._pdf = tile_icon(icons.document_tile(TILE, "PDF", "#c62828"))
        self._file = tile_icon(icons.document_tile(TILE, "", "#607d8b"))
        self._no_picture = tile_icon(icons.document_tile(TILE, "DICOM", "#37597a"))
        self._star_on, self._star_off = icons.star_icon(True), icons.star_icon(False)
        self._warning = icons.warning_icon()
        self.editable = True

    # -- building ------------------------------------------------------------------------------

    def set_entries(self, series: list[Entry], files: list[Entry], thumbnails: dict[int, QPixmap | None]) -> None:
        self.removeRows(0, self.rowCount())
        self._entries.clear()
        self._rows.clear()
        groups = [("series", self.tr("DICOM series ({n})"), series),
                  ("files", self.tr("Photos, reports and other files ({n})"), files)]
        for code, title, entries in groups:
            if not entries:
                continue
            head = QStandardItem(title.format(n=len(entries)))
            head.setData(code, GROUP_ROLE)
            head.setData(QBrush(QColor("#e8edf2")), Qt.ItemDataRole.BackgroundRole)
            head.setData(QSize(0, int(QFontMetrics(head.font()).height() * 2)), Qt.ItemDataRole.SizeHintRole)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(head.font())
            font.setBold(True)
            head.setFont(font)
            fillers = [QStandardItem() for _ in range(3)]
            for f in fillers:
                f.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.appendRow([head, *fillers])
            for entry in entries:
                head.appendRow(self._row_items(entry, thumbnails))
                self._entries[entry.key] = entry
                self._rows[entry.key] = QPersistentModelIndex(head.child(head.rowCount() - 1).index())

    def _row_items(self, entry: Entry, thumbnails: dict[int, QPixmap | None]) -> list[QStandardItem]:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = QStandardItem()
        item.setData(entry, ENTRY_ROLE)
        item.setText(self.describe(entry))
        item.setToolTip(self.tooltip(entry))
        self._apply_thumbnail(item, entry, thumbnails.get(entry.thumbnail_id, NOT_LOADED)
                              if entry.thumbnail_id is not None else None)
        label = QStandardItem()
        key = QStandardItem()
        warn = QStandardItem()
        for it in (item, label, key, warn):
            it.setFlags(flags)
        label.setFlags(flags | Qt.ItemFlag.ItemIsEditable)
        self._apply_label(label, entry)
        self._apply_key(key, entry)
        if entry.warnings:
            warn.setIcon(self._warning)
            warn.setToolTip(warnings_tooltip(entry.warnings))
            warn.setData(self.tr("Warning"), Qt.ItemDataRole.AccessibleTextRole)
        return [item, label, key, warn]

    def describe(self, entry: Entry) -> str:
        date = entry.taken_on.isoformat() if entry.taken_on else self.tr("no date")
        if entry.is_series:
            head = " · ".join(x for x in (entry.modality, entry.name or self.tr("(no description)")) if x)
            return f"{head}\n{date} · " + self.tr("{n} images").format(n=entry.count)
        parts = [kind_name(entry.kind)]
        if entry.kind == "dicom" and entry.modality:
            parts.append(entry.modality)
        parts += [date, human_size(entry.size)]
        return f"{entry.name}\n" + " · ".join(parts)

    def tooltip(self, entry: Entry) -> str:
        text = self.describe(entry)
        if entry.warnings:
            text += "\n\n" + warnings_tooltip(entry.warnings)
        return text

    def _apply_label(self, item: QStandardItem, entry: Entry) -> None:
        item.setData(entry.label, CODE_ROLE)
        item.setText(label_names().get(entry.label, entry.label))

    def _apply_key(self, item: QStandardItem, entry: Entry) -> None:
        item.setIcon(self._star_on if entry.is_key else self._star_off)
        item.setData(entry.is_key, Qt.ItemDataRole.UserRole)
        text = self.tr("Key item for the meeting") if entry.is_key else self.tr("Not a key item")
        hint = self.tr("Space or click: mark or unmark as a key item for the meeting") if self.editable else ""
        item.setToolTip(f"{text}\n{hint}".strip())
        item.setData(text, Qt.ItemDataRole.AccessibleTextRole)

    def _apply_thumbnail(self, item: QStandardItem, entry: Entry, thumb) -> None:
        if entry.kind == "pdf":
            item.setIcon(self._pdf)
            item.setData("none", THUMB_STATE_ROLE)
        elif entry.thumbnail_id is None:
            item.setIcon(self._file)
            item.setData("none", THUMB_STATE_ROLE)
        elif thumb is NOT_LOADED:  # not asked for yet, or on its way
            item.setIcon(self._placeholder)
            item.setData("pending", THUMB_STATE_ROLE)
        elif thumb is None:  # the file has no picture to show
            item.setIcon(self._no_picture if entry.kind in ("series", "dicom") else self._file)
            item.setData("none", THUMB_STATE_ROLE)
        else:
            item.setIcon(tile_icon(thumb))
            item.setData("shown", THUMB_STATE_ROLE)

    # -- reading -------------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def entry(self, key: str) -> Entry | None:
        return self._entries.get(key)

    def entry_at(self, index: QModelIndex) -> Entry | None:
        if not index.isValid():
            return None
        value = index.siblingAtColumn(COL_ITEM).data(ENTRY_ROLE)
        return value if isinstance(value, Entry) else None

    def index_of(self, key: str, column: int = COL_ITEM) -> QModelIndex:
        row = self._rows.get(key)
        if row is None or not row.isValid():
            return QModelIndex()
        return QModelIndex(row).siblingAtColumn(column)

    def thumbnail_state(self, key: str) -> str:
        return self.index_of(key).data(THUMB_STATE_ROLE) or ""

    def pending_thumbnails(self) -> list[int]:
        """Attachment ids whose preview is still to be fetched, in the order the rows are shown."""
        ids = []
        for key, entry in self._entries.items():
            if self.thumbnail_state(key) == "pending" and entry.thumbnail_id not in ids:
                ids.append(entry.thumbnail_id)
        return ids

    # -- changing ------------------------------------------------------------------------------

    def set_thumbnail(self, attachment_id: int, thumb: QPixmap | None) -> None:
        for key, entry in self._entries.items():
            if entry.thumbnail_id == attachment_id:
                self._apply_thumbnail(self.itemFromIndex(self.index_of(key)), entry, thumb)

    def replace_entry(self, entry: Entry) -> None:
        """Show a changed label or key state at once (before the service has answered)."""
        if entry.key not in self._entries:
            return
        self._entries[entry.key] = entry
        self.itemFromIndex(self.index_of(entry.key)).setData(entry, ENTRY_ROLE)
        self._apply_label(self.itemFromIndex(self.index_of(entry.key, COL_LABEL)), entry)
        self._apply_key(self.itemFromIndex(self.index_of(entry.key, COL_KEY)), entry)

    def with_key(self, entry: Entry, is_key: bool) -> Entry:
        return replace(entry, key_ids=entry.attachment_ids if is_key else ())

    def with_label(self, entry: Entry, code: str) -> Entry:
        return replace(entry, label=code)


def tile_icon(pixmap: QPixmap) -> QIcon:
    """The same picture whether the row is selected or not (Qt would tint a selected preview)."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


def thumbnail_pixmap(png: bytes | None) -> QPixmap | None:
    if not png:
        return None
    image = QImage.fromData(png, "PNG")
    return None if image.isNull() else icons.fit_tile(image, TILE)
