"""Patients: search and the basic register (full validation and import grow with the case issue)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from app.domain import idcard
from app.domain.names import pinyin_keys
from app.errors import ConflictError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP
from app.records import Actor, PatientRow
from app.services import audit_chain
from app.services.base import Service
from app.services.query import prefix
from db.models import Patient


def patient_row(p: Patient) -> PatientRow:
    address = "".join([p.province, p.city, p.county, p.township, p.address_detail])
    return PatientRow(p.id, p.name, p.sex, p.birth_date, p.id_number, p.hospital_number, p.phone, address)


def patient_match(text: str):
    """The search the case list and the patient list share: name, pinyin, initials, numbers."""
    t = text.strip()
    low = t.lower()
    return or_(
        prefix(Patient.name, t),
        prefix(Patient.name_pinyin, low),
        prefix(Patient.name_initials, low),
        prefix(Patient.hospital_number, t),
        prefix(Patient.outpatient_number, t),
        prefix(Patient.id_number, t.upper()),
    )


class PatientService(Service):
    def search(self, actor: Actor, text: str = "", limit: int = 500) -> list[PatientRow]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            q = select(Patient).order_by(Patient.name_pinyin, Patient.id).limit(limit)
            if text.strip():
                q = q.where(patient_match(text))
            return [patient_row(p) for p in s.execute(q).scalars()]

    def create(self, actor: Actor, *, name: str, sex: str, birth_date: date | None = None,
               id_number: str | None = None, hospital_number: str | None = None, phone: str = "",
               province: str = "", city: str = "", county: str = "", township: str = "",
               address_detail: str = "", insurance: str = "") -> PatientRow:
        self.require(actor, "patient.create")
        name = name.strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the patient's name."), field="name")
        if sex not in ("M", "F", "U"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the patient's sex."), field="sex")
        if id_number:
            info = idcard.parse(id_number)
            if info is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The ID number is not valid (check digit or date)."),
                    field="id_number",
                )
            id_number = info.number
        if birth_date and birth_date > date.today():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The birth date is in the future."),
                                  field="birth_date")
        full, initials = pinyin_keys(name)
        with self.db.session() as s:
            clash = None
            if id_number:
                clash = s.execute(select(Patient).where(Patient.id_number == id_number)).scalar_one_or_none()
            if clash is None and hospital_number:
                clash = s.execute(
                    select(Patient).where(Patient.hospital_number == hospital_number)
                ).scalar_one_or_none()
            if clash is not None:
                raise ConflictError(
                    QT_TRANSLATE_NOOP("errors", "This patient is already registered (patient {id})."),
                    id=clash.id,
                )
            p = Patient(name=name, name_pinyin=full, name_initials=initials, sex=sex, birth_date=birth_date,
                        id_number=id_number or None, hospital_number=hospital_number or None, phone=phone,
                        province=province, city=city, county=county, township=township,
                        address_detail=address_detail, insurance=insurance, created_by=actor.user_id)
            s.add(p)
            s.flush()
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "create", "patient", p.id, patient_id=p.id,
                               new={"name": name, "hospital_number": hospital_number})
            return patient_row(p)
