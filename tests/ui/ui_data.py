"""A small hospital for the UI tests, made through the services where they exist (cases: the ORM)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.config import DataDir
from app.context import open_context
from app.records import CLI_READER, Actor
from db.models import AgendaItem, Attendance, Case, Meeting, Team

HOSPITAL = "测试县人民医院"
ADMIN = ("admin", "Admin2026!", "王管理")
DOCTOR = ("lidoc", "Doctor2026!", "李医生")

PATIENTS = [
    # name, sex, birth date, inpatient no.
    ("张三", "M", date(1960, 5, 1), "ZY0001"),
    ("李四", "M", date(1972, 3, 9), "ZY0002"),
    ("王芳", "F", date(1980, 11, 20), "ZY0003"),
    ("赵敏", "F", date(1965, 7, 14), "ZY0004"),
    ("陈伟", "M", date(1958, 1, 30), "ZY0005"),
]

CASES = [
    # case no, patient index, team index, tumour, ICD-10, name, status, applied on, stage
    ("MDT2026-0001", 0, 0, "lung", "C34.1", "右肺上叶腺癌", "scheduled", date(2026, 3, 2), ("c", "T2a", "N1", "M0", "IIB")),
    ("MDT2026-0002", 1, 1, "gastric", "C16.2", "胃体腺癌", "submitted", date(2026, 3, 5), ("c", "T3", "N1", "M0", "III")),
    ("MDT2026-0003", 2, 1, "colorectal", "C20", "直肠腺癌", "draft", date(2026, 2, 20), ("", "", "", "", "")),
    ("MDT2026-0004", 3, 0, "breast", "C50.4", "左乳浸润性导管癌", "discussed", date(2026, 1, 15), ("p", "T1c", "N0", "M0", "IA")),
    ("MDT2026-0005", 0, 1, "gastric", "C16.0", "贲门腺癌", "approved", date(2026, 3, 10), ("c", "T2", "N0", "M0", "IB")),
    ("MDT2026-0006", 4, 0, "oesophageal", "C15.4", "食管中段鳞癌", "closed", date(2025, 12, 1), ("c", "T3", "N2", "M0", "III")),
]


def build(data_dir: DataDir, *, extra_cases: int = 0, demo: bool = False) -> None:
    ctx = open_context(data_dir, create=True)
    try:
        admin = ctx.setup.initialise(HOSPITAL, ADMIN[0], ADMIN[1], ADMIN[2], demo=demo)
        doctor = ctx.users.create(admin, DOCTOR[0], DOCTOR[2], "physician", DOCTOR[1], title="attending",
                                  department_code="oncology", must_change_password=False)
        patients = [ctx.patients.create(admin, name=n, sex=s, birth_date=b, hospital_number=h)
                    for n, s, b, h in PATIENTS]
        with ctx.db.session() as s:
            teams = [Team(name="胸部肿瘤MDT", default_place="门诊楼五楼会议室"),
                     Team(name="消化道肿瘤MDT", default_place="住院部三楼示教室")]
            s.add_all(teams)
            s.flush()
            cases = []
            for no, p, t, tumour, icd, icd_name, status, applied, (pre, st, sn, sm, grp) in CASES:
                cases.append(Case(case_no=no, patient_id=patients[p].id, team_id=teams[t].id, status=status,
                                  applicant_id=doctor.id, applied_on=applied, tumour_type=tumour,
                                  icd10_code=icd, icd10_name=icd_name, stage_prefix=pre, stage_t=st,
                                  stage_n=sn, stage_m=sm, stage_group=grp,
                                  urgency="urgent" if no.endswith("2") else "routine"))
            for i in range(extra_cases):
                cases.append(Case(case_no=f"BULK-{i:05d}", patient_id=patients[4].id, team_id=teams[0].id,
                                  status="closed", applicant_id=doctor.id,
                                  applied_on=date(2020, 1, 1) + timedelta(days=i), tumour_type="lung",
                                  icd10_code="C34.9", icd10_name="肺恶性肿瘤"))
            s.add_all(cases)
            s.flush()
            soon = datetime.now().replace(microsecond=0, second=0, minute=0) + timedelta(days=3)
            future = Meeting(team_id=teams[0].id, scheduled_at=soon, place="门诊楼五楼会议室", status="planned")
            past = Meeting(team_id=teams[1].id, scheduled_at=datetime(2026, 1, 20, 14, 30),
                           place="住院部三楼示教室", status="closed")
            s.add_all([future, past])
            s.flush()
            s.add(AgendaItem(meeting_id=future.id, case_id=cases[0].id, position=0))
            s.add(AgendaItem(meeting_id=past.id, case_id=cases[3].id, position=0))
            s.add(Attendance(meeting_id=past.id, user_id=doctor.id, name=DOCTOR[2],
                             signed_in_at=datetime(2026, 1, 20, 14, 25)))
    finally:
        ctx.close()


def actor_for(ctx, username: str) -> Actor:
    """The acting user without a password check (the login tests cover that)."""
    row = next(u for u in ctx.users.list(CLI_READER) if u.username == username)
    return Actor(row.id, row.username, row.display_name, row.role)
