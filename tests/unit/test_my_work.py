""""My work" shows each user their own overdue actions, decisions awaiting execution status and follow-ups
due; each disappears once done."""

from datetime import date, timedelta

from closed_loop_factory import decided


def test_my_work_is_per_user_and_empties_as_work_is_done(ctx, admin, monkeypatch):
    w = decided(ctx, admin, monkeypatch)
    mine = ctx.my_work.for_user(w.zhou)
    assert [(a.text, a.overdue) for a in mine.actions] == [("安排胸腔镜手术", True)]
    assert [e.id for e in mine.executions] == [w.decision.id]
    assert mine.executions[0].case_no == w.case.case_no and mine.executions[0].patient_name == "王建国"
    assert not mine.followups
    # 林秀英's action is due in a month: not yet on her list; it is, a week before it falls due.
    assert ctx.my_work.for_user(w.lin).count == 0
    soon = ctx.my_work.for_user(w.lin, today=date.today() + timedelta(days=25))
    assert [(a.text, a.overdue) for a in soon.actions] == [("术后复查胸部CT", False)]
    # An amendment copies the actions: they must not show twice, neither the draft's nor the old version's.
    ctx.decisions.amend(w.h.secretary, w.decision.id, "补充说明")
    assert len(ctx.my_work.for_user(w.zhou).actions) == 1

    ctx.execution.complete_action(w.zhou, mine.actions[0].id)
    ctx.execution.record(w.zhou, w.decision.id, "executed", treatment_started_on=date.today(),
                         treatment_place="this")
    after = ctx.my_work.for_user(w.zhou)
    assert not after.actions and not after.executions and not after.followups
    # The 1-month follow-up appears a week before it is due, overdue once the day has passed.
    later = ctx.my_work.for_user(w.zhou, today=date.today() + timedelta(days=40))
    assert [(f.text, f.overdue) for f in later.followups] == [("1", True)]
    ctx.followups.record(w.zhou, later.followups[0].id, contact="visit", vital_status="alive")
    assert not ctx.my_work.for_user(w.zhou, today=date.today() + timedelta(days=40)).followups
    # Nobody else sees 周海涛's work.
    assert ctx.my_work.for_user(w.h.chair, today=date.today() + timedelta(days=40)).count == 0
