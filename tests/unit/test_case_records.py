"""Creating, editing and submitting MDT applications; drafts that survive a killed process."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from app.errors import ConflictError, ValidationError
from db.models import AuditEvent


@pytest.fixture
def patient(ctx, admin):
    return ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001")


def test_a_new_case_gets_a_number_a_draft_status_and_a_timeline(ctx, admin, patient):
    d = ctx.case_records.create(admin, patient.id, tumour_type="lung", question="手术还是同步放化疗？")
    d2 = ctx.case_records.create(admin, patient.id, tumour_type="lung")
    assert d.case_no.endswith("-0001") and d2.case_no.endswith("-0002")
    assert d.status == "draft" and [e.to_status for e in d.timeline] == ["draft"]
    assert d.fields["question"] == "手术还是同步放化疗？"
    assert ctx.case_records.id_of(d.case_no.lower()) == d.id


@pytest.mark.parametrize("field,value,words", [
    ("ecog", 7, "0 to 5"), ("kps", 55, "steps of 10"), ("tumour_type", "brain", "from the list"),
    ("question", "x" * 3000, "too long"), ("question", "a\x00b", "control characters"),
])
def test_bad_field_values_are_refused_with_a_message(ctx, admin, patient, field, value, words):
    with pytest.raises(ValidationError) as err:
        ctx.case_records.create(admin, patient.id, **{field: value})
    assert words in str(err.value) and err.value.field == field


def test_edits_are_audited_old_to_new(ctx, admin, patient):
    d = ctx.case_records.create(admin, patient.id, tumour_type="gastric", ecog=1)
    ctx.case_records.update(admin, d.id, ecog=2, question="是否行新辅助化疗？")
    with ctx.db.read() as s:
        ev = s.query(AuditEvent).filter_by(action="update", entity="case").one()
    assert ev.old == {"ecog": 1, "question": ""} and ev.new == {"ecog": 2, "question": "是否行新辅助化疗？"}


def test_a_concurrent_save_is_not_silently_overwritten(ctx, admin, patient):
    d = ctx.case_records.create(admin, patient.id, tumour_type="lung")
    ctx.case_records.update(admin, d.id, history="第一次保存")
    with pytest.raises(ConflictError):
        ctx.case_records.update(admin, d.id, expected_updated_at=d.updated_at, history="旧窗口的内容")
    assert ctx.case_records.get(admin, d.id).fields["history"] == "第一次保存"


def test_an_incomplete_case_is_submitted_only_with_a_reason(ctx, admin, patient):
    d = ctx.case_records.create(admin, patient.id, tumour_type="lung", question="下一步治疗？")
    with pytest.raises(ValidationError) as err:
        ctx.case_records.submit(admin, d.id)
    assert "not complete" in str(err.value)
    assert ctx.case_records.get(admin, d.id).status == "draft"
    ctx.case_records.submit(admin, d.id, override_reason="患者病情急，病理结果会前补充")
    after = ctx.case_records.get(admin, d.id)
    assert after.status == "submitted"
    assert after.timeline[-1].note == "患者病情急，病理结果会前补充"
    assert after.fields["readiness_override_reason"] == "患者病情急，病理结果会前补充"


def test_a_draft_survives_a_killed_process(ctx, admin, patient, data_dir):
    """The editor autosaves every few seconds; whatever was saved before SIGKILL is there afterwards."""
    d = ctx.case_records.create(admin, patient.id, tumour_type="lung")
    ctx.close()
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from app.config import DataDir
        from app.context import open_context
        ctx = open_context(DataDir(Path({str(data_dir.root)!r})))
        actor = ctx.auth.login("admin", "Admin2026!")
        for i in range(1, 100000):
            ctx.drafts.save(actor, "case", {d.id}, {{"history": "病史" * i}})
            print(i, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=os.getcwd())
    last = 0
    for line in proc.stdout:
        last = int(line)
        if last >= 30:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    from app.context import open_context

    c = open_context(data_dir)
    try:
        actor = c.auth.login("admin", "Admin2026!")
        assert ("case", d.id) in c.drafts.pending(actor)
        saved = c.drafts.load(actor, "case", d.id)
        assert len(saved["history"]) >= 2 * last  # every save reported before the kill is there
    finally:
        c.close()


def test_long_text_fields_keep_line_breaks(ctx, admin, patient):
    d = ctx.case_records.create(admin, patient.id, history="2026-10 咳嗽\r\n2026-11 CT示右肺占位")
    assert d.fields["history"] == "2026-10 咳嗽\n2026-11 CT示右肺占位"
    with pytest.raises(ValidationError):
        ctx.case_records.create(admin, patient.id, primary_site="右肺\n上叶")
