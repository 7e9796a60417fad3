"""Where the slices of a series lie: missing slices (gaps) and the slice nearest a position.

Positions are ImagePositionPatient projected on the slice normal (mm), as import stores them, in the
series' display order. A gap is a step larger than 1.5× the median step: slices lost on the CD or never
sent. Linked scrolling of two series matches by position, never by index (a prior may have another
spacing or range).
"""

from __future__ import annotations

import bisect
import math
import statistics
from dataclasses import dataclass

GAP_FACTOR = 1.5


@dataclass(frozen=True)
class Gap:
    index: int  # the gap lies between slice index - 1 and slice index
    step_mm: float  # the distance there
    median_mm: float  # the usual distance in the series

    @property
    def missing(self) -> int:
        """About how many slices are missing there."""
        return max(1, round(self.step_mm / self.median_mm) - 1)


def _known(positions) -> bool:
    return len(positions) > 0 and all(p is not None and math.isfinite(p) for p in positions)


def gaps(positions: list[float | None]) -> list[Gap]:
    """The gaps of a series; none when a position is unknown or there are fewer than three slices."""
    if len(positions) < 3 or not _known(positions):
        return []
    steps = [abs(b - a) for a, b in zip(positions, positions[1:], strict=False)]
    median = statistics.median(steps)
    if median <= 1e-6:
        return []
    return [Gap(i + 1, step, median) for i, step in enumerate(steps) if step > GAP_FACTOR * median]


def nearest_index(positions: list[float | None], position: float) -> int | None:
    """Index of the slice whose position is nearest `position` (the lower index on a tie)."""
    if not _known(positions) or position is None or not math.isfinite(position):
        return None
    ascending = positions[0] <= positions[-1]
    keys = positions if ascending else [-p for p in positions]
    target = position if ascending else -position
    if any(b < a for a, b in zip(keys, keys[1:], strict=False)):  # not monotonic: a plain scan
        return min(range(len(positions)), key=lambda i: (abs(positions[i] - position), i))
    i = bisect.bisect_left(keys, target)
    if i <= 0:
        return 0
    if i >= len(keys):
        return len(keys) - 1
    return i - 1 if target - keys[i - 1] <= keys[i] - target else i
