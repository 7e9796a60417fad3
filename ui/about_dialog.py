"""About: what this is, which version, where the data lives, and the licences of what ships with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

import app
from app.config import DataDir
from ui.widgets.heading import Heading

# (component, licence): everything shipped in the bundle that has its own licence terms.
LICENCES = (
    ("WenQuanYi Micro Hei 文泉驿微米黑", "Apache-2.0"),
    ("Qt 6 / PySide6", "LGPL-3.0"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("ReportLab", "BSD"),
    ("pydicom", "MIT"),
    ("Pillow", "HPND"),
)


class AboutDialog(QDialog):
    def __init__(self, data_dir: DataDir, schema_revision: str, hospital: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About MDT Desk"))
        title = Heading(f"{app.APP_NAME_ZH}  {app.APP_NAME}", scale=1.5)
        tagline = QLabel(self.tr("Multidisciplinary tumour board meetings for county hospitals, offline."))
        tagline.setWordWrap(True)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        self.version = self._value(app.__version__)
        form.addRow(self.tr("Version"), self.version)
        if hospital:
            form.addRow(self.tr("Hospital"), self._value(hospital))
        self.data_dir = self._value(str(data_dir.root))
        form.addRow(self.tr("Data folder"), self.data_dir)
        form.addRow(self.tr("Database schema"), self._value(schema_revision))

        licences = QLabel(self.tr("Included software and its licences:"))
        licence_form = QFormLayout()
        licence_form.setHorizontalSpacing(14)
        licence_form.setVerticalSpacing(4)
        for component, licence in LICENCES:
            licence_form.addRow(component, self._value(licence))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(tagline)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addWidget(licences)
        layout.addLayout(licence_form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 34)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label
