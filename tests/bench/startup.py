"""Start-up benchmark: cold start of the GUI on a data dir with ~10,000 cases (not a pytest test).

    .venv/bin/python tests/bench/startup.py [--work DIR] [--runs 5] [--cases 10000] [--rebuild] [--json]

What it does
  1. Makes (once; cached in --work, default /tmp/mdt-desk-bench) a data dir: `python -m app demo`, then
     ~10,000 more patients and cases bulk-inserted with SQLAlchemy Core (executemany on db.models tables).
     The cache is rebuilt when the schema head revision changes or with --rebuild.
  2. Times `python -m app gui --data-dir D --screenshot tmp.png --view cases` (a new process each run,
     warm OS file cache: one untimed warm-up run first) and reports the median wall time (target <= 1.0 s).
  3. Breaks start-up down with separate processes: bare interpreter, `--version`, `import ui.main`, and
     open_context + first case-list query (the database part). If the GUI honours MDT_DESK_STARTUP_TRACE
     (see below) its milestones are shown too.
  4. `python -X importtime` of `--version` and of the gui run: top cumulative costs, and which heavy modules
     (reportlab, pydicom, numpy, PIL, pypinyin, alembic, ...) the gui path imports and from where (the
     first-party stack that triggered the first import, recorded by an import hook in a wrapper process).

MDT_DESK_STARTUP_TRACE protocol (optional, for ui/main.py and app/__main__.py to honour):
  when the variable is set to a file path, append one line per milestone:  "<stage>\\t<time.time()>\\n",
  e.g. main, qt_imported, qapplication, db_open, window_shown, first_paint, screenshot_saved.
  The benchmark subtracts the moment it spawned the process, so no shared clock origin is needed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PY = sys.executable
TARGET_S = 1.0
DEFAULT_WORK = Path(tempfile.gettempdir()) / "mdt-desk-bench"
TRACE_ENV = "MDT_DESK_STARTUP_TRACE"
MARKER = ".bench-startup.json"
FIRST_PARTY = ("app", "ui", "db")
# Modules that should not be imported on the way to the first painted window unless really needed.
HEAVY = ("reportlab", "pydicom", "numpy", "PIL", "pypinyin", "alembic", "mako", "argon2", "openpyxl",
         "platformdirs", "filelock", "sqlalchemy", "PySide6.QtSvg", "PySide6.QtPrintSupport",
         "PySide6.QtNetwork", "ssl", "asyncio", "email", "http", "urllib.request", "xml.etree", "zipfile",
         "csv", "decimal", "concurrent.futures", "multiprocessing")


# --------------------------------------------------------------------------------------------- data


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰红梅建国建华国强志强春梅海燕小红丽娟淑珍凤英德明"
PLACES = [  # province, city, county, region code prefix of the county
    ("河南省", "周口市", "郸城县", "411625"), ("河南省", "周口市", "淮阳区", "411603"),
    ("河南省", "商丘市", "虞城县", "411425"), ("安徽省", "阜阳市", "临泉县", "341221"),
    ("山东省", "菏泽市", "曹县", "371721"), ("河南省", "驻马店市", "上蔡县", "411722"),
]
TOWNSHIPS = ["城关镇", "宜路镇", "汲冢镇", "石槽镇", "虎岗乡", "秋渠乡", "双楼乡", "钱店镇", "胡集乡"]
INSURANCE = ["城乡居民", "城乡居民", "城乡居民", "城镇职工", "新农合", "自费"]
# tumour type -> (ICD-10 code, name, primary site, histology code, histology name, stage system)
DIAGNOSES = {
    "lung": [("C34.1", "上叶，支气管或肺", "右肺上叶", "8140/3", "腺癌", "AJCC"),
             ("C34.3", "下叶，支气管或肺", "左肺下叶", "8070/3", "鳞状细胞癌", "AJCC")],
    "gastric": [("C16.3", "胃窦", "胃窦", "8140/3", "腺癌", "AJCC"),
                ("C16.2", "胃体", "胃体", "8490/3", "印戒细胞癌", "AJCC")],
    "colorectal": [("C20", "直肠", "直肠", "8140/3", "腺癌", "AJCC"),
                   ("C18.7", "乙状结肠", "乙状结肠", "8140/3", "腺癌", "AJCC")],
    "liver": [("C22.0", "肝细胞癌", "肝右叶", "8170/3", "肝细胞癌", "CNLC")],
    "oesophageal": [("C15.4", "食管中段", "食管中段", "8070/3", "鳞状细胞癌", "AJCC")],
    "breast": [("C50.4", "乳房上外象限", "左乳外上象限", "8500/3", "浸润性导管癌", "AJCC")],
    "cervical": [("C53.9", "子宫颈", "子宫颈", "8070/3", "鳞状细胞癌", "FIGO")],
    "nasopharyngeal": [("C11.9", "鼻咽", "鼻咽", "8072/3", "非角化性癌", "AJCC")],
}
TYPE_WEIGHTS = {"lung": 24, "gastric": 16, "colorectal": 15, "liver": 12, "oesophageal": 12, "breast": 10,
                "cervical": 6, "nasopharyngeal": 5}
STATUS_WEIGHTS = {"draft": 3, "submitted": 5, "approved": 3, "returned": 1, "scheduled": 4, "discussed": 3,
                  "finalised": 4, "signed": 8, "implementing": 25, "closed": 40, "cancelled": 2,
                  "rediscussion": 2}
STAGES = [("T1", "N0", "M0", "I"), ("T2", "N0", "M0", "II"), ("T2", "N1", "M0", "II"), ("T3", "N1", "M0", "III"),
          ("T3", "N2", "M0", "III"), ("T4", "N2", "M0", "III"), ("T2", "N1", "M1", "IV"), ("T4", "N3", "M1", "IV")]
COMPLAINTS = ["咳嗽、痰中带血1月", "上腹部隐痛3月，伴消瘦", "大便习惯改变2月，便血", "体检发现肝占位1周",
              "进行性吞咽困难2月", "发现左乳肿物1月", "接触性阴道出血3月", "回吸性涕血伴颈部肿物1月"]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def run_app(*args: str, timeout: float = 1800, env: dict | None = None) -> subprocess.CompletedProcess:
    e = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    e.pop("MDT_DESK_DATA", None)
    e.update(env or {})
    return subprocess.run([PY, "-m", "app", *args], cwd=ROOT, env=e, capture_output=True, text=True,
                          timeout=timeout)


def head_revision() -> str:
    from db.migrate import head_revision as head

    return head()


def bulk_cases(db_path: Path, n: int, seed: int = 20260101) -> dict[str, int]:
    """Append `n` patients with one case each (plausible values) in one transaction."""
    from sqlalchemy import create_engine, func, insert, select

    from app.domain import idcard
    from app.domain.names import pinyin_keys
    from db.models import Case, CaseStatusEvent, Department, Patient, Team, User

    rng = random.Random(seed)
    engine = create_engine(f"sqlite:///{db_path}")
    today = date.today()
    now = datetime.now().replace(microsecond=0)
    with engine.begin() as conn:
        p0 = conn.execute(select(func.coalesce(func.max(Patient.id), 0))).scalar_one()
        c0 = conn.execute(select(func.coalesce(func.max(Case.id), 0))).scalar_one()
        teams = conn.execute(select(Team.id)).scalars().all() or [None]
        departments = conn.execute(select(Department.id)).scalars().all() or [None]
        users = conn.execute(select(User.id)).scalars().all() or [None]
        taken_ids = set(conn.execute(select(Patient.id_number)).scalars().all())

        patients, cases, events = [], [], []
        for i in range(1, n + 1):
            sex = rng.choice("MF")
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            full, initials = pinyin_keys(name)
            province, city, county, region = rng.choice(PLACES)
            while True:
                born = date(1938, 1, 1) + timedelta(days=rng.randrange(0, 365 * 58))
                id_number = idcard.make(region, born, rng.randrange(0, 500), sex)
                if id_number not in taken_ids:
                    taken_ids.add(id_number)
                    break
            pid = p0 + i
            created = now - timedelta(days=rng.randrange(0, 3 * 365), minutes=rng.randrange(0, 1440))
            patients.append({
                "id": pid, "name": name, "name_pinyin": full, "name_initials": initials, "sex": sex,
                "birth_date": born, "id_number": id_number, "hospital_number": f"ZY{created:%Y}{i:07d}",
                "outpatient_number": f"MZ{rng.randrange(10**8, 10**9)}",
                "phone": f"1{rng.choice('3578')}{rng.randrange(10**8, 10**9)}",
                "province": province, "city": city, "county": county, "township": rng.choice(TOWNSHIPS),
                "address_detail": f"{rng.randrange(1, 30)}组{rng.randrange(1, 99)}号",
                "insurance": rng.choice(INSURANCE), "notes": "", "created_by": rng.choice(users),
                "created_at": created, "updated_at": created,
            })
            kind = _weighted(rng, TYPE_WEIGHTS)
            icd, icd_name, site, hist, hist_name, system = rng.choice(DIAGNOSES[kind])
            t, nn, m, group = rng.choice(STAGES)
            status = _weighted(rng, STATUS_WEIGHTS)
            applied = (created + timedelta(days=rng.randrange(0, 30))).date()
            applied = min(applied, today)
            cid = c0 + i
            cases.append({
                "id": cid, "case_no": f"MDT-{applied:%Y}-{10000 + i:05d}", "patient_id": pid,
                "team_id": rng.choice(teams), "status": status, "applicant_id": rng.choice(users),
                "department_id": rng.choice(departments), "applied_on": applied,
                "conference_type": rng.choice(("pre_treatment", "pre_treatment", "post_operative",
                                               "post_treatment", "recurrence")),
                "urgency": "urgent" if rng.random() < 0.08 else "routine",
                "purpose": "明确下一步治疗方案", "question": "是否适合手术？术前是否需要新辅助治疗？",
                "chief_complaint": rng.choice(COMPLAINTS), "history": "", "comorbidities": rng.choice(
                    ("", "高血压", "2型糖尿病", "高血压、冠心病")),
                "ecog": rng.choice((0, 0, 1, 1, 2)), "kps": rng.choice((90, 80, 80, 70)),
                "tumour_type": kind, "primary_site": site, "icd10_code": icd, "icd10_name": icd_name,
                "histology_code": hist, "histology_name": hist_name, "grade": rng.choice(("G1", "G2", "G3", "")),
                "biomarkers": {}, "stage_prefix": "c", "stage_t": t, "stage_n": nn, "stage_m": m,
                "stage_group": group, "stage_system": system, "stage_edition": "8", "stage_extra": {},
                "workup": {}, "submitted_at": None if status == "draft" else created,
                "created_by": rng.choice(users), "created_at": created, "updated_at": created,
            })
            events.append({"case_id": cid, "from_status": "", "to_status": "draft", "actor_id": rng.choice(users),
                           "at": created, "note": ""})
            if status != "draft":
                events.append({"case_id": cid, "from_status": "draft", "to_status": status,
                               "actor_id": rng.choice(users), "at": created + timedelta(days=1), "note": ""})
        conn.execute(insert(Patient.__table__), patients)
        conn.execute(insert(Case.__table__), cases)
        conn.execute(insert(CaseStatusEvent.__table__), events)
        totals = {
            "patients": conn.execute(select(func.count()).select_from(Patient)).scalar_one(),
            "cases": conn.execute(select(func.count()).select_from(Case)).scalar_one(),
        }
    engine.dispose()
    return totals


def ensure_data(work: Path, n: int, rebuild: bool) -> Path:
    data = work / f"data-{n}"
    marker = data / MARKER
    head = head_revision()
    if not rebuild and marker.is_file():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("revision") == head and info.get("extra_cases") == n:
            print(f"data: reusing {data} ({info['totals']['cases']} cases, built {info['built']})")
            return data
    if data.exists():
        import shutil

        shutil.rmtree(data)
    data.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    r = run_app("demo", "--data-dir", str(data))
    if r.returncode != 0:
        raise SystemExit(f"`python -m app demo` failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    t1 = time.perf_counter()
    totals = bulk_cases(data / "mdt.sqlite", n)
    t2 = time.perf_counter()
    marker.write_text(json.dumps({"revision": head, "extra_cases": n, "totals": totals,
                                  "built": datetime.now().isoformat(timespec="seconds")}), encoding="utf-8")
    size = (data / "mdt.sqlite").stat().st_size / 1e6
    print(f"data: built {data}: demo {t1 - t0:.1f} s + bulk insert {t2 - t1:.1f} s -> "
          f"{totals['patients']} patients, {totals['cases']} cases, {size:.1f} MB")
    return data


# ------------------------------------------------------------------------------------------- timing


def _env(extra: dict | None = None) -> dict:
    e = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    e.pop("MDT_DESK_DATA", None)
    e.pop(TRACE_ENV, None)
    e.update(extra or {})
    return e


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def timed(cmd: list[str], env: dict | None = None, timeout: float = 120) -> tuple[float, subprocess.CompletedProcess]:
    wall, _cpu, r = timed_cpu(cmd, env, timeout)
    return wall, r


def timed_cpu(cmd: list[str], env: dict | None = None,
              timeout: float = 120) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall time and CPU time (user + system) of one child process."""
    c0, t0 = _children_cpu(), time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, env=_env(env), capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - t0, _children_cpu() - c0, r


