"""Everything a treatment-plan PDF or a meeting agenda shows, gathered from the record in one read.

Reading only: no audit event (the export or print of the built PDF is what gets audited). Key images are
rendered here, through the viewer's pipeline with their saved window/level, so the PDF builder needs no
database and no actor. `canonical_record` is the decision record the plan shows, as deterministic JSON: its
SHA-256 (`record_hash`) is what the verification code on every page vouches for.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import asdict, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.content import (
    ActionInfo,
    AgendaContent,
    AgendaEntry,
    AttendeeInfo,
    CaseSummary,
    DecisionInfo,
    Diagnosis,
    ExternalOpinionInfo,
    KeyImageInfo,
    MeetingInfo,
    OpinionInfo,
    PatientInfo,
    PlanContent,
)
from app.errors import AppError, NotFound
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.security.masking import sees_masked
from app.security.redaction import redacted_for
from app.services.base import Service
from app.services.meeting_common import discipline_codes, get_decision
from db.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Case,
    Decision,
    Department,
    Discussion,
    ExternalOpinion,
    HospitalSettings,
    KeyImage,
    Meeting,
    Opinion,
    Package,
    Patient,
    TeamMember,
    User,
)

log = logging.getLogger(__name__)

MAX_KEY_IMAGES = 4
KEY_IMAGE_PIXELS = (512, 512)
RECORD_FORMAT = "mdt-plan-record/1"

# Re-exported: the PDF builder and the signing service import the content types from here.
__all__ = ["AgendaContent", "PlanContent", "PlanContentService", "canonical_record", "record_hash"]


def _utc(dt: datetime | None) -> datetime | None:
    """A database time (naive UTC) to the second: the record keeps UTC, so its hash is the same on a PC in
    any time zone; the PDF shows local time."""
    return dt.replace(microsecond=0) if dt is not None else None


def age_on(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _iso(value):
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical_record(content: PlanContent) -> bytes:
    """The decision record the plan shows, as canonical JSON (sorted keys, UTF-8, no rendering details).

    Pictures are named by key-image id, frame and window, never by their bytes; codes stand for labels, so
    re-rendering or re-translating never changes the record."""
    def clean(obj):
        if isinstance(obj, dict):
            return {k: clean(v) for k, v in obj.items() if k not in ("jpeg", "width", "height", "logo")}
        if isinstance(obj, list | tuple):
            return [clean(v) for v in obj]
        return _iso(obj)

    body = clean(asdict(content))
    # Lifecycle and letterhead are not the decision: superseding a version or renaming the hospital must
    # not make an earlier printed sheet fail its check.
    for key in ("hospital", "hospital_en", "document_prefix"):
        body.pop(key, None)
    body["decision"].pop("status", None)
    if not body.get("external_opinions"):  # records signed before advice could arrive keep their hash
        body.pop("external_opinions", None)
    body["format"] = RECORD_FORMAT
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def record_hash(content: PlanContent) -> str:
    return hashlib.sha256(canonical_record(content)).hexdigest()


def _hospital(s: Session, blobs) -> tuple[HospitalSettings, bytes | None]:
    h = s.get(HospitalSettings, 1)
    logo = None
    if h is not None and h.logo_sha256:
        path = blobs.path_for(h.logo_sha256)
        if path.is_file():
            logo = path.read_bytes()
    return h, logo


def _attendee(a: Attendance, codes: dict[int, str], organisations: dict[int, str]) -> AttendeeInfo:
    return AttendeeInfo(a.id, a.user_id, a.name, a.department, codes.get(a.discipline_id, ""), a.title, a.role,
                        organisations.get(a.member_id, "") if a.member_id else "", _utc(a.signed_in_at))


def _meeting(s: Session, m: Meeting, codes: dict[int, str]) -> MeetingInfo:
    rows = s.execute(select(Attendance).where(Attendance.meeting_id == m.id).order_by(Attendance.id)).scalars().all()
    member_ids = {a.member_id for a in rows if a.member_id} | {x for x in (m.chair_member_id,
                                                                            m.secretary_member_id) if x}
    members = {t.id: t for t in s.execute(select(TeamMember).where(TeamMember.id.in_(member_ids))).scalars()}
    organisations = {k: v.organisation for k, v in members.items()}
    # The paper lists who took part: attendees who signed in (invited but absent people are not the team).
    present = tuple(_attendee(a, codes, organisations) for a in rows if a.signed_in_at is not None)
    chair = members.get(m.chair_member_id)
    recorder = members.get(m.secretary_member_id)
    return MeetingInfo(m.id, m.team.name, m.scheduled_at, m.place, chair.name if chair else "",
                       chair.user_id if chair else None, recorder.name if recorder else "",
                       recorder.user_id if recorder else None, _utc(m.started_at), _utc(m.ended_at), present)


def _summary(s: Session, c: Case) -> CaseSummary:
    atts = s.execute(select(Attachment).where(Attachment.case_id == c.id)
                     .order_by(Attachment.taken_on, Attachment.id)).scalars().all()
    imaging, seen = [], set()
    for a in atts:
        if a.label != "imaging":
            continue
        key = a.series_uid or f"file-{a.id}"
        if key in seen:
            continue
        seen.add(key)
        parts = [a.taken_on.isoformat() if a.taken_on else "", a.modality,
                 a.study_description or "", a.series_description or a.title or ""]
        imaging.append(" ".join(p for p in parts if p))
    pathology = [" ".join(p for p in (a.taken_on.isoformat() if a.taken_on else "", a.title or a.original_name)
                          if p) for a in atts if a.label == "pathology"]
    markers = tuple(sorted((str(k), _marker_text(v)) for k, v in (c.biomarkers or {}).items()))
    applicant = s.get(User, c.applicant_id) if c.applicant_id else None
    return CaseSummary(applicant.display_name if applicant else "", _department(s, c, applicant), c.applied_on,
                       c.purpose, c.question, c.chief_complaint, c.history, c.comorbidities, c.ecog, c.kps,
                       c.prior_treatment, tuple(imaging), tuple(pathology), markers)


def _department(s: Session, c: Case, applicant: User | None) -> str:
    """The requesting department: the case's own, else the applicant's."""
    dept = s.get(Department, c.department_id) if c.department_id else None
    if dept is None and applicant is not None and applicant.department_id:
        dept = s.get(Department, applicant.department_id)
    return dept.name if dept else ""


def _marker_text(value) -> str:
    if isinstance(value, dict):
        return "，".join(f"{k} {v}" for k, v in value.items() if v not in (None, ""))
    return str(value)


def _diagnosis(c: Case) -> Diagnosis:
    return Diagnosis(c.primary_site, c.icd10_code, c.icd10_name, c.histology_code, c.histology_name, c.grade,
                     c.stage_prefix, c.stage_t, c.stage_n, c.stage_m, c.stage_group, c.stage_system or "",
                     c.stage_edition or "")


def _external_opinions(s: Session, case_id: int, until: datetime | None) -> tuple[ExternalOpinionInfo, ...]:
    """Advice received for the case (up to the decision's finalisation): the plan prints it as advisory."""
    q = (select(ExternalOpinion, Package.manifest).outerjoin(Package, Package.id == ExternalOpinion.package_id)
         .where(ExternalOpinion.case_id == case_id))
    if until is not None:
        q = q.where(ExternalOpinion.received_at <= until)
    out = []
    for e, manifest in s.execute(q.order_by(ExternalOpinion.id)).all():
        try:
            written = datetime.fromisoformat((manifest or {}).get("created_at", ""))
        except ValueError:
            written = e.received_at
        out.append(ExternalOpinionInfo(e.id, e.hospital, e.author, _utc(written), e.signed, e.text))
    return tuple(out)


def _caption(a: Attachment) -> str:
    parts = [a.modality, a.series_description or a.title, a.taken_on.isoformat() if a.taken_on else ""]
    return " ".join(p for p in parts if p)


class PlanContentService(Service):
    def for_decision(self, actor: Actor, decision_id: int) -> PlanContent:
        """The plan of one decision version (draft, finalised or superseded), key images rendered."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            dec = get_decision(s, decision_id)
            d = s.get(Discussion, dec.discussion_id)
            c = s.get(Case, d.case_id)
            p = s.get(Patient, c.patient_id)
            h, logo = _hospital(s, self.ctx.blobs)
            codes = discipline_codes(s)
            m = s.get(Meeting, d.meeting_id) if d.meeting_id else None
            meeting = _meeting(s, m, codes) if m else None
            on = (m.scheduled_at.date() if m else (d.discussed_at or dec.created_at).date())
            patient = PatientInfo(p.name, p.sex, age_on(p.birth_date, on), p.birth_date, p.hospital_number or "",
                                  p.outpatient_number or "")
            opinions = self._opinions(s, d, codes)
            q = select(KeyImage).where(KeyImage.case_id == c.id)
            if dec.finalised_at is not None:  # key images belong to the case: show those marked by then
                q = q.where(KeyImage.created_at <= dec.finalised_at)
            keys = s.execute(q.order_by(KeyImage.position, KeyImage.id).limit(MAX_KEY_IMAGES)).scalars().all()
            wanted = [(k.id, k.attachment_id, k.frame, k.window_center, k.window_width, k.note,
                       _caption(s.get(Attachment, k.attachment_id))) for k in keys]
            decision = self._decision(s, dec)
            content = dict(
                hospital=h.name if h else "", hospital_en=h.name_en if h else "",
                document_prefix=(h.document_prefix if h else "") or "MDT", logo=logo, case_id=c.id,
                case_no=c.case_no, tumour_type=c.tumour_type, conference_type=d.conference_type or c.conference_type,
                discussion_id=d.id, discussion_sequence=d.sequence, discussed_at=_utc(d.discussed_at),
                patient=patient, meeting=meeting, summary=_summary(s, c), diagnosis=_diagnosis(c),
                opinions=opinions, decision=decision,
                external_opinions=_external_opinions(s, c.id, dec.finalised_at))
        images = tuple(self._render(actor, *w) for w in wanted)
        plan = PlanContent(key_images=images, **content)
        if not sees_masked(actor):
            return plan
        # A viewer may read the plan on screen, never whose it is (and gets no PDF: document.print).
        plan = replace(plan, patient=replace(plan.patient, birth_date=None))
        with self.db.read() as s:
            return redacted_for(actor, s, [plan.case_id], plan)

    @staticmethod
    def _opinions(s: Session, d: Discussion, codes: dict[int, str]) -> tuple[OpinionInfo, ...]:
        out = []
        for o in s.execute(select(Opinion).where(Opinion.discussion_id == d.id).order_by(Opinion.id)).scalars():
            a = s.get(Attendance, o.attendance_id) if o.attendance_id else None
            out.append(OpinionInfo(o.id, codes.get(o.discipline_id, "") or (codes.get(a.discipline_id, "") if a
                                                                          else ""),
                                   o.author_name or (a.name if a else ""), a.title if a else "",
                                   a.department if a else "", o.text))
        return tuple(out)

    @staticmethod
    def _decision(s: Session, dec: Decision) -> DecisionInfo:
        finaliser = s.get(User, dec.finalised_by) if dec.finalised_by else None
        amends = s.get(Decision, dec.amends_decision_id) if dec.amends_decision_id else None
        actions = tuple(ActionInfo(a.description, a.responsible_name or "", a.department or "", a.due_on)
                        for a in dec.actions)
        return DecisionInfo(
            dec.id, dec.version, dec.status, dec.chair_summary, tuple(dec.modalities or ()), dec.plan_text,
            dec.alternatives, dec.intent, dec.guideline, dec.guideline_version, dec.treat_where,
            dec.referral_target, dec.patient_preference, dec.dissent, dec.further_workup, dec.rediscussion_on,
            _utc(dec.finalised_at), finaliser.display_name if finaliser else "", dec.amendment_reason,
            amends.version if amends else None, actions)

    def _render(self, actor: Actor, key_id: int, attachment_id: int, frame: int, center, width, note,
                caption) -> KeyImageInfo:
        window = (center, width) if center is not None and width is not None else None
        try:
            im = self.ctx.rendering.render_attachment(actor, attachment_id, frame, window=window,
                                                      size=KEY_IMAGE_PIXELS)
        except AppError as e:  # a missing or damaged file must not keep the record from being printed
            log.warning("key image %s not rendered for the plan: %s", key_id, e)
            return KeyImageInfo(key_id, attachment_id, frame, center, width, note, caption, b"", 0, 0)
        if im.mode not in ("L", "RGB"):
            im = im.convert("RGB")
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=90)
        return KeyImageInfo(key_id, attachment_id, frame, center, width, note, caption, buf.getvalue(),
                            im.width, im.height)

    def agenda(self, actor: Actor, meeting_id: int) -> AgendaContent:
        """A meeting's agenda for print: cases in order with their question, presenter and time."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            m = s.get(Meeting, meeting_id)
            if m is None:
                raise NotFound(N("errors", "Meeting {id} does not exist."), id=meeting_id)
            h, logo = _hospital(s, self.ctx.blobs)
            members = {t.id: t for t in s.execute(select(TeamMember).where(TeamMember.team_id == m.team_id))
                       .scalars()}
            chair, recorder = members.get(m.chair_member_id), members.get(m.secretary_member_id)
            invited = s.execute(select(Attendance).where(Attendance.meeting_id == m.id)
                                .order_by(Attendance.id)).scalars().all()
            people = tuple((a.name, a.department, a.title) for a in invited) or tuple(  # not invited yet: the team
                (t.name, t.department, t.title) for t in members.values() if t.active)
            entries = []
            items = s.execute(select(AgendaItem).where(AgendaItem.meeting_id == m.id)
                              .order_by(AgendaItem.position, AgendaItem.id)).scalars().all()
            for n, i in enumerate(items, 1):
                c = s.get(Case, i.case_id)
                p = s.get(Patient, c.patient_id)
                applicant = s.get(User, c.applicant_id) if c.applicant_id else None
                stage = ""
                if c.stage_t or c.stage_n or c.stage_m or c.stage_group:
                    stage = f"{c.stage_prefix}{c.stage_t}{c.stage_n}{c.stage_m} {c.stage_group}".strip()
                entries.append(AgendaEntry(
                    n, c.case_no, p.name, p.sex, age_on(p.birth_date, m.scheduled_at.date()),
                    p.hospital_number or p.outpatient_number or "", c.tumour_type,
                    " ".join(x for x in (c.icd10_code, c.icd10_name) if x), stage, c.conference_type, c.question,
                    applicant.display_name if applicant else "", _department(s, c, applicant), i.minutes, i.track,
                    i.status, c.urgency))
            agenda = AgendaContent(
                h.name if h else "", logo, m.id, m.team.name, m.scheduled_at, m.duration_minutes, m.place,
                chair.name if chair else "", recorder.name if recorder else "", m.status,
                people, tuple(entries))
            case_ids = [i.case_id for i in items]
            return redacted_for(actor, s, case_ids, agenda)
