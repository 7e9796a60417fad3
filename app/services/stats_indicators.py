"""The DOMAIN.md §6 indicators: each one a title, the definition shown next to the figure, and the select
its number (and the cases behind it) come from.

A select yields `case_id`, `unit` (what is counted: a discussion, a meeting, a follow-up) and either `hit`
(1 when the unit counts towards the numerator of a share) or `days` (for a median).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_
from sqlalchemy.sql import Select

from app.closed_loop_records import StatsFilter
from app.i18n import QT_TRANSLATE_NOOP as N
from app.services import stats_cohorts as q
from app.services.execution import effect_sql
from db.models import Case, Decision, Discussion


@dataclass(frozen=True)
class Spec:
    """`cohort`: "disc" (discussions in the period), "first" (first discussions of their case), "decided"
    (discussions with a finalised decision), "meetings", "followup", "applications". For the discussion
    cohorts `where` narrows the units counted, `hit` marks the numerator, `days` is the median's value."""

    key: str
    title: str
    definition: str
    kind: str  # share | median | count
    cohort: str
    where: Callable[[], object] | None = None
    hit: Callable[[], object] | None = None
    days: Callable[[], object] | None = None
    months: int = 0
    target: float | None = None

    def rows(self, f: StatsFilter, today: date) -> Select:
        if self.cohort == "meetings":
            return q.meetings(f)
        if self.cohort == "followup":
            return q.followups(f, self.months, today)
        if self.cohort == "applications":
            return q.applications(f)
        cols = [q.flag(self.hit())] if self.hit else [self.days().label("days")] if self.days else []
        stmt = q.discussions(f, *cols, first_only=self.cohort == "first", decided=self.cohort == "decided")
        return stmt.where(self.where()) if self.where else stmt

    def unit_condition(self):
        """Whether a row of the (outer-joined) discussion cohort is one of this figure's units."""
        conds = [Discussion.sequence == 1] if self.cohort == "first" else []
        if self.cohort == "decided":
            conds.append(Decision.id.is_not(None))
        if self.where:
            conds.append(self.where())
        return and_(*conds) if conds else None


def _not_treated_before():
    return ~q.treated_before_meeting()


def _days_to_treatment():
    return q.days_between(Decision.treatment_started_on, q.disc_day())


def _started_after_meeting():
    return and_(Decision.treatment_started_on.is_not(None), _not_treated_before())


def _within_72h():
    return q.days_between(Discussion.discussed_at, Case.submitted_at) * 24 <= 72


