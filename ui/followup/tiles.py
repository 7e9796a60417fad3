"""A count tile above the lists: how many items, how many overdue (in red); a click shows that list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.qt_compat import emit

STYLE = """
QFrame#workTile { background: #ffffff; border: 1px solid #cfd8e1; border-left: 4px solid #2f6da3;
                  border-radius: 4px; }
QFrame#workTile[overdue="true"] { border-left: 4px solid #a4001d; }
QFrame#workTile QLabel { background: transparent; border: none; }
QLabel#tileCount { color: #1c3550; }
QLabel#tileCaption { color: #40566c; }
QLabel#tileOverdue { color: #a4001d; font-weight: bold; }
QLabel#tileOverdue[none="true"] { color: #15803d; font-weight: normal; }
"""


class WorkTile(QFrame):
    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workTile")
        self.setStyleSheet(STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count = QLabel("–")
        self.count.setObjectName("tileCount")
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.count.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.overdue = QLabel("")
        self.overdue.setObjectName("tileOverdue")
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("000") + 8)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.caption)
        words.addWidget(self.overdue)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(12)
        layout.addWidget(self.count)
        layout.addLayout(words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_counts(self, total: int, overdue: int) -> None:
        self.count.setText(str(total))
        self.overdue.setText(self.tr("%1 overdue").replace("%1", str(overdue)) if overdue
                             else self.tr("None overdue"))
        self.setProperty("overdue", overdue > 0)
        self.overdue.setProperty("none", overdue == 0)
        for w in (self, self.overdue):
            w.style().unpolish(w)
            w.style().polish(w)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            emit(self.clicked)
        super().mousePressEvent(event)
