"""Audit trail benchmark (issue 7): 100,000 events; the viewer's queries and the CSV export.

Prints the time of: the ids of all events newest first (what the viewer runs on opening), sorted by user,
filtered by user and by action, one block of 200 rows (what a screenful costs), and the CSV export.

    .venv/bin/python tests/bench/audit_view.py [--events 100000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def timed(fn, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args()

    from sqlalchemy import insert

    from app.config import DataDir
    from app.context import open_context
    from app.services.audit_query import AuditFilter
    from db.models import AuditEvent

    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(DataDir(Path(tmp) / "data"), create=True)
        admin = ctx.setup.initialise("基准医院", "admin", "Admin2026!", "管理员")
        users = ["zhangwei", "liuyang", "chenjing", "wangfang", "lina", "admin"]
        actions = ["update", "create", "login", "status", "export", "sign_in", "unmask"]
        start = datetime(2025, 1, 1)
        rows = [{"at": start + timedelta(seconds=i * 300), "username": users[i % len(users)],
                 "action": actions[i % len(actions)], "entity": "case", "entity_id": i % 5000,
                 "case_id": i % 5000, "new": {"field": "question", "value": "手术还是放化疗？"},
                 "note": "", "prev_hash": "", "hash": ""} for i in range(args.events)]
        t = time.perf_counter()
        with ctx.db.session() as s:
            s.execute(insert(AuditEvent), rows)
        print(f"inserted {args.events} events in {time.perf_counter() - t:.1f} s")
        q = ctx.audit_query
        ms, ids = timed(lambda: q.ids(admin, AuditFilter()))
        print(f"ids, newest first:           {ms:7.1f} ms ({len(ids)} ids)")
        ms, _ = timed(lambda: q.ids(admin, AuditFilter(sort="user", descending=False)))
        print(f"ids, sorted by user:         {ms:7.1f} ms")
        ms, found = timed(lambda: q.ids(admin, AuditFilter(user="lina")))
        print(f"ids, one user:               {ms:7.1f} ms ({len(found)} ids)")
        ms, found = timed(lambda: q.ids(admin, AuditFilter(action="unmask", since=start + timedelta(days=30))))
        print(f"ids, action + date:          {ms:7.1f} ms ({len(found)} ids)")
        ms, _ = timed(lambda: q.rows(admin, ids[50_000 % len(ids):50_000 % len(ids) + 200]))
        print(f"one block of 200 rows:       {ms:7.1f} ms")
        out = Path(tmp) / "audit.csv"
        ms, n = timed(lambda: q.export_csv(admin, AuditFilter(), out), runs=1)
        print(f"CSV export:                  {ms:7.1f} ms ({n} events, {out.stat().st_size / 1e6:.1f} MB)")
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
