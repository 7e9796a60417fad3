"""Guards against the Qt binding's reference-count defects (PySide6 6.12.0 on Python 3.11)."""

import ast
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui.qt_compat import emit

UI = Path(__file__).resolve().parents[2] / "ui"


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_often_keeps_the_reference_count_of_true(qtbot):
    source = _Emitter()
    got = []
    source.fired.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(3000):
        emit(source.fired, i)
    assert len(got) == 3000
    assert sys.getrefcount(True) - before > -50  # without the fix: -3000, and later a fatal abort


def _calls(attr: str) -> list[str]:
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "qt_compat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attr:
                found.append(f"{path.relative_to(UI.parent)}:{node.lineno}")
    return found


def test_ui_emits_only_through_the_safe_helper():
    assert _calls("emit") == [], "use ui.qt_compat.emit(signal, ...)"


def test_ui_never_spins_events_through_the_unsafe_wrappers():
    for name in ("processEvents", "qWait", "msleep"):
        assert _calls(name) == [], f"{name}: use ui.qt_compat.run_pending_events()"
