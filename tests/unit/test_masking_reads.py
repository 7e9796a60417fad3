"""Every read that hands out case or meeting data, called by the viewer on the permission world (a running
meeting, decisions, a signed-in team, attachments): no patient's real name or hospital number in what
comes back. The other side of test_masking_viewer (one patient with every identifier, in depth)."""

from dataclasses import asdict, is_dataclass

import pytest
from permission_world import build, copy_data

from app.context import open_context
from app.services.cases import CaseQuery


def _text(value) -> str:
    if is_dataclass(value):
        value = asdict(value)
    if isinstance(value, dict):
        return " ".join(f"{k} {_text(v)}" for k, v in value.items() if not isinstance(v, bytes))
    if isinstance(value, list | tuple | set):
        return " ".join(_text(v) for v in value)
    return "" if isinstance(value, bytes) else str(value)


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    root = tmp_path_factory.mktemp("masked-reads")
    world = build(root)
    ctx = open_context(copy_data(root, root / "copy"), check_integrity=False)
    yield ctx, world
    ctx.close()


def _reads(ctx, w, v):
    """(name, call) for each read of the services that carries patient identity, with the world's ids."""
    case_ids = ctx.cases.search_ids(w.actors["admin"], CaseQuery())
    meetings = (w.planned_id, w.running_id)
    yield "cases.rows", lambda: ctx.cases.rows(v, case_ids)
    yield "patients.search", lambda: ctx.patients.search(v, "")
    yield "agenda.waiting_by_team", lambda: ctx.agenda.waiting_by_team(v)
    yield "agenda.waiting", lambda: ctx.agenda.waiting(v, w.team_id)
    yield "meetings.list", lambda: ctx.meetings.list(v)
    yield "meetings.upcoming", lambda: ctx.meetings.upcoming(v)
    yield "attendance.list", lambda: [ctx.attendance.list(v, m) for m in meetings]
    for m in meetings:
        yield f"meetings.get {m}", lambda m=m: ctx.meetings.get(v, m)
        yield f"meetings.record {m}", lambda m=m: ctx.meetings.record(v, m)
        yield f"agenda.candidates {m}", lambda m=m: ctx.agenda.candidates(v, m)
        yield f"plan_content.agenda {m}", lambda m=m: ctx.plan_content.agenda(v, m)
    yield "capture.resume", lambda: ctx.capture.resume(v, w.running_id)
    yield "capture.capture", lambda: ctx.capture.capture(v, w.captured_item_id)
    for c in case_ids:
        yield f"case_records.get {c}", lambda c=c: ctx.case_records.get(v, c)
        yield f"case_records.readiness {c}", lambda c=c: ctx.case_records.readiness(v, c)
        yield f"decisions.discussions {c}", lambda c=c: ctx.decisions.discussions(v, c)
        yield f"agenda.case_history {c}", lambda c=c: ctx.agenda.case_history(v, c)
        yield f"attachment_browse.list_for_case {c}", lambda c=c: ctx.attachment_browse.list_for_case(v, c)
        yield f"key_images.list_for_case {c}", lambda c=c: ctx.key_images.list_for_case(v, c)
    for d in (w.draft_decision_id, w.final_decision_id):
        yield f"decisions.get {d}", lambda d=d: ctx.decisions.get(v, d)
        yield f"plan_content.for_decision {d}", lambda d=d: ctx.plan_content.for_decision(v, d)
        yield f"documents.for_decision {d}", lambda d=d: ctx.documents.for_decision(v, d)


def test_no_read_shows_the_viewer_a_real_name_or_hospital_number(opened):
    ctx, world = opened
    admin = world.actors["admin"]
    ctx.documents.start_signing(world.actors["chair"], world.final_decision_id)  # a document to read back
    secrets = set()
    for p in ctx.patients.search(admin, ""):
        secrets |= {p.name, p.hospital_number} - {None, ""}
    assert len(secrets) >= 10

    def leaks(role: str) -> dict[str, list[str]]:
        out = {}
        for name, call in _reads(ctx, world, world.actors[role]):
            text = _text(call())
            found = sorted(s for s in secrets if s in text)
            if found:
                out[name] = found
        return out

    assert leaks("viewer") == {}
    assert len(leaks("physician")) >= 30  # the control: the same reads do carry identity for a doctor
