"""The demo's year of history: every chart and every §6 indicator of the last twelve months shows something,
and the history is made of the records the services write (so the statistics count it as real work)."""

from datetime import date, timedelta

import pytest
from demo_template import demo_copy
from sqlalchemy import func, select

from app.closed_loop_records import StatsFilter
from app.context import open_context
from app.demo.history import MEETINGS
from app.domain.workflow import permission_for
from app.records import CLI_READER
from app.services.auth import actor_of
from db.models import AgendaItem, AuditEvent, Case, Decision, Discussion, FollowUp, Meeting, User


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ctx = open_context(demo_copy(tmp_path_factory, tmp_path_factory.mktemp("history") / "d"))
    with ctx.db.read() as s:
        admin = actor_of(s.execute(select(User).where(User.username == "demo_admin")).scalar_one())
    yield ctx, admin
    ctx.close()


def _last_year() -> StatsFilter:
    today = date.today()
    return StatsFilter(today - timedelta(days=365), today)


def test_every_indicator_and_chart_of_the_last_year_shows_something(demo):
    ctx, admin = demo
    report = ctx.statistics.report(admin, _last_year())
    for ind in report.indicators:
        assert ind.denominator > 0 and ind.value is not None, ind.key
        if ind.kind == "share":
            assert 0 < ind.numerator, ind.key
    shares = {i.key: i.value for i in report.indicators if i.kind == "share"}
    assert 0.75 < shares["implemented"] < 1 and 0.6 < shares["treated_locally"] < 1  # believable, not perfect
    months = [r.count for r in report.per_month]
    assert len(months) >= 12 and sum(1 for n in months if n) >= 11
    assert len(report.per_team) == 3 and len(report.per_tumour_type) >= 8 and len(report.per_department) >= 5
    assert report.deviation_reasons and report.expert_attendance and report.discipline_attendance


def test_the_history_is_what_the_services_write(demo):
    ctx, admin = demo
    with ctx.db.read() as s:
        old = s.execute(select(Meeting).join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
                        .join(Case, Case.id == AgendaItem.case_id).where(Case.case_no.like("MDT-%-H%"))
                        .distinct()).scalars().all()
        assert len(old) == MEETINGS and {m.status for m in old} == {"closed"}
        for m in old[:5]:
            assert sum(1 for a in m.attendance if a.signed_in_at) >= 5 and m.agenda
            assert all(a.status == "discussed" for a in m.agenda)
        cases = s.execute(select(Case).where(Case.case_no.like("MDT-%-H%"))).scalars().all()
        assert len(cases) >= 4 * MEETINGS
        for c in cases:
            events = c.status_events
            assert events[0].to_status == "draft" and events[-1].to_status == c.status
            assert all(permission_for(e.from_status, e.to_status) for e in events[1:])
            assert [e.at for e in events] == sorted(e.at for e in events)
        pending = s.scalar(select(func.count(Decision.id)).join(Discussion, Discussion.id == Decision.discussion_id)
                           .join(Case, Case.id == Discussion.case_id)
                           .where(Case.case_no.like("MDT-%-H%"), Decision.execution_status == "pending"))
        assert pending and pending == sum(1 for c in cases if c.status == "signed")
        assert s.scalar(select(func.count(FollowUp.id)).where(FollowUp.months_after == 12)) > 0
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.entity == "demo_history")) == 1
    # the history's cases are found like any other
    found = ctx.cases.rows(CLI_READER, [cases[0].id])
    assert found and found[0].case_no == cases[0].case_no
