"""Decoded slices for the viewer: a byte-capped LRU cache and a loader that decodes through `ops.run`.

One decode is in flight at a time, so other service calls (saving a key image) are never stuck behind a
long queue of prefetches on the single worker. What is decoded next: the slice on screen, then the next
`PREFETCH_AHEAD` slices in the scroll direction, then `PREFETCH_BEHIND` the other way.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np

from ui import ops

DEFAULT_CAP = 256 * 1024 * 1024
PREFETCH_AHEAD = 6
PREFETCH_BEHIND = 2

Key = tuple[int, int]  # (attachment id, frame)


def cost(item: Any) -> int:
    pixels = getattr(item, "pixels", item)
    return int(pixels.nbytes) if isinstance(pixels, np.ndarray) else 1


class FrameCache:
    """Least recently used first out, once the decoded pixels exceed `cap` bytes (the newest always stays)."""

    def __init__(self, cap: int = DEFAULT_CAP) -> None:
        self.cap = cap
        self.bytes = 0
        self._items: OrderedDict[Key, Any] = OrderedDict()

    def __contains__(self, key: Key) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Key) -> Any | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def put(self, key: Key, item: Any) -> None:
        if key in self._items:
            self.bytes -= cost(self._items.pop(key))
        self._items[key] = item
        self.bytes += cost(item)
        while self.bytes > self.cap and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self.bytes -= cost(old)


class SliceLoader:
    """Decodes the slices the viewer needs, one at a time, on the ops worker; answers on the GUI thread."""

    def __init__(self, owner, decode: Callable[[Key], Any], on_loaded: Callable[[Key, Any], None],
                 on_failed: Callable[[Key, BaseException], None], cap: int = DEFAULT_CAP) -> None:
        self._owner = owner
        self._decode = decode
        self._on_loaded = on_loaded
        self._on_failed = on_failed
        self.cache = FrameCache(cap)
        self.failed: dict[Key, BaseException] = {}
        self.in_flight: Key | None = None
        self._generation = 0
        self._wanted: list[Key] = []

    def reset(self) -> None:
        self._generation += 1
        self.in_flight = None
        self._wanted = []
        self.failed.clear()

    def want(self, slices: list[Key], index: int, direction: int) -> None:
        """Ask for slice `index` first, then its neighbours in `direction` (+1 or -1)."""
        order = [index] + [index + direction * d for d in range(1, PREFETCH_AHEAD + 1)]
        order += [index - direction * d for d in range(1, PREFETCH_BEHIND + 1)]
        self._wanted = [slices[i] for i in order if 0 <= i < len(slices)]
        self._pump()

    def _pump(self) -> None:
        if self.in_flight is not None:
            return
        key = next((k for k in self._wanted if k not in self.cache and k not in self.failed), None)
        if key is None:
            return
        self.in_flight = key
        generation = self._generation
        decode = self._decode
        ops.run(lambda: decode(key), lambda item: self._done(generation, key, item),
                lambda exc: self._error(generation, key, exc), owner=self._owner)

    def _done(self, generation: int, key: Key, item: Any) -> None:
        if generation != self._generation:
            return
        self.in_flight = None
        self.cache.put(key, item)
        self._on_loaded(key, item)
        self._pump()

    def _error(self, generation: int, key: Key, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.in_flight = None
        self.failed[key] = exc
        self._on_failed(key, exc)
        self._pump()
