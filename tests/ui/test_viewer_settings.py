"""The memory for decoded images: set in the settings dialog (0 = automatic), used by the next viewer."""

from viewer_helpers import attach_series, open_viewer

from app.config import load_settings
from app.imaging.byte_cache import MB, default_cap, shared_cache
from ui.settings_dialog import SettingsDialog


def test_the_image_memory_setting_caps_the_shared_cache(qtbot, ui_session, tmp_path):
    data_dir = ui_session.data_dir
    dialog = SettingsDialog(data_dir)
    qtbot.addWidget(dialog)
    assert dialog.image_cache.value() == 0 and "MB" in dialog.image_cache.specialValueText()
    dialog.image_cache.setValue(512)
    dialog.accept()
    assert load_settings(data_dir)["image_cache_mb"] == 512
    try:
        case_id, ids = attach_series(ui_session, tmp_path, n=3)
        open_viewer(qtbot, ui_session, case_id, ids)
        assert shared_cache().cap == 512 * MB
    finally:
        shared_cache().set_cap(default_cap())
