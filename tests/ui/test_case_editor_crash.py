"""Done-when of issue 3: killing the process while editing a case loses at most the last few seconds.

A child process opens the editor (offscreen) on a copy of the sample hospital and types a numbered piece
of text into the history field every STEP_MS, printing each step with its time. This process kills it
with SIGKILL after several autosave intervals, then reads the draft from the database: every piece typed
more than AUTOSAVE_MS (plus a margin for the write) before the kill must be in it.
"""

import os
import selectors
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import ui_data

from app.context import open_context
from ui.cases.editor.autosave import AUTOSAVE_MS, ENTITY

ROOT = Path(__file__).resolve().parents[2]
CASE_NO = "MDT2026-0003"
STEP_MS = 250
TYPING_S = AUTOSAVE_MS / 1000 * 2.5  # several autosave intervals of typing before the kill
MARGIN_S = 1.5  # the draft write itself, and scheduling noise on a busy machine

CHILD = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    import ui_data
    from app.config import DataDir
    from app.context import open_context
    from ui import ops
    from ui.main import create_application
    from ui.session import Session

    app = create_application("zh_CN", 11)
    ctx = ops.call(lambda: open_context(DataDir(Path(sys.argv[1]))))
    actor = ops.call(lambda: ui_data.actor_for(ctx, "admin"))
    case_id = ops.call(lambda: ctx.case_records.id_of(sys.argv[2]))
    from ui.cases.editor.window import CaseEditor

    editor = CaseEditor(Session(ctx, actor, ops.call(ctx.setup.info)), case_id)
    step = 0

    def type_a_piece():
        global step
        step += 1
        editor.clinical.history.moveCursor(QTextCursor.MoveOperation.End)
        editor.clinical.history.insertPlainText(f"<{{step}}>")
        print(f"typed {{step}} {{time.monotonic():.3f}}", flush=True)

    timer = QTimer()
    timer.setInterval({step_ms})
    timer.timeout.connect(type_a_piece)
    editor.loaded.connect(timer.start)
    editor.loaded.connect(lambda: print("ready", flush=True))
    editor.show()
    app.exec()
""")


@pytest.mark.slow
def test_killing_the_process_while_typing_loses_only_the_last_seconds(sample_dir, tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT), tests=str(ROOT / "tests" / "ui"), step_ms=STEP_MS),
                      encoding="utf-8")
    stderr = open(tmp_path / "child.err", "w", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(script), str(sample_dir.root), CASE_NO], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=stderr, text=True)
    typed: dict[int, float] = {}
    try:
        selector = selectors.DefaultSelector()
        selector.register(child.stdout, selectors.EVENT_READ)
        deadline, first = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            if not selector.select(timeout=1):
                assert child.poll() is None, (tmp_path / "child.err").read_text(encoding="utf-8")
                continue
            line = child.stdout.readline()
            assert line, (tmp_path / "child.err").read_text(encoding="utf-8")
            if line.startswith("typed"):
                _, n, at = line.split()
                typed[int(n)] = float(at)
                first = first or float(at)
                if float(at) - first >= TYPING_S:
                    break
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert len(typed) >= TYPING_S * 1000 / STEP_MS

    ctx = open_context(sample_dir)  # the lock died with the child
    try:
        actor = ui_data.actor_for(ctx, "admin")
        draft = ctx.drafts.load(actor, ENTITY, ctx.case_records.id_of(CASE_NO))
    finally:
        ctx.close()
    assert draft is not None, "nothing typed reached the database"
    history = draft["fields"]["history"]
    must_have = [n for n, at in typed.items() if at <= killed_at - AUTOSAVE_MS / 1000 - MARGIN_S]
    assert must_have, "the child did not type long enough to judge"
    lost = [n for n in must_have if f"<{n}>" not in history]
    assert lost == [], f"pieces typed more than {AUTOSAVE_MS / 1000 + MARGIN_S} s before the kill were lost"
    kept = [n for n in typed if f"<{n}>" in history]
    assert kept == list(range(1, len(kept) + 1))  # a prefix of what was typed, in order
