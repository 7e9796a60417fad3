"""The admin's audit trail reader: filters, SQL sorting, CSV that Excel opens in Chinese, export audited."""

import csv
from datetime import datetime, timedelta

import pytest

from app.audit_labels import action_label, entity_label
from app.errors import PermissionDenied
from app.services.audit_query import AuditFilter
from db.base import utcnow
from db.models import AuditEvent


@pytest.fixture
def trail(ctx, admin):
    ctx.users.create(admin, "doc", "李医生", "physician", "Doctor2026!", must_change_password=False)
    doc = ctx.auth.login("doc", "Doctor2026!")
    zhang = ctx.patients.create(doc, name="张三", sex="M", hospital_number="ZY0001")
    li = ctx.patients.create(doc, name="李四", sex="F", hospital_number="ZY0002")
    case = ctx.case_records.create(doc, zhang.id, tumour_type="lung")
    ctx.case_records.update(doc, case.id, question="手术还是放化疗？")
    ctx.case_records.create(doc, li.id, tumour_type="gastric")
    return doc, zhang, case


def _events(ctx, admin, **filters):
    return ctx.audit_query.rows(admin, ctx.audit_query.ids(admin, AuditFilter(**filters)))


def test_filters_by_user_action_case_and_patient(ctx, admin, trail):
    doc, zhang, case = trail
    assert {e.username for e in _events(ctx, admin, user="doc")} == {"doc"}
    assert {e.action for e in _events(ctx, admin, action="login")} == {"login"}
    by_case = _events(ctx, admin, case_no=case.case_no)
    assert [e.action for e in by_case] == ["update", "create"] and {e.case_no for e in by_case} == {case.case_no}
    by_patient = _events(ctx, admin, patient="张三")
    assert {(e.entity, e.action) for e in by_patient} == {("patient", "create"), ("case", "create"),
                                                          ("case", "update")}
    assert _events(ctx, admin, patient="ZY0001") == by_patient
    assert _events(ctx, admin, case_no="NO-SUCH") == [] and _events(ctx, admin, patient="王五") == []


def test_date_range_and_sorting(ctx, admin, trail):
    now = utcnow()
    assert _events(ctx, admin, since=now + timedelta(minutes=1)) == []
    assert len(_events(ctx, admin, since=now - timedelta(hours=1), until=now + timedelta(hours=1))) >= 8
    newest_first = [e.id for e in _events(ctx, admin)]
    assert newest_first == sorted(newest_first, reverse=True)
    by_user = [e.username for e in _events(ctx, admin, sort="user", descending=False)]
    assert by_user == sorted(by_user)


def test_csv_has_a_bom_chinese_text_and_the_export_is_audited(ctx, admin, trail, tmp_path):
    out = tmp_path / "审计.csv"
    n = ctx.audit_query.export_csv(admin, AuditFilter(user="doc"), out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["id", "time", "user", "action"] and len(rows) == n + 1
    assert rows[0][-2:] == ["action_label", "entity_label"]
    assert all(r[-2:] == [action_label(r[3]), entity_label(r[4])] for r in rows[1:])
    assert any(r[3] == "create" and r[-2] == "Created" for r in rows[1:])  # words, not codes
    assert any("张三" in cell for r in rows for cell in r)
    assert [r[0] for r in rows[1:]] == sorted((r[0] for r in rows[1:]), key=int)  # oldest first
    last = _events(ctx, admin)[0]
    assert (last.action, last.entity, last.new["events"], last.new["filters"]) == ("export", "audit", n,
                                                                                   {"user": "doc"})


def test_only_the_admin_reads_the_trail(ctx, admin, trail, tmp_path):
    doc = trail[0]
    for call in (lambda: ctx.audit_query.ids(doc, AuditFilter()), lambda: ctx.audit_query.rows(doc, [1]),
                 lambda: ctx.audit_query.export_csv(doc, AuditFilter(), tmp_path / "x.csv")):
        with pytest.raises(PermissionDenied):
            call()
    assert not (tmp_path / "x.csv").exists()


def test_times_are_local_and_choices_list_what_occurs(ctx, admin, trail):
    e = _events(ctx, admin)[0]
    assert e.at.tzinfo is not None and abs(e.at - datetime.now().astimezone()) < timedelta(minutes=5)
    users, actions = ctx.audit_query.choices(admin)
    assert {"admin", "doc"} <= set(users) and {"login", "create", "update"} <= set(actions)
    with ctx.db.read() as s:
        assert s.query(AuditEvent).count() == len(_events(ctx, admin))
