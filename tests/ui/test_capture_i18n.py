"""The capture console keeps to the UI rules (its strings are checked by test_i18n with the whole catalogue)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "ui" / "meetings" / "capture"


def sources() -> set[str]:
    found = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_no_direct_emit_or_event_pumping():
    for path in PACKAGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert ".emit(" not in text and "processEvents" not in text and "qWait" not in text, path.name
