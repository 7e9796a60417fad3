"""Settings of this installation: the language (from the next start) and the font size (at once)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import DataDir, load_settings, save_settings
from ui.geometry import GeometryStore
from ui.i18n import LANGUAGE_NAMES, normalise_language
from ui.look import MAX_FONT_PT, MIN_FONT_PT, apply_app_font, clamp_font_pt
from ui.widgets.heading import Heading

GEOMETRY_KEY = "settings_dialog"


class SettingsDialog(QDialog):
    def __init__(self, data_dir: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._data_dir = data_dir
        self._store = GeometryStore(data_dir)
        self._settings = load_settings(data_dir)
        self._initial_language = normalise_language(self._settings.get("language"))
        self._initial_font_pt = clamp_font_pt(self._settings.get("ui_font_pt"))

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._initial_language)))
        self.language_note = QLabel(self.tr("A new language is used from the next start of MDT Desk."))
        self.language_note.setObjectName("hint")
        self.language_note.setWordWrap(True)

        self.font_pt = QSpinBox()
        self.font_pt.setObjectName("fontSize")
        self.font_pt.setRange(MIN_FONT_PT, MAX_FONT_PT)
        self.font_pt.setSuffix(self.tr(" pt"))
        self.font_pt.setValue(self._initial_font_pt)
        font_note = QLabel(self.tr("Larger text for the projector in the meeting room; applied at once."))
        font_note.setObjectName("hint")
        font_note.setWordWrap(True)

        from app.imaging.byte_cache import MB, default_cap

        self.image_cache = QSpinBox()
        self.image_cache.setObjectName("imageCacheMb")
        self.image_cache.setRange(0, 16 * 1024)
        self.image_cache.setSingleStep(128)
        self.image_cache.setSuffix(self.tr(" MB"))
        self.image_cache.setSpecialValueText(self.tr("Automatic ({mb} MB)").format(mb=default_cap() // MB))
        self.image_cache.setValue(max(0, int(self._settings.get("image_cache_mb") or 0)))
        cache_note = QLabel(self.tr("Memory for decoded images in the viewer; more keeps long series ready, less "
                                    "suits an old PC. Applied when a viewer opens."))
        cache_note.setObjectName("hint")
        cache_note.setWordWrap(True)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Text size"), self.font_pt)
        form.addRow("", font_note)
        form.addRow(self.tr("Image memory"), self.image_cache)
        form.addRow("", cache_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(Heading(self.tr("Settings")))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("病") * 30)
        self._store.restore(self, GEOMETRY_KEY)

        self.font_pt.valueChanged.connect(self._preview_font)

    def _preview_font(self, value: int) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_app_font(app, value)

    def language_changed(self) -> bool:
        return self.language.currentData() != self._initial_language

    def accept(self) -> None:
        settings = load_settings(self._data_dir)  # re-read: keep whatever else changed meanwhile
        settings["language"] = self.language.currentData()
        settings["ui_font_pt"] = self.font_pt.value()
        settings["image_cache_mb"] = self.image_cache.value()
        save_settings(self._data_dir, settings)
        self._store.save(self, GEOMETRY_KEY)
        super().accept()

    def reject(self) -> None:
        if self.font_pt.value() != self._initial_font_pt:
            self._preview_font(self._initial_font_pt)  # back to the saved size
        self._store.save(self, GEOMETRY_KEY)
        super().reject()
