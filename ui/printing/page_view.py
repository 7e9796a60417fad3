"""The pages of one document, one below the other, zoomable; what is shown is what will be printed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
RENDER_DPI = 144  # pages are rendered once at this resolution; zooming only scales them
SCREEN_DPI = 96


class PageView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Up/Down scroll the pages
        self._zoom = ZOOMS.index(0.75)  # a whole A4 page width fits the window
        self._images: list[QImage] = []
        self._holder = QWidget()
        self._holder.setObjectName("pageHolder")
        self._column = QVBoxLayout(self._holder)
        self._column.setSpacing(12)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._holder)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(self.message)

    def show_message(self, text: str) -> None:
        self._images = []
        self._clear()
        self.message.setText(text)
        self.message.show()

    def show_pages(self, images: list[QImage]) -> None:
        self._images = images
        self.message.hide()
        self._layout_pages()

    def images(self) -> list[QImage]:
        return list(self._images)

    def page_labels(self) -> list[QLabel]:
        return self._holder.findChildren(QLabel, "page")

    def zoom(self) -> float:
        return ZOOMS[self._zoom]

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom - 1)

    def _set_zoom(self, index: int) -> None:
        self._zoom = max(0, min(len(ZOOMS) - 1, index))
        self._layout_pages()

    def _clear(self) -> None:
        for label in self.page_labels():
            label.deleteLater()
            label.setParent(None)

    def _layout_pages(self) -> None:
        self._clear()
        ratio = self.devicePixelRatioF()
        for image in self._images:
            scaled = image.scaledToWidth(int(image.width() * self.zoom() * ratio * SCREEN_DPI / RENDER_DPI),
                                         Qt.TransformationMode.SmoothTransformation)
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName("page")
            label.setPixmap(pixmap)
            label.setStyleSheet("background: white; border: 1px solid #999;")
            self._column.addWidget(label)
