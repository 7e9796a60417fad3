"""Which reader for which file: OpenSlide for whole-slide images and pyramidal TIFF, Pillow for photos.

A photo above IN_MEMORY_PIXELS gets a pyramid built once into the cache folder (inside the data folder,
never the system temp: it is patient data) and is read from there like a slide afterwards. Building it
decodes the photo once (JPEG and PNG cannot be decoded piecewise with Pillow); viewing never does.
Pictures without a pyramid above MAX_DECODED_PIXELS are refused as possible decompression bombs.
"""

from __future__ import annotations

import re
import threading
import warnings
from pathlib import Path

import numpy as np

from app.imaging.slides import pyramid_cache
from app.imaging.slides.source import (
    OpenSlideSource,
    PictureSource,
    SlideSource,
    plausible_mpp,
    too_large,
    unreadable,
)

IN_MEMORY_PIXELS = 16_000_000  # a camera photo; above, a pyramid on disk
MAX_DECODED_PIXELS = 170_000_000  # without a pyramid: decoded once to build one (≈510 MB for a moment)
MAX_SLIDE_PIXELS = 64_000_000_000  # with a pyramid: never decoded whole, so only absurd sizes are refused
BAND = 512
SLIDE_SUFFIXES = {".svs", ".ndpi", ".mrxs", ".scn", ".vms", ".vmu", ".bif", ".svslide"}

_building = threading.Lock()  # one pyramid build at a time: two viewers of one photo share the result


def slide_format(path: Path) -> str | None:
    """OpenSlide's name for the file's format ("aperio", "generic-tiff"...), None for a plain picture."""
    import openslide

    try:
        return openslide.OpenSlide.detect_format(str(path))
    except (openslide.OpenSlideError, OSError):
        return None


def open_slide(path: Path, key: str, cache_dir: Path) -> SlideSource:
    """A reader for the picture at `path`; `key` names its content (the blob's sha256) in the cache."""
    fmt = slide_format(path)
    if fmt is not None:
        source = OpenSlideSource(key, path, fmt=fmt)
        if source.width * source.height > MAX_SLIDE_PIXELS:
            source.close()
            raise too_large(source.width * source.height / 1e6, MAX_SLIDE_PIXELS / 1e6)
        return source
    return _open_picture(path, key, cache_dir)


def bomb_megapixels(e: Exception) -> float:
    """The pixel count Pillow names in its DecompressionBombError, in megapixels."""
    m = re.search(r"\((\d+) pixels\)", str(e))
    return int(m[1]) / 1e6 if m else float("nan")


def _open_picture(path: Path, key: str, cache_dir: Path) -> SlideSource:
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit applies below
        try:
            im = Image.open(path)
        except Image.DecompressionBombError as e:
            raise too_large(bomb_megapixels(e), MAX_DECODED_PIXELS / 1e6) from None
        except (OSError, ValueError, SyntaxError) as e:
            raise unreadable(e) from e
    with im:
        w, h = im.size
        if w * h > MAX_DECODED_PIXELS:
            raise too_large(w * h / 1e6, MAX_DECODED_PIXELS / 1e6)
        mpp = _resolution_mpp(im)
        if w * h <= IN_MEMORY_PIXELS:
            return PictureSource(key, np.asarray(to_rgb(_upright(im))), mpp)
        cached = cache_dir / f"{key}.tif"
        with _building:
            if cached.is_file():
                pyramid_cache.touch(cached)
            else:
                cache_dir.mkdir(parents=True, exist_ok=True)
                try:
                    _build_pyramid(im, cached, mpp)
                finally:
                    im.close()
                    _give_memory_back()
                pyramid_cache.prune(cache_dir, keep=cached)
    return OpenSlideSource(key, cached, fmt="large-image", mpp=mpp)


def _upright(im):
    """The decoded picture turned as its EXIF orientation says."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            im.load()
            if im.getexif().get(0x0112, 1) in (None, 0, 1):
                return im  # upright already: no copy (exif_transpose would make one, 3 bytes a pixel)
            return ImageOps.exif_transpose(im)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as e:
            raise unreadable(e) from e


def to_rgb(im):
    """8-bit RGB: transparency onto white, 16-bit grey stretched to its range (not clipped at 255)."""
    from PIL import Image

    if im.mode == "RGB":
        return im
    if im.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        a = np.asarray(im, dtype=np.float64)
        lo, hi = float(a.min()), float(a.max())
        scaled = (a - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(a)
        return Image.fromarray(np.rint(scaled).astype(np.uint8), "L").convert("RGB")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def _build_pyramid(im, target: Path, mpp: float | None) -> None:
    from app.imaging.slides.pyramid import write_pyramid

    upright = _upright(im)
    w, h = upright.size

    def bands():
        for y in range(0, h, BAND):
            yield np.asarray(to_rgb(upright.crop((0, y, w, min(y + BAND, h)))))

    write_pyramid(target, w, h, bands(), mpp=mpp, quality=90)


def _give_memory_back() -> None:
    """Return the freed decode buffers to the system. glibc keeps large freed blocks in its heap (Pillow
    allocates images in 16 MB blocks, below its adaptive mmap threshold), so a once-decoded 100-megapixel
    photo would otherwise stay in the process's memory for good. Elsewhere nothing to do."""
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass


def _resolution_mpp(im) -> float | None:
    """Microns per pixel from TIFF resolution tags (inch or centimetre). JPEG/PNG dpi are camera defaults
    (72, 96, 300) that say nothing about the specimen, so they are ignored."""
    if im.format != "TIFF":
        return None
    try:
        xres = float(im.tag_v2.get(282, 0) or 0)
        unit = int(im.tag_v2.get(296, 2) or 2)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if xres <= 0 or unit not in (2, 3):
        return None
    return plausible_mpp((25400.0 if unit == 2 else 10000.0) / xres)
