"""A viewer (the projector account, a visiting student) reads a real case end to end and never meets the
patient's real name, ID number, phone, hospital number or address: not in the case, the attachment list
(file names, DICOM series descriptions, import warnings), the decision, the plan, the agenda, the search.
A viewer gets no plan PDF at all and no audit trail: printing an identified record is not theirs to do.
"""

from dataclasses import asdict, is_dataclass

import pydicom
import pytest
from meeting_factory import DECISION, PASSWORD, captured, hospital, running_meeting
from PIL import Image
from pydicom.data import get_testdata_file

from app.errors import PermissionDenied
from app.services.audit_query import AuditFilter
from app.services.cases import CaseQuery

NAME, ID_NO, PHONE, HN, STREET = "张三丰", "110101196005010019", "13812345678", "ZY123456", "城关镇人民路1号"
DICOM_NAME = "ZHANG^SANFENG"
SECRETS = (NAME, ID_NO, PHONE, HN, STREET, DICOM_NAME, "ZHANG SANFENG", "ZHANGSANFENG")


def _text(value) -> str:
    """Everything a record says, as text (picture bytes left out: they are pixels, not words)."""
    if is_dataclass(value):
        value = asdict(value)
    if isinstance(value, dict):
        return " ".join(_text(v) for k, v in value.items() if not isinstance(v, bytes))
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    return "" if isinstance(value, bytes) else str(value)


def _leaks(value) -> list[str]:
    text = _text(value)
    return [s for s in SECRETS if s in text]


def _dicom(path):
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PatientName, ds.PatientID = DICOM_NAME, HN
    ds.SeriesDescription = f"{NAME} 胸部增强CT {HN}"
    ds.save_as(path)
    return path


@pytest.fixture
def board(ctx, admin, monkeypatch, tmp_path):
    h = hospital(ctx, admin, monkeypatch, cases=1)
    ctx.users.create(admin, "guest", "访客", "viewer", PASSWORD, must_change_password=False)
    p = ctx.patients.create(admin, name=NAME, sex="M", id_number=ID_NO, hospital_number=HN, phone=PHONE,
                            address_detail=STREET)
    case = ctx.case_records.create(admin, p.id, tumour_type="lung", team_id=h.team.id, purpose="明确治疗方案",
                                   question=f"{NAME}能否手术？", history=f"{NAME}，男，住{STREET}，电话{PHONE}，咳嗽3月")
    ctx.case_records.submit(admin, case.id, override_reason="测试")
    ctx.attachments.add_file(admin, case.id, _dicom(tmp_path / "ct.dcm"), "imaging")
    photo = tmp_path / f"{NAME}_病理_{HN}.png"
    Image.new("RGB", (40, 30), (200, 120, 150)).save(photo)
    ctx.attachments.add_file(admin, case.id, photo, "pathology")
    meeting, ids = running_meeting(ctx, h, cases=[case])
    item = meeting.agenda[0].id
    state = captured(ctx, h, item, ids, decision=dict(DECISION, plan_text=f"{NAME}拒绝开胸，行胸腔镜手术"))
    ctx.decisions.finalise(h.chair, state.draft.id)
    return ctx.auth.login("guest", PASSWORD), h.actors["zhou"], case, meeting.id, state.draft.id


def test_the_world_really_holds_the_identity(ctx, board):
    """The control: a physician sees every identifier, so the viewer's clean views prove the masking."""
    _viewer, doctor, case, meeting_id, decision_id = board
    assert set(_leaks(ctx.case_records.get(doctor, case.id))) >= {NAME, ID_NO, PHONE, HN, STREET}
    assert {NAME, HN} <= set(_leaks(ctx.attachment_browse.list_for_case(doctor, case.id)))
    assert NAME in _leaks(ctx.decisions.discussions(doctor, case.id))
    assert {NAME, HN} <= set(_leaks(ctx.plan_content.for_decision(doctor, decision_id)))