def read_trace(path: Path, spawned: float) -> list[tuple[str, float]]:
    out = []
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            stage, _, stamp = line.partition("\t")
            try:
                out.append((stage.strip(), float(stamp) - spawned))
            except ValueError:
                continue
    return out


def gui_runs(data: Path, runs: int, warmup: bool, launcher: list[str] | None = None) -> dict:
    launcher = launcher or [PY, "-m", "app"]
    tmp = Path(tempfile.mkdtemp(prefix="mdt-bench-"))
    walls, cpus, traces = [], [], []
    for i in range(-1 if warmup else 0, runs):
        shot = tmp / f"shot{i}.png"
        trace = tmp / f"trace{i}.txt"
        spawned = time.time()
        wall, cpu, r = timed_cpu([*launcher, "gui", "--data-dir", str(data), "--screenshot", str(shot),
                                  "--view", "cases"], env={TRACE_ENV: str(trace)})
        if r.returncode != 0 or not shot.is_file() or shot.stat().st_size == 0:
            raise SystemExit(f"gui run failed (exit {r.returncode}, screenshot {'ok' if shot.exists() else 'missing'})"
                             f":\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}")
        if i < 0:
            continue
        walls.append(wall)
        cpus.append(cpu)
        traces.append(read_trace(trace, spawned))
    stages: dict[str, list[float]] = {}
    for t in traces:
        for stage, at in t:
            stages.setdefault(stage, []).append(at)
    return {"walls": walls, "median": statistics.median(walls), "cpus": cpus, "cpu_median": statistics.median(cpus),
            "trace": {k: statistics.median(v) for k, v in stages.items()}}


