"""The look: the bundled CJK font, the style sheet and the navigation icons.

The PCs this runs on often have no Chinese font at all, so the WenQuanYi Micro Hei file shipped in
`resources/fonts/` is registered and made the application font; without it every label is boxes.
Style sheets never set font sizes, so the font size setting (projector) reaches every widget.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ui.resources_path import resource

log = logging.getLogger(__name__)

FONT_FILE = ("fonts", "wqy-microhei.ttf")
FONT_FAMILY = "WenQuanYi Micro Hei"
MIN_FONT_PT = 9
MAX_FONT_PT = 28
DEFAULT_FONT_PT = 11
# Loaded in this order; later files refine earlier ones.
STYLE_FILES = ("app.qss", "navigation.qss", "tables.qss", "dialogs.qss")

_registered_family: str | None = None


def register_font() -> str:
    """Register the bundled font once per process; returns its family ("" if the file is unusable)."""
    global _registered_family
    if _registered_family is not None:
        return _registered_family
    font_id = QFontDatabase.addApplicationFont(str(resource(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load the bundled font %s: Chinese text will not render", resource(*FONT_FILE))
        _registered_family = ""
    else:
        _registered_family = families[0]
    return _registered_family


def clamp_font_pt(value: object) -> int:
    try:
        pt = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_FONT_PT
    return max(MIN_FONT_PT, min(MAX_FONT_PT, pt))


def apply_app_font(app: QApplication, point_size: object) -> QFont:
    """Make the bundled font, at `point_size`, the font of every widget (applied at once)."""
    family = register_font() or app.font().family()
    font = QFont(family)
    font.setPointSize(clamp_font_pt(point_size))
    app.setFont(font)
    if app.styleSheet():
        # Widgets polished by a style sheet keep the font they had; polishing again hands them the new one.
        app.setStyleSheet(app.styleSheet())
    return font


def stylesheet() -> str:
    """The style files joined; `@ICONS@` becomes the icons folder (QSS resolves url() from the cwd)."""
    parts = []
    for name in STYLE_FILES:
        path = resource("styles", name)
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts).replace("@ICONS@", resource("icons").as_posix())


def apply_stylesheet(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same look on Windows 7..11 and Linux; the QSS refines it
    app.setStyleSheet(stylesheet())


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
