"""Autosave and resume: idempotent saves, a restart (or a killed process) comes back at the same case with
the typed opinions; attendance corrections."""

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from meeting_factory import actor, audit_count, hospital, running_meeting, scheduled_meeting

from app.context import open_context
from app.errors import ConflictError, PermissionDenied, ValidationError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def h(ctx, admin, monkeypatch):
    return hospital(ctx, admin, monkeypatch, cases=2)


def test_saving_the_same_capture_again_changes_nothing(ctx, h):
    m, ids = running_meeting(ctx, h)
    item = m.agenda[0].id
    payload = {"opinions": [{"attendance_id": ids["林秀英"], "text": "右肺上叶结节"}],
               "decision": {"chair_summary": "建议手术", "modalities": ["surgery", "surgery"]},
               "actions": [{"description": "预约手术", "due_on": "2026-12-30"}]}
    first = ctx.capture.save_capture(h.secretary, item, payload)  # opens the discussion on the way
    events = audit_count(ctx)
    again = ctx.capture.save_capture(h.secretary, item, payload)
    assert audit_count(ctx) == events
    assert again.opinions[0].updated_at == first.opinions[0].updated_at
    assert again.draft.modalities == ("surgery",) and len(again.draft.actions) == 1
    # merged by attendee: another opinion is added, an empty text removes one
    state = ctx.capture.save_capture(h.secretary, item, {"opinions": [
        {"attendance_id": ids["黄振华"], "text": "腺癌"}]})
    assert {o.author_name for o in state.opinions} == {"林秀英", "黄振华"}
    state = ctx.capture.save_capture(h.secretary, item, {"opinions": [{"attendance_id": ids["林秀英"], "text": ""}],
                                                         "actions": []})
    assert [o.author_name for o in state.opinions] == ["黄振华"] and state.draft.actions == ()
    assert state.draft.chair_summary == "建议手术"  # fields not sent are kept


def test_an_opinion_needs_a_signed_in_attendee_and_experts_record_their_own(ctx, h):
    m = scheduled_meeting(ctx, h)
    ids = {a.name: a.id for a in ctx.attendance.list(h.secretary, m.id)}
    for name in ("陈主任", "刘秘书", "周海涛", "林秀英", "黄振华"):
        ctx.attendance.sign_in(h.secretary, ids[name])
    ctx.meetings.start(h.secretary, m.id)
    item = m.agenda[0].id
    with pytest.raises(ValidationError, match="has not signed in"):
        ctx.capture.save_capture(h.secretary, item, {"opinions": [{"attendance_id": ids["罗建平"], "text": "x"}]})
    state = ctx.capture.save_capture(h.actors["zhou"], item, {"opinions": [
        {"attendance_id": ids["周海涛"], "text": "可手术", "discipline": "surgery"}]})
    assert state.opinions[0].recorded_by == "周海涛" and state.opinions[0].discipline == "surgery"


def test_a_restart_resumes_at_the_same_case_with_the_captured_opinions(ctx, h, data_dir):
    m, ids = running_meeting(ctx, h)
    second = m.agenda[1].id
    ctx.meetings.step(h.secretary, m.id)
    ctx.capture.save_capture(h.secretary, second, {
        "opinions": [{"attendance_id": ids["周海涛"], "text": "建议先行新辅助治疗"}],
        "decision": {"chair_summary": "局部晚期", "dissent": "外科倾向直接手术"}})
    ctx.close()  # the PC dies here

    again = open_context(data_dir)
    try:
        r = again.capture.resume(h.secretary, m.id)
        assert r.meeting.status == "in_progress" and r.current.id == second
        assert r.capture.opinions[0].text == "建议先行新辅助治疗" and r.capture.opinions[0].author_name == "周海涛"
        assert (r.capture.draft.chair_summary, r.capture.draft.dissent) == ("局部晚期", "外科倾向直接手术")
        assert r.capture.quorum.result.met
    finally:
        again.close()


def test_killing_the_process_mid_meeting_loses_at_most_the_last_save(ctx, h, data_dir):
    m, ids = running_meeting(ctx, h)
    item = m.agenda[0].id
    ctx.capture.open_discussion(h.secretary, item)
    ctx.close()
    sec = h.secretary
    script = textwrap.dedent(f"""
        from pathlib import Path
        from app.config import DataDir
        from app.context import open_context
        from app.records import Actor
        ctx = open_context(DataDir(Path({str(data_dir.root)!r})))
        sec = Actor({sec.user_id}, {sec.username!r}, {sec.display_name!r}, {sec.role!r})
        for i in range(1, 100000):
            ctx.capture.save_capture(sec, {item}, {{"opinions": [
                {{"attendance_id": {ids["林秀英"]}, "text": "所见" * i}}]}})
            print(i, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    last = 0
    for line in proc.stdout:
        last = int(line)
        if last >= 15:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    again = open_context(data_dir)
    try:
        r = again.capture.resume(sec, m.id)
        assert r.current.id == item
        assert len(r.capture.opinions[0].text) >= 2 * last
    finally:
        again.close()


def test_sign_in_by_the_expert_late_arrival_times_and_corrections(ctx, admin, h):
    m = scheduled_meeting(ctx, h)
    zhou = ctx.attendance.sign_in_self(h.actors["zhou"], m.id)
    assert zhou.signed_in_by == "周海涛" and not zhou.late
    ids = {a.name: a.id for a in ctx.attendance.list(h.secretary, m.id)}
    with pytest.raises(PermissionDenied):  # a physician signs only their own row
        ctx.attendance.sign_in(h.actors["zhou"], ids["林秀英"])
    outsider = ctx.users.create(admin, "wu", "吴敏", "physician", "Doctor2026!", title="associate_chief",
                                must_change_password=False)
    with pytest.raises(PermissionDenied, match="not invited"):
        ctx.attendance.sign_in_self(actor(outsider), m.id)
    row = ctx.attendance.invite_user(h.secretary, m.id, outsider.id, discipline="surgery")
    assert row.role == "core" and row.discipline == "surgery"
    guest = ctx.attendance.add_guest(h.secretary, m.id, "邵明哲", department="胸外科", discipline="surgery",
                                     title="chief", organisation="省人民医院")
    assert guest.is_guest and guest.department == "省人民医院 胸外科"
    started = ctx.meetings.start(h.secretary, m.id, override_reason="测试")
    typed = started.started_at + timedelta(seconds=1)  # from the paper list, after the start
    late = ctx.attendance.sign_in(h.secretary, ids["林秀英"], at=typed)
    assert late.late and late.signed_in_at == typed.replace(microsecond=0)
    again = ctx.attendance.sign_in(h.secretary, ids["林秀英"])
    assert again.signed_in_at == late.signed_in_at  # the first time is kept
    with pytest.raises(ValidationError):
        ctx.attendance.sign_in(h.secretary, ids["黄振华"], at=started.started_at + timedelta(hours=3))
    with pytest.raises(ConflictError):
        ctx.attendance.leave(h.secretary, ids["黄振华"])  # not signed in
    undone = ctx.attendance.undo_sign_in(h.secretary, ids["林秀英"])
    assert undone.signed_in_at is None
    with pytest.raises(ConflictError):
        ctx.attendance.remove(h.secretary, zhou.id)
    ctx.attendance.remove(h.secretary, guest.id)
    assert guest.id not in {a.id for a in ctx.attendance.list(h.secretary, m.id)}
