"""A pyramidal, tiled, JPEG-compressed TIFF: the layout OpenSlide reads as "generic-tiff" (level 0 in the
first IFD, each reduced level in the next one).

Why our own writer: tifffile (the usual choice) refuses to store JPEG tiles, even already compressed
ones, without imagecodecs, a 26 MB binary wheel; Pillow writes JPEG tiles well but not tiled TIFF.
Classic TIFF with 32-bit offsets is enough below 4 GB; tiles arrive as complete JPEG streams (YCbCr
4:2:0, as Pillow encodes them), so nothing is ever held whole in memory.
"""

from __future__ import annotations

import io
import struct
from fractions import Fraction
from pathlib import Path

SHORT, LONG, RATIONAL = 3, 4, 5
_SIZES = {SHORT: 2, LONG: 4, RATIONAL: 8}
MAX_BYTES = 2**32 - 1


def encode_tile(tile_image, tile: int, quality: int = 85) -> bytes:
    """One full tile (a Pillow RGB image, tile×tile) as a JPEG stream. Pad partial edge tiles by repeating
    the last row and column: a plain fill would bleed into the image's edge through JPEG's colour blocks."""
    if tile_image.size != (tile, tile):
        raise ValueError(f"tile of {tile_image.size}, expected {tile}×{tile}")
    buf = io.BytesIO()
    tile_image.save(buf, "JPEG", quality=quality, subsampling=2)
    return buf.getvalue()


class PyramidTiffWriter:
    """`put(level, index, jpeg)` in any order (index row-major within the level), then `finish(sizes)` with
    every level's (width, height), largest first. Tiles of all levels may interleave in the file, so a
    pyramid is written in one pass over the image."""

    def __init__(self, path: Path, tile: int = 256, mpp: float | None = None) -> None:
        if tile % 16:
            raise ValueError("TIFF tiles are a multiple of 16 pixels")
        self.tile, self.mpp = tile, mpp
        self._f = open(path, "wb")  # noqa: SIM115 - closed in finish()/close()
        self._f.write(b"II*\x00\x00\x00\x00\x00")
        self._link = 4  # where the offset of the next IFD goes
        self._tiles: dict[int, dict[int, tuple[int, int]]] = {}

    def put(self, level: int, index: int, data: bytes) -> None:
        f = self._f
        self._tiles.setdefault(level, {})[index] = (f.tell(), len(data))
        f.write(data)
        if f.tell() % 2:
            f.write(b"\x00")
        if f.tell() > MAX_BYTES:
            raise ValueError("the pyramid exceeds 4 GB, beyond classic TIFF")

    def finish(self, sizes: list[tuple[int, int]]) -> None:
        for level, (width, height) in enumerate(sizes):
            count = -(-width // self.tile) * -(-height // self.tile)
            tiles = self._tiles.get(level, {})
            if sorted(tiles) != list(range(count)):
                raise ValueError(f"level {level}: {len(tiles)} tiles, expected {count}")
            self._write_ifd(self._entries(level, width, height, [tiles[i] for i in range(count)],
                                          sizes[0][0] / width))
        self.close()

    def _entries(self, level: int, width: int, height: int, tiles: list[tuple[int, int]],
                 downsample: float) -> list:
        t = self.tile
        entries = [
            (254, LONG, [1 if level else 0]),  # NewSubfileType: reduced-resolution image
            (256, LONG, [width]), (257, LONG, [height]),
            (258, SHORT, [8, 8, 8]), (259, SHORT, [7]),  # 8-bit samples, JPEG
            (262, SHORT, [6]), (277, SHORT, [3]),  # YCbCr, 3 samples
        ]
        if self.mpp:
            per_cm = Fraction(10000 / (self.mpp * downsample)).limit_denominator(10000)
            entries += [(282, RATIONAL, [per_cm]), (283, RATIONAL, [per_cm])]
        entries += [(284, SHORT, [1])]
        if self.mpp:
            entries += [(296, SHORT, [3])]  # ResolutionUnit: centimetre
        entries += [(322, LONG, [t]), (323, LONG, [t]), (324, LONG, [o for o, _ in tiles]),
                    (325, LONG, [n for _, n in tiles]), (530, SHORT, [2, 2])]
        return entries

    def _write_ifd(self, entries: list[tuple[int, int, list]]) -> None:
        f = self._f
        if f.tell() % 2:
            f.write(b"\x00")
        start = f.tell()
        extra_at = start + 2 + 12 * len(entries) + 4
        table, extra = bytearray(struct.pack("<H", len(entries))), bytearray()
        for tag, typ, values in entries:
            if typ == RATIONAL:
                raw = b"".join(struct.pack("<II", v.numerator, v.denominator) for v in values)
            else:
                raw = struct.pack(f"<{len(values)}{'H' if typ == SHORT else 'I'}", *values)
            if len(raw) <= 4:
                field = raw.ljust(4, b"\x00")
            else:
                field = struct.pack("<I", extra_at + len(extra))
                extra += raw + (b"\x00" if len(raw) % 2 else b"")
            table += struct.pack("<HHI", tag, typ, len(values)) + field
        table += b"\x00\x00\x00\x00"  # next IFD: patched when another level follows
        f.write(table)
        f.write(extra)
        if f.tell() > MAX_BYTES:
            raise ValueError("the pyramid exceeds 4 GB, beyond classic TIFF")
        end = f.tell()
        f.seek(self._link)
        f.write(struct.pack("<I", start))
        f.seek(end)
        self._link = start + 2 + 12 * len(entries)

    def close(self) -> None:
        if not self._f.closed:
            self._f.close()
