"""ORM rows to the frozen records of app.meeting_records, inside the caller's session."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.quorum import validate_rule
from app.domain.readiness import FIELD_LABELS, evaluate
from app.meeting_records import (
    ActionRow,
    AgendaItemRow,
    AttendanceRow,
    CandidateCase,
    DecisionRow,
    DiscussionRow,
    MeetingDetail,
    OpinionRow,
    TeamDetail,
    TeamMemberRow,
)
from app.services.case_records import facts_of
from app.services.cases import stage_text
from app.services.meeting_common import discipline_codes, is_first_pre_treatment, quorum_status
from db.models import (
    AgendaItem,
    Attendance,
    Case,
    Decision,
    Discussion,
    Meeting,
    Opinion,
    Patient,
    Team,
    TeamMember,
    User,
)


def user_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(s.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all())


def member_row(m: TeamMember, codes: dict[int, str]) -> TeamMemberRow:
    return TeamMemberRow(m.id, m.team_id, m.user_id, m.name, m.department, codes.get(m.discipline_id, ""),
                         m.title, m.team_role, m.organisation, m.active)


def team_detail(s: Session, t: Team) -> TeamDetail:
    codes = discipline_codes(s)
    members = s.execute(select(TeamMember).where(TeamMember.team_id == t.id).order_by(TeamMember.id)).scalars()
    return TeamDetail(t.id, t.name, t.name_en, tuple(t.tumour_types or ()), validate_rule(t.quorum_rule or {}),
                      tuple(t.followup_months or ()), t.sign_policy, t.default_place, t.active,
                      tuple(member_row(m, codes) for m in members))


def readiness_of(s: Session, c: Case) -> tuple[bool, tuple[str, ...]]:
    r = evaluate(facts_of(s, c))
    missing = tuple(FIELD_LABELS.get(f, f) for f in r.missing_fields) + tuple(i.label for i in r.missing)
    return r.ready, missing


def candidate_row(s: Session, c: Case, patient_name: str) -> CandidateCase:
    ready, missing = readiness_of(s, c)
    return CandidateCase(c.id, c.case_no, patient_name, c.team_id, c.tumour_type,
                         " ".join(x for x in (c.icd10_code, c.icd10_name) if x), c.status, c.urgency,
                         c.conference_type, c.applied_on, c.submitted_at, ready, missing,
                         c.readiness_override_reason)


def agenda_row(s: Session, i: AgendaItem) -> AgendaItemRow:
    c = s.get(Case, i.case_id)
    patient = s.get(Patient, c.patient_id)
    # Readiness matters while the case waits; afterwards the case has moved on.
    ready, missing = readiness_of(s, c) if i.status == "pending" else (True, ())
    return AgendaItemRow(
        i.id, i.meeting_id, c.id, c.case_no, patient.name, c.tumour_type,
        " ".join(x for x in (c.icd10_code, c.icd10_name) if x), stage_text(c), c.conference_type, c.question,
        c.urgency, i.position, i.minutes, i.track, i.status, i.standard_decision, i.postponed_to_meeting_id,
        i.postpone_reason, i.started_at, i.ended_at, ready, missing, is_first_pre_treatment(s, i, c), c.status,
        postponed_from(s, i))


def postponed_from(s: Session, i: AgendaItem) -> datetime | None:
    """The date of the meeting this case was postponed from into `i`'s meeting (the latest such), if any."""
    return s.execute(
        select(Meeting.scheduled_at).join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.case_id == i.case_id, AgendaItem.postponed_to_meeting_id == i.meeting_id,
               AgendaItem.status == "postponed", AgendaItem.id != i.id)
        .order_by(Meeting.scheduled_at.desc()).limit(1)
    ).scalar_one_or_none()


