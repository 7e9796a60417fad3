"""A code field that searches a bundled code list as you type (code, Chinese, pinyin, initials).

The code goes in the line edit, the chosen entry's Chinese name in the name field next to it (which
stays editable: the national clinical version words some titles differently).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from app.domain.codes import Code
from ui.qt_compat import emit

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
SUGGESTIONS = 30


class CodePicker(QWidget):
    """`search(text) -> list[Code]` is a pure, fast lookup (app.domain.codes) run on the GUI thread."""

    picked = Signal(str, str)  # code, Chinese name: the user chose an entry of the list

    def __init__(self, search: Callable[[str], list[Code]], code_width_chars: int = 9,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * code_width_chars + 16)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.code)
        row.addWidget(self.name, 1)

        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(CODE_ROLE)  # what goes into the line edit: the code alone
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.code)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.code.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        self.suggest(text)

    def suggest(self, text: str) -> int:
        """Fill the list for `text` and show it; returns the number of suggestions."""
        self.model.clear()
        found = self._search(text.strip())[:SUGGESTIONS] if text.strip() else []
        for entry in found:
            item = QStandardItem(f"{entry.code}　{entry.name_zh}")
            item.setData(entry.code, CODE_ROLE)
            item.setData(entry.name_zh, NAME_ROLE)
            item.setToolTip(entry.name_en)
            item.setEditable(False)
            self.model.appendRow(item)
        if found:
            popup = self.completer.popup()
            popup.setMinimumWidth(max(self.width(), popup.sizeHintForColumn(0) + 30))
            self.completer.complete()
        else:
            self.completer.popup().hide()
        return len(found)

    def _activated(self, index: QModelIndex) -> None:
        self.choose(index.row())

    def choose(self, row: int) -> None:
        """Take suggestion `row`: its code and its name."""
        item = self.model.item(row)
        if item is None:
            return
        code, name = item.data(CODE_ROLE), item.data(NAME_ROLE)
        self.code.setText(code)
        self.name.setText(name)
        self.completer.popup().hide()
        emit(self.picked, code, name)

    def suggestions(self) -> list[str]:
        return [self.model.item(r).data(CODE_ROLE) for r in range(self.model.rowCount())]

    def set_value(self, code: str, name: str) -> None:
        self.code.setText(code or "")
        self.name.setText(name or "")

    def value(self) -> tuple[str, str]:
        return self.code.text().strip(), self.name.text().strip()
