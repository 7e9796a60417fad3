"""Fuzzing the import paths with mutated DICOM, JPEG, PNG, TIFF, PDF, CSV and XLSX files (not a pytest test).

    .venv/bin/python tests/bench/fuzz_import.py [--files 10500] [--workers 2] [--seed 1] [--timeout 20]

Each file (type = index mod 7, content = a seeded mutation of a valid seed file, see tests/fuzz_inputs.py)
goes through the real import: attachments through `AttachmentImportService.import_paths` (inspection,
pixel decoding, storage, database), patient lists through `PatientImportService.import_file`. Every file
must be accepted, or rejected with a reason, within --timeout seconds. Worker processes each own a data
dir; a watchdog (faulthandler, which fires even inside C code) ends a worker stuck on one file, which is
then counted as a hang and the worker restarted after it. Exceptions other than the app's own errors are
crashes. Prints counts per type and outcome, the slowest files, and exits 1 on any crash or hang (the
offending files are kept in --keep, default /tmp/mdt-fuzz-findings).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT, ROOT / "tests"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))


def file_for(index: int, seed: int) -> tuple[str, bytes]:
    from fuzz_inputs import TYPES, fuzzed

    kind = TYPES[index % len(TYPES)]
    return kind, fuzzed(kind, random.Random(seed * 1_000_003 + index))


def worker(args) -> int:
    """Imports files start..end-1, one JSON line per file on stdout (a "begin" line first)."""
    import faulthandler

    from fuzz_inputs import SUFFIX, import_one

    from app.config import DataDir
    from app.context import open_context

    root = Path(args.data)
    fresh = not DataDir(root).is_initialised()
    ctx = open_context(DataDir(root), create=fresh)
    try:
        if fresh:
            ctx.setup.initialise("模糊测试医院", "admin", "Admin2026!", "管理员")
        admin = ctx.auth.login("admin", "Admin2026!")
        case_id = int((root / "case_id").read_text()) if (root / "case_id").exists() else None
        if case_id is None:
            p = ctx.patients.create(admin, name="张三", sex="M", hospital_number="FZ0")
            case_id = ctx.case_records.create(admin, p.id, tumour_type="lung").id
            (root / "case_id").write_text(str(case_id))
        scratch = root.parent / f"{root.name}-files"
        scratch.mkdir(exist_ok=True)
        for i in range(args.start, args.end):
            kind, data = file_for(i, args.seed)
            path = scratch / f"f{i}{SUFFIX[kind]}"
            path.write_bytes(data)
            print(json.dumps({"begin": i}), flush=True)
            faulthandler.dump_traceback_later(args.timeout, exit=True)
            started = time.perf_counter()
            try:
                outcome, reason = import_one(ctx, admin, case_id, kind, path)
            except KeyboardInterrupt:
                raise
            except BaseException as e:  # noqa: BLE001 - exactly what the fuzzer looks for (Rust panics too)
                outcome, reason = "crash", f"{type(e).__name__}: {e}\n{traceback.format_exc()[-1500:]}"
            finally:
                faulthandler.cancel_dump_traceback_later()
            seconds = time.perf_counter() - started
            print(json.dumps({"i": i, "kind": kind, "outcome": outcome, "reason": reason[:2000],
                              "seconds": round(seconds, 3)}, ensure_ascii=False), flush=True)
            if outcome == "crash":
                path.rename(Path(args.keep) / path.name)
            else:
                path.unlink()
    finally:
        ctx.close()
    return 0


def _run_range(start: int, end: int, data: Path, args, results: dict, log) -> None:
    """One worker process over [start, end); restarted after a file that hung or killed it."""
    while start < end:
        cmd = [sys.executable, __file__, "--worker", "--data", str(data), "--start", str(start), "--end", str(end),
               "--seed", str(args.seed), "--timeout", str(args.timeout), "--keep", str(args.keep)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, cwd=ROOT)
        current = None
        for raw in proc.stdout:
            line = json.loads(raw)
            if "begin" in line:
                current = line["begin"]
            else:
                results[line["i"]] = line
                current = None
        proc.wait()
        if current is None:
            if proc.returncode != 0:
                raise SystemExit(f"worker failed outside a file (exit {proc.returncode}); see the log")
            return
        kind, data_bytes = file_for(current, args.seed)
        from fuzz_inputs import SUFFIX

        (Path(args.keep) / f"hang{current}{SUFFIX[kind]}").write_bytes(data_bytes)
        results[current] = {"i": current, "kind": kind, "outcome": "hang",
                            "reason": f"no answer within {args.timeout} s (exit {proc.returncode})",
                            "seconds": args.timeout}
        start = current + 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10_500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--keep", default="/tmp/mdt-fuzz-findings")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--start", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--end", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    Path(args.keep).mkdir(parents=True, exist_ok=True)
    if args.worker:
        return worker(args)

    import threading

    started = time.monotonic()
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="mdt-fuzz-") as tmp:
        log_path = Path(args.keep) / "workers.log"
        with open(log_path, "wb") as log:
            bounds = [args.files * k // args.workers for k in range(args.workers + 1)]
            threads = [threading.Thread(target=_run_range, args=(bounds[k], bounds[k + 1], Path(tmp) / f"w{k}", args,
                                                                 results, log)) for k in range(args.workers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in results.values():
        table[r["kind"]][r["outcome"]] += 1
    outcomes = ("accepted", "rejected", "crash", "hang")
    print(f"{len(results)} files in {time.monotonic() - started:.0f} s (seed {args.seed}, {args.workers} workers, "
          f"time bound {args.timeout:.0f} s per file)")
    print(f"{'type':8}" + "".join(f"{o:>10}" for o in outcomes))
    for kind in sorted(table):
        print(f"{kind:8}" + "".join(f"{table[kind][o]:>10}" for o in outcomes))
    total = collections.Counter(r["outcome"] for r in results.values())
    print(f"{'all':8}" + "".join(f"{total[o]:>10}" for o in outcomes))
    slow = sorted(results.values(), key=lambda r: -r["seconds"])[:3]
    print("slowest: " + ", ".join(f"#{r['i']} {r['kind']} {r['seconds']:.2f} s ({r['outcome']})" for r in slow))
    reasons = collections.Counter((r["kind"], r["reason"].split(":")[0][:60]) for r in results.values()
                                  if r["outcome"] == "rejected")
    print("most common rejections: " + "; ".join(f"{k}: {why} ×{n}" for (k, why), n in reasons.most_common(8)))
    bad = [r for r in results.values() if r["outcome"] in ("crash", "hang")]
    for r in bad[:20]:
        print(f"  {r['outcome'].upper()} #{r['i']} {r['kind']}: {r['reason'][:600]}")
    missing = args.files - len(results)
    if missing:
        print(f"  {missing} file(s) without a result")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
