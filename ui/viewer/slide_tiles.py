"""Tiles of a slide for the slide viewer: read and converted to QImage on two reader threads, kept in the
process's byte-capped LRU cache (app.imaging.byte_cache, shared with the DICOM frames: one cap for all),
delivered on the GUI thread (which only paints). Keys name the content (the file's sha256, level, column,
row), so a slide opened again finds its tiles still there.

Readers are separate from the `ui.ops` worker: tile reads are many and short, and a save or a search must
never wait behind them. OpenSlide and Pillow release the GIL while decoding, so two readers use both cores.
Requests that leave the view before they start are cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from app.imaging.byte_cache import ByteCache, shared_cache
from app.imaging.slides import TILE, SlideSource
from ui import ops

READERS = 2
TileKey = tuple[int, int, int]  # (level, column, row)


class _Tile:
    """A tile in the shared cache, which weighs items by `nbytes`."""

    __slots__ = ("image", "nbytes")

    def __init__(self, image: QImage) -> None:
        self.image, self.nbytes = image, image.sizeInBytes()


def to_qimage(rgb: np.ndarray) -> QImage:
    """An RGB array as a QImage in the format the raster painter draws fastest (no per-paint conversion)."""
    h, w = rgb.shape[:2]
    argb = np.empty((h, w), np.uint32)
    argb[:] = 0xFF000000
    argb |= rgb[..., 0].astype(np.uint32) << 16
    argb |= rgb[..., 1].astype(np.uint32) << 8
    argb |= rgb[..., 2]
    return QImage(argb.tobytes(), w, h, 4 * w, QImage.Format.Format_RGB32).copy()


class TileLoader(QObject):
    """`want(keys)` asks for tiles (most wanted first); `on_tile(key)` runs on the GUI thread as each arrives."""

    def __init__(self, owner: QObject, on_tile: Callable[[TileKey], None], cache: ByteCache | None = None) -> None:
        super().__init__(owner)
        self.cache = cache if cache is not None else shared_cache()
        self.failed: dict[TileKey, BaseException] = {}
        self.source: SlideSource | None = None
        self._on_tile = on_tile
        self._pool: ThreadPoolExecutor | None = None  # started on the first read, again after close()
        self._pending: dict[TileKey, Future] = {}
        self._generation = 0
        self._relay = ops.progress_relay(self._arrived, self)

    def set_source(self, source: SlideSource | None) -> None:
        self._cancel(set())
        self._generation += 1
        self.failed.clear()
        self.source = source

    def _name(self, key: TileKey) -> tuple:
        return ("slide", self.source.key if self.source is not None else "", *key)

    def get(self, key: TileKey) -> QImage | None:
        tile = self.cache.get(self._name(key))
        return tile.image if tile is not None else None

    def has(self, key: TileKey) -> bool:
        return self._name(key) in self.cache

    def want(self, keys: list[TileKey]) -> None:
        wanted = set(keys)
        self._cancel(wanted)
        source, generation = self.source, self._generation
        if source is None:
            return
        for key in keys:
            if key in self._pending or key in self.failed or self.has(key):
                continue
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="mdt-tiles")
            self._pending[key] = self._pool.submit(self._read, source, generation, key)

    def busy(self) -> bool:
        return bool(self._pending)

    def _cancel(self, keep: set[TileKey]) -> None:
        for key in [k for k in self._pending if k not in keep]:
            if self._pending[key].cancel():
                del self._pending[key]

    def _read(self, source: SlideSource, generation: int, key: TileKey) -> None:
        level, col, row = key
        try:
            result: object = to_qimage(source.tile(level, col, row, TILE))
        except Exception as e:  # noqa: BLE001 - a damaged tile is reported, the others still show
            result = e
        self._relay((generation, key, result))

    def _arrived(self, message: tuple[int, TileKey, object]) -> None:
        generation, key, result = message
        if generation != self._generation:
            return
        self._pending.pop(key, None)
        if isinstance(result, BaseException):
            self.failed[key] = result
        else:
            self.cache.put(self._name(key), _Tile(result))
        self._on_tile(key)

    def close(self) -> None:
        """Stop reading: queued reads are dropped, the ones running are waited for (a tile takes ms), so the
        source can be closed safely afterwards."""
        self._cancel(set())
        self._generation += 1
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()
