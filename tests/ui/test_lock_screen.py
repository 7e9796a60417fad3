"""The idle auto-lock as a person meets it: every window covered, the password unlocks, another user
logging in ends the session with nothing typed lost."""

import pytest
import ui_data
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from test_case_editor_support import fake_panel, type_into

from app.services.audit_query import AuditFilter
from ui.about_dialog import AboutDialog
from ui.cases.editor.autosave import ENTITY
from ui.lock.session_lock import SessionLock
from ui.main_window import MainWindow

FIXTURES = (fake_panel,)
HISTORY = "咳嗽3月，CT示右肺上叶肿物"


@pytest.fixture
def window(qtbot, ui_session):
    w = MainWindow(ui_session)
    qtbot.addWidget(w, before_close_func=lambda win: [e.close_now() for e in win.editors()])
    w.show()
    qtbot.waitUntil(lambda: w.view("cases").is_loaded, timeout=10_000)
    return w


@pytest.fixture
def lock(qtbot, window):
    """Locks after 300 ms without input (checked every 50 ms)."""
    lock = SessionLock(window, window.session, 10, idle_ms=300, check_ms=50)
    yield lock
    lock.stop()
    if lock.screen is not None:
        lock.screen.finish()


def covered(window) -> bool:
    """What a person would see: a curtain over the whole window, above everything in it."""
    curtains = [c for c in window.findChildren(QWidget, "lockCurtain") if c.parentWidget() is window]
    if not curtains or not curtains[0].isVisible() or curtains[0].geometry() != window.rect():
        return False
    hit = window.childAt(QPoint(window.width() // 2, window.height() // 2))
    while hit is not None and hit is not curtains[0]:
        hit = hit.parentWidget()
    return hit is curtains[0]


def test_idle_time_locks_every_window_and_hides_the_patients(qtbot, window, lock, tmp_path):
    about = window.open_about()
    qtbot.waitUntil(lambda: lock.locked, timeout=5_000)
    assert covered(window) and covered(about)
    assert lock.screen.isVisible() and lock.screen.isModal()
    assert lock.screen.username.text() == "admin" and lock.screen.username.isReadOnly()
    window.grab().save(str(tmp_path / "locked_main.png"))
    lock.screen.grab().save(str(tmp_path / "lock_screen.png"))
    # Nothing of the case list can be read on the covered window's picture: all but the "locked" line is
    # the curtain's colour.
    image = window.grab().toImage()
    samples = [image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)]
    background = max(set(samples), key=samples.count)
    assert samples.count(background) / len(samples) > 0.99


def test_the_right_password_unlocks_a_wrong_one_does_not(qtbot, window, lock):
    lock.lock()
    screen = lock.screen
    qtbot.keyClicks(screen.password, "wrong-password1")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=10_000)
    assert screen.error.text() == "用户名或密码错误。" and lock.locked and covered(window)
    qtbot.keyClicks(screen.password, ui_data.ADMIN[1])
    with qtbot.waitSignal(lock.lockedChanged, timeout=10_000):
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not lock.locked and not covered(window)
    audit, admin = window.session.ctx.audit_query, window.session.actor
    newest = audit.rows(admin, audit.ids(admin, AuditFilter())[:2])
    assert [e.action for e in newest] == ["unlock", "unlock_failed"]


def test_escape_does_not_uncover_and_a_window_opened_while_locked_is_covered(qtbot, window, lock):
    lock.lock()
    qtbot.keyClick(lock.screen, Qt.Key.Key_Escape)
    lock.screen.close()
    assert lock.screen.isVisible() and covered(window)
    late = AboutDialog(window.session.data_dir, "", "", window)  # e.g. an answer arriving meanwhile
    qtbot.addWidget(late)
    late.show()
    assert covered(late)


def test_another_user_logging_in_keeps_the_typed_text_and_ends_the_session(qtbot, window, lock, ui_session):
    case_id = ui_session.ctx.case_records.id_of("MDT2026-0003")
    editor = window.open_case(case_id)
    qtbot.waitUntil(lambda: editor.baseline is not None, timeout=10_000)
    type_into(qtbot, editor.clinical.history, HISTORY)
    lock.lock()
    screen = lock.screen
    screen.other_button.click()
    assert not screen.username.isReadOnly() and screen.username.text() == ""
    qtbot.keyClicks(screen.username, ui_data.DOCTOR[0])
    qtbot.keyClicks(screen.password, ui_data.DOCTOR[1])
    with qtbot.waitSignal(lock.handedOver, timeout=10_000):
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible() and lock.screen is None, timeout=10_000)
    assert window.logging_out and lock.next_actor.username == ui_data.DOCTOR[0]
    assert _deleted(editor) or not editor.isVisible()
    qtbot.waitUntil(lambda: ui_session.ctx.drafts.load(ui_session.actor, ENTITY, case_id) is not None,
                    timeout=10_000)
    assert ui_session.ctx.drafts.load(ui_session.actor, ENTITY, case_id)["fields"]["history"] == HISTORY


def _deleted(widget) -> bool:
    import shiboken6

    return not shiboken6.isValid(widget)
