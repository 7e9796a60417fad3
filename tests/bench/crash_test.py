"""Crash test: SIGKILL the workload at random moments, restart it, and demand every record it reported.

    .venv/bin/python tests/bench/crash_test.py [--kills 200] [--seed N] [--max-delay 1.5] [--work DIR] [--json]

1. `crash_workload.py --setup` makes a hospital (users, a lung team) in a fresh data dir.
2. `--kills` times: start the workload (it tidies, prints READY, then loops over patient -> case ->
   attachment -> meeting -> finalised decision, printing each id once the service call returned), wait a
   random moment (mostly after READY, sometimes during its start-up) and SIGKILL it. Lines the workload
   completed before the kill are kept; a torn last line is ignored (it was not yet "reported").
3. A last clean start (the tidy an app start does), then the verdict:
   PRAGMA integrity_check ok; `check` ok (schema, every referenced stored file present with its SHA-256, the
   audit chain and its head); every printed patient, case, attachment and decision exists with its content;
   no stored file that nothing refers to, no partial file in the store, nothing left in tmp/.
Prints the kills survived and the records verified; exit 0 when everything holds, else 1 with the problems.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WORKLOAD = Path(__file__).with_name("crash_workload.py")
START_TIMEOUT_S = 120


def _spawn(data: Path, work: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("MDT_DESK_DATA", None)
    return subprocess.Popen([sys.executable, str(WORKLOAD), "--data", str(data), "--work", str(work), *extra],
                            stdout=subprocess.PIPE, stderr=open(work / "stderr.txt", "ab"), cwd=ROOT, env=env)


class _Lines:
    """Reads the workload's stdout on a thread: complete lines only, and a signal once READY came."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc) -> None:
        for raw in proc.stdout:
            if not raw.endswith(b"\n"):
                break  # torn by the kill: never reported
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("READY"):
                self.ready.set()
            self.lines.append(line)

    def join(self) -> list[str]:
        self._thread.join(30)
        return self.lines


def run(kills: int, seed: int, max_delay: float, work: Path) -> dict:
    rng = random.Random(seed)
    data = work / "data"
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    setup = _spawn(data, work, "--setup")
    if setup.wait(START_TIMEOUT_S) != 0:
        raise SystemExit(f"set-up failed; see {work / 'stderr.txt'}")
    reported: list[str] = []
    survived = 0
    early = 0
    for _k in range(kills):
        proc = _spawn(data, work)
        lines = _Lines(proc)
        if rng.random() < 0.1:  # during start-up: opening, quick_check, tidying
            early += 1
            time.sleep(rng.uniform(0.0, 1.0))
        else:
            if not lines.ready.wait(START_TIMEOUT_S):
                proc.kill()
                raise SystemExit(f"the workload did not start after kill {survived}; see {work / 'stderr.txt'}")
            time.sleep(rng.uniform(0.0, max_delay))
        if proc.poll() is not None:
            raise SystemExit(f"the workload died by itself (exit {proc.returncode}) after kill {survived}; "
                             f"see {work / 'stderr.txt'}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        reported.extend(line for line in lines.join() if not line.startswith("READY"))
        survived += 1
    final = _spawn(data, work, "--rounds", "0", "--tidy-only")
    lines = _Lines(final)
    if final.wait(START_TIMEOUT_S) != 0:
        raise SystemExit(f"the last start failed; see {work / 'stderr.txt'}")
    lines.join()
    problems, counts = verify(data, reported)
    return {"kills": kills, "kills_during_startup": early, "survived": survived if not problems else 0,
            "records": counts, "problems": problems, "seconds": round(time.monotonic() - started, 1),
            "data": str(data)}


def verify(root: Path, reported: list[str]) -> tuple[list[str], dict[str, int]]:
    from sqlalchemy.orm import Session

    from app.config import DataDir
    from app.services.integrity import check_data_dir
    from app.services.stored_files import unreferenced
    from db.blobs import BlobStore
    from db.engine import make_readonly_engine
    from db.models import Attachment, Case, Decision, Discussion, Patient
    from db.sqlite_file import integrity_problems

    dd = DataDir(root)
    problems = [f"integrity_check: {m}" for m in integrity_problems(dd.db_path, full=True)]
    report = check_data_dir(dd)
    problems += [f"check [{p.area}]: {p.message}" for p in report.problems]
    counts = {"patients": 0, "cases": 0, "attachments": 0, "decisions": 0}
    blobs = BlobStore(dd.blobs)
    engine = make_readonly_engine(dd.db_path)
    try:
        with Session(engine) as s:
            for line in reported:
                kind, ident, *rest = line.split(" ")
                ident = int(ident)
                if kind == "P":
                    p = s.get(Patient, ident)
                    ok = p is not None and (p.hospital_number, p.name) == (rest[0], rest[1])
                    counts["patients"] += 1
                elif kind == "C":
                    c = s.get(Case, ident)
                    ok = c is not None and c.patient_id == int(rest[0])
                    counts["cases"] += 1
                elif kind == "A":
                    a = s.get(Attachment, ident)
                    ok = (a is not None and a.case_id == int(rest[0]) and a.sha256 == rest[1]
                          and blobs.verify(a.sha256) is None)
                    counts["attachments"] += 1
                elif kind == "D":
                    d = s.get(Decision, ident)
                    disc = s.get(Discussion, d.discussion_id) if d is not None else None
                    ok = (d is not None and disc.case_id == int(rest[0]) and d.chair_summary == rest[1]
                          and d.status == "finalised")
                    counts["decisions"] += 1
                else:
                    ok = False
                if not ok:
                    problems.append(f"reported but missing or different: {line}")
            orphans = unreferenced(s, blobs)
            if orphans:
                problems.append(f"{len(orphans)} stored file(s) that nothing refers to, e.g. {orphans[0]}")
    finally:
        engine.dispose()
    partial = list(dd.blobs.glob("*/.*.part"))
    if partial:
        problems.append(f"{len(partial)} partial file(s) left in the store")
    if dd.tmp.is_dir() and any(dd.tmp.iterdir()):
        problems.append(f"files left in {dd.tmp}: {sorted(p.name for p in dd.tmp.iterdir())[:5]}")
    return problems, counts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-delay", type=float, default=3.0, help="seconds after READY, at most")
    ap.add_argument("--work", type=Path, default=None, help="kept afterwards (default: a temporary folder)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10**9)
    if args.work is None:
        with tempfile.TemporaryDirectory(prefix="mdt-crash-") as tmp:
            result = run(args.kills, seed, args.max_delay, Path(tmp))
    else:
        result = run(args.kills, seed, args.max_delay, args.work)
    result["seed"] = seed
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        r = result["records"]
        print(f"seed {seed}: {result['survived']} of {result['kills']} kills survived "
              f"({result['kills_during_startup']} during start-up) in {result['seconds']} s; verified "
              f"{r['patients']} patients, {r['cases']} cases, {r['attachments']} attachments, "
              f"{r['decisions']} decisions")
        for p in result["problems"]:
            print(f"  PROBLEM: {p}")
    return 0 if not result["problems"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