def test_the_case_and_its_attachments(ctx, board):
    viewer, _doctor, case, _m, _d = board
    detail = ctx.case_records.get(viewer, case.id)
    assert _leaks(detail) == [] and detail.patient.name == "张*丰"
    assert detail.fields["history"].startswith("张*丰，男") and "咳嗽3月" in detail.fields["history"]
    rows = ctx.attachment_browse.list_for_case(viewer, case.id)
    assert len(rows) == 2 and _leaks(rows) == []
    assert {r.name for r in rows} >= {"张*丰_病理_ZY****56.png"}
    assert _leaks(ctx.attachment_browse.series_for_case(viewer, case.id)) == []


def test_the_decision_plan_and_agenda(ctx, board):
    viewer, _doctor, case, meeting_id, decision_id = board
    assert _leaks(ctx.decisions.get(viewer, decision_id)) == []
    discussions = ctx.decisions.discussions(viewer, case.id)
    assert _leaks(discussions) == [] and "张*丰拒绝开胸" in _text(discussions)
    plan = ctx.plan_content.for_decision(viewer, decision_id)
    assert _leaks(plan) == [] and plan.patient.name == "张*丰" and plan.patient.birth_date is None
    assert plan.decision.plan_text == "张*丰拒绝开胸，行胸腔镜手术"
    agenda = ctx.plan_content.agenda(viewer, meeting_id)
    assert _leaks(agenda) == [] and agenda.entries[-1].patient_name == "张*丰"
    assert _leaks(ctx.meetings.get(viewer, meeting_id)) == []
    assert _leaks(ctx.meetings.record(viewer, meeting_id)) == []
    item = ctx.meetings.get(viewer, meeting_id).agenda[-1].id
    assert _leaks(ctx.capture.capture(viewer, item)) == [] and _leaks(ctx.capture.resume(viewer, meeting_id)) == []
    assert _leaks(ctx.agenda.case_history(viewer, case.id)) == []


def test_search_results(ctx, board):
    viewer, _doctor, _case, _m, _d = board
    ids = ctx.cases.search_ids(viewer, CaseQuery())
    assert ids and _leaks(ctx.cases.rows(viewer, ids)) == []
    assert _leaks(ctx.patients.search(viewer, "张")) == []


def test_a_viewer_cannot_confirm_who_is_a_patient_by_searching(ctx, board):
    """Typing a full name, ID, phone or hospital number must not tell a viewer "this person has a case
    here"; the surname (what a masked row shows first), the case number and the diagnosis still find it."""
    viewer, doctor, case, _m, _d = board
    case_no = ctx.case_records.get(viewer, case.id).case_no
    for probe in (NAME, ID_NO, HN, "zhangsanfeng", "zsf"):
        assert ctx.patients.search(viewer, probe) == [], probe
        assert ctx.cases.search_ids(viewer, CaseQuery(text=probe)) == [], probe
        assert ctx.cases.search_ids(doctor, CaseQuery(text=probe)) != [], probe  # the doctor finds it
    assert case.id in ctx.cases.search_ids(viewer, CaseQuery(text=case_no))
    assert case.id in ctx.cases.search_ids(viewer, CaseQuery(text="张"))
    assert [p.name for p in ctx.patients.search(viewer, "张")] == ["张*丰"]


def test_no_identified_paper_and_no_audit_trail_for_a_viewer(ctx, board, tmp_path):
    """The plan PDF names the patient in full (it is a medical record): a viewer may read the masked plan on
    screen, but printing or exporting it, or any agenda, is refused; so is the audit trail, whose change
    records hold names."""
    viewer, _doctor, case, meeting_id, decision_id = board
    case_no = ctx.case_records.get(viewer, case.id).case_no
    refused = [
        lambda: ctx.documents.plan_pdf(viewer, case_no),
        lambda: ctx.documents.draft_pdf(viewer, decision_id),
        lambda: ctx.documents.meeting_plan_pdfs(viewer, meeting_id),
        lambda: ctx.printing.case_items(viewer, case_no),
        lambda: ctx.printing.agenda_item(viewer, meeting_id),
        lambda: ctx.audit_query.ids(viewer, AuditFilter()),
        lambda: ctx.audit_query.export_csv(viewer, AuditFilter(), tmp_path / "audit.csv"),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()
    assert not (tmp_path / "audit.csv").exists()
