"""ui -> app -> db, enforced: import-linter contracts pass, and a deliberate violation fails them."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(exe), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(cwd), "PATH": str(Path(sys.executable).parent)})


def test_layering_contracts_hold():
    r = lint_imports(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 3 kept, 0 broken" in r.stdout


def test_sqlalchemy_in_ui_breaks_the_contract(tmp_path):
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("app", "ui", "db"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    (copy / "ui" / "sneaky.py").write_text("import sqlalchemy\n", encoding="utf-8")
    (copy / "app" / "sneaky.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    r = lint_imports(copy)
    assert r.returncode != 0
    assert "ui.sneaky -> sqlalchemy" in r.stdout and "app.sneaky -> PySide6" in r.stdout
