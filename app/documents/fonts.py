"""The one font every generated PDF uses: the bundled TrueType WenQuanYi Micro Hei, embedded and subset.

reportlab embeds only TrueType-outline fonts (DOMAIN.md §8), and any place that falls back to its default
Helvetica leaves an unembedded font in the file; so every canvas, paragraph and table here names FONT.
Parsing the 5 MB font takes a while: it is registered once per process.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

FONT = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttf"
_lock = threading.Lock()
_registered = False


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def register_font() -> str:
    """Register the CJK font with reportlab (first call only); returns its name."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            from reportlab import rl_config
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
            # Binary streams instead of ASCII85: without reportlab's optional C accelerator the pure-Python
            # encoder takes ~0.1 s per key image, and the file is a quarter smaller.
            rl_config.useA85 = 0
            _registered = True
    return FONT
