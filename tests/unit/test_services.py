"""Service rules a user or an auditor would notice: login, lockout, permissions, audit trail, workflow."""

import sqlite3

import pytest

from app.errors import AuthenticationError, ConflictError, PermissionDenied, ValidationError
from app.services.integrity import check_data_dir
from db.models import AuditEvent, Case, Team


def test_login_succeeds_and_is_audited(ctx):
    actor = ctx.auth.login("admin", "Admin2026!")
    assert actor.role == "admin" and actor.display_name == "管理员"
    with ctx.db.read() as s:
        last = s.query(AuditEvent).order_by(AuditEvent.id.desc()).first()
    assert (last.action, last.user_id) == ("login", actor.user_id)


def test_five_wrong_passwords_lock_the_account(ctx):
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            ctx.auth.login("admin", "wrong-password")
    with pytest.raises(AuthenticationError) as err:
        ctx.auth.login("admin", "Admin2026!")  # right password, still locked
    assert "locked" in str(err.value)
    with ctx.db.read() as s:
        failures = s.query(AuditEvent).filter(AuditEvent.action == "login_failed").count()
    assert failures == 6


def test_unknown_user_and_wrong_password_give_the_same_message(ctx):
    with pytest.raises(AuthenticationError) as a:
        ctx.auth.login("nobody", "x")
    with pytest.raises(AuthenticationError) as b:
        ctx.auth.login("admin", "x")
    assert str(a.value) == str(b.value)


def test_initialising_twice_is_refused(ctx):
    with pytest.raises(ConflictError):
        ctx.setup.initialise("另一家医院", "root", "Another2026!")
    assert ctx.setup.info().name == "测试县人民医院"


def test_weak_passwords_are_refused_with_a_reason(ctx, admin):
    with pytest.raises(ValidationError) as err:
        ctx.users.create(admin, "li", "李医生", "physician", "short")
    assert "at least 8" in str(err.value)


def test_a_viewer_cannot_register_patients(ctx, admin):
    ctx.users.create(admin, "guest", "访客", "viewer", "Viewer2026!", must_change_password=False)
    viewer = ctx.auth.login("guest", "Viewer2026!")
    with pytest.raises(PermissionDenied):
        ctx.patients.create(viewer, name="王五", sex="M")
    assert ctx.patients.search(admin, "") == []


def test_invalid_id_number_and_future_birth_date_are_caught(ctx, admin):
    from datetime import date, timedelta

    with pytest.raises(ValidationError) as err:
        ctx.patients.create(admin, name="王五", sex="M", id_number="110101199003071234")
    assert err.value.field == "id_number"
    with pytest.raises(ValidationError) as err:
        ctx.patients.create(admin, name="王五", sex="M", birth_date=date.today() + timedelta(days=1))
    assert err.value.field == "birth_date"


def test_search_by_pinyin_initials_full_pinyin_and_numbers(ctx, admin):
    ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY100")
    ctx.patients.create(admin, name="李四", sex="F", hospital_number="ZY200")
    assert [p.name for p in ctx.patients.search(admin, "zs")] == ["张三"]
    assert [p.name for p in ctx.patients.search(admin, "zhangsan")] == ["张三"]
    assert [p.name for p in ctx.patients.search(admin, "ZY2")] == ["李四"]
    assert [p.name for p in ctx.patients.search(admin, "李")] == ["李四"]


def _make_case(ctx, admin, status="draft"):
    p = ctx.patients.create(admin, name="赵六", sex="M", hospital_number="ZY300")
    with ctx.db.session() as s:
        team = Team(name="肺癌MDT")
        s.add(team)
        s.flush()
        c = Case(case_no="MDT-2026-0001", patient_id=p.id, team_id=team.id, status=status, question="手术还是放化疗？")
        s.add(c)
        s.flush()
        return c.id


