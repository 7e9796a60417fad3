"""ui/ talks to app services only: no module of ui imports sqlalchemy, alembic or db itself."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
FORBIDDEN = ("sqlalchemy", "alembic", "db")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_ui_imports_no_sql_and_no_db():
    offenders = [f"{p.relative_to(UI.parent)}: {m}" for p in UI.rglob("*.py") for m in imported_modules(p)
                 if m.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_ui_modules_stay_small():
    big = [f"{p.relative_to(UI.parent)}: {n}" for p in UI.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 400]
    assert big == []
