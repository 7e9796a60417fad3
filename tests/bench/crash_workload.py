"""The crash test's workload: real service calls, each result printed only once the call has returned.

    python tests/bench/crash_workload.py --data D --work W --setup      # once: hospital, users, team
    python tests/bench/crash_workload.py --data D --work W [--rounds N] # until killed (or N rounds)

Each round registers a patient, opens a case, attaches a small real PNG (new pixels each time), and takes
the case through a meeting to a finalised decision. After each call returns, one line goes to stdout:

    P <patient id> <inpatient no> <name>
    C <case id> <patient id>
    A <attachment id> <case id> <sha256 of the file>
    D <decision id> <case id> <chair summary>

A line printed means "the app told the user it was saved": the driver (crash_test.py) SIGKILLs this
process at random moments and afterwards demands every printed record, exactly. At each start, like the
app, the workload tidies what an interrupted run left (stored files nothing refers to, partial files);
with grace 0, since it is the data folder's only writer.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import zlib
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PEOPLE = [
    # username, name, role, title, department, discipline, team role
    ("chen", "陈主任", "chair", "chief", "oncology", "medical_oncology", "chair"),
    ("liu", "刘秘书", "secretary", "charge_nurse", "oncology", "", "secretary"),
    ("zhou", "周海涛", "physician", "associate_chief", "thoracic_surgery", "surgery", "core"),
    ("lin", "林秀英", "physician", "associate_chief", "radiology", "radiology", "core"),
    ("huang", "黄振华", "physician", "attending", "pathology", "pathology", "core"),
    ("luo", "罗建平", "physician", "associate_chief", "radiotherapy", "radiation_oncology", "core"),
]
SETUP_FILE = "setup.json"


def say(*parts) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def png_bytes(rng: random.Random, size: int = 24) -> bytes:
    """A small valid RGB PNG with random pixels (no PIL needed: start-up stays short)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))

    rows = b"".join(b"\x00" + rng.randbytes(size * 3) for _ in range(size))
    header = size.to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def setup(ctx, work: Path) -> None:
    from argon2 import PasswordHasher

    import app.services.users as users_module

    # Not a password test: a cheap argon2 profile keeps the set-up short.
    users_module.hash_password = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash
    admin = ctx.setup.initialise("崩溃测试县人民医院", "admin", "Admin2026!", "管理员")
    actors = {"admin": [admin.user_id, admin.username, admin.display_name, admin.role]}
    team = ctx.teams.create(admin, "肺癌MDT", ["lung"], default_place="四楼会议室")
    for username, name, role, title, dept, disc, team_role in PEOPLE:
        u = ctx.users.create(admin, username, name, role, "Doctor2026!", title=title, department_code=dept,
                             must_change_password=False)
        actors[username] = [u.id, u.username, u.display_name, u.role]
        ctx.teams.add_member(admin, team.id, user_id=u.id, discipline=disc, team_role=team_role)
    (work / SETUP_FILE).write_text(json.dumps({"actors": actors, "team_id": team.id}), encoding="utf-8")


def one_round(ctx, actors, team_id: int, work: Path, rng: random.Random, tag: str, slot: int) -> None:
    admin, secretary, chair = actors["admin"], actors["liu"], actors["chen"]
    name = f"患者{tag}"
    p = ctx.patients.create(admin, name=name, sex=rng.choice("MF"), hospital_number=f"ZY{tag}")
    say("P", p.id, f"ZY{tag}", name)
    c = ctx.case_records.create(admin, p.id, tumour_type="lung", team_id=team_id, conference_type="pre_treatment",
                                purpose="明确诊断及治疗方案", question="手术还是同步放化疗？")
    say("C", c.id, p.id)
    src = work / "files" / f"{tag}.png"
    data = png_bytes(rng)
    src.write_bytes(data)
    aid = ctx.attachments.add_file(admin, c.id, src, label="pathology")
    src.unlink()
    import hashlib

    say("A", aid, c.id, hashlib.sha256(data).hexdigest())
    ctx.case_records.submit(admin, c.id, override_reason="会前补充资料")
    when = datetime(2027, 1, 1, 8) + timedelta(hours=slot)
    m = ctx.meetings.schedule(secretary, team_id, when, duration_minutes=60)
    item = ctx.agenda.add(secretary, m.id, c.id, minutes=15)
    ctx.attendance.invite(secretary, m.id)
    ids = {}
    for a in ctx.attendance.list(secretary, m.id):
        ids[a.name] = a.id
        ctx.attendance.sign_in(secretary, a.id)
    ctx.meetings.start(secretary, m.id)
    ctx.capture.open_discussion(secretary, item.id)
    summary = f"早期肺腺癌，建议手术（{tag}）"
    state = ctx.capture.save_capture(secretary, item.id, {
        "opinions": [{"attendance_id": ids["周海涛"], "text": "可手术"}],
        "decision": {"chair_summary": summary, "modalities": ["surgery"], "intent": "curative",
                     "plan_text": "胸腔镜右肺上叶切除", "guideline": "CSCO", "guideline_version": "2025"}})
    final = ctx.decisions.finalise(chair, state.draft.id)
    say("D", final.id, c.id, summary)
    ctx.meetings.close(secretary, m.id)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--setup", action="store_true")
    ap.add_argument("--rounds", type=int, default=0, help="0: until killed")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--tidy-only", action="store_true", help="start, tidy, and stop (the final clean start)")
    args = ap.parse_args()

    from app.config import DataDir
    from app.context import open_context
    from app.records import Actor

    data_dir = DataDir(args.data)
    (args.work / "files").mkdir(parents=True, exist_ok=True)
    ctx = open_context(data_dir, create=args.setup)
    try:
        if args.setup:
            setup(ctx, args.work)
            say("SETUP")
            return 0
        tidied = ctx.integrity.tidy(grace=0)
        for name in ("patients", "case_records", "attachments", "meetings", "agenda", "attendance", "capture",
                     "decisions"):
            getattr(ctx, name)  # imported before READY: the kill moments after it fall into real work
        import pydicom  # noqa: F401 - what the first attachment would import

        from app.domain.names import pinyin_keys

        pinyin_keys("张三")  # loads the pinyin dictionary the first patient would load
        say("READY", tidied.orphans_moved, tidied.partial_removed, tidied.temp_removed)
        if args.tidy_only:
            return 0
        info = json.loads((args.work / SETUP_FILE).read_text(encoding="utf-8"))
        actors = {k: Actor(*v) for k, v in info["actors"].items()}
        rng = random.Random(args.seed if args.seed is not None else os.getpid() ^ int.from_bytes(os.urandom(4)))
        run = f"{os.getpid()}{rng.randrange(10**6):06d}"
        i = 0
        while args.rounds == 0 or i < args.rounds:
            one_round(ctx, actors, info["team_id"], args.work, rng, f"{run}-{i}", rng.randrange(400_000))
            i += 1
        return 0
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
