"""A finalised decision whose requesting doctor is 周海涛 (a physician), with two action items: one for
him due yesterday, one for 林秀英 due in a month. Built through the services (see meeting_factory)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from meeting_factory import DECISION, hospital, running_meeting


def decided(ctx, admin, monkeypatch) -> SimpleNamespace:
    h = hospital(ctx, admin, monkeypatch, cases=0)
    zhou, lin = h.actors["zhou"], h.actors["lin"]
    p = ctx.patients.create(zhou, name="王建国", sex="M", hospital_number="ZY900")
    c = ctx.case_records.create(zhou, p.id, tumour_type="lung", team_id=h.team.id, conference_type="pre_treatment",
                                purpose="明确治疗方案", question="能否手术？")
    ctx.case_records.submit(zhou, c.id, override_reason="病理会前补充")
    h.cases = [c]
    m, ids = running_meeting(ctx, h)
    item = m.agenda[0].id
    ctx.capture.open_discussion(h.secretary, item)
    today = date.today()
    actions = [{"description": "安排胸腔镜手术", "responsible_user_id": zhou.user_id, "responsible_name": "周海涛",
                "department": "胸外科", "due_on": (today - timedelta(days=1)).isoformat()},
               {"description": "术后复查胸部CT", "responsible_user_id": lin.user_id, "responsible_name": "林秀英",
                "department": "放射科", "due_on": (today + timedelta(days=30)).isoformat()}]
    state = ctx.capture.save_capture(h.secretary, item, {
        "opinions": [{"attendance_id": ids["周海涛"], "text": "可手术"}], "decision": DECISION, "actions": actions})
    dec = ctx.decisions.finalise(h.chair, state.draft.id)
    return SimpleNamespace(h=h, case=c, decision=dec, zhou=zhou, lin=lin, meeting=m)
