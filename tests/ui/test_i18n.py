"""The Chinese catalogue: complete, compiled on demand, and in step with the code."""

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.domain import vocab
from ui.i18n import build_qm, lrelease_path, ts_path

ROOT = Path(__file__).resolve().parents[2]


def catalogue() -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_path()).getroot()
    return {(c.findtext("name"), m.findtext("source")): m for c in root.iter("context")
            for m in c.iter("message")}


def test_every_message_has_a_finished_translation():
    unfinished = []
    for key, message in catalogue().items():
        tr = message.find("translation")
        texts = [f.text for f in tr.iter("numerusform")] if message.get("numerus") == "yes" else [tr.text]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            unfinished.append(key)
    assert unfinished == []


def test_placeholders_survive_translation():
    import re

    for (ctx, source), message in catalogue().items():
        tr = message.find("translation")
        text = "".join(f.text or "" for f in tr.iter("numerusform")) if message.get("numerus") else tr.text
        for ph in re.findall(r"\{\w+\}|%\d|%n", source):
            assert ph in text, (ctx, source, ph)


def test_every_vocabulary_label_is_chinese():
    missing = [(kind, code) for kind in vocab._KINDS for code in vocab.codes(kind)
               if vocab.label(kind, code) == vocab._KINDS[kind][code]]
    assert missing == []


def test_build_qm_compiles_a_fresh_catalogue(tmp_path):
    assert lrelease_path() is not None
    ts = tmp_path / "mdt_zh_CN.ts"
    ts.write_bytes(ts_path().read_bytes())
    qm = build_qm(ts)
    assert qm.exists() and qm.stat().st_size > 1000
    assert build_qm(ts) == qm  # fresh: not rebuilt


def _lupdate_sources(tmp_path) -> set[tuple[str, str]]:
    exe = Path(lrelease_path()).with_name("lupdate")
    if not exe.exists():
        pytest.skip("lupdate not shipped with this PySide6")
    files = sorted(str(p.relative_to(ROOT)) for d in ("ui", "app") for p in (ROOT / d).rglob("*.py")
                   if "__pycache__" not in p.parts)
    out = tmp_path / "fresh.ts"
    subprocess.run([str(exe), "-tr-function-alias", "QT_TRANSLATE_NOOP+=N", *files, "-ts", str(out)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    root = ET.parse(out).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_the_catalogue_holds_every_string_of_the_code(tmp_path):
    missing = sorted(_lupdate_sources(tmp_path) - set(catalogue()))
    assert missing == [], (
        "strings in ui/ or app/ without a translation in resources/i18n/mdt_zh_CN.ts: run pyside6-lupdate "
        "(with -tr-function-alias QT_TRANSLATE_NOOP+=N) over ui/ and app/ and translate them")
