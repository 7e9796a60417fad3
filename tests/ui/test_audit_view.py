"""The administrator's audit trail window: filters, SQL paging, sorting, CSV export (itself audited)."""

import sqlite3
from datetime import datetime, timedelta

import pytest
import ui_data
from PySide6.QtCore import Qt

from app.errors import AuthenticationError
from app.services.audit_query import AuditFilter
from ui.admin.audit_model import BLOCK
from ui.admin.audit_view import AuditView
from ui.admin.user_list import UserListView


@pytest.fixture
def view(qtbot, ui_session):
    ctx = ui_session.ctx
    ctx.auth.login(ui_data.DOCTOR[0], ui_data.DOCTOR[1])
    with pytest.raises(AuthenticationError):
        ctx.auth.login(ui_data.DOCTOR[0], "wrong-password1")
    v = AuditView(ctx, ui_session.actor)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() > 0 and v.user.count() > 1, timeout=10_000)
    return v


def applied(qtbot, v) -> None:
    """Apply the filter now (not after the typing delay) and wait for its rows."""
    with qtbot.waitSignal(v.model.idsLoaded, timeout=10_000):
        v.apply_filter()
    if v.model.rowCount():
        qtbot.waitUntil(lambda: v.model.event_row(0) is not None, timeout=10_000)


def shown(v, column: int) -> list[str]:
    return [v.model.index(r, column).data() for r in range(v.model.rowCount())]


def test_newest_first_with_a_count_and_chinese_labels(qtbot, view, tmp_path):
    assert view.windowTitle() == "审计日志"
    qtbot.waitUntil(lambda: view.model.event_row(0) is not None, timeout=10_000)
    assert view.model.event_row(0).action == "login_failed"
    assert view.count.text().startswith(str(view.model.rowCount()))
    view.grab().save(str(tmp_path / "audit_view.png"))


def test_filter_by_user_and_action(qtbot, view):
    view.user.setCurrentIndex(view.user.findData("lidoc"))
    applied(qtbot, view)
    assert set(shown(view, 1)) == {"lidoc"}
    view.action.setCurrentIndex(view.action.findData("login"))
    applied(qtbot, view)
    assert shown(view, 2) == ["登录"] and view.action.currentText() == "登录" and view.count.text() == "1 条记录"
    view.user.setCurrentIndex(0)
    view.action.setCurrentIndex(0)
    applied(qtbot, view)
    assert {"admin", "lidoc"} <= set(shown(view, 1))


def test_filter_by_patient_case_and_dates(qtbot, view):
    view.case_no.setText("MDT2026-0001")
    applied(qtbot, view)
    assert view.model.rowCount() == 0  # the sample's cases were made without the services: no events
    view.case_no.clear()
    view.patient.setText("张三")
    applied(qtbot, view)
    assert shown(view, 3) == [f"患者 #{view.model.event_row(0).entity_id}"]
    view.patient.clear()
    view.use_from.setChecked(True)
    view.date_from.setDate(view.date_from.date().addDays(40))  # from ten days ahead: nothing yet
    applied(qtbot, view)
    assert view.model.rowCount() == 0
    view.date_from.setDate(view.date_from.date().addDays(-50))
    view.use_to.setChecked(True)
    applied(qtbot, view)
    assert view.model.rowCount() > 0


def test_sorting_by_user_happens_in_sql(qtbot, view):
    with qtbot.waitSignal(view.model.idsLoaded, timeout=10_000):
        view.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.model.event_row(0) is not None, timeout=10_000)
    users = shown(view, 1)
    assert users == sorted(users, key=lambda u: "" if u == "-" else u)


def test_export_writes_utf8_with_bom_and_is_audited(qtbot, view, tmp_path, ui_session):
    target = tmp_path / "审计"
    view.ask_path = lambda: target
    view.export_button.click()
    qtbot.waitUntil(lambda: view.export_button.isEnabled() and bool(view.status.text()), timeout=10_000)
    out = tmp_path / "审计.csv"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "张三" in out.read_text(encoding="utf-8-sig")
    assert str(out) in view.status.text()
    audit = ui_session.ctx.audit_query
    newest = audit.rows(ui_session.actor, audit.ids(ui_session.actor, AuditFilter())[:1])[0]
    assert (newest.action, newest.entity) == ("export", "audit")


def test_many_events_are_fetched_only_where_painted(qtbot, ui_session, sample_dir):
    con = sqlite3.connect(sample_dir.db_path)
    at = datetime(2026, 1, 1)
    con.executemany(
        "INSERT INTO audit_events (at, username, action, entity, entity_id, note, prev_hash, hash) "
        "VALUES (?, 'lidoc', 'update', 'case', ?, '', '', '')",
        [((at + timedelta(seconds=i)).isoformat(" "), i) for i in range(5000)])
    con.commit()
    con.close()
    v = AuditView(ui_session.ctx, ui_session.actor)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() > 5000, timeout=10_000)
    qtbot.waitUntil(lambda: v.model.event_row(0) is not None, timeout=10_000)
    assert v.model.event_row(BLOCK * 10) is None  # not painted, not fetched


def test_the_admin_section_opens_the_audit_trail(qtbot, ui_session):
    section = UserListView(ui_session.ctx, ui_session.actor)
    qtbot.addWidget(section)
    section.buttons["audit"].click()
    qtbot.addWidget(section.audit_view)
    assert section.audit_view.isVisible()
