"""Statistics benchmark (issue 8): 100,000 cases over two years, each discussed, about half with a second
discussion, finalised decisions with execution, follow-ups and attendance; the statistics screen's
refresh (`statistics.report` for a year, all teams and one team), one "cases behind" click, and the screen
itself: StatisticsView refreshed (the report on the worker, charts, indicator table and attendance filled,
and the widget painted), from the moment the refresh is asked for. Target: <= 1 s at 100,000 cases.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/stats.py [--cases 100000] [--no-screen]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def timed(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def fill(ctx, n: int) -> None:
    from sqlalchemy import insert, select

    from db.models import Attendance, Case, Decision, Department, Discussion, FollowUp, Meeting, Patient, Team

    rnd = random.Random(8)
    start = date(2025, 1, 1)
    with ctx.db.session() as s:
        depts = list(s.execute(select(Department.id)).scalars())
        teams = []
        for name, kind in (("肺癌MDT", "lung"), ("胃肠MDT", "gastric"), ("乳腺MDT", "breast"), ("肝癌MDT", "liver")):
            t = Team(name=name, tumour_types=[kind])
            s.add(t)
            s.flush()
            teams.append((t.id, kind))
        meetings = []  # weekly per team
        for tid, _k in teams:
            for w in range(104):
                meetings.append({"team_id": tid, "scheduled_at": datetime.combine(start + timedelta(days=7 * w),
                                                                                  datetime.min.time()) +
                                 timedelta(hours=14), "status": "closed",
                                 "quorum_override_reason": "" if w % 9 else "主持人特批"})
        s.execute(insert(Meeting), meetings)
        m_ids = list(s.execute(select(Meeting.id, Meeting.team_id, Meeting.scheduled_at)).all())
        by_team = {}
        for mid, tid, at in m_ids:
            by_team.setdefault(tid, []).append((mid, at))
        s.execute(insert(Patient), [{"name": f"患者{i}", "sex": "MF"[i % 2]} for i in range(n)])
        first_patient = s.scalar(select(Patient.id).order_by(Patient.id).limit(1))
        cases, discussions, decisions, followups = [], [], [], []
        for i in range(n):
            tid, kind = teams[i % 4]
            mid, at = by_team[tid][rnd.randrange(104)]
            applied = at.date() - timedelta(days=rnd.randint(1, 20))
            cases.append({"case_no": f"B{i:06d}", "patient_id": first_patient + i, "team_id": tid,
                          "status": "implementing", "department_id": depts[i % len(depts)], "applied_on": applied,
                          "conference_type": "pre_treatment" if i % 5 else "post_operative",
                          "urgency": "urgent" if i % 10 == 0 else "routine", "icd10_code": "C34.1",
                          "tumour_type": kind, "stage_t": "T2" if i % 7 else "", "stage_n": "N0", "stage_m": "M0",
                          "histology_code": "8140/3" if i % 6 else "",
                          "submitted_at": datetime.combine(applied, datetime.min.time())})
        s.execute(insert(Case), cases)
        first_case = s.scalar(select(Case.id).order_by(Case.id).limit(1))
        for i, c in enumerate(cases):
            mid = next(m for m, at in by_team[c["team_id"]] if at.date() >= c["applied_on"])
            discussions.append({"case_id": first_case + i, "sequence": 1, "meeting_id": mid,
                                "conference_type": c["conference_type"],
                                "discussed_at": datetime.combine(c["applied_on"], datetime.min.time())})
            if i % 2:
                discussions.append({"case_id": first_case + i, "sequence": 2, "meeting_id": mid,
                                    "conference_type": "post_operative", "discussed_at": discussions[-1]["discussed_at"]})
        s.execute(insert(Discussion), discussions)
        d_rows = list(s.execute(select(Discussion.id, Discussion.case_id, Discussion.discussed_at)).all())
        statuses = ["executed"] * 7 + ["partly", "not", "pending"]
        for did, cid, at in d_rows:
            st = statuses[did % 10]
            started = at.date() + timedelta(days=rnd.randint(-3, 30)) if st in ("executed", "partly") else None
            decisions.append({"discussion_id": did, "status": "finalised", "modalities": ["surgery"] if did % 3 else
                              ["chemotherapy"], "execution_status": st, "treatment_started_on": started,
                              "treatment_place": ("this" if did % 5 else "upper") if started else "",
                              "deviation_reason": "patient_wish" if st in ("partly", "not") else "",
                              "treat_where": "local" if did % 5 else "refer_upward", "finalised_at": at,
                              "mdt_effect": {"diagnosis_changed": did % 7 == 0, "treatment_changed": did % 3 == 0,
                                             "note": ""} if st != "pending" else None})
            for months in (1, 3, 6, 12):
                followups.append({"case_id": cid, "months_after": months, "due_on": at.date() + timedelta(days=30 *
                                  months), "done_at": at if (did + months) % 4 else None, "lost_reason": ""})
        s.execute(insert(Decision), decisions)
        s.execute(insert(FollowUp), followups)
        s.execute(insert(Attendance), [{"meeting_id": mid, "name": f"专家{j}", "department": "肿瘤科",
                                        "discipline_id": 1 + j % 5, "signed_in_at": at}
                                       for mid, _t, at in m_ids for j in range(8)])


def screen(ctx, admin, year) -> None:
    """The statistics screen's refresh, measured as a user sees it: asked for -> painted."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui import ops
    from ui.main import create_application
    from ui.statistics.stats_view import StatisticsView

    app = QApplication.instance() or QApplication([])
    create_application("zh_CN", 11)
    view = StatisticsView(ctx, admin)
    view.resize(1130, 800)
    view.show()

    def wait_shown() -> None:
        loop = QEventLoop()
        view.reportShown.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        view.reportShown.disconnect(loop.quit)

    wait_shown()  # the first load (default period) also warms SQLite's page cache
    view.filters.set_period(year.start, year.end)
    times = []
    for team in (None, None, 1, None):
        view.filters.team.setCurrentIndex(max(0, view.filters.team.findData(team)))
        view.filters.settle()
        t = time.perf_counter()
        view.refresh()
        wait_shown()
        view.repaint()
        view.grab()  # everything on screen has been drawn
        times.append((time.perf_counter() - t) * 1000)
    print(f"screen refresh (asked -> painted): median {statistics.median(times):7.1f} ms, "
          f"worst {max(times):7.1f} ms over {len(times)}")
    ops.shutdown()
    del app


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--data", type=Path, help="keep the filled hospital here (reused when it exists)")
    ap.add_argument("--no-screen", dest="screen", action="store_false", help="only the service figures")
    args = ap.parse_args()

    from app.closed_loop_records import StatsFilter
    from app.config import DataDir
    from app.context import open_context

    with tempfile.TemporaryDirectory() as tmp:
        folder = DataDir(args.data or Path(tmp) / "data")
        if folder.root.exists():  # a hospital filled by an earlier run: filling takes minutes
            ctx = open_context(folder)
            admin = ctx.auth.login("admin", "Admin2026!")
        else:
            ctx = open_context(folder, create=True)
            admin = ctx.setup.initialise("基准医院", "admin", "Admin2026!", "管理员")
            t = time.perf_counter()
            fill(ctx, args.cases)
            print(f"inserted {args.cases} cases in {time.perf_counter() - t:.1f} s")
        year = StatsFilter(date(2025, 7, 1), date(2026, 6, 30))
        ms, r = timed(lambda: ctx.statistics.report(admin, year))
        print(f"report, one year, all teams: {ms:7.1f} ms ({sum(c.count for c in r.per_month)} discussions)")
        ms, _ = timed(lambda: ctx.statistics.report(admin, StatsFilter(date(2025, 1, 1), date(2026, 12, 31))))
        print(f"report, two years:           {ms:7.1f} ms")
        one = StatsFilter(year.start, year.end, team_id=r.per_team and 1)
        ms, _ = timed(lambda: ctx.statistics.report(admin, one))
        print(f"report, one team:            {ms:7.1f} ms")
        ms, ids = timed(lambda: ctx.statistics.case_ids(admin, year, "implemented", numerator=True))
        print(f"cases behind a figure:       {ms:7.1f} ms ({len(ids)} cases)")
        if args.screen:
            screen(ctx, admin, year)
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
