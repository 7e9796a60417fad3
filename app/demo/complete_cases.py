"""One complete, ready-to-discuss case per tumour template: every required field and every work-up item,
imaging as real (small) DICOM series of the right modality, lab work-up confirmed by hand as clinicians
do when the results live in the laboratory system.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from app.demo.imaging import _uid
from app.demo.writer import DemoWriter
from app.domain.readiness import evaluate
from app.domain.templates import template_for
from app.services import audit_chain
from app.services.attachments import store_file
from app.services.case_records import facts_of
from db.models import AgendaItem, Case, Meeting, Patient

READY_STATUSES = ("approved", "submitted", "scheduled", "returned", "draft")  # in order of preference
BIOMARKER_VALUES = {
    "EGFR": "19外显子缺失", "ALK": "阴性", "HER2": "1+", "MSI/MMR": "pMMR（MSS）", "ER": "阳性 90%",
    "PR": "阳性 60%", "Ki-67": "25%",
}
LAB_NOTES = {
    "tumour_markers": "肿瘤标志物已查（检验科LIS）",
    "afp": "AFP 486 ng/ml，PIVKA-II 312 mAU/ml（检验科LIS）",
    "liver_function": "Child-Pugh A5；HBsAg阳性，HBV-DNA 2.1×10³ IU/ml",
    "endoscopy": "胃镜：距门齿30cm食管溃疡型肿物（内镜中心报告）",
    "ebv": "血浆EBV-DNA 4.6×10³ copies/ml",
}
DEFAULTS = {"histology_code": "8140/3", "histology_name": "腺癌", "ecog": 1, "stage_t": "T2", "stage_n": "N1",
            "stage_m": "M0", "purpose": "明确治疗方案", "question": "首选手术还是先行新辅助治疗？"}
DESCRIPTIONS = {"CT": "增强CT", "MR": "增强MRI", "US": "超声", "MG": "乳腺钼靶", "PT": "PET-CT"}


def lab_confirmations(w: DemoWriter, template) -> dict[str, dict]:
    """The template's laboratory and report items confirmed by hand, as clinicians do when the results live
    in the laboratory system (imaging items need their images)."""
    return {item.code: {"present": True, "on": (w.today - timedelta(days=3)).isoformat(),
                        "note": LAB_NOTES.get(item.code, "检验科LIS结果已核对")}
            for item in template.workup
            if not item.modalities and (item.attachment_label == "report" or item.code in LAB_NOTES)}


def _small_series(folder: Path, patient: Patient, modality: str, key: str, when) -> list[Path]:
    """A short series (12 slices, 128x128) with real geometry; enough for the checklist and the viewer."""
    import numpy as np
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian

    sop_class = {"CT": "1.2.840.10008.5.1.4.1.1.2", "MR": "1.2.840.10008.5.1.4.1.1.4",
                 "PT": "1.2.840.10008.5.1.4.1.1.128"}.get(modality, "1.2.840.10008.5.1.4.1.1.7")
    folder.mkdir(parents=True, exist_ok=True)
    yy, xx = np.mgrid[0:128, 0:128]
    paths = []
    for i in range(12):
        r = 40 + 10 * np.sin(i / 4)
        img = np.where((xx - 64) ** 2 + (yy - 64) ** 2 < r * r, 300 + 20 * i, 20).astype("<i2")
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = sop_class
        meta.MediaStorageSOPInstanceUID = _uid(key, str(i))
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset()
        ds.file_meta = meta
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID = _uid(key, "study"), _uid(key, "series")
        ds.StudyDate = ds.SeriesDate = f"{when:%Y%m%d}"
        ds.Modality, ds.SeriesNumber, ds.InstanceNumber = modality, 1, i + 1
        ds.StudyDescription = ds.SeriesDescription = DESCRIPTIONS.get(modality, modality)
        ds.PatientName, ds.PatientID = patient.name, patient.hospital_number or ""
        ds.ImagePositionPatient = [-64.0, -64.0, -30.0 + 5.0 * i]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing, ds.SliceThickness = [1.0, 1.0], 5.0
        ds.Rows = ds.Columns = 128
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.WindowCenter, ds.WindowWidth = 200, 600
        ds.PixelData = img.tobytes()
        path = folder / f"{modality}{i:03d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def complete_one_per_template(w: DemoWriter, tmp: Path, cases: list[Case]) -> list[int]:
    """Make one pre-meeting case of each tumour type complete; returns their ids."""
    done: list[int] = []
    for tumour in ("lung", "gastric", "colorectal", "liver", "oesophageal", "breast", "cervical",
                   "nasopharyngeal"):
        case = next((c for status in READY_STATUSES for c in cases
                     if c.tumour_type == tumour and c.status == status), None)
        if case is not None:
            complete(w, tmp, case)
            done.append(case.id)
    return done


def complete_live_agenda(w: DemoWriter, tmp: Path) -> None:
    """The meeting in progress discusses prepared cases; its last one still lacks work-up, flagged as a real
    agenda would show it."""
    live = w.s.execute(select(Meeting.id).where(Meeting.status == "in_progress")).scalars().first()
    if live is None:
        return
    items = w.s.execute(select(AgendaItem).where(AgendaItem.meeting_id == live)
                        .order_by(AgendaItem.position)).scalars().all()
    for item in items[:-1]:
        case = w.s.get(Case, item.case_id)
        if not evaluate(facts_of(w.s, case), w.today).ready:
            complete(w, tmp, case)


def complete(w: DemoWriter, tmp: Path, case: Case) -> None:
    """Every required field and work-up item of the case's template: small real series for imaging items,
    laboratory items confirmed by hand."""
    s = w.s
    template = template_for(case.tumour_type)
    for name, value in DEFAULTS.items():
        if not getattr(case, name):
            setattr(case, name, value)
    case.biomarkers = {**(case.biomarkers or {}),
                       **{b: BIOMARKER_VALUES.get(b, "阴性") for item in template.workup for b in item.biomarkers
                          if not (case.biomarkers or {}).get(b)}}
    patient = s.get(Patient, case.patient_id)
    when = w.today - timedelta(days=4)
    for item in template.workup:
        if item.modalities:
            folder = tmp / f"{case.case_no}-{item.code}"
            for path in _small_series(folder, patient, item.modalities[0], f"{case.case_no}|{item.code}", when):
                a, _ = store_file(s, w.blobs, w.actor, case, path, label="imaging")
                a.taken_on = when
                path.unlink()
    workup = {**(case.workup or {}), **lab_confirmations(w, template)}
    case.workup = workup
    s.flush()
    audit_chain.record(s, w.actor, "update", "case", case.id, case_id=case.id, patient_id=case.patient_id,
                       new={"biomarkers": case.biomarkers, "workup": workup}, note="demo: complete work-up")
    readiness = evaluate(facts_of(s, case), w.today)
    if not readiness.ready:  # a demo that contradicts its own checklist would mislead every screenshot
        raise RuntimeError(f"demo case {case.case_no} is not complete: {readiness}")
