"""Every string of the attachment screens has a Chinese translation in the shipped catalogue."""

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n import lrelease_path, ts_path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{\w+\}|%\d|%n")


def code_strings(tmp_path) -> list[tuple[str, str]]:
    exe = Path(lrelease_path()).with_name("lupdate")
    if not exe.exists():
        pytest.skip("lupdate not shipped with this PySide6")
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui" / "cases" / "attachments").glob("*.py"))
    out = tmp_path / "attachments.ts"
    subprocess.run([str(exe), *files, "-ts", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    root = ET.parse(out).getroot()
    return [(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")]


def known_translations() -> dict[tuple[str, str], str]:
    found = {}
    for c in ET.parse(ts_path()).getroot().iter("context"):
        for m in c.iter("message"):
            found[(c.findtext("name"), m.findtext("source"))] = m.findtext("translation") or ""
    return found


def test_every_string_has_a_chinese_translation_with_its_placeholders(tmp_path):
    strings = code_strings(tmp_path)
    assert len(strings) > 50  # lupdate saw the classes (a wrong context would show up as missing below)
    assert all(context for context, _ in strings)
    known = known_translations()
    missing = [s for s in strings if not known.get(s)]
    assert missing == []
    for key in strings:
        assert sorted(PLACEHOLDER.findall(key[1])) == sorted(PLACEHOLDER.findall(known[key])), key
        assert re.search(r"[\u4e00-\u9fff]", known[key]), key
