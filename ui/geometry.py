"""Windows and dialogs remember where they were (stored in the data dir's ui.ini, not the registry)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from app.config import DataDir

UI_INI = "ui.ini"


def ui_settings(data_dir: DataDir) -> QSettings:
    return QSettings(str(data_dir.root / UI_INI), QSettings.Format.IniFormat)


class GeometryStore:
    """Saves and restores widget geometry under a key; a store without a data dir does nothing."""

    def __init__(self, data_dir: DataDir | None) -> None:
        self._data_dir = data_dir

    def settings(self) -> QSettings | None:
        return ui_settings(self._data_dir) if self._data_dir is not None else None

    def restore(self, widget: QWidget, key: str) -> bool:
        s = self.settings()
        if s is None:
            return False
        value = s.value(f"geometry/{key}")
        if isinstance(value, QByteArray) and not value.isEmpty():
            return widget.restoreGeometry(value)
        return False

    def save(self, widget: QWidget, key: str) -> None:
        s = self.settings()
        if s is None:
            return
        s.setValue(f"geometry/{key}", widget.saveGeometry())
        s.sync()

    def value(self, key: str, default: str = "") -> str:
        s = self.settings()
        if s is None:
            return default
        v = s.value(key, default)
        return v if isinstance(v, str) else default

    def set_value(self, key: str, value: str) -> None:
        s = self.settings()
        if s is not None:
            s.setValue(key, value)
            s.sync()
