"""The Chinese of ui/patients: every string lupdate finds there is translated, either in the catalogue
(mdt_zh_CN.ts) or, until scripts/update_translations.py merges and deletes it, in
resources/i18n/pending/patients.json — whose entries must keep every placeholder."""

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n import lrelease_path, ts_path

ROOT = Path(__file__).resolve().parents[2]
PENDING = ROOT / "resources" / "i18n" / "pending" / "patients.json"


def pending() -> list[dict]:
    return json.loads(PENDING.read_text(encoding="utf-8")) if PENDING.exists() else []


def translated_in_catalogue() -> set[tuple[str, str]]:
    root = ET.parse(ts_path()).getroot()
    done = set()
    for c in root.iter("context"):
        for m in c.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and tr.text:
                done.add((c.findtext("name"), m.findtext("source")))
    return done


def test_pending_translations_are_well_formed():
    entries = pending()
    keys = [(e["context"], e["source"]) for e in entries]
    assert len(keys) == len(set(keys)), "a (context, source) pair twice"
    for e in entries:
        assert set(e) == {"context", "source", "translation"}
        assert e["translation"].strip(), e
        for ph in re.findall(r"\{\w+\}|%\d|%n", e["source"]):
            assert ph in e["translation"], (e["context"], e["source"], ph)


def test_every_string_of_ui_patients_has_a_translation(tmp_path):
    exe = Path(lrelease_path()).with_name("lupdate")
    if not exe.exists():
        pytest.skip("lupdate not shipped with this PySide6")
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui" / "patients").rglob("*.py"))
    out = tmp_path / "patients.ts"
    subprocess.run([str(exe), *files, "-ts", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    root = ET.parse(out).getroot()
    found = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    waiting = {(e["context"], e["source"]) for e in pending()}
    assert sorted(found - waiting - translated_in_catalogue()) == [], "untranslated strings in ui/patients"
    assert sorted(waiting - found) == [], "pending/patients.json has strings the code no longer uses"
