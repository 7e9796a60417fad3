"""A hand-built MDT history whose every figure is known (written straight into the tables: the statistics
only read). Period 2026-03-01..2026-05-31, "today" 2026-07-01.

case  team    applied  meeting (day)       conference     treatment                 notes
A     lung    03-01    M1 03-05 + M3 05-20 pre / post-op  executed 03-12 here       2nd discussion asks work-up
B     lung    03-02    M1 03-05            pre            executed 03-01 here       treated BEFORE the meeting
C     gastric 04-01    M2 04-10 (override) pre, urgent    none yet (pending)        discussed 47 h after submit
D     gastric 04-03    M2 04-10            post-op,urgent not executed: patient wish
E     lung    05-01    M3 05-20            pre            executed 05-30 upper      referred out
K     lung    05-10    M3 05-20            pre            executed 05-25 here       pathology only as attachment
MDT changed diagnosis / treatment (recorded with the execution): A no/yes, D -/no, E yes/yes, K no/no.
G     lung    02-01    M0 02-10            pre            (outside the period)
I     gastric 04-15    -                   pre            never discussed
J     lung    04-20    -                   pre            benign (D12): not a cancer patient
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from sqlalchemy import select

from db.models import (
    Attachment,
    Attendance,
    Case,
    Decision,
    Department,
    Discipline,
    Discussion,
    FollowUp,
    Meeting,
    Patient,
    Team,
)

START, END, TODAY = date(2026, 3, 1), date(2026, 5, 31), date(2026, 7, 1)


def build(ctx) -> SimpleNamespace:
    ids = {}
    with ctx.db.session() as s:
        dept = dict(s.execute(select(Department.code, Department.id)).all())
        disc = dict(s.execute(select(Discipline.code, Discipline.id)).all())
        lung, gastric = Team(name="肺癌MDT", tumour_types=["lung"]), Team(name="胃肠MDT", tumour_types=["gastric"])
        s.add_all([lung, gastric])
        s.flush()

        def meeting(team, day, status="closed", override=""):
            m = Meeting(team_id=team.id, scheduled_at=datetime.fromisoformat(f"{day} 14:00"), status=status,
                        quorum_override_reason=override)
            s.add(m)
            s.flush()
            return m

        m0, m1 = meeting(lung, "2026-02-10"), meeting(lung, "2026-03-05")
        m2 = meeting(gastric, "2026-04-10", override="病理科专家临时手术，主持人决定继续")
        m3, m4 = meeting(lung, "2026-05-20"), meeting(lung, "2026-05-27", status="cancelled")

        def case(key, team, applied, *, dept_code="thoracic_surgery", conf="pre_treatment", icd="C34.1",
                 tnm=("T2a", "N0", "M0"), histology="8140/3", urgency="routine", submitted=None, tumour=None,
                 status="implementing"):
            p = Patient(name=f"患者{key}", sex="M")
            s.add(p)
            s.flush()
            c = Case(case_no=f"MDT-{key}", patient_id=p.id, team_id=team.id, status=status,
                     department_id=dept[dept_code], applied_on=date.fromisoformat(applied), conference_type=conf,
                     urgency=urgency, icd10_code=icd, tumour_type=tumour or team.tumour_types[0],
                     stage_t=tnm[0], stage_n=tnm[1], stage_m=tnm[2], histology_code=histology,
                     submitted_at=datetime.fromisoformat(submitted) if submitted else None)
            s.add(c)
            s.flush()
            ids[key] = c.id
            return c

        def discuss(c, m, *, seq=1, conf="pre_treatment", at=None, modalities=("surgery",), status="pending",
                    started=None, place="", reason="", treat_where="local", workup="", effect=None):
            d = Discussion(case_id=c.id, sequence=seq, meeting_id=m.id, conference_type=conf,
                           discussed_at=datetime.fromisoformat(at) if at else m.scheduled_at)
            s.add(d)
            s.flush()
            dec = Decision(discussion_id=d.id, status="finalised", modalities=list(modalities),
                           execution_status=status, treatment_place=place, deviation_reason=reason,
                           treatment_started_on=date.fromisoformat(started) if started else None,
                           treat_where=treat_where, further_workup=workup, finalised_at=m.scheduled_at,
                           mdt_effect=effect)
            s.add(dec)
            s.flush()
            return dec

        a = case("A", lung, "2026-03-01")
        dec_a = discuss(a, m1, status="executed", started="2026-03-12", place="this",
                        effect={"diagnosis_changed": False, "treatment_changed": True, "note": ""})
        discuss(a, m3, seq=2, conf="post_operative", modalities=("workup",), workup="术后病理会诊")
        b = case("B", lung, "2026-03-02", tnm=("T2a", "N1", ""), histology="")
        dec_b = discuss(b, m1, modalities=("chemotherapy",), status="executed", started="2026-03-01", place="this")
        c = case("C", gastric, "2026-04-01", dept_code="oncology", icd="C16.0", urgency="urgent",
                 submitted="2026-04-08 09:00")
        dec_c = discuss(c, m2, at="2026-04-10 08:00")
        d = case("D", gastric, "2026-04-03", dept_code="oncology", icd="C16.0", conf="post_operative",
                 urgency="urgent", submitted="2026-04-03 08:00")
        discuss(d, m2, conf="post_operative", status="not", reason="patient_wish", modalities=("chemotherapy",),
                effect={"diagnosis_changed": None, "treatment_changed": False, "note": ""})
        e = case("E", lung, "2026-05-01", dept_code="oncology", tnm=("T3", "", "M0"))
        dec_e = discuss(e, m3, modalities=("radiotherapy",), status="executed", started="2026-05-30",
                        place="upper", treat_where="refer_upward",
                        effect={"diagnosis_changed": True, "treatment_changed": True, "note": "病理复核为小细胞癌"})
        k = case("K", lung, "2026-05-10", histology="")
        discuss(k, m3, modalities=("chemotherapy",), status="executed", started="2026-05-25", place="this",
                effect={"diagnosis_changed": False, "treatment_changed": False, "note": ""})
        s.add(Attachment(case_id=k.id, sha256="0" * 64, size=1, original_name="病理报告.pdf", kind="pdf",
                         label="pathology"))
        g = case("G", lung, "2026-02-01")
        discuss(g, m0, status="executed", started="2026-02-20", place="this")
        case("I", gastric, "2026-04-15", dept_code="oncology", icd="C16.2", status="submitted")
        case("J", lung, "2026-04-20", icd="D12.6", status="submitted")

        def follow(c, dec, months, due, *, done=False, lost=""):
            s.add(FollowUp(case_id=c.id, decision_id=dec.id, months_after=months, due_on=date.fromisoformat(due),
                           done_at=datetime.fromisoformat(f"{due} 10:00") if done or lost else None,
                           lost_reason=lost))

        follow(a, dec_a, 1, "2026-04-12", done=True)
        follow(b, dec_b, 1, "2026-04-01", lost="电话空号")
        follow(e, dec_e, 1, "2026-06-30", done=True)  # due after the period
        follow(c, dec_c, 1, "2026-05-10")
        follow(a, dec_a, 3, "2026-05-12", done=True)

        def attend(m, name, discipline, signed=True, department=""):
            s.add(Attendance(meeting_id=m.id, name=name, department=department, discipline_id=disc[discipline],
                             signed_in_at=m.scheduled_at if signed else None))

        attend(m0, "陈主任", "medical_oncology", department="肿瘤科")
        attend(m1, "陈主任", "medical_oncology", department="肿瘤科")
        attend(m1, "周海涛", "surgery", department="胸外科")
        attend(m1, "林秀英", "radiology", signed=False, department="放射科")
        attend(m2, "陈主任", "medical_oncology", department="肿瘤科")
        attend(m3, "陈主任", "medical_oncology", department="肿瘤科")
        attend(m3, "林秀英", "radiology", department="放射科")
        attend(m4, "周海涛", "surgery", department="胸外科")
        team_ids = {"lung": lung.id, "gastric": gastric.id}
    return SimpleNamespace(ids=ids, teams=team_ids)
