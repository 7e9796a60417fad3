"""Refresh resources/i18n/mdt_zh_CN.ts from the code, and merge pending translations.

    .venv/bin/python scripts/update_translations.py

1. `lupdate` (shipped inside PySide6) collects every `self.tr()`, `QCoreApplication.translate()` and
   `QT_TRANSLATE_NOOP()` (also imported as `N`) string of ui/ and app/ into the .ts, keeping existing
   translations and dropping strings no longer in the code.
2. Files in resources/i18n/pending/*.json — lists of {"context", "source", "translation"} written by
   whoever added strings without a translator at hand — fill the matching unfinished entries; each merged
   file is then deleted (entries not in the code yet are kept for a later run). Translators otherwise work in the .ts with Qt Linguist.
Prints what is still untranslated; exit 1 if anything is.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "mdt_zh_CN.ts"
PENDING = ROOT / "resources" / "i18n" / "pending"


def lupdate() -> Path:
    import PySide6

    exe = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    return exe


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for d in ("app", "ui") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(lupdate()), "-tr-function-alias", "QT_TRANSLATE_NOOP+=N", "-no-obsolete",
                    "-locations", "none", *sources, "-ts", str(TS)], cwd=ROOT, check=True)
    pending: dict[tuple[str, str], str] = {}
    files = sorted(PENDING.glob("*.json")) if PENDING.is_dir() else []
    for f in files:
        for entry in json.loads(f.read_text(encoding="utf-8")):
            pending[(entry["context"], entry["source"])] = entry["translation"]
    tree = ET.parse(TS)
    missing = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if msg.get("numerus") == "yes":
                forms = tr.findall("numerusform")
                if forms and all((f.text or "").strip() for f in forms):
                    continue
            elif tr is not None and tr.get("type") != "unfinished" and (tr.text or "").strip():
                continue
            text = pending.get((name, source))
            if text is None:
                missing.append((name, source))
                continue
            if msg.get("numerus") == "yes":
                for f in tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]:
                    f.text = text
            else:
                tr.text = text
            tr.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    used = set()
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            used.add((ctx.findtext("name"), msg.findtext("source")))
    for f in files:
        # Entries whose string is not in the code yet (someone else's work in progress) stay pending.
        left = [e for e in json.loads(f.read_text(encoding="utf-8")) if (e["context"], e["source"]) not in used]
        if left:
            f.write_text(json.dumps(left, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            f.unlink()
    if files and not any(PENDING.iterdir()):
        PENDING.rmdir()
    for name, source in missing:
        print(f"untranslated: [{name}] {source}")
    print(f"{TS.relative_to(ROOT)}: {len(missing)} untranslated; merged {len(files)} pending file(s)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