def attendance_row(a: Attendance, m: Meeting, codes: dict[int, str], names: dict[int, str],
                   organisations: dict[int, str]) -> AttendanceRow:
    late = bool(a.signed_in_at and m.started_at and a.signed_in_at > m.started_at)
    left_early = bool(a.left_at and (m.ended_at is None or a.left_at < m.ended_at))
    return AttendanceRow(a.id, a.meeting_id, a.member_id, a.user_id, a.name, a.department,
                         codes.get(a.discipline_id, ""), a.title, a.role, a.is_guest,
                         organisations.get(a.member_id, "") if a.member_id else "", a.signed_in_at,
                         names.get(a.signed_in_by, ""), a.left_at, late, left_early)


def attendance_rows(s: Session, m: Meeting) -> tuple[AttendanceRow, ...]:
    rows = s.execute(select(Attendance).where(Attendance.meeting_id == m.id).order_by(Attendance.id)).scalars().all()
    codes = discipline_codes(s)
    names = user_names(s, (a.signed_in_by for a in rows))
    member_ids = {a.member_id for a in rows if a.member_id}
    organisations = dict(s.execute(select(TeamMember.id, TeamMember.organisation)
                                   .where(TeamMember.id.in_(member_ids))).all()) if member_ids else {}
    return tuple(attendance_row(a, m, codes, names, organisations) for a in rows)


def meeting_detail(s: Session, m: Meeting) -> MeetingDetail:
    s.flush()
    members = {mem.id: mem.name for mem in s.execute(select(TeamMember).where(TeamMember.id.in_(
        [x for x in (m.chair_member_id, m.secretary_member_id) if x]))).scalars()}
    items = s.execute(select(AgendaItem).where(AgendaItem.meeting_id == m.id)
                      .order_by(AgendaItem.position, AgendaItem.id)).scalars()
    return MeetingDetail(
        m.id, m.team_id, m.team.name, m.scheduled_at, m.duration_minutes, m.place, m.status, m.chair_member_id,
        members.get(m.chair_member_id, ""), m.secretary_member_id, members.get(m.secretary_member_id, ""),
        m.started_at, m.ended_at, m.quorum_override_reason or "", m.current_agenda_item_id, m.notes or "",
        tuple(agenda_row(s, i) for i in items), attendance_rows(s, m), quorum_status(s, m))


def decision_row(s: Session, d: Decision, case_id: int) -> DecisionRow:
    names = user_names(s, [d.finalised_by])
    actions = tuple(ActionRow(a.id, a.decision_id, a.description, a.responsible_user_id, a.responsible_name,
                              a.department, a.due_on, a.done_at) for a in d.actions)
    return DecisionRow(
        d.id, d.discussion_id, case_id, d.version, d.status, d.chair_summary, tuple(d.modalities or ()),
        d.plan_text, d.alternatives, d.intent, d.guideline, d.guideline_version, d.treat_where,
        d.referral_target, d.patient_preference, d.dissent, d.further_workup, d.rediscussion_on, actions,
        d.finalised_at, names.get(d.finalised_by, ""), d.amends_decision_id, d.amendment_reason, d.created_at,
        d.updated_at)


def discussion_row(s: Session, d: Discussion) -> DiscussionRow:
    s.flush()
    codes = discipline_codes(s)
    opinions = s.execute(select(Opinion).where(Opinion.discussion_id == d.id).order_by(Opinion.id)).scalars().all()
    names = user_names(s, (o.recorded_by for o in opinions))
    decisions = s.execute(select(Decision).where(Decision.discussion_id == d.id)
                          .order_by(Decision.version)).scalars()
    return DiscussionRow(
        d.id, d.case_id, d.sequence, d.meeting_id, d.agenda_item_id, d.conference_type, d.discussed_at,
        tuple(OpinionRow(o.id, o.discussion_id, o.attendance_id, o.author_name, codes.get(o.discipline_id, ""),
                         o.text, names.get(o.recorded_by, ""), o.created_at, o.updated_at) for o in opinions),
        tuple(decision_row(s, x, d.case_id) for x in decisions))


def discussion_of_item(s: Session, item_id: int) -> Discussion | None:
    return s.execute(select(Discussion).where(Discussion.agenda_item_id == item_id)
                     .order_by(Discussion.id.desc()).limit(1)).scalar()
