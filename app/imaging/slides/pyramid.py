"""Build a tile pyramid in one pass over an image given as row bands: each level halves the one above.

Only a band and a few tile rows per level are in memory at a time; the result is a pyramidal TIFF
(tiff_writer) that OpenSlide opens like any whole-slide image.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from app.imaging.slides.tiff_writer import PyramidTiffWriter, encode_tile

TILE = 256
ENCODERS = 2  # JPEG encoding releases the GIL: both cores of the meeting-room PC
MIN_SIDE = 640  # the coarsest level: small enough to show at once, big enough for a first look


def level_sizes(width: int, height: int, min_side: int = MIN_SIDE) -> list[tuple[int, int]]:
    sizes = [(width, height)]
    while max(sizes[-1]) > min_side:
        w, h = sizes[-1]
        sizes.append((-(-w // 2), -(-h // 2)))
    return sizes


def halve(rows: np.ndarray) -> np.ndarray:
    """2×2 box average (the last odd row/column averaged alone), as Pillow's reduce does."""
    from PIL import Image

    return np.asarray(Image.fromarray(np.ascontiguousarray(rows), "RGB").reduce(2))


class _Level:
    def __init__(self, width: int) -> None:
        self.width = width
        self.rows = np.empty((0, width, 3), np.uint8)  # waiting to make a full tile row
        self.down = np.empty((0, width, 3), np.uint8)  # waiting to be halved for the next level
        self.tile_row = 0


class _Cascade:
    def __init__(self, writer: PyramidTiffWriter, sizes: list[tuple[int, int]], quality: int,
                 pool: ThreadPoolExecutor) -> None:
        self.writer, self.quality, self.pool = writer, quality, pool
        self.levels = [_Level(w) for w, _ in sizes]

    def push(self, i: int, rows: np.ndarray, final: bool) -> None:
        lv, t = self.levels[i], self.writer.tile
        lv.rows = np.concatenate([lv.rows, rows]) if len(lv.rows) else rows
        while len(lv.rows) >= t or (final and len(lv.rows)):
            self._emit(i, lv, lv.rows[:t])
            lv.rows = lv.rows[t:]
        if i + 1 == len(self.levels):
            return
        lv.down = np.concatenate([lv.down, rows]) if len(lv.down) else rows
        n = len(lv.down) if final else len(lv.down) // 2 * 2
        if n:
            half, lv.down = halve(lv.down[:n]), lv.down[n:]
            self.push(i + 1, half, final)
        elif final:
            self.push(i + 1, np.empty((0, self.levels[i + 1].width, 3), np.uint8), final)

    def _emit(self, i: int, lv: _Level, band: np.ndarray) -> None:
        from PIL import Image

        t = self.writer.tile
        cols = -(-lv.width // t)
        if len(band) < t or lv.width % t:  # the last row or column: pad by repeating the edge pixels
            band = np.pad(band, ((0, t - len(band)), (0, cols * t - lv.width), (0, 0)), mode="edge")
        row = Image.fromarray(np.ascontiguousarray(band), "RGB")
        crops = [row.crop((c * t, 0, (c + 1) * t, t)) for c in range(cols)]
        for c, data in enumerate(self.pool.map(lambda im: encode_tile(im, t, self.quality), crops)):
            self.writer.put(i, lv.tile_row * cols + c, data)
        lv.tile_row += 1


def write_pyramid(path: Path, width: int, height: int, bands: Iterable[np.ndarray], *, mpp: float | None = None,
                  tile: int = TILE, quality: int = 85) -> Path:
    """Write the RGB uint8 row bands (top to bottom, `width` wide, `height` rows in all) as a pyramidal TIFF.

    Written to a neighbouring temporary name and renamed, so a half-built pyramid is never opened."""
    sizes = level_sizes(width, height)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    writer = PyramidTiffWriter(part, tile, mpp)
    pool = ThreadPoolExecutor(max_workers=ENCODERS, thread_name_prefix="mdt-pyramid")
    try:
        cascade, seen, pending = _Cascade(writer, sizes, quality, pool), 0, None
        for band in bands:
            if band.shape[1] != width or band.ndim != 3:
                raise ValueError(f"band of shape {band.shape} in an image {width} wide")
            if pending is not None:
                cascade.push(0, pending, False)
            pending, seen = band, seen + len(band)
        if seen != height or pending is None:
            raise ValueError(f"{seen} rows given for an image {height} high")
        cascade.push(0, pending, True)
        writer.finish(sizes)
        os.replace(part, path)
    except BaseException:
        writer.close()
        part.unlink(missing_ok=True)
        raise
    finally:
        pool.shutdown()
    return path
