"""Small PNG previews of stored images, for lists and series browsers.

DICOM goes through the viewer's display pipeline (app.imaging.dicom_display) with its defaults, so a
thumbnail looks like the first image the viewer shows: same window, MONOCHROME1 inverted, colour kept.
"""

from __future__ import annotations

import io
from pathlib import Path

THUMB_SIZE = 160


def make_thumbnail(path: Path, kind: str) -> bytes:
    """PNG bytes, at most THUMB_SIZE on the long side. Raises on files that cannot be shown."""
    from PIL import Image, ImageOps

    if kind == "dicom":
        from app.imaging.dicom_display import load_frame, render

        im = render(load_frame(path, 0))  # shrunk below, never enlarged
    elif kind == "slide":  # a pyramid: its coarse levels make the preview, never the full image
        import openslide

        with openslide.OpenSlide(str(path)) as slide:
            im = slide.get_thumbnail((THUMB_SIZE, THUMB_SIZE)).convert("RGB")
    elif kind == "photo":
        with Image.open(path) as src:
            src.draft("RGB", (THUMB_SIZE * 2, THUMB_SIZE * 2))  # JPEG: decode at reduced size
            im = ImageOps.exif_transpose(src).convert("RGB")
    else:
        raise ValueError(f"no preview for {kind}")
    im.thumbnail((THUMB_SIZE, THUMB_SIZE))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=False)
    return buf.getvalue()
