"""A viewer reads cases with the identity masked, in whatever the services hand out."""

import pytest

from app.security.masking import mask_digits, mask_name
from app.services.cases import CaseQuery


@pytest.fixture
def people(ctx, admin):
    ctx.users.create(admin, "guest", "访客", "viewer", "Viewer2026!", must_change_password=False)
    ctx.users.create(admin, "doc", "李医生", "physician", "Doctor2026!", must_change_password=False)
    p = ctx.patients.create(admin, name="张三丰", sex="M", id_number="110101196005010019",
                            hospital_number="ZY123456", phone="13812345678", address_detail="城关镇人民路1号")
    case = ctx.case_records.create(admin, p.id, tumour_type="lung")
    return ctx.auth.login("guest", "Viewer2026!"), ctx.auth.login("doc", "Doctor2026!"), p, case


def test_masks_look_like_the_rules():
    assert [mask_name(n) for n in ("张三丰", "张三", "欧阳春华", "李")] == ["张*丰", "张*", "欧*华", "李"]
    assert mask_digits("110101196005010019", 3, 4) == "110***********0019"
    assert mask_digits("13812345678", 3, 4) == "138****5678"


def test_the_viewer_sees_masked_patients(ctx, people):
    viewer, doctor, p, _ = people
    for row in (ctx.patients.get(viewer, p.id), ctx.patients.search(viewer, "张")[0]):
        assert row.name == "张*丰" and row.id_number == "110***********0019" and row.phone == "138****5678"
        assert row.hospital_number == "ZY****56" and "人民路" not in row.address and row.birth_date is None
    assert ctx.patients.get(doctor, p.id).name == "张三丰"


def test_the_viewer_sees_masked_cases(ctx, people):
    viewer, doctor, _, case = people
    detail = ctx.case_records.get(viewer, case.id)
    assert detail.patient.name == "张*丰" and detail.patient.id_number.startswith("110*")
    ids = ctx.cases.search_ids(viewer, CaseQuery())
    row = ctx.cases.rows(viewer, ids)[0]
    assert (row.patient_name, row.hospital_number) == ("张*丰", "ZY****56")
    assert row.patient_age is not None  # age and sex stay: the board needs them, they do not identify
    assert ctx.cases.rows(doctor, ids)[0].patient_name == "张三丰"


def test_the_viewer_sees_masked_names_in_meetings_and_waiting_lists(ctx, admin, people):
    from datetime import datetime, timedelta

    viewer, doctor, _, case = people
    team = ctx.teams.create(admin, "肺癌MDT", ["lung"])
    ctx.case_records.update(admin, case.id, team_id=team.id)
    ctx.case_records.submit(admin, case.id, override_reason="测试")
    assert [c.patient_name for c in ctx.agenda.waiting(viewer, team.id)] == ["张*丰"]
    assert ctx.agenda.waiting(doctor, team.id)[0].patient_name == "张三丰"
    m = ctx.meetings.schedule(admin, team.id, datetime.now() + timedelta(days=1))
    ctx.agenda.add(admin, m.id, case.id)
    assert [i.patient_name for i in ctx.meetings.get(viewer, m.id).agenda] == ["张*丰"]
    assert [i.item.patient_name for i in ctx.meetings.record(viewer, m.id).items] == ["张*丰"]
    assert ctx.agenda.case_history(viewer, case.id)[0].patient_name == "张*丰"
    assert ctx.meetings.get(doctor, m.id).agenda[0].patient_name == "张三丰"