OPEN_DB = r"""
import sys, time, json
t0 = time.perf_counter()
from app.config import DataDir
from app.context import open_context
from app.records import CLI_READER
from app.services.cases import CaseQuery
t1 = time.perf_counter()
ctx = open_context(DataDir(__import__('pathlib').Path(sys.argv[1])), lock=True)
t2 = time.perf_counter()
ids = ctx.cases.search_ids(CLI_READER, CaseQuery())
t3 = time.perf_counter()
rows = ctx.cases.rows(CLI_READER, ids[:200])
t4 = time.perf_counter()
ctx.close()
print(json.dumps({"import": t1 - t0, "open_context": t2 - t1, "search_ids": t3 - t2, "rows_200": t4 - t3,
                  "n_ids": len(ids)}))
"""

QUICK_CHECK = r"""
import sys, time
from pathlib import Path
from db.sqlite_file import integrity_problems
t0 = time.perf_counter(); integrity_problems(Path(sys.argv[1]), full=False); print(time.perf_counter() - t0)
"""


def med(values: list[float]) -> float:
    return statistics.median(values)


def breakdown(data: Path, runs: int) -> dict:
    out: dict[str, object] = {}
    out["python -c pass"] = med([timed([PY, "-c", "pass"])[0] for _ in range(runs)])
    out["python -m app --version"] = med([timed([PY, "-m", "app", "--version"])[0] for _ in range(runs)])
    if (ROOT / "ui" / "main.py").is_file():
        times = []
        for _ in range(runs):
            wall, r = timed([PY, "-c", "import ui.main"])
            if r.returncode != 0:
                times = None
                out["python -c 'import ui.main'"] = f"fails: {r.stderr.strip().splitlines()[-1:]}"
                break
            times.append(wall)
        if times:
            out["python -c 'import ui.main'"] = med(times)
    parts: dict[str, list[float]] = {}
    for _ in range(runs):
        _, r = timed([PY, "-c", OPEN_DB, str(data)])
        if r.returncode != 0:
            out["database"] = f"fails: {r.stderr.strip()[-600:]}"
            break
        for k, v in json.loads(r.stdout).items():
            parts.setdefault(k, []).append(v)
    else:
        out["database (in one process)"] = {k: med(v) for k, v in parts.items()}
    quick = [float(timed([PY, "-c", QUICK_CHECK, str(data / "mdt.sqlite")])[1].stdout or "nan")
             for _ in range(runs)]
    out["PRAGMA quick_check (part of open_context)"] = med(quick)
    return out


