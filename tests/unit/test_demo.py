"""The demo hospital as a user would notice it: believable patients, every workflow state, live meetings."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from demo_template import demo_copy, demo_template
from sqlalchemy import func, select

from app.config import DataDir
from app.context import open_context
from app.demo import DEMO_PASSWORD, DEMO_USERS, populate
from app.demo.history import MEETINGS as HISTORY_MEETINGS
from app.domain import idcard
from app.domain.reference import DEFAULT_QUORUM
from app.domain.vocab import CASE_STATUSES, MODALITIES, TITLES, TUMOUR_TYPES
from app.domain.workflow import permission_for
from app.errors import ConflictError
from app.services.integrity import check_data_dir
from db.models import (
    AgendaItem,
    Attachment,
    Case,
    Decision,
    Discussion,
    HospitalSettings,
    Meeting,
    Opinion,
    Patient,
    Team,
    User,
)

PAST_STATUSES = {"discussed", "finalised", "signed", "implementing", "closed", "rediscussion"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    template = demo_template(tmp_path_factory)
    data_dir = demo_copy(tmp_path_factory, tmp_path_factory.mktemp("demo") / "d")
    report = check_data_dir(data_dir)  # closed: what `python -m app check` would see afterwards
    ctx = open_context(data_dir)
    yield SimpleNamespace(ctx=ctx, summary=template.summary, report=report, messages=list(template.messages),
                          data_dir=data_dir)
    ctx.close()


def test_summary_counts_what_was_made(demo):
    s = demo.summary
    assert (s.teams, s.meetings) == (3, 6 + HISTORY_MEETINGS)  # + the year of history (app/demo/history.py)
    assert s.patients >= 60 and s.cases >= 80 and s.users >= len(DEMO_USERS) and s.attachments >= 62
    assert demo.messages and demo.messages[-1] == "Demo data ready."


def test_the_data_folder_passes_check_and_stays_marked_as_demo(demo):
    assert demo.report.ok, demo.report.problems
    assert demo.report.counts["audit_events"] > demo.summary.cases
    with demo.ctx.db.read() as s:
        assert s.get(HospitalSettings, 1).is_demo
    assert demo.ctx.setup.info().is_demo


def test_every_patient_has_a_valid_id_number_matching_birth_date_and_sex(demo):
    with demo.ctx.db.read() as s:
        patients = s.scalars(select(Patient)).all()
    assert len(patients) >= 60
    for p in patients:
        info = idcard.parse(p.id_number)
        assert info is not None, p.id_number
        assert (info.birth_date, info.sex, info.region) == (p.birth_date, p.sex, "411625")
        age = (date.today() - p.birth_date).days // 365
        assert 35 <= age <= 86
        assert p.name_pinyin and p.name_initials and len(p.name_initials) == len(p.name)
        assert p.hospital_number.startswith("ZY") and len(p.phone) == 11 and p.phone[1] in "3456789"
        assert (p.province, p.city, p.county) == ("河南省", "周口市", "郸城县") and p.township
    assert len({p.id_number for p in patients}) == len(patients)
    assert len({p.hospital_number for p in patients}) == len(patients)


def test_patients_are_found_by_pinyin_initials(demo):
    actor = demo.ctx.auth.login("demo_doctor", DEMO_PASSWORD)
    with demo.ctx.db.read() as s:
        p = s.scalars(select(Patient).order_by(Patient.id)).first()
    found = demo.ctx.patients.search(actor, p.name_initials)
    assert p.id in {row.id for row in found}


def test_cases_cover_every_status_with_a_history_that_follows_the_workflow(demo):
    with demo.ctx.db.read() as s:
        cases = s.scalars(select(Case)).all()
        assert {c.status for c in cases} == set(CASE_STATUSES)
        assert {c.tumour_type for c in cases} == set(TUMOUR_TYPES)
        for c in cases:
            events = c.status_events
            assert events[0].to_status == "draft" and events[-1].to_status == c.status
            for e in events[1:]:
                assert permission_for(e.from_status, e.to_status), (c.case_no, e.from_status, e.to_status)
            assert [e.at for e in events] == sorted(e.at for e in events)
            assert events[-1].at <= datetime.now(UTC).replace(tzinfo=None)
            assert c.question.strip() and c.purpose.strip() and c.icd10_code.startswith("C")
            assert c.case_no.startswith("MDT-") and c.team_id and c.applicant_id
        applicants = s.scalars(select(User.role).join(Case, Case.applicant_id == User.id)).all()
    assert set(applicants) == {"physician"}
    assert len({c.case_no for c in cases}) == len(cases)


def test_three_teams_with_chair_secretary_and_an_upper_level_guest(demo):
    with demo.ctx.db.read() as s:
        teams = s.scalars(select(Team)).all()
        assert len(teams) == 3
        for t in teams:
            roles = [m.team_role for m in t.members]
            assert roles.count("chair") == 1 and roles.count("secretary") == 1
            guests = [m for m in t.members if m.team_role == "guest"]
            assert len(guests) == 1 and guests[0].user_id is None and "省" in guests[0].organisation
            assert len({m.discipline_id for m in t.members if m.discipline_id}) >= 4
            assert all(m.title in TITLES for m in t.members)
            assert t.quorum_rule == DEFAULT_QUORUM


def test_meetings_past_live_and_upcoming(demo):
    now = datetime.now()
    with demo.ctx.db.read() as s:
        meetings = s.scalars(select(Meeting).order_by(Meeting.scheduled_at)).all()
        statuses = [m.status for m in meetings]
        assert statuses.count("closed") == 4 + HISTORY_MEETINGS and statuses.count("in_progress") == 1
        assert statuses.count("planned") == 1
        for m in meetings:
            if m.status == "closed":
                assert m.scheduled_at < now and m.ended_at
                assert all(a.status in ("discussed", "postponed", "withdrawn") for a in m.agenda)
                assert sum(1 for a in m.attendance if a.signed_in_at) >= 5
            elif m.status == "planned":
                assert m.scheduled_at > now and m.agenda
                assert all(a.signed_in_at is None for a in m.attendance)
            else:
                assert m.scheduled_at.date() == date.today() and m.current_agenda_item_id == m.agenda[0].id
                signed = [a.signed_in_at is not None for a in m.attendance]
                assert any(signed) and not all(signed)
                assert all(a.status == "pending" for a in m.agenda)


def test_discussed_cases_have_opinions_and_a_decision_from_a_past_meeting(demo):
    with demo.ctx.db.read() as s:
        for c in s.scalars(select(Case).where(Case.status.in_(PAST_STATUSES))):
            d = s.scalars(select(Discussion).where(Discussion.case_id == c.id)).one()
            meeting = s.get(Meeting, d.meeting_id)
            assert meeting.status == "closed"
            opinions = s.scalars(select(Opinion).where(Opinion.discussion_id == d.id)).all()
            assert len({o.discipline_id for o in opinions}) >= 3
            assert all(o.attendance_id and o.author_name and o.text for o in opinions)
            dec = d.decisions[0]
            assert dec.status == ("draft" if c.status == "discussed" else "finalised")
            assert dec.chair_summary and set(dec.modalities) <= set(MODALITIES) and dec.intent
            assert (dec.guideline, dec.guideline_version) == ("CSCO", "2025")
            assert dec.actions
        scheduled = s.scalars(select(Case).where(Case.status == "scheduled")).all()
        for c in scheduled:
            item = s.scalars(select(AgendaItem).where(AgendaItem.case_id == c.id)).one()
            assert s.get(Meeting, item.meeting_id).status in ("planned", "in_progress")
        assert s.scalar(select(func.count(Decision.id)).where(Decision.execution_status == "executed")) > 10


def test_a_ct_series_and_slide_photos_are_attached(demo):
    with demo.ctx.db.read() as s:
        live = s.scalars(select(Meeting).where(Meeting.status == "in_progress")).one()
        first_case = s.get(Case, live.agenda[0].case_id)
        assert first_case.tumour_type == "lung"
        ct = s.scalars(select(Attachment).where(Attachment.kind == "dicom", Attachment.rows == 512)).all()
        assert len(ct) >= 60 and {a.case_id for a in ct} == {first_case.id}
        assert len({a.series_uid for a in ct}) == 1 and len({a.study_uid for a in ct}) == 1
        positions = [a.slice_position for a in ct]
        assert None not in positions and len(set(positions)) == len(positions)
        assert {(a.rows, a.columns, a.modality) for a in ct} == {(512, 512, "CT")}
        patient = s.get(Patient, first_case.patient_id)
        assert {(a.patient_name_dicom, a.patient_id_dicom) for a in ct} == {(patient.name, patient.hospital_number)}
        pathology = s.scalars(select(Attachment).where(Attachment.label == "pathology")).all()
        photos = [p for p in pathology if p.kind == "photo"]
        assert len(photos) >= 2 and any(p.is_key for p in photos)
        assert all(p.media_type == "image/jpeg" for p in photos)
        [scan] = [p for p in pathology if p.kind == "slide"]  # the whole-slide image
        scan_path = demo.ctx.blobs.path_for(scan.sha256)
    from app.imaging.slides import open_slide

    source = open_slide(scan_path, scan.sha256, demo.data_dir.tmp / "unused")
    try:
        assert source.width * source.height >= 100_000_000 and source.mpp == 0.5 and len(source.levels) >= 5
    finally:
        source.close()
    assert not any(demo.data_dir.tmp.iterdir())  # generated files did not stay behind


def test_demo_users_log_in_with_the_demo_password(demo):
    roles = {u[2] for u in DEMO_USERS}
    assert roles == {"admin", "chair", "physician", "secretary", "viewer"}
    for username in ("demo_admin", "demo_chair", "demo_doctor", "demo_secretary", "demo_viewer"):
        actor = demo.ctx.auth.login(username, DEMO_PASSWORD)
        assert not actor.must_change_password
    with demo.ctx.db.read() as s:
        hashes = set(s.scalars(select(User.password_hash)))
    assert len(hashes) == 1  # hashed once, shared: argon2 is slow by design


def test_a_second_run_is_refused_and_changes_nothing(demo):
    with pytest.raises(ConflictError) as err:
        populate(demo.ctx)
    assert "already holds the demo data" in str(err.value)
    with demo.ctx.db.read() as s:
        assert s.scalar(select(func.count(Patient.id))) == demo.summary.patients


def test_a_folder_with_a_real_patient_is_refused(tmp_path):
    ctx = open_context(DataDir(tmp_path / "d"), create=True)
    try:
        ctx.setup.initialise("真实县医院", "admin", "Admin2026!", "管理员")
        admin = ctx.auth.login("admin", "Admin2026!")
        ctx.patients.create(admin, name="张三", sex="M", id_number=idcard.make("411625", date(1960, 5, 1), 7, "M"))
        with pytest.raises(ConflictError) as err:
            populate(ctx)
        assert "already holds patient data" in str(err.value)
        with ctx.db.read() as s:
            assert s.scalar(select(func.count(Patient.id))) == 1
            assert s.scalar(select(func.count(Case.id))) == 0
            assert not s.get(HospitalSettings, 1).is_demo
    finally:
        ctx.close()


@pytest.mark.slow
def test_a_freshly_initialised_empty_folder_gets_the_demo_too(tmp_path):
    data_dir = DataDir(tmp_path / "d")
    ctx = open_context(data_dir, create=True)
    try:
        ctx.setup.initialise("测试县人民医院", "admin", "Admin2026!", "管理员")
        summary = populate(ctx)
        assert summary.patients >= 60 and summary.users == len(DEMO_USERS) + 1
        info = ctx.setup.info()
        assert info.is_demo and info.name == "测试县人民医院"
        assert ctx.auth.login("admin", "Admin2026!").role == "admin"
        assert ctx.auth.login("demo_admin", DEMO_PASSWORD).role == "admin"
    finally:
        ctx.close()
    assert check_data_dir(data_dir).ok


def test_every_template_has_a_complete_case_with_imaging_attached(demo):
    from app.domain.templates import TEMPLATES
    from app.records import CLI_READER
    from app.services.cases import CaseQuery

    ctx = demo.ctx
    ready_types = set()
    for status in ("submitted", "approved", "scheduled", "returned", "draft"):
        for row in ctx.cases.rows(CLI_READER, ctx.cases.search_ids(CLI_READER, CaseQuery(status=status))):
            readiness = ctx.case_records.readiness(CLI_READER, row.id)
            if readiness.ready:
                series = ctx.attachment_browse.series_for_case(CLI_READER, row.id)
                assert series, f"{row.case_no} is complete but has no imaging"
                ready_types.add(row.tumour_type)
    assert ready_types == set(TEMPLATES)
