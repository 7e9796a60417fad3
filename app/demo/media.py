"""Demo files: a chest CT series and H&E slide photos, made in the data dir's tmp and stored as attachments."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.demo.imaging import CtSubject, nodule_instance, write_ct_series
from app.demo.pathology import make_slide_photo, make_whole_slide
from app.demo.people import HOSPITAL
from app.demo.plan import CasePlan, MeetingPlan
from app.demo.writer import DemoWriter, utc
from app.services.attachments import store_file
from db.models import Case, KeyImage, Patient

CT_SLICES = 64
# (tumour type, which meeting's agenda to take the case from, slide kind, title, key photo)
PHOTOS = [("lung", 4, "lung", "肺穿刺活检 HE ×200", True),
          ("gastric", 3, "gastric", "胃镜活检 HE ×100", False),
          ("breast", 5, "breast", "乳腺空芯针穿刺 HE ×200", False)]


def _pick(plans: list[CasePlan], cases: list[Case], tumour: str, meeting: int) -> tuple[CasePlan, Case]:
    pairs = list(zip(plans, cases, strict=True))
    for p, c in pairs:
        if p.meeting == meeting and p.scenario.tumour == tumour:
            return p, c
    return next((p, c) for p, c in pairs if p.scenario.tumour == tumour)


def attach_media(w: DemoWriter, tmp: Path, meetings: list[MeetingPlan], plans: list[CasePlan],
                 cases: list[Case]) -> None:
    s = w.s
    live = next(m for m in meetings if m.status == "in_progress")
    plan, case = next((p, c) for p, c in zip(plans, cases, strict=True) if p.meeting == live.index)
    patient = s.get(Patient, case.patient_id)
    study_day = plan.created.date() - timedelta(days=3)
    subject = CtSubject(name=patient.name, patient_id=patient.hospital_number or "", sex=patient.sex,
                        birth_date=patient.birth_date, study_date=study_day,
                        accession=f"CT{study_day:%Y%m%d}{case.id:03d}", institution=HOSPITAL)
    key_attachment = None
    for path in write_ct_series(tmp / "ct", subject, CT_SLICES):
        a, _created = store_file(s, w.blobs, w.actor, case, path, label="imaging")
        a.taken_on = study_day
        if a.instance_number == nodule_instance(CT_SLICES):
            key_attachment = a
        path.unlink()
    from app.demo.imaging_extra import extra_series  # thin CT, brain MR, a JPEG 2000 prior

    for path, day in extra_series(tmp, subject):
        a, _created = store_file(s, w.blobs, w.actor, case, path, label="imaging")
        a.taken_on = day
        path.unlink()
    if key_attachment is not None:
        k = KeyImage(case_id=case.id, attachment_id=key_attachment.id, frame=0, window_center=-600,
                     window_width=1500, note="右肺上叶尖后段结节最大层面，约2.8cm，分叶、毛刺", position=0,
                     created_by=w.users[plan.applicant].id, created_at=utc(plan.created + timedelta(hours=1)))
        s.add(k)
        s.flush()
        w.audit("key_image", k.id, case_id=case.id, patient_id=case.patient_id,
                new={"attachment": key_attachment.id})
    for n, (tumour, meeting, kind, title, is_key) in enumerate(PHOTOS):
        p, c = _pick(plans, cases, tumour, meeting)
        path = make_slide_photo(tmp / f"HE_{kind}_{c.case_no}.jpg", kind, seed=1000 + n,
                                caption=f"{c.case_no}  HE")
        a, _created = store_file(s, w.blobs, w.actor, c, path, label="pathology", is_key=is_key, title=title)
        a.taken_on = p.created.date() - timedelta(days=5)
        path.unlink()
    # A whole-slide scan (≥100 megapixels, pyramidal TIFF with its microns per pixel) for the lung case.
    p, c = _pick(plans, cases, "lung", 4)
    path = make_whole_slide(tmp / f"WSI_lung_{c.case_no}.tif")
    a, _created = store_file(s, w.blobs, w.actor, c, path, label="pathology", title="肺叶切除标本 HE 全切片扫描 ×20")
    a.taken_on = p.created.date() - timedelta(days=4)
    path.unlink()
