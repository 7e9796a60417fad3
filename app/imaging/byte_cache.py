"""One byte-capped LRU cache per process for decoded pictures (DICOM frames, slide tiles).

Every viewer pane shares it, so two panes and a slide together never hold more than the cap. Keys must
name the content, not a database row: the viewer uses (blob path, frame). The cap defaults to a quarter
of the machine's memory, at most 1 GB (`default_cap`); the settings may set it in megabytes.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

MB = 1024 * 1024
MAX_DEFAULT = 1024 * MB
MIN_CAP = 64 * MB


def physical_memory() -> int | None:
    """Bytes of RAM, None when the system will not say."""
    try:
        if sys.platform == "win32":
            import ctypes

            class Status(ctypes.Structure):
                _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                            ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                            ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                            ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                            ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

            status = Status()
            status.dwLength = ctypes.sizeof(Status)
            if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
                return int(status.ullTotalPhys)
            return None
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, OSError, ValueError):
        return None


def default_cap() -> int:
    ram = physical_memory()
    return MAX_DEFAULT if ram is None else max(MIN_CAP, min(MAX_DEFAULT, ram // 4))


def cap_from_setting(megabytes) -> int:
    """The cap for a setting in MB; 0, missing or nonsense means the default."""
    try:
        mb = int(megabytes)
    except (TypeError, ValueError):
        return default_cap()
    return default_cap() if mb <= 0 else max(MIN_CAP, mb * MB)


def cost(item: Any) -> int:
    """Bytes an item holds: its `pixels` array (a decoded frame), an array, or `nbytes`."""
    pixels = getattr(item, "pixels", item)
    return max(1, int(getattr(pixels, "nbytes", 1)))


class ByteCache:
    """Least recently used first out, once the items exceed `cap` bytes (the newest always stays)."""

    def __init__(self, cap: int | None = None) -> None:
        self.cap = default_cap() if cap is None else int(cap)
        self.bytes = 0
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()  # tiles may be put from a worker thread

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is None:
                return None
            self._items.move_to_end(key)
            return entry[0]

    def put(self, key: Hashable, item: Any) -> None:
        size = cost(item)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._items[key] = (item, size)
            self.bytes += size
            self._trim()

    def discard(self, key: Hashable) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]

    def set_cap(self, cap: int) -> None:
        with self._lock:
            self.cap = int(cap)
            self._trim()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def _trim(self) -> None:
        while self.bytes > self.cap and len(self._items) > 1:
            _, (_, size) = self._items.popitem(last=False)
            self.bytes -= size


_shared: ByteCache | None = None


def shared_cache() -> ByteCache:
    """The process's cache for decoded frames and tiles."""
    global _shared
    if _shared is None:
        _shared = ByteCache()
    return _shared
