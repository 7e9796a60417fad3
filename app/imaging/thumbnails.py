"""Small PNG previews of stored images, for lists and series browsers.

A first, simple display path (the file's first window, else the full range; MONOCHROME1 inverted; colour
kept); the viewer's full pipeline replaces it when it lands, through the same function.
"""

from __future__ import annotations

import io
from pathlib import Path

THUMB_SIZE = 160


def _dicom_image(path: Path):
    import numpy as np
    import pydicom
    from PIL import Image
    from pydicom.pixels import apply_modality_lut, pixel_array

    ds = pydicom.dcmread(path)
    arr = pixel_array(ds, index=0)
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2"))
    if arr.ndim == 3 and arr.shape[-1] in (3, 4):
        if photometric.startswith("YBR"):
            from pydicom.pixels import convert_color_space

            arr = convert_color_space(arr, photometric, "RGB")
        return Image.fromarray(arr[..., :3].astype(np.uint8) if arr.dtype != np.uint8 else arr[..., :3])
    values = apply_modality_lut(arr, ds).astype(np.float64)
    center, width = ds.get("WindowCenter"), ds.get("WindowWidth")
    if center is not None and width is not None:
        c = float(center[0] if isinstance(center, pydicom.multival.MultiValue) else center)
        w = float(width[0] if isinstance(width, pydicom.multival.MultiValue) else width)
        lo, hi = c - w / 2, c + w / 2
    else:
        lo, hi = float(values.min()), float(values.max())
    scaled = np.clip((values - lo) / max(hi - lo, 1e-6), 0, 1) * 255
    if photometric == "MONOCHROME1":
        scaled = 255 - scaled
    return Image.fromarray(scaled.astype(np.uint8))


def make_thumbnail(path: Path, kind: str) -> bytes:
    """PNG bytes, at most THUMB_SIZE on the long side. Raises on files that cannot be shown."""
    from PIL import Image, ImageOps

    if kind == "dicom":
        im = _dicom_image(path)
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
