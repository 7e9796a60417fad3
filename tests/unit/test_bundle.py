"""The frozen bundle: build.spec really builds, and the frozen CLI works like `python -m app`.

One PyInstaller build for the module (about 45-55 s on 2 cores), under pytest's tmp dir and deleted
afterwards (~270 MB bundle + work files): nothing lands in the repository.
"""

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME, VERSION = PROJECT["name"], PROJECT["version"]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
ADMIN_PASSWORD = "Admin2026!"
BUILD_TIMEOUT = 900


def _repo_artefacts() -> set[Path]:
    """Files a build could leave behind in the source tree (build/, dist/, compiled catalogues...)."""
    found = set()
    for folder in ("build", "dist"):
        if (ROOT / folder).exists():
            found.add(ROOT / folder)
    found.update((ROOT / "resources" / "i18n").glob("*.qm"))
    found.update(p for p in (ROOT / "packaging").rglob("*") if "__pycache__" not in p.parts)
    found.update(ROOT.glob("*.spec"))
    return found


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MDT_DESK_DATA", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # the build imports ui.i18n and app: no __pycache__ from us
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bundle")
    before = _repo_artefacts()
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "work"), str(ROOT / "build.spec")],
        cwd=tmp, env=_env(), capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-8000:]
    assert _repo_artefacts() == before, "the build left files in the repository"
    shutil.rmtree(tmp / "work", ignore_errors=True)
    out = tmp / "dist" / NAME
    assert out.is_dir(), sorted(p.name for p in (tmp / "dist").iterdir())
    yield out
    shutil.rmtree(tmp, ignore_errors=True)


def frozen(bundle: Path, *args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    exe = bundle / f"{NAME}-cli{EXE_SUFFIX}"
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", env=_env(), cwd=bundle.parent, timeout=timeout)


@pytest.mark.slow
def test_bundle_has_both_executables_and_the_data_files(bundle):
    for exe in (NAME, f"{NAME}-cli"):
        assert (bundle / f"{exe}{EXE_SUFFIX}").is_file(), exe
    internal = bundle / "_internal"
    assert list((internal / "resources" / "fonts").glob("*.ttf")), "the Chinese UI font is missing"
    assert list((internal / "resources" / "fonts").glob("LICENSE*")), "the font licence is missing"
    migrations = internal / "db" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    assert shipped == {p.name for p in (ROOT / "db" / "migrations" / "versions").glob("*.py")}
    catalogues = {p.stem for p in (ROOT / "resources" / "i18n").glob("*.ts")}
    assert {p.stem for p in (internal / "resources" / "i18n").glob("*.qm")} == catalogues
    assert not list((internal / "resources" / "i18n").glob("*.ts"))
    # package data the code reads with importlib.resources (declared once, in pyproject.toml)
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = package_data.get("tool", {}).get("setuptools", {}).get("package-data", {})
    for pkg, patterns in package_data.items():
        for pattern in patterns:
            for src in (ROOT / pkg.replace(".", "/")).glob(pattern):
                if src.suffix == ".py":  # modules live in the archive; migrations are checked above
                    continue
                rel = src.relative_to(ROOT)
                assert (internal / rel).is_file(), f"{rel} is not in the bundle"
    assert not (internal / "tkinter").exists()
    assert not list(internal.rglob("libQt6WebEngine*")) and not list(internal.rglob("libQt6Quick*"))


@pytest.mark.slow
def test_frozen_version(bundle):
    r = frozen(bundle, "--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"MDT Desk {VERSION}"


@pytest.mark.slow
def test_frozen_init_then_check(bundle, tmp_path):
    d = tmp_path / "数据"  # a non-ASCII path, as on a Chinese Windows desktop
    r = frozen(bundle, "init", "--data-dir", str(d), "--hospital", "郸城县人民医院", "--admin", "admin",
               "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "郸城县人民医院" in r.stdout
    assert (d / "mdt.sqlite").is_file()

    r = frozen(bundle, "check", "--data-dir", str(d), "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    assert report["ok"] and report["problems"] == []
    assert report["schema_revision"] == report["head_revision"] is not None
    assert report["counts"]["users"] == 1

    r = frozen(bundle, "check", "--data-dir", str(d))
    assert r.returncode == 0 and "ok: no problems found" in r.stdout, r.stdout + r.stderr


@pytest.mark.slow
def test_frozen_errors_keep_their_exit_codes(bundle, tmp_path):
    d = tmp_path / "data"
    r = frozen(bundle, "init", "--data-dir", str(d), "--hospital", "医院", "--admin", "admin",
               "--password-stdin", stdin="123\n")
    assert r.returncode == 1 and "at least 8" in r.stderr
    assert not (d / "mdt.sqlite").exists()
    r = frozen(bundle, "frobnicate")
    assert r.returncode == 2 and "usage" in r.stderr


@pytest.mark.slow
def test_frozen_selftest_finds_every_file_and_plugin(bundle):
    """packaging/frozen_selftest.py: metadata, migrations, code tables, pinyin, argon2, DICOM codecs, Qt."""
    exe = bundle / f"{NAME}-cli{EXE_SUFFIX}"
    r = subprocess.run([str(exe)], capture_output=True, text=True, encoding="utf-8", timeout=120,
                       env={**_env(), "MDT_DESK_FROZEN_SELFTEST": "1"}, cwd=bundle.parent)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "frozen: True" in r.stdout and "selftest: all ok" in r.stdout, r.stdout
    for check in ("version", "migrations", "pinyin", "argon2", "dicom", "openslide", "pdfium", "signing", "qt"):
        assert f"ok   {check}:" in r.stdout, r.stdout


@pytest.mark.slow
def test_frozen_gui_draws_the_statistics_and_the_viewer_of_the_demo_hospital(bundle, tmp_path_factory, tmp_path):
    """The packaged GUI on the demo hospital: the statistics screen (pyqtgraph, numpy) and the meeting in
    progress on the audience screen (images) are drawn, not just started."""
    from demo_template import demo_copy
    from PIL import Image

    data = demo_copy(tmp_path_factory, tmp_path / "demo")
    for view in ("stats", "presentation"):
        shot = tmp_path / f"{view}.png"
        r = frozen(bundle, "gui", "--data-dir", str(data.root), "--screenshot", str(shot), "--view", view)
        assert r.returncode == 0 and shot.is_file(), r.stdout + r.stderr
        image = Image.open(shot).convert("RGB")
        colours = image.getcolors(maxcolors=1 << 20) or []
        assert len(colours) > 200, f"{view}: a nearly blank window ({len(colours)} colours)"
    bars = Image.open(tmp_path / "stats.png").convert("RGB")
    assert any(c == (0x3A, 0x78, 0xC9) for _n, c in bars.getcolors(maxcolors=1 << 20)), "no chart bar drawn"
