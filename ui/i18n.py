"""Languages: our Linguist catalogue, Qt's own, and the bridge that lets `app` messages be translated.

English is the source language. `resources/i18n/mdt_zh_CN.ts` is the catalogue (committed); the `.qm`
is built from it by PySide6's bundled `lrelease` when missing or older than the `.ts` (not committed).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n as app_i18n
from ui.resources_path import resource

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
ENGLISH = "en"
# Shown in each language's own words, so the switch stays usable whatever the current language is.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}
CATALOGUE = "mdt_zh_CN"

_installed: list[QTranslator] = []


def normalise_language(value: object) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("en"):
        return ENGLISH
    return DEFAULT_LANGUAGE


def lrelease_path() -> Path | None:
    """The `lrelease` shipped inside the PySide6 package (works in any venv), else one on PATH."""
    import PySide6

    pkg = Path(PySide6.__file__).resolve().parent
    names = ("lrelease.exe",) if sys.platform == "win32" else ("lrelease",)
    for folder in (pkg, pkg / "Qt" / "bin", pkg / "Qt" / "libexec"):
        for name in names:
            if (folder / name).is_file():
                return folder / name
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def ts_path() -> Path:
    return resource("i18n", f"{CATALOGUE}.ts")


def build_qm(ts: Path | None = None) -> Path:
    """Compile the catalogue if the `.qm` is missing or older than the `.ts`; returns the `.qm` path."""
    ts = ts or ts_path()
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        raise FileNotFoundError(ts)
    tool = lrelease_path()
    if tool is None:
        raise RuntimeError("lrelease not found: install PySide6 (it ships lrelease) to build translations")
    tmp = qm.with_name(f".{qm.stem}.{os.getpid()}.qm")
    proc = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True)
    if proc.returncode != 0 or not tmp.exists():
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"lrelease failed on {ts}: {proc.stderr or proc.stdout}")
    os.replace(tmp, qm)  # atomic: a parallel start never loads a half-written file
    return qm


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def install_translators(app: QCoreApplication, language: object) -> str:
    """Install Qt's and our catalogue for `language`; returns the language actually in use."""
    remove_translators(app)
    lang = normalise_language(language)
    app_i18n.install_translator(_translate)
    if lang == ENGLISH:
        QLocale.setDefault(QLocale("en_GB"))
        return ENGLISH
    QLocale.setDefault(QLocale("zh_CN"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        log.warning("Qt's own Chinese catalogue (qtbase_zh_CN.qm) not found in %s", qt_dir)
    try:
        qm = build_qm()
    except (OSError, RuntimeError):
        log.exception("could not build the Chinese catalogue; the interface stays in English")
        return ENGLISH
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        log.error("could not load %s; the interface stays in English", qm)
        return ENGLISH
    app.installTranslator(ours)
    _installed.append(ours)
    return DEFAULT_LANGUAGE


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
