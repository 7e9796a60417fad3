"""The pyramids built for large photos are derived files (rebuilt from the stored original when missing), kept
in <data>/tmp/cache/slides so a photo opens at once the second time. Without a limit they would grow with every
large photo ever opened: the least recently used go once the folder passes its cap."""

from __future__ import annotations

import os
import time
from pathlib import Path

CAP_BYTES = 2 * 2**30


def touch(path: Path) -> None:
    """Mark a pyramid as just used: its access time, set here explicitly (file systems mounted noatime or
    relatime would not), orders the eviction; the modification time stays that of the build."""
    try:
        os.utime(path, ns=(time.time_ns(), path.stat().st_mtime_ns))
    except OSError:
        pass  # read-only or vanished: it is only a cache


def prune(cache_dir: Path, keep: Path | None = None, cap_bytes: int = CAP_BYTES) -> list[Path]:
    """Delete the least recently used pyramids until the folder holds at most `cap_bytes`; never `keep`.
    Returns what was deleted. A file another window still has open (Windows refuses) is left for next time."""
    try:
        entries = [(max(st.st_atime, st.st_mtime), st.st_size, p)
                   for p in cache_dir.glob("*.tif") if p.is_file() for st in (p.stat(),)]
    except OSError:
        return []
    total = sum(size for _, size, _ in entries)
    removed: list[Path] = []
    for _, size, path in sorted(entries):
        if total <= cap_bytes:
            break
        if keep is not None and path == keep:
            continue
        try:
            path.unlink()
        except OSError:
            continue
        total -= size
        removed.append(path)
    return removed