def test_workflow_transitions_are_checked_and_recorded(ctx, admin):
    from app.services.cases import CaseQuery

    case_id = _make_case(ctx, admin)
    ctx.cases.transition(admin, case_id, "submitted", note="资料齐全")
    with pytest.raises(ValidationError):
        ctx.cases.transition(admin, case_id, "signed")
    with pytest.raises(PermissionDenied):  # a viewer may look, not approve
        ctx.cases.transition(_viewer(ctx, admin), case_id, "approved")
    ids = ctx.cases.search_ids(admin, CaseQuery(text="zl"))
    rows = ctx.cases.rows(admin, ids)
    assert [(r.case_no, r.status, r.patient_name) for r in rows] == [("MDT-2026-0001", "submitted", "赵六")]
    with ctx.db.read() as s:
        events = s.query(AuditEvent).filter(AuditEvent.action == "status").all()
    assert [(e.old, e.new, e.note) for e in events] == [({"status": "draft"}, {"status": "submitted"}, "资料齐全")]


def _viewer(ctx, admin):
    ctx.users.create(admin, "viewer1", "查看者", "viewer", "Viewer2026!", must_change_password=False)
    return ctx.auth.login("viewer1", "Viewer2026!")


def test_every_mutation_leaves_an_audit_event_and_the_chain_verifies(ctx, admin):
    ctx.patients.create(admin, name="孙七", sex="F")
    ctx.users.create(admin, "doc", "周医生", "physician", "Doctor2026!")
    with ctx.db.read() as s:
        actions = [(e.action, e.entity) for e in s.query(AuditEvent).order_by(AuditEvent.id)]
    assert ("create", "patient") in actions and ("create", "user") in actions
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok


@pytest.mark.parametrize("tamper", ["edit", "delete", "reorder"])
def test_check_finds_tampering_with_the_audit_trail_and_says_where(ctx, admin, tamper):
    for name in ("甲", "乙", "丙"):
        ctx.patients.create(admin, name=name, sex="M")
    ctx.close()
    con = sqlite3.connect(ctx.data_dir.db_path)
    ids = [r[0] for r in con.execute("SELECT id FROM audit_events ORDER BY id")]
    victim = ids[3]
    if tamper == "edit":
        con.execute("UPDATE audit_events SET new='{\"name\": \"假名\"}' WHERE id=?", (victim,))
    elif tamper == "delete":
        con.execute("DELETE FROM audit_events WHERE id=?", (victim,))
    else:
        con.execute("UPDATE audit_events SET id=-1 WHERE id=?", (ids[4],))
        con.execute("UPDATE audit_events SET id=? WHERE id=?", (ids[4], ids[3]))
        con.execute("UPDATE audit_events SET id=? WHERE id=-1", (ids[3],))
    con.commit()
    con.close()
    report = check_data_dir(ctx.data_dir)
    assert not report.ok
    assert all(p.area == "audit" for p in report.problems)
    assert any(p.ref in {str(victim), str(ids[4])} for p in report.problems)


def test_a_stored_file_missing_or_altered_is_reported(ctx, admin, tmp_path):
    import os
    import stat

    case_id = _make_case(ctx, admin)
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.4 test report")
    ctx.attachments.add_file(admin, case_id, f, label="report")
    g = tmp_path / "photo.png"
    g.write_bytes(b"\x89PNG fake but stored byte-exact")
    ctx.attachments.add_file(admin, case_id, g, label="pathology")
    ctx.close()
    blob_files = sorted(p for p in ctx.data_dir.blobs.rglob("*") if p.is_file())
    os.chmod(blob_files[0], stat.S_IWUSR | stat.S_IRUSR)
    assert len(blob_files) == 2
    blob_files[0].write_bytes(b"altered")
    blob_files[1].unlink()
    report = check_data_dir(ctx.data_dir)
    messages = sorted(p.message for p in report.problems)
    assert not report.ok
    assert any("does not match" in m for m in messages) and any("missing" in m for m in messages)
