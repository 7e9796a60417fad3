"""Backups as a user meets them: the 7-day warning, the backup dialog, the automatic backup on exit."""

import sqlite3
import threading

import pytest
from PySide6.QtCore import QTimer
from shots import save_shot

from app.services.backup_archive import ENV_KDF_N, OperationCancelled
from ui import ops
from ui.backup.auto_backup import ExitBackup
from ui.backup.backup_dialog import BackupDialog
from ui.main_window import MainWindow
from ui.session import Session

PASS = "县医院-backup-2026"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setenv(ENV_KDF_N, "1024")


def _age_installation(data_dir, days: int) -> None:
    con = sqlite3.connect(data_dir.db_path)
    con.execute(f"UPDATE hospital_settings SET created_at = datetime('now', '-{days} days')")
    con.commit()
    con.close()


def _window(qtbot, ctx, actor):
    w = MainWindow(Session(ctx, actor, ctx.setup.info()))
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_warning_shows_after_a_week_without_a_backup_off_the_pc_and_its_button_makes_one(
        qtbot, sample_dir, sample_ctx, admin_actor, tmp_path):
    _age_installation(sample_dir, 10)
    w = _window(qtbot, sample_ctx, admin_actor)
    banner = w.backup_banner
    qtbot.waitUntil(lambda: banner.overdue is not None, timeout=10_000)
    assert banner.isVisible() and "从未备份到其他磁盘" in banner.label.text()
    assert banner.button.text() == "立即备份…"
    save_shot(w, "banner.png")

    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = banner.make_backup()
    dialog.set_folder(usb)
    dialog.set_passphrase(PASS)
    with qtbot.waitSignal(dialog.backupDone, timeout=30_000) as done:
        dialog.start()
    result = done.args[0]
    assert result.path.parent == usb and result.offsite and result.path.stat().st_size > 0
    assert "备份已写入" in dialog.status.text()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    dialog.close()


def test_no_warning_for_a_recent_installation_nor_for_a_physician(qtbot, sample_ctx, admin_actor,
                                                                   doctor_actor):
    w = _window(qtbot, sample_ctx, admin_actor)
    qtbot.waitUntil(lambda: w.backup_banner.overdue is not None, timeout=10_000)
    assert not w.backup_banner.isVisible() and w.backup_action.shortcut().toString() == "Ctrl+Shift+B"
    d = _window(qtbot, sample_ctx, doctor_actor)
    assert d.backup_banner is None and d.backup_action is None


def test_the_dialog_refuses_differing_passphrases_and_a_missing_folder(qtbot, ui_session, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = BackupDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.set_folder(usb)
    dialog.set_passphrase(PASS, PASS + "x")
    dialog.start()
    assert not dialog.is_running() and "两次输入的口令不一致" in dialog.error.text()
    dialog.set_folder(usb / "unplugged")
    dialog.set_passphrase(PASS)
    dialog.start()
    assert "U盘插好了吗" in dialog.error.text()
    assert list(usb.iterdir()) == []
    save_shot(dialog, "backup_dialog.png")


def test_cancel_leaves_no_file(qtbot, ui_session, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = BackupDialog(ui_session)
    qtbot.addWidget(dialog)
    dialog.set_folder(usb)
    dialog.set_passphrase(PASS)  # a cancel that arrives before the first byte is written
    gate = threading.Event()
    ops.run(gate.wait, None)  # holds the worker, so the cancel surely comes before the first byte
    with qtbot.waitSignal(dialog.backupDone, timeout=30_000) as done:
        dialog.start()
        dialog.cancel()
        gate.set()
    assert isinstance(done.args[0], OperationCancelled)
    assert list(usb.iterdir()) == [] and "取消" in dialog.status.text()


def test_closing_after_a_change_waits_for_the_on_exit_backup(qtbot, sample_dir, sample_ctx, admin_actor):
    w = _window(qtbot, sample_ctx, admin_actor)
    w.close_guard = guard = ExitBackup(sample_ctx.backups, w)
    sample_ctx.patients.create(admin_actor, name="新患者", sex="F")
    seen = []
    QTimer.singleShot(0, lambda: (w.close(), seen.append(w.isVisible())))  # Ctrl+Q in the running app
    qtbot.waitUntil(lambda: bool(seen) and not w.isVisible(), timeout=10_000)
    assert seen == [True]  # the close waited for the copy, made off the GUI thread
    assert guard.dialog is None
    made = [p.name for p, _at in sample_ctx.backups.local_backups()]
    assert len(made) == 1 and made[0].startswith("on_exit-")


def test_a_close_after_the_event_loop_ended_makes_the_backup_before_returning(qtbot, sample_ctx, admin_actor):
    w = _window(qtbot, sample_ctx, admin_actor)
    w.close_guard = ExitBackup(sample_ctx.backups, w)
    sample_ctx.patients.create(admin_actor, name="新患者", sex="F")
    w.close()
    assert not w.isVisible()
    assert [p.name[:8] for p, _at in sample_ctx.backups.local_backups()] == ["on_exit-"]
