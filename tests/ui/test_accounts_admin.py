"""The admin section as the administrator uses it: new account, reset, disable, delete, account rules."""

import pytest
import shiboken6
import ui_data

from ui.admin.user_list import UserListView


@pytest.fixture
def section(qtbot, ui_session):
    view = UserListView(ui_session.ctx, ui_session.actor)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    return view


def select(view, username: str) -> None:
    row = next(i for i, u in enumerate(view.rows) if u.username == username)
    view.table.selectRow(row)


def names(view) -> list[str]:
    return [u.username for u in view.rows]


def test_a_new_account_must_change_its_password(qtbot, section, ui_session, tmp_path):
    dialog = section.new_user()  # deletes itself on close
    qtbot.keyClicks(dialog.username, "sun")
    dialog.display_name.setText("孙秘书")  # QTest has no keys for Chinese characters
    dialog.role.setCurrentIndex(dialog.role.findData("secretary"))
    qtbot.keyClicks(dialog.password, "sun")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "密码至少需要 8 个字符。" or "8" in dialog.error.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "Temp2026x")
    dialog.grab().save(str(tmp_path / "new_user.png"))
    dialog.submit()
    qtbot.waitUntil(lambda: "sun" in names(section), timeout=10_000)
    assert ui_session.ctx.auth.login("sun", "Temp2026x").must_change_password


def test_disable_and_enable_and_the_button_says_which(qtbot, section, ui_session):
    select(section, "lidoc")
    assert section.buttons["active"].text() == "停用"
    section.buttons["active"].click()
    qtbot.waitUntil(lambda: not next(u for u in section.rows if u.username == "lidoc").is_active, timeout=10_000)
    assert section.buttons["active"].text() == "启用"
    row = names(section).index("lidoc")
    assert section.table.item(row, 5).text() == "已停用" or section.table.item(row, 5).text() != "正常"
    section.buttons["active"].click()
    qtbot.waitUntil(lambda: next(u for u in section.rows if u.username == "lidoc").is_active, timeout=10_000)


def test_a_user_in_the_records_is_not_deleted_and_told_to_disable(qtbot, section, ui_session, monkeypatch):
    ui_session.ctx.auth.login(ui_data.DOCTOR[0], ui_data.DOCTOR[1])  # now lidoc appears in the audit trail
    monkeypatch.setattr(section, "confirm_delete", lambda u: True)
    select(section, "lidoc")
    section.buttons["delete"].click()
    qtbot.waitUntil(lambda: section.error.isVisible(), timeout=10_000)
    assert "停用" in section.error.text() and "李医生" in section.error.text()
    assert "lidoc" in names(section)


def test_an_unused_account_is_deleted_after_confirming(qtbot, section, ui_session, monkeypatch):
    ui_session.ctx.users.create(ui_session.actor, "typo", "打错的账户", "viewer", "Typo2026x")
    section.refresh()
    qtbot.waitUntil(lambda: "typo" in names(section), timeout=10_000)
    asked = []
    monkeypatch.setattr(section, "confirm_delete", lambda u: asked.append(u.username) or False)
    select(section, "typo")
    section.buttons["delete"].click()
    assert asked == ["typo"] and "typo" in names(section)
    monkeypatch.setattr(section, "confirm_delete", lambda u: True)
    section.buttons["delete"].click()
    qtbot.waitUntil(lambda: "typo" not in names(section), timeout=10_000)


def test_own_account_cannot_be_disabled_or_deleted_from_the_list(section):
    select(section, "admin")
    assert not section.buttons["active"].isEnabled() and not section.buttons["delete"].isEnabled()
    assert section.buttons["reset"].isEnabled()


def test_reset_password_forces_a_change(qtbot, section, ui_session):
    select(section, "lidoc")
    dialog = section.reset_password()  # deletes itself on close
    qtbot.keyClicks(dialog.password, "Reset2026x")
    dialog.submit()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10_000)
    assert ui_session.ctx.auth.login("lidoc", "Reset2026x").must_change_password


def test_account_rules_are_saved(qtbot, section, ui_session, tmp_path):
    section.buttons["rules"].click()
    qtbot.waitUntil(lambda: getattr(section, "rules_dialog", None) is not None, timeout=10_000)
    dialog = section.rules_dialog  # deletes itself on close
    assert [s.value() for s in dialog.spins.values()] == [5, 15, 10]
    dialog.spins["idle_lock_minutes"].setValue(3)
    dialog.grab().save(str(tmp_path / "rules.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert ui_session.ctx.account_settings.policy().idle_lock_minutes == 3


def test_other_roles_see_no_account_buttons(qtbot, ui_session, doctor_actor):
    view = UserListView(ui_session.ctx, doctor_actor)
    qtbot.addWidget(view)
    view.show()
    assert not any(b.isVisible() for b in view.buttons.values())
