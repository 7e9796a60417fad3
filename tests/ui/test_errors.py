"""The error funnel: AppErrors in the user's language, everything else with a traceback, no modal in tests."""

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from app.errors import AuthenticationError, DataDirError
from app.i18n import QT_TRANSLATE_NOOP
from ui import errors


def test_app_error_is_shown_in_chinese_with_its_details():
    exc = DataDirError(QT_TRANSLATE_NOOP("errors", "MDT Desk is already running with this data folder "
                                         "({owner}). Close the other window first, then try again."),
                       details="/srv/mdt", owner="PC-01 pid 42")
    errors.show_error(exc)
    [report] = errors.take_recorded()
    assert report.message == "多学科诊疗工作台已在使用此数据文件夹（PC-01 pid 42）。请先关闭另一个窗口，然后重试。"
    assert report.details == "/srv/mdt"
    assert report.title == "多学科诊疗工作台"


def test_unexpected_error_gets_the_generic_sentence_and_the_traceback():
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as exc:
        with pytest.raises(RuntimeError):
            errors.show_error(exc)  # test mode: re-raised so the test fails
    [report] = errors.take_recorded()
    assert report.message.startswith("发生了意外错误")
    assert "RuntimeError: disk on fire" in report.details and "Traceback" in report.details


def test_error_dialog_shows_message_details_and_copies_them(qtbot, qapp):
    box = errors.make_error_dialog(None, "标题", "用户名或密码错误。", "trace line")
    qtbot.addWidget(box)
    box.show()
    assert box.text() == "用户名或密码错误。"
    assert box.detailedText() == "trace line"
    copy = next(b for b in box.buttons() if b.objectName() == "copyButton")
    assert copy.text() == "复制"
    copy.click()
    assert box.isVisible()  # copying does not close the box
    assert "用户名或密码错误。" in qapp.clipboard().text() and "trace line" in qapp.clipboard().text()
    assert copy.text() == "已复制"
    box.button(QMessageBox.StandardButton.Close).click()
    assert not box.isVisible()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_exception_in_any_thread_reaches_the_funnel_on_the_gui_thread(qtbot):
    errors.install()
    try:
        t = threading.Thread(target=lambda: (_ for _ in ()).throw(
            AuthenticationError("This account is disabled. Ask the administrator.")))
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(errors.recorded()))
    finally:
        errors.uninstall()
    [report] = errors.take_recorded()
    assert report.message == "此账号已停用，请联系管理员。"
