"""Reading generated PDFs back with poppler, as a user's viewer or printer would: text, fonts, pixels."""

from __future__ import annotations

import re
import subprocess


def pdftotext(path, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def flat_text(path) -> str:
    """All text without any whitespace (pdftotext drops or adds spaces around Latin runs)."""
    return "".join(pdftotext(path).split())


def body_text(path, hospital="测试县人民医院", title="多学科诊疗（MDT）意见书") -> str:
    """The text of all pages joined without whitespace, less each page's header and footer, so that a
    paragraph split over a page break reads as one."""
    out = []
    for page in pdftotext(path).split("\f"):
        flat = "".join(page.split())
        if flat.startswith(hospital + title):
            flat = flat[len(hospital + title):]
        cut = flat.rfind("文档编号：")
        out.append(flat[:cut] if cut >= 0 else flat)
    return "".join(out)


def layout_segments(path) -> list[str]:
    """Each run of text on a line of `pdftotext -layout`; table cells and columns are separate runs."""
    text = pdftotext(path, "-layout")
    return [seg for line in text.splitlines() for seg in re.split(r"\s{2,}", line.strip()) if seg]


def pdffonts(path) -> list[list[str]]:
    """Rows of `pdffonts`: name, type..., emb, sub, uni, object id."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def only_embedded_bundled_font(path) -> bool:
    rows = pdffonts(path)
    return bool(rows) and all("WenQuanYiMicroHei" in r[0] and r[-5] == "yes" and r[-4] == "yes" for r in rows)


def render_page(path, page_index: int, out_dir, dpi: int = 72):
    """One page as a PIL image; at 72 dpi a pixel is a PDF point (y measured from the top)."""
    from PIL import Image

    prefix = out_dir / f"page-{page_index}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page_index + 1), "-l", str(page_index + 1),
                    "-singlefile", "-png", str(path), str(prefix)], check=True)
    return Image.open(f"{prefix}.png").convert("RGB")