SPECS: tuple[Spec, ...] = (
    Spec("coverage", N("statistics", "MDT coverage of new cancer patients"),
         N("statistics", "Pre-treatment applications with a malignant diagnosis (ICD-10 C00–C97) made in the period: the "
              "share already discussed by an MDT. The hospital-wide count of new cancer patients comes from "
              "the HIS; this figure covers the patients referred to the MDT."), "share", "applications"),
    Spec("before_treatment", N("statistics", "Discussed before first treatment"),
         N("statistics", "Cases first discussed in the period: the share whose first discussion was a pre-treatment "
              "discussion held before treatment started (no treatment yet counts as before; a recorded "
              "start date before the meeting does not)."), "share", "first",
         hit=lambda: and_(Discussion.conference_type == "pre_treatment", _not_treated_before())),
    Spec("days_to_discussion", N("statistics", "Median days from application to discussion"),
         N("statistics", "Cases first discussed in the period: median of the days between the application date and the "
              "meeting date."), "median", "first",
         where=lambda: Case.applied_on.is_not(None), days=lambda: q.days_between(q.disc_day(), Case.applied_on)),
    Spec("days_to_treatment", N("statistics", "Median days from discussion to treatment start"),
         N("statistics", "Discussions in the period whose decision in force has a treatment start date on or after the "
              "meeting: median of the days between them (treatment started before the meeting is left out)."),
         "median", "decided", where=_started_after_meeting, days=_days_to_treatment),
    Spec("within_72h", N("statistics", "Urgent cases discussed within 72 h"),
         N("statistics", "Urgent cases first discussed in the period: the share discussed within 72 hours of "
              "submission."), "share", "first",
         where=lambda: and_(Case.urgency == "urgent", Case.submitted_at.is_not(None)), hit=_within_72h),
    Spec("quorum", N("statistics", "Quorum compliance"),
         N("statistics", "Closed meetings held in the period: the share that met the quorum without the chair "
              "overriding it. The tumour-type filter does not apply."), "share", "meetings"),
    Spec("ctnm", N("statistics", "Clinical TNM before first treatment (CA-xx-01)"),
         N("statistics", "Pre-treatment cases first discussed in the period and not treated before the meeting: the "
              "share whose record holds a complete T, N and M stage."), "share", "first",
         where=lambda: and_(Discussion.conference_type == "pre_treatment", _not_treated_before()),
         hit=lambda: and_(Case.stage_t != "", Case.stage_n != "", Case.stage_m != "")),
    Spec("pathology", N("statistics", "Pathology before non-surgical treatment (CA-xx-03)"),
         N("statistics", "Discussions in the period whose decision in force is a non-surgical anticancer treatment "
              "(radiotherapy, chemotherapy, targeted, immunotherapy, endocrine, interventional) that has "
              "started: the share with a histology diagnosis or a pathology report attached."),
         "share", "decided",
         where=lambda: and_(Decision.treatment_started_on.is_not(None), q.non_surgical_treatment()),
         hit=q.pathology_known),
    Spec("implemented", N("statistics", "Decision implementation rate"),
         N("statistics", "Decisions in force from discussions in the period whose execution status is recorded: the "
              "share carried out as planned (partly executed and not executed count as deviations; the "
              "reasons are listed separately)."), "share", "decided",
         where=lambda: Decision.execution_status.in_(("executed", "partly", "not")),
         hit=lambda: Decision.execution_status == "executed"),
    Spec("awaiting_execution", N("statistics", "Decisions awaiting execution status"),
         N("statistics", "Decisions in force from discussions in the period whose execution status has not been "
              "recorded yet."), "count", "decided",
         where=lambda: Decision.execution_status == "pending"),
    Spec("followup_1", N("statistics", "Follow-up completion at 1 month"),
         N("statistics", "Follow-ups planned 1 month after the decision that fell due in the period (up to today): the "
              "share completed by a visit or a call (lost to follow-up does not count as completed)."),
         "share", "followup", months=1),
    Spec("followup_3", N("statistics", "Follow-up completion at 3 months"),
         N("statistics", "Follow-ups planned 3 months after the decision that fell due in the period (up to today): the "
              "share completed by a visit or a call (lost to follow-up does not count as completed)."),
         "share", "followup", months=3),
    Spec("followup_6", N("statistics", "Follow-up completion at 6 months"),
         N("statistics", "Follow-ups planned 6 months after the decision that fell due in the period (up to today): the "
              "share completed by a visit or a call (lost to follow-up does not count as completed)."),
         "share", "followup", months=6),
    Spec("rediscussion", N("statistics", "Re-discussion for missing information"),
         N("statistics", "Discussions in the period with a decision in force: the share whose decision asked for "
              "further work-up before treatment could be decided, so the case must come back."),
         "share", "decided",
         hit=lambda: or_(q.has_modality("workup"), Decision.further_workup != "")),
    Spec("diagnosis_changed", N("statistics", "Diagnosis changed by the MDT"),
         N("statistics", "Decisions in force from discussions in the period for which the responsible doctor recorded "
              "whether the MDT changed the diagnosis (MDT前后诊断是否改变): the share where it did."), "share", "decided",
         where=lambda: effect_sql("diagnosis_changed").is_not(None),
         hit=lambda: effect_sql("diagnosis_changed") == 1),
    Spec("treatment_changed", N("statistics", "Treatment plan changed by the MDT"),
         N("statistics", "Decisions in force from discussions in the period for which the responsible doctor recorded "
              "whether the MDT changed the treatment plan (MDT前后治疗方案是否改变): the share where it did."),
         "share", "decided",
         where=lambda: effect_sql("treatment_changed").is_not(None),
         hit=lambda: effect_sql("treatment_changed") == 1),
    Spec("treated_locally", N("statistics", "Treated locally"),
         N("statistics", "Decisions in force from discussions in the period whose treatment has started with its place "
              "recorded: the share treated in this hospital (target 80%). Patients referred out count as "
              "not local."), "share", "decided",
         where=lambda: and_(Decision.execution_status.in_(("executed", "partly")), Decision.treatment_place != ""),
         hit=lambda: Decision.treatment_place == "this", target=0.8),
    Spec("referrals", N("statistics", "Referrals to the upper-level hospital"),
         N("statistics", "Discussions in the period whose decision in force refers the patient upward, or whose "
              "treatment takes place in an upper-level hospital."), "count", "decided",
         where=lambda: or_(Decision.treat_where == "refer_upward", Decision.treatment_place == "upper")),
    Spec("referral_turnaround", N("statistics", "Median days to treatment after upward referral"),
         N("statistics", "Discussions in the period treated in an upper-level hospital: median of the days between the "
              "meeting and the treatment start there."), "median", "decided",
         where=lambda: and_(_started_after_meeting(), Decision.treatment_place == "upper"), days=_days_to_treatment),
)

BY_KEY = {s.key: s for s in SPECS}
