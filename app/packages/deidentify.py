"""De-identification for a package: the records, DICOM files and photos, with a report of what was removed.

One `Deidentifier` per package holds what must stay consistent across all of its files: the pseudonym, a
secret day offset for every date, and a secret salt for UID remapping (neither secret is written anywhere,
so the receiver cannot undo them). UIDs become 2.25.<128-bit number>, derived from the old UID by HMAC, so
the series of one study still share their StudyInstanceUID and references between files still resolve.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import re
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from app.packages import deid_profile

ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REMOVED = "[已删除]"
PATIENT_REMOVE = ("id_number", "hospital_number", "outpatient_number")
PATIENT_BLANK = ("phone", "county", "township", "address_detail", "notes")


@dataclass
class Report:
    removed: Counter = field(default_factory=Counter)  # what -> how many
    warnings: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"removed": dict(sorted(self.removed.items())), "warnings": self.warnings, "excluded": self.excluded}


class Deidentifier:
    def __init__(self, package_uuid: str, patient: dict, case_no: str, day_offset: int | None = None) -> None:
        self.pseudonym = "PKG-" + package_uuid.replace("-", "")[:8].upper()
        # Between half a year and five years back: far enough that a date cannot be recognised.
        self.day_offset = day_offset if day_offset is not None else -(180 + secrets.randbelow(1645))
        self._uid_salt = os.urandom(32)
        self._uids: dict[str, str] = {}
        self.report = Report()
        self._known: list[str] = []
        for key in ("name", *PATIENT_REMOVE, "phone", "address_detail", "township"):
            self.add_identifier(patient.get(key))
        self.add_identifier(case_no)

    def add_identifier(self, value) -> None:
        v = str(value or "").strip()
        if len(v) >= 2 and v not in self._known:
            self._known.append(v)
            self._known.sort(key=len, reverse=True)  # the longest first: a name inside an address goes too

    # ---- text and records --------------------------------------------------------------------------
    def text(self, value: str, what: str = "text") -> str:
        if not value:
            return value
        out = value
        for k in self._known:
            if k in out:
                out = out.replace(k, self.pseudonym if len(k) <= 4 and not k.isdigit() else REMOVED)
        out = ID_NUMBER.sub(REMOVED, out)
        out = MOBILE.sub(REMOVED, out)
        if out != value:
            self.report.removed[f"identifier in {what}"] += 1
        return out

    def shift_date(self, d: date) -> date:
        return d + timedelta(days=self.day_offset)

    def _value(self, v, kind, what: str):
        if v is None:
            return None
        if kind is datetime:
            return (datetime.fromisoformat(v) + timedelta(days=self.day_offset)).isoformat()
        if kind is date:
            return self.shift_date(date.fromisoformat(v)).isoformat()
        if isinstance(v, str):
            if ISO_DATE.match(v):
                return self.shift_date(date.fromisoformat(v)).isoformat()
            return self.text(v, what)
        if isinstance(v, dict):
            return {k: self._value(x, None, what) for k, x in v.items()}
        if isinstance(v, list):
            return [self._value(x, None, what) for x in v]
        return v

    def row(self, values: dict, model, what: str) -> dict:
        from app.packages.snapshot import date_columns

        kinds = date_columns(model)
        return {k: self._value(v, kinds.get(k), what) for k, v in values.items()}

    def patient(self, values: dict) -> dict:
        from app.domain.names import pinyin_keys
        from db.models import Patient

        out = self.row(values, Patient, "patient")
        for k in PATIENT_REMOVE:
            if values.get(k):
                self.report.removed[f"patient {k}"] += 1
            out[k] = None
        for k in PATIENT_BLANK:
            if values.get(k):
                self.report.removed[f"patient {k}"] += 1
            out[k] = ""
        self.report.removed["patient name"] += 1
        out["name"] = self.pseudonym
        out["name_pinyin"], out["name_initials"] = pinyin_keys(self.pseudonym)
        return out

    # ---- DICOM --------------------------------------------------------------------------------------
    def uid(self, old: str) -> str:
        if old not in self._uids:
            digest = hmac.new(self._uid_salt, old.encode("ascii", "replace"), hashlib.sha256).digest()[:16]
            self._uids[old] = f"2.25.{int.from_bytes(digest, 'big')}"
        return self._uids[old]

    def _dicom_date(self, text: str) -> str:
        try:
            return self.shift_date(datetime.strptime(text[:8], "%Y%m%d").date()).strftime("%Y%m%d") + text[8:]
        except ValueError:
            return ""

    def _clean(self, ds, top: bool) -> None:
        from pydicom.datadict import keyword_for_tag
        from pydicom.uid import UID_dictionary

        drop = []
        for elem in ds:
            kw = keyword_for_tag(elem.tag) or ""
            action = deid_profile.ACTIONS.get(kw)
            overlay = 0x6000 <= elem.tag.group <= 0x60FF and elem.tag.element in deid_profile.OVERLAY_ELEMENTS
            if action == "X" or overlay:
                drop.append(elem.tag)
                self.report.removed[f"DICOM {kw or elem.tag}"] += 1
            elif action == "D":
                elem.value = self.pseudonym
                self.report.removed[f"DICOM {kw}"] += 1
            elif action == "Z" or (elem.VR == "PN" and elem.value):
                if elem.value:
                    self.report.removed[f"DICOM {kw or elem.tag}"] += 1
                elem.value = ""
            elif elem.VR == "SQ":
                for item in elem.value:
                    self._clean(item, False)
            elif elem.VR == "UI" and elem.value and kw not in deid_profile.KEEP_UIDS:
                values = elem.value if elem.VM > 1 else [elem.value]
                new = [v if str(v) in UID_dictionary else self.uid(str(v)) for v in values]
                elem.value = new if elem.VM > 1 else new[0]
            elif elem.VR in ("DA", "DT") and elem.value:
                values = elem.value if elem.VM > 1 else [elem.value]
                new = [self._dicom_date(str(v)) for v in values]
                elem.value = new if elem.VM > 1 else new[0]
            elif elem.VR in ("LO", "SH", "ST", "LT", "UT", "UC") and elem.value:
                if elem.VM > 1:
                    elem.value = [self.text(str(v), "DICOM text") for v in elem.value]
                else:
                    elem.value = self.text(str(elem.value), "DICOM text")
        for tag in drop:
            del ds[tag]

    def dicom(self, src: Path, dst: Path) -> None:
        import pydicom
        from pydicom.dataset import Dataset
        from pydicom.sequence import Sequence

        ds = pydicom.dcmread(src)
        for kw in ("PatientName", "PatientID", "OtherPatientIDs"):
            if kw in ds:
                self.add_identifier(str(ds.data_element(kw).value))
        modality = str(ds.get("Modality", ""))
        burned = str(ds.get("BurnedInAnnotation", "")).upper() == "YES"
        if burned or modality in deid_profile.BURNED_IN_MODALITIES:
            why = "BurnedInAnnotation=YES" if burned else f"modality {modality}"
            self.report.warnings.append(f"{src.name}: {why}: check the pixels for burned-in names or numbers")
        private = sum(1 for e in ds.iterall() if e.tag.is_private)
        ds.remove_private_tags()
        if private:
            self.report.removed["DICOM private attributes"] += private
        self._clean(ds, True)
        if getattr(ds, "file_meta", None) is not None:
            self._clean(ds.file_meta, False)
        ds.PatientIdentityRemoved = "YES"
        ds.LongitudinalTemporalInformationModified = "MODIFIED"
        ds.DeidentificationMethod = deid_profile.METHOD
        codes = []
        for value, meaning in deid_profile.METHOD_CODES:
            c = Dataset()
            c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, "DCM", meaning
            codes.append(c)
        ds.DeidentificationMethodCodeSequence = Sequence(codes)
        ds.save_as(dst, enforce_file_format=True)

    # ---- photos -------------------------------------------------------------------------------------
    def photo(self, src: Path, dst: Path) -> str:
        """The pixels only (EXIF orientation applied), re-encoded: no EXIF, GPS, comments or text chunks."""
        from PIL import Image, ImageOps

        with Image.open(src) as im:
            fmt = (im.format or "PNG").upper()
            upright = ImageOps.exif_transpose(im)
            if upright.mode not in ("RGB", "RGBA", "L"):
                upright = upright.convert("RGBA" if "A" in upright.mode else "RGB")
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        buf = io.BytesIO()
        if fmt in ("JPEG", "MPO") and clean.mode != "RGBA":
            clean.save(buf, "JPEG", quality=95)
            ext = ".jpg"
        else:
            clean.save(buf, "PNG")
            ext = ".png"
        dst.write_bytes(buf.getvalue())
        self.report.removed["photo metadata (EXIF, comments)"] += 1
        self.report.warnings.append(f"{src.name}: photo: check it for names, labels or faces")
        return ext
