"""A real finalised MDT decision for the plan-PDF tests: a lung case with a full work-up, a synthetic chest
CT attached through the importer, four key images with their window/level, opinions of every attendee,
action items; built only through the services (see meeting_factory for the hospital and the meeting)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from meeting_factory import hospital, running_meeting

PATIENT = "欧阳春花"
DIAGNOSIS = "右肺上叶腺癌"
SUMMARY = ("患者右肺上叶腺癌诊断明确，cT2aN0M0 IB期，EGFR 19外显子缺失突变，心肺功能可耐受手术，"
           "全体专家讨论后一致建议行胸腔镜右肺上叶切除加系统性淋巴结清扫，术后根据病理分期决定辅助治疗。")
CASE_FIELDS = dict(
    chief_complaint="咳嗽、咳痰伴痰中带血2月余。",
    history=("患者2月前无明显诱因出现咳嗽、咳痰，痰中偶带血丝，无发热、胸痛。当地医院胸部CT示右肺上叶"
             "占位（约3.2cm×2.8cm），遂来我院。支气管镜活检病理：（右肺上叶）腺癌。"),
    comorbidities="高血压病史10年，规律服药，血压控制可。",
    ecog=1, prior_treatment="未行抗肿瘤治疗。", primary_site="右肺上叶", icd10_code="C34.1",
    icd10_name=DIAGNOSIS, histology_code="8140/3", histology_name="腺癌", grade="G2",
    stage_prefix="c", stage_t="T2a", stage_n="N0", stage_m="M0", stage_group="IB", stage_system="AJCC",
    stage_edition="8", biomarkers={"EGFR": "19del", "ALK": "阴性", "PD-L1": "TPS 30%"},
)


def ct_series(folder, patient_name=PATIENT, patient_id="ZY000", slices=6):
    from app.demo.imaging import CtSubject, write_ct_series

    subject = CtSubject(patient_name, patient_id, "F", date(1961, 3, 5), date.today() - timedelta(days=5),
                        "A0001", "测试县人民医院")
    return write_ct_series(folder, subject, slices=slices)


def finalised_plan(ctx, admin, monkeypatch, tmp_path, *, opinions=None, decision=None, key_images=4,
                   finalise=True, guests=()) -> SimpleNamespace:
    """A finalised decision (or the draft) of a lung case discussed in a running meeting, all signed in."""
    h = hospital(ctx, admin, monkeypatch, cases=1)
    case = h.cases[0]
    patient = ctx.case_records.get(admin, case.id).patient
    ctx.patients.update(admin, patient.id, name=PATIENT, sex="F", birth_date=date(1961, 3, 5),
                        hospital_number=patient.hospital_number, outpatient_number="MZ2026001")
    ctx.case_records.update(admin, case.id, **CASE_FIELDS)
    ct_series(tmp_path / "cd", patient_id=ctx.case_records.get(admin, case.id).patient.hospital_number)
    ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "cd"])
    [series] = ctx.attachment_browse.series_for_case(admin, case.id)
    windows = [(-600, 1500), (40, 400), (-600, 1500), (300, 1500)]
    for i in range(key_images):
        c, w = windows[i % 4]
        ctx.key_images.add(admin, case.id, series.attachment_ids[i % len(series.attachment_ids)], 0, c, w,
                           note=["右肺上叶结节", "纵隔窗", "肺窗", "骨窗"][i % 4])
    m, ids = running_meeting(ctx, h)
    for name, department, discipline, title in guests:  # extra experts joining (e.g. by video)
        g = ctx.attendance.add_guest(h.secretary, m.id, name, department=department, discipline=discipline,
                                     title=title, organisation="省人民医院")
        ctx.attendance.sign_in(h.secretary, g.id)
        ids[name] = g.id
    item = m.agenda[0].id
    ctx.capture.open_discussion(h.secretary, item)
    texts = opinions if opinions is not None else {
        "周海涛": "病灶位于右肺上叶，未见纵隔淋巴结肿大，心肺功能可耐受，建议胸腔镜右肺上叶切除。",
        "林秀英": "CT示右肺上叶分叶状结节，约3.2cm×2.8cm，见毛刺及胸膜牵拉；纵隔未见肿大淋巴结。",
        "黄振华": "活检病理为腺癌，以腺泡型为主；EGFR 19del（+），ALK（-），PD-L1 TPS 30%。",
        "罗建平": "可手术患者首选手术；如拒绝手术，可考虑立体定向放疗（SBRT）。",
    }
    payload_opinions = [{"attendance_id": ids[name], "text": text} for name, text in texts.items()]
    fields = {"chair_summary": SUMMARY, "modalities": ["surgery", "targeted"], "intent": "curative",
              "plan_text": "胸腔镜右肺上叶切除＋系统性淋巴结清扫；术后根据病理分期，EGFR突变者行奥希替尼辅助治疗。",
              "alternatives": "如患者拒绝手术：立体定向放疗（SBRT）。", "guideline": "CSCO",
              "guideline_version": "2025", "patient_preference": "患者及家属知情同意，愿意接受手术治疗。",
              "rediscussion_on": (date.today() + timedelta(days=60)).isoformat()}
    fields.update(decision or {})
    actions = [{"description": "完善术前检查并安排手术", "responsible_name": "周海涛", "department": "胸外科",
                "due_on": (date.today() + timedelta(days=14)).isoformat()},
               {"description": "术后病理回报后复议辅助治疗", "responsible_name": "陈主任", "department": "肿瘤科",
                "due_on": (date.today() + timedelta(days=45)).isoformat()}]
    state = ctx.capture.save_capture(h.secretary, item, {"opinions": payload_opinions, "decision": fields,
                                                         "actions": actions})
    dec = ctx.decisions.finalise(h.chair, state.draft.id) if finalise else state.draft
    return SimpleNamespace(h=h, case=case, meeting=m, decision=dec, attendance=ids)
