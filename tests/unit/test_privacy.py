"""PIPL: after a realistic session the logs hold no patient names or numbers, the system temp folder stays
empty, and the data folder's tmp/ is clean.

The session runs in a subprocess with TMPDIR pointing at an empty folder and logging set up as the GUI does
(a file in the data folder's logs/), at INFO rather than the app's WARNING, so more is looked at.
"""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from cli_helpers import ADMIN_PASSWORD

from app.domain import idcard
from app.services.backup_archive import ENV_KDF_N

ROOT = Path(__file__).resolve().parents[2]
PATIENT = {"name": "欧阳娜娜", "id_number": idcard.make("411625", date(1968, 3, 14), 12, "F"),
           "hospital_number": "ZY778899", "phone": "13912345678"}
LISTED = {"name": "司马光明", "id_number": idcard.make("410105", date(1955, 9, 2), 31, "M"),
          "hospital_number": "ZY556677"}

SESSION = r"""
import json, logging, logging.handlers, os, shutil, sys
from pathlib import Path
import pydicom
from app.config import DataDir
from app.context import open_context
from app.errors import AppError

root, password, patient, listed, work = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]), \
    json.loads(sys.argv[4]), Path(sys.argv[5])
dd = DataDir(root)
dd.logs.mkdir(parents=True, exist_ok=True)
handler = logging.handlers.RotatingFileHandler(dd.logs / "mdt-desk.log", encoding="utf-8")
handler.setLevel(logging.INFO)
logging.getLogger().addHandler(handler)
logging.getLogger().setLevel(logging.INFO)
logging.getLogger("sqlalchemy").setLevel(logging.WARNING)  # as ui.main does: SQL parameters are patient data

ctx = open_context(dd, create=True)
ctx.setup.initialise("测试县人民医院", "admin", password, "管理员")
try:
    ctx.auth.login("admin", "wrong-password")
except AppError:
    pass
admin = ctx.auth.login("admin", password)
p = ctx.patients.create(admin, name=patient["name"], sex="F", id_number=patient["id_number"],
                        hospital_number=patient["hospital_number"], phone=patient["phone"])
try:  # registered twice: refused, naming the patient in the message (which must not reach the log)
    ctx.patients.create(admin, name=patient["name"], sex="F", id_number=patient["id_number"])
except AppError as e:
    logging.getLogger("ui.errors").warning("%s: %s", type(e).__name__, e.message)  # what the funnel logs
csv = work / "list.csv"
csv.write_text("姓名,性别,身份证号,住院号\n" + f"{listed['name']},男,{listed['id_number']},{listed['hospital_number']}\n"
               + "坏行,X,123,?\n", encoding="utf-8")
ctx.patient_import.import_file(admin, csv)
case = ctx.case_records.create(admin, p.id, tumour_type="lung")
src = work / patient["name"]  # a CD copied into a folder named after the patient, as clerks do
src.mkdir()
data = Path(pydicom.__file__).parent / "data" / "test_files"
for name in ("CT_small.dcm", "MR_small.dcm"):
    ds = pydicom.dcmread(data / name)
    ds.PatientName, ds.PatientID = "OUYANG^NANA", patient["hospital_number"]
    ds.save_as(src / name)
from PIL import Image
Image.new("RGB", (40, 30), "red").save(src / "photo.png")
(src / "broken.dcm").write_bytes(b"DICM" + os.urandom(300))
(src / "report.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
results = ctx.attachment_import.import_paths(admin, case.id, [src])
for r in results:
    if r.attachment_id:
        ctx.attachment_browse.thumbnail(admin, r.attachment_id)
        if r.kind == "dicom":
            ctx.rendering.render_attachment(admin, r.attachment_id, overlay=True, size=(128, 128))
usb = work / f"U盘-{patient['name']}"
usb.mkdir()
ctx.backups.backup(admin, usb, "县医院-backup-2026")
try:
    ctx.backups.backup(admin, work / "gone" / patient["name"] / "x.mdtbak", "县医院-backup-2026")
except AppError:
    pass
ctx.backups.automatic("start")
ctx.integrity.tidy()
ctx.close()
print(json.dumps({"imported": sorted(r.status for r in results)}))
"""


def test_a_session_leaves_no_patient_data_in_logs_or_temp_folders(tmp_path):
    system_tmp, work, data = tmp_path / "system-tmp", tmp_path / "work", tmp_path / "data"
    system_tmp.mkdir()
    work.mkdir()
    env = dict(os.environ, TMPDIR=str(system_tmp), TEMP=str(system_tmp), TMP=str(system_tmp),
               **{ENV_KDF_N: "1024"})
    env.pop("MDT_DESK_DATA", None)
    r = subprocess.run([sys.executable, "-c", SESSION, str(data), ADMIN_PASSWORD, json.dumps(PATIENT),
                        json.dumps(LISTED), str(work)], capture_output=True, text=True, cwd=ROOT, env=env,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[-1])["imported"].count("imported") == 4  # 2 DICOM, photo, PDF

    logs = "".join(p.read_text(encoding="utf-8") for p in (data / "logs").rglob("*") if p.is_file())
    assert "backup failed" in logs and "DuplicatePatient" in logs  # the session did log, and was looked at
    secrets = [*PATIENT.values(), *LISTED.values(), "OUYANG", "NANA"]
    assert [s for s in secrets if s in logs] == [], logs
    assert list(system_tmp.rglob("*")) == []
    assert list((data / "tmp").rglob("*")) == []