# ---------------------------------------------------------------------------------------- importtime


def parse_importtime(stderr: str) -> list[dict]:
    """`-X importtime` lines, in order, with depth and the index of the parent line."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        fields = line[len("import time:"):].split("|")
        if len(fields) != 3:
            continue
        raw = fields[2]
        depth = (len(raw) - len(raw.lstrip(" ")) - 1) // 2
        rows.append({"name": raw.strip(), "self": int(fields[0]) / 1e6, "cum": int(fields[1]) / 1e6,
                     "depth": depth, "parent": None})
    # importtime prints children before their parent: the parent is the next line one level up.
    pending: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        for child in pending.pop(row["depth"] + 1, []):
            rows[child]["parent"] = i
        pending.setdefault(row["depth"], []).append(i)
    return rows


def import_chain(rows: list[dict], i: int) -> list[str]:
    chain = []
    while i is not None:
        chain.append(rows[i]["name"])
        i = rows[i]["parent"]
    return list(reversed(chain))


def top_costs(rows: list[dict], n: int = 12) -> list[tuple[str, float, float]]:
    tops = sorted((r for r in rows if r["depth"] <= 1), key=lambda r: r["cum"], reverse=True)[:n]
    return [(r["name"], r["cum"], r["self"]) for r in tops]


def heavy_in(rows: list[dict]) -> dict[str, dict]:
    """For each heavy package: total import cost (its outermost lines) and the chain to its first import."""
    def belongs(name: str, h: str) -> bool:
        return name == h or name.startswith(h + ".")

    found: dict[str, dict] = {}
    for i, r in enumerate(rows):
        for h in HEAVY:
            if not belongs(r["name"], h):
                continue
            parent = r["parent"]
            outermost = parent is None or not belongs(rows[parent]["name"], h)
            if h not in found:
                found[h] = {"cum": 0.0, "chain": import_chain(rows, i)}
            if outermost:
                found[h]["cum"] += r["cum"]
    return found


# The wrapper records, for each heavy package, the first-party frames on the stack at its first import
# (importtime cannot say who imported a module from inside a function that runs after start-up).
WRAPPER = r"""
import json, os, runpy, sys, time, traceback
ROOT = os.environ["MDT_BENCH_ROOT"]
OUT = os.environ["MDT_BENCH_IMPORTS"]
WATCH = tuple(json.loads(os.environ["MDT_BENCH_WATCH"]))
T0 = time.time()
seen = {}
class Spy:
    def find_spec(self, name, path=None, target=None):
        for w in WATCH:
            if (name == w or name.startswith(w + ".")) and w not in seen and name not in sys.modules:
                frames = [f for f in traceback.extract_stack()[:-1]
                          if f.filename.startswith(ROOT) and "/.venv/" not in f.filename
                          and "tests/bench" not in f.filename]
                seen[w] = {"t": time.time() - T0, "stack": [f"{os.path.relpath(f.filename, ROOT)}:{f.lineno} "
                                                           f"({f.name})" for f in frames]}
        return None
