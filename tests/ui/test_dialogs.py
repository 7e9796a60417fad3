"""Settings (language saved for next start, font size at once) and About."""

import json

import pytest
from PySide6.QtWidgets import QApplication

import app
from app.config import DataDir, load_settings
from ui.about_dialog import AboutDialog
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def settings_dialog(qtbot, tmp_path):
    data_dir = DataDir(tmp_path / "d")
    dialog = SettingsDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    yield data_dir, dialog
    QApplication.instance().font().pointSize() != 11 and dialog._preview_font(11)


def test_switching_language_is_saved_for_the_next_start(settings_dialog):
    data_dir, dialog = settings_dialog
    assert dialog.language.currentData() == "zh_CN"
    assert dialog.language_note.text() == "更改的语言将在下次启动多学科诊疗工作台时生效。"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_changed()
    dialog.accept()
    saved = json.loads(data_dir.settings_path.read_text(encoding="utf-8"))
    assert saved["language"] == "en"
    assert load_settings(data_dir)["language"] == "en"


def test_font_size_applies_at_once_and_is_saved(settings_dialog):
    data_dir, dialog = settings_dialog
    dialog.font_pt.setValue(20)
    assert QApplication.instance().font().pointSize() == 20
    assert QApplication.instance().font().family() == "WenQuanYi Micro Hei"
    dialog.accept()
    assert load_settings(data_dir)["ui_font_pt"] == 20
    dialog._preview_font(11)


def test_cancel_puts_the_font_back(settings_dialog):
    data_dir, dialog = settings_dialog
    dialog.font_pt.setValue(24)
    dialog.reject()
    assert QApplication.instance().font().pointSize() == 11
    assert not data_dir.settings_path.exists()


def test_font_size_is_limited_to_the_projector_range(settings_dialog):
    _, dialog = settings_dialog
    assert (dialog.font_pt.minimum(), dialog.font_pt.maximum()) == (9, 28)


def test_about_names_version_data_folder_schema_and_licences(qtbot, tmp_path):
    dialog = AboutDialog(DataDir(tmp_path / "d"), "0001", "测试县人民医院")
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.version)))
    assert dialog.windowTitle() == "关于多学科诊疗工作台"
    for expected in ("多学科诊疗工作台", "MDT Desk", app.__version__, str(tmp_path / "d"), "0001",
                     "WenQuanYi Micro Hei", "Apache-2.0", "LGPL-3.0", "SQLAlchemy", "MIT", "ReportLab", "BSD",
                     "pydicom", "Pillow", "HPND"):
        assert expected in texts, expected
