"""The interactive start without a person: dialogs' ask() and the event loop are stood in for."""

import ui_data

from app.context import open_context
from ui import errors, startup
from ui.first_run_dialog import FirstRunDialog, set_up
from ui.login_dialog import LoginDialog


class _Loop:
    """Stands in for QApplication.exec(): records the windows it would have run."""

    def __init__(self, log_out_first: bool = False) -> None:
        self.runs = 0
        self.log_out_first = log_out_first
        self.windows = []

    def exec(self) -> int:
        from PySide6.QtWidgets import QApplication

        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"
                      and w.isVisible())
        self.windows.append(window.user_label.text())
        self.runs += 1
        if self.log_out_first and self.runs == 1:
            window.log_out()
        else:
            window.close()
        return 0


def test_existing_folder_asks_for_a_login_then_shows_the_window(sample_dir, monkeypatch):
    asked = []

    def ask(ctx, hospital_name="", store=None):
        asked.append(hospital_name)
        return ctx.auth.login(ui_data.ADMIN[0], ui_data.ADMIN[1])

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(ask))
    loop = _Loop()
    assert startup.interactive(loop, sample_dir, "meetings") == 0
    assert asked == [ui_data.HOSPITAL]
    assert loop.windows == ["当前用户：王管理（管理员）"]


def test_log_out_asks_again_and_cancel_ends(sample_dir, monkeypatch):
    answers = iter([("lidoc", ui_data.DOCTOR[1]), None])

    def ask(ctx, hospital_name="", store=None):
        a = next(answers)
        return ctx.auth.login(*a) if a else None

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(ask))
    loop = _Loop(log_out_first=True)
    assert startup.interactive(loop, sample_dir) == 0
    assert loop.windows == ["当前用户：李医生（医生）"]


def test_empty_folder_runs_the_first_start_and_skips_the_login(tmp_path, monkeypatch):
    from app.config import DataDir

    data_dir = DataDir(tmp_path / "new")

    def first_run(d, ctx=None):
        outcome = set_up(d, ctx, "新县医院", "admin", "管理员", "Admin2026!", False)
        return outcome.ctx, outcome.actor

    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(first_run))
    monkeypatch.setattr(LoginDialog, "ask", staticmethod(lambda *a, **k: AssertionError("no login")))
    loop = _Loop()
    assert startup.interactive(loop, data_dir) == 0
    assert loop.windows == ["当前用户：管理员（管理员）"]
    assert data_dir.is_initialised()


def test_a_locked_folder_is_explained_and_exits_1(sample_dir):
    holder = open_context(sample_dir)  # "another MDT Desk" holds the folder
    try:
        assert startup.interactive(_Loop(), sample_dir) == 1
    finally:
        holder.close()
    [report] = errors.take_recorded()
    assert report.title == "多学科诊疗工作台无法打开数据"
    assert report.message.startswith("多学科诊疗工作台已在使用此数据文件夹")
