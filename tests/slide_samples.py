"""Pictures for the slide tests (no tests here): a pyramidal TIFF from known pixels, a photo lying on its
side by EXIF, and a PNG whose header claims more pixels than may be decoded (a decompression bomb)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np


def known_pixels(width: int, height: int) -> np.ndarray:
    """Smooth colour ramps with a few solid blocks: JPEG keeps them within a few grey levels."""
    yy, xx = np.mgrid[0:height, 0:width]
    rgb = np.stack([xx * 255 // max(1, width - 1), yy * 255 // max(1, height - 1),
                    np.full_like(xx, 128)], axis=-1).astype(np.uint8)
    rgb[100:300, 200:500] = (30, 160, 60)
    rgb[height // 2:height // 2 + 150, width // 2:width // 2 + 150] = (200, 40, 120)
    return rgb


def make_pyramid_tiff(path: Path, width: int = 1500, height: int = 1100, mpp: float | None = 0.25) -> np.ndarray:
    """A pyramidal JPEG TIFF of `known_pixels`, written band by band; returns the pixels written."""
    from app.imaging.slides.pyramid import write_pyramid

    rgb = known_pixels(width, height)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pyramid(path, width, height, (rgb[y:y + 512] for y in range(0, height, 512)), mpp=mpp, quality=95)
    return rgb


def make_sideways_photo(path: Path) -> Path:
    """64×48 pixels stored, a blue top-left corner, EXIF orientation 6: upright it is 48×64, blue top right."""
    from PIL import Image

    photo = Image.new("RGB", (64, 48), (200, 120, 160))
    photo.paste((20, 40, 200), (0, 0, 16, 16))
    exif = Image.Exif()
    exif[0x0112] = 6
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, exif=exif, quality=95)
    return path


def make_png_bomb(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header says `width`×`height` grey pixels (the data would inflate to all of them)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (width + 1)
    body = zlib.compress(row * 4, 9)  # a few rows only: the header is what gets refused
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path
