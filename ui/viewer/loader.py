"""Decoded slices for the viewer: the whole series decoded in the background, nearest slices first.

The viewer hands over the series' sources (one service call: stored paths, positions); DICOM frames then
decode in app.imaging.decode_pool (a thread for uncompressed files, worker processes for compressed ones,
whose codecs hold the GIL) and arrive on the GUI thread through ops.progress_relay; photos go through
the render service on the ops worker. Order: the slice on screen, `PREFETCH_AHEAD` in the scroll
direction, `PREFETCH_BEHIND` the other way, then the rest of the series outwards, as far as the shared
byte-capped cache (app.imaging.byte_cache) holds without pushing out what is near the slice on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import numpy as np

from app.imaging.byte_cache import ByteCache, cost, shared_cache
from app.imaging.decode_pool import shared_pool
from app.services.image_sources import ImageSource, decode_failure
from ui import ops

PREFETCH_AHEAD = 6
PREFETCH_BEHIND = 2
BUDGET_SHARE = 0.8  # of the cache cap that one series may fill ahead of time
# Decodes queued at once for an uncompressed series: enough that the decoding thread never waits for the
# GUI thread to ask for more, few enough that a jump elsewhere is served after a few milliseconds.
UNCOMPRESSED_DEPTH = 6

Key = tuple[int, int]  # (attachment id, frame)
FrameCache = ByteCache  # the name earlier screens and tests know


class SliceLoader:
    def __init__(self, owner, decode_photo: Callable[[Key], Any], on_loaded: Callable[[Key, Any], None],
                 on_failed: Callable[[Key, BaseException], None], cache: ByteCache | None = None) -> None:
        self._owner = owner
        self._decode_photo = decode_photo
        self._on_loaded = on_loaded
        self._on_failed = on_failed
        self.cache = cache if cache is not None else shared_cache()
        self.pool = shared_pool()
        self.sources: dict[int, ImageSource] = {}
        self._paths: dict[int, str] = {}
        self._compressed = False
        self.failed: dict[Key, BaseException] = {}
        self.pending: dict[Key, Future | None] = {}  # in flight (None: a photo on the ops worker)
        self._generation = 0
        self._wanted: list[Key] = []
        self._cursor = 0
        self._frame_bytes = 0
        self._relay = ops.progress_relay(self._arrived, owner)

    # -- state ------------------------------------------------------------------------------------

    def reset(self) -> None:
        """A new series: forget what was asked; decoded frames stay in the shared cache."""
        self._generation += 1
        for future in self.pending.values():
            if future is not None:
                future.cancel()
        self.pending = {}
        self._wanted = []
        self.failed.clear()
        self.sources = {}
        self._paths = {}

    def set_sources(self, sources: list[ImageSource]) -> None:
        self.sources = {s.attachment_id: s for s in sources}
        self._paths = {s.attachment_id: str(s.path) for s in sources}
        self._compressed = any(s.compressed for s in sources)
        if any(s.compressed for s in sources):
            self.pool.warm()

    @property
    def in_flight(self) -> Key | None:
        """A slice being decoded now, None when the loader is idle."""
        return next(iter(self.pending), None)

    def cache_key(self, key: Key):
        path = self._paths.get(key[0])
        return (path, key[1]) if path is not None else None

    def get(self, key: Key | None) -> Any | None:
        ck = self.cache_key(key) if key is not None else None
        return self.cache.get(ck) if ck is not None else None

    def has(self, key: Key | None) -> bool:
        if key is None:
            return False
        path = self._paths.get(key[0])
        return path is not None and (path, key[1]) in self.cache

    # -- asking -----------------------------------------------------------------------------------

    def want(self, slices: list[Key], index: int, direction: int) -> None:
        """Slice `index` first, its neighbours in `direction` (+1 or -1), then the rest of the series."""
        if not self.sources or not slices:
            return
        n = len(slices)
        near = [index] + [index + direction * d for d in range(1, PREFETCH_AHEAD + 1)]
        near += [index - direction * d for d in range(1, PREFETCH_BEHIND + 1)]
        order = [i for i in near if 0 <= i < n]
        seen = set(order)
        ahead = range(index + 1, n) if direction > 0 else range(index - 1, -1, -1)
        behind = range(index - 1, -1, -1) if direction > 0 else range(index + 1, n)
        rest = [i for i in (*ahead, *behind) if i not in seen]
        if self._frame_bytes:
            fits = int(self.cache.cap * BUDGET_SHARE) // self._frame_bytes
            rest = rest[:max(0, fits - len(order))]
        self._wanted = [slices[i] for i in order + rest]
        self._cursor = 0
        self._pump()

    def _depth(self) -> int:
        return self.pool.processes + 1 if self._compressed else UNCOMPRESSED_DEPTH

    def _pump(self) -> None:
        room = self._depth() - len(self.pending)
        wanted = self._wanted
        while room > 0 and self._cursor < len(wanted):
            key = wanted[self._cursor]
            self._cursor += 1  # what is asked before the cursor is decoded, failed or on its way
            if key in self.pending or key in self.failed or self.has(key):
                continue
            self._start(key)
            room -= 1

    def _start(self, key: Key) -> None:
        source = self.sources.get(key[0])
        generation = self._generation
        relay = self._relay
        if source is None:
            self.failed[key] = decode_failure(KeyError(key[0]))
            self._on_failed(key, self.failed[key])
            return
        if source.kind != "dicom":
            self.pending[key] = None
            ops.run(lambda: self._decode_photo(key), lambda item: self._arrived((generation, key, item, None)),
                    lambda exc: self._arrived((generation, key, None, exc)), owner=self._owner)
            return
        first = bool(self._wanted) and key == self._wanted[0]  # the slice on screen: before the workers are up
        future = self.pool.submit(source.path, key[1], in_process=source.compressed and (self.pool.ready or not first))
        self.pending[key] = future

        def done(f: Future) -> None:
            if f.cancelled():
                return
            exc = f.exception()
            relay((generation, key, None if exc else f.result(), exc))

        future.add_done_callback(done)

    # -- answers (GUI thread) -----------------------------------------------------------------------

    def _arrived(self, message) -> None:
        generation, key, item, exc = message
        source = self.sources.get(key[0])
        if exc is None and item is not None and generation == self._generation and source is not None:
            self.cache.put(self.cache_key(key), item)
            self._frame_bytes = self._frame_bytes or cost(item)
        if generation != self._generation:
            return
        self.pending.pop(key, None)
        if exc is not None:
            self.failed[key] = decode_failure(exc)
            self._on_failed(key, self.failed[key])
        elif isinstance(item, np.ndarray) or item is not None:
            self._on_loaded(key, item)
        self._pump()