sys.meta_path.insert(0, Spy())
def dump():
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"end": time.time() - T0, "seen": seen}, f, ensure_ascii=False)
import atexit; atexit.register(dump)
sys.argv = ["app", *sys.argv[1:]]
try:
    runpy.run_module("app", run_name="__main__", alter_sys=True)
finally:
    dump()
"""


def import_report(data: Path) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="mdt-bench-imp-"))
    _, r = timed([PY, "-X", "importtime", "-m", "app", "--version"])
    version_rows = parse_importtime(r.stderr)
    shot = tmp / "shot.png"
    _, r = timed([PY, "-X", "importtime", "-m", "app", "gui", "--data-dir", str(data), "--screenshot", str(shot),
                  "--view", "cases"])
    gui_rows = parse_importtime(r.stderr)
    spy_out = tmp / "imports.json"
    _, r2 = timed([PY, "-c", WRAPPER, "gui", "--data-dir", str(data), "--screenshot", str(tmp / "shot2.png"),
                   "--view", "cases"],
                  env={"MDT_BENCH_ROOT": str(ROOT) + os.sep, "MDT_BENCH_IMPORTS": str(spy_out),
                       "MDT_BENCH_WATCH": json.dumps(HEAVY)})
    spy = json.loads(spy_out.read_text(encoding="utf-8")) if spy_out.is_file() else {"seen": {}, "end": None}
    return {
        "version_total": sum(x["self"] for x in version_rows),
        "version_top": top_costs(version_rows),
        "version_heavy": heavy_in(version_rows),
        "gui_ok": r.returncode == 0,
        "gui_total": sum(x["self"] for x in gui_rows),
        "gui_top": top_costs(gui_rows, 15),
        "gui_heavy": heavy_in(gui_rows),
        "spy": spy,
    }


# ------------------------------------------------------------------------------------------- profile


def profile_gui(data: Path, top: int = 25) -> list[str]:
    """One gui run under cProfile: the first-party functions with the largest cumulative time."""
    import pstats

    tmp = Path(tempfile.mkdtemp(prefix="mdt-bench-prof-"))
    out = tmp / "gui.prof"
    _, r = timed([PY, "-m", "cProfile", "-o", str(out), "-m", "app", "gui", "--data-dir", str(data),
                  "--screenshot", str(tmp / "shot.png"), "--view", "cases"])
    if not out.is_file():
        return [f"profiling failed: {r.stderr.strip()[-400:]}"]
    stats = pstats.Stats(str(out)).stats  # {(file, line, func): (cc, nc, tottime, cumtime, callers)}
    root = str(ROOT) + os.sep
    rows = [(ct, tt, f"{os.path.relpath(f, ROOT)}:{line} {fn}") for (f, line, fn), (_cc, _nc, tt, ct, _c)
            in stats.items() if f.startswith(root) and os.sep + ".venv" + os.sep not in f]
    rows.sort(reverse=True)
    lines = [f"{ct * 1000:8.1f} ms cum {tt * 1000:7.1f} ms self  {name}" for ct, tt, name in rows[:top]]
    total = max((v[3] for v in stats.values()), default=0.0)
    return [f"(profiled run: {total:.2f} s; cProfile inflates Python-heavy code)"] + lines


# ------------------------------------------------------------------------------------------- report


def fmt_s(v: object) -> str:
    return f"{v:.3f} s" if isinstance(v, float) else str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--cases", type=int, default=10_000, help="cases bulk-inserted on top of the demo data")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached data dir")
    ap.add_argument("--no-warmup", action="store_true", help="time the first run too (cold file cache)")
    ap.add_argument("--skip-imports", action="store_true", help="skip the -X importtime analysis")
    ap.add_argument("--profile", action="store_true", help="also run the gui once under cProfile")
    ap.add_argument("--frozen", type=Path, metavar="BUNDLE",
                    help="also time a PyInstaller bundle's gui start (the folder holding mdt-desk-cli)")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = ap.parse_args(argv)

    load = os.getloadavg()[0]
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} CPU(s); {datetime.now():%Y-%m-%d %H:%M}; "
          f"load average {load:.2f}")
    if load > 0.5 * (os.cpu_count() or 1):
        print("  note: the machine is busy; wall times will be inflated (CPU times are the steadier figure)")
    data = ensure_data(args.work, args.cases, args.rebuild)
    results: dict[str, object] = {"data_dir": str(data)}

    if not (ROOT / "ui" / "main.py").is_file():
        print("gui: ui/main.py does not exist yet; skipping the GUI timings")
    else:
        g = gui_runs(data, args.runs, warmup=not args.no_warmup)
        results["gui"] = g
        verdict = "OK" if g["median"] <= TARGET_S else "OVER TARGET"
        print(f"\ngui --screenshot --view cases, {args.runs} runs: median {g['median']:.3f} s "
              f"(target <= {TARGET_S:.1f} s: {verdict}); runs: " + ", ".join(f"{w:.3f}" for w in g["walls"]))
        print(f"  CPU time (user+sys) median {g['cpu_median']:.3f} s; runs: "
              + ", ".join(f"{c:.3f}" for c in g["cpus"]))
        if g["trace"]:
            print(f"  {TRACE_ENV} milestones (median, seconds after spawn):")
            for stage, at in sorted(g["trace"].items(), key=lambda kv: kv[1]):
                print(f"    {at:7.3f}  {stage}")
        else:
            print(f"  (no {TRACE_ENV} milestones reported by the app)")

    if args.frozen:
        exe = args.frozen / ("mdt-desk-cli.exe" if sys.platform == "win32" else "mdt-desk-cli")
        f = gui_runs(data, args.runs, warmup=not args.no_warmup, launcher=[str(exe)])
        results["frozen_gui"] = f
        print(f"\nfrozen {exe}: median {f['median']:.3f} s, CPU {f['cpu_median']:.3f} s; runs: "
              + ", ".join(f"{w:.3f}" for w in f["walls"]))
        _, r = timed([str(exe), "--version"])
        results["frozen_version"] = med([timed([str(exe), "--version"])[0] for _ in range(args.runs)])
        print(f"frozen --version: median {results['frozen_version']:.3f} s ({r.stdout.strip()})")

    b = breakdown(data, args.runs)
    results["breakdown"] = b
    print("\nbreakdown (separate processes, median):")
    for k, v in b.items():
        if isinstance(v, dict):
            print(f"  {k}: " + ", ".join(f"{kk} {fmt_s(vv) if kk != 'n_ids' else vv}" for kk, vv in v.items()))
        else:
            print(f"  {k}: {fmt_s(v)}")

    if not args.skip_imports:
        imp = import_report(data)
        results["imports"] = imp
        print(f"\npython -X importtime -m app --version: {imp['version_total']:.3f} s of imports; top:")
        for name, cum, self_ in imp["version_top"]:
            print(f"  {cum * 1000:8.1f} ms cum {self_ * 1000:7.1f} ms self  {name}")
        if imp["version_heavy"]:
            print("  heavy modules on the --version path: " + ", ".join(imp["version_heavy"]))
        if (ROOT / "ui" / "main.py").is_file():
            print(f"\ngui --screenshot under -X importtime: {imp['gui_total']:.3f} s of imports "
                  f"({'ok' if imp['gui_ok'] else 'FAILED'}); top:")
            for name, cum, self_ in imp["gui_top"]:
                print(f"  {cum * 1000:8.1f} ms cum {self_ * 1000:7.1f} ms self  {name}")
            print("\nheavy modules imported by the gui run (import cost including what each pulls in first; "
                  "first importer):")
            seen = imp["spy"].get("seen", {})
            for h in HEAVY:
                info = imp["gui_heavy"].get(h)
                if not info:
                    continue
                spy = seen.get(h, {})
                stack = spy.get("stack") or []
                where = stack[-1] if stack else " -> ".join(info["chain"][:-1]) or "(top level)"
                when = f" at {spy['t']:.2f} s" if "t" in spy else ""
                print(f"  {h:24s} {info['cum'] * 1000:7.1f} ms{when}  from {where}")
                if len(stack) > 1:
                    print("      stack: " + "  <-  ".join(reversed(stack[:-1][-4:])))
                print("      importtime chain: " + " -> ".join(info["chain"]))
            absent = [h for h in HEAVY if h not in imp["gui_heavy"]]
            print("  not imported: " + ", ".join(absent))

    if args.profile and (ROOT / "ui" / "main.py").is_file():
        print("\ncProfile of one gui run, first-party functions by cumulative time:")
        prof = profile_gui(data)
        results["profile"] = prof
        for line in prof:
            print(f"  {line}")

    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return 0


def run_in_scratch(argv: list[str] | None = None) -> int:
    """main() with every screenshot, trace and profile in one scratch folder, removed at the end."""
    import shutil

    scratch = tempfile.mkdtemp(prefix="mdt-bench-")
    previous, tempfile.tempdir = tempfile.tempdir, scratch  # mkdtemp() calls above land in the scratch folder
    try:
        return main(argv)
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(run_in_scratch())
