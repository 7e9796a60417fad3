"""Measurement math for the viewer: length, angle, ellipse ROI statistics. Pure numpy, no Qt.

Coordinates are image coordinates in pixels, continuous: x is the column, y the row; pixel (row r,
column c) covers [c, c+1) × [r, r+1) and its centre is (c + 0.5, r + 0.5). Spacing is (row_mm, col_mm)
as DICOM Pixel Spacing: row_mm is the distance between rows (scales y), col_mm between columns (scales x).

Safety (DOMAIN.md §7): only a *calibrated* spacing (Pixel Spacing, in the patient) gives millimetres.
`calibrated_spacing()` returns None for Imager Pixel Spacing (at the detector), film-digitiser spacing or
nothing; then lengths are in pixels and areas in pixels², and the viewer labels them "uncalibrated".

Ellipse statistics are computed on the modality-LUT output (`modality_values`: Hounsfield units for CT),
never on the windowed 8-bit picture. The reported area is the pixel count inside the ellipse × row_mm ×
col_mm (what the statistics were computed on); the analytic π·a·b area is given alongside.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Point = tuple[float, float]  # (x = column, y = row)
Pair = tuple[float, float]  # (row_mm, col_mm)

MM, PX = "mm", "px"


def calibrated_spacing(spacing) -> Pair | None:
    """(row_mm, col_mm) when the spacing is in the patient (Pixel Spacing), else None.

    Accepts an app.imaging.dicom_frame.Spacing (its `calibrated` flag decides) or a plain (row, col) pair,
    which is taken as calibrated."""
    if spacing is None:
        return None
    if hasattr(spacing, "calibrated"):
        if not spacing.calibrated or spacing.row_mm is None or spacing.col_mm is None:
            return None
        return float(spacing.row_mm), float(spacing.col_mm)
    row, col = spacing
    if row is None or col is None or not (row > 0 and col > 0):
        return None
    return float(row), float(col)


def _scale(spacing: Pair | None) -> Pair:
    return (1.0, 1.0) if spacing is None else (float(spacing[0]), float(spacing[1]))


def length(p0: Point, p1: Point, spacing: Pair | None = None) -> float:
    """Distance p0–p1: millimetres with a (row_mm, col_mm) spacing, pixels with None."""
    row_mm, col_mm = _scale(spacing)
    return math.hypot((p1[0] - p0[0]) * col_mm, (p1[1] - p0[1]) * row_mm)


def angle(p0: Point, vertex: Point, p1: Point, spacing: Pair | None = None) -> float:
    """The angle p0–vertex–p1 in degrees (0–180), measured in the patient: with anisotropic spacing the
    arms are scaled to millimetres first. Degenerate arms (zero length) give nan."""
    row_mm, col_mm = _scale(spacing)
    ax, ay = (p0[0] - vertex[0]) * col_mm, (p0[1] - vertex[1]) * row_mm
    bx, by = (p1[0] - vertex[0]) * col_mm, (p1[1] - vertex[1]) * row_mm
    if (ax == 0 and ay == 0) or (bx == 0 and by == 0):
        return math.nan
    return math.degrees(math.atan2(abs(ax * by - ay * bx), ax * bx + ay * by))


def ellipse_mask(shape: Sequence[int], centre: Point, radii: Pair) -> np.ndarray:
    """Boolean mask (rows × columns) of the pixels whose centres lie inside the axis-aligned ellipse
    with `centre` (x, y) and `radii` (rx, ry) in pixels."""
    rows, cols = int(shape[0]), int(shape[1])
    rx, ry = max(float(radii[0]), 1e-9), max(float(radii[1]), 1e-9)
    y = (np.arange(rows) + 0.5 - centre[1]) / ry
    x = (np.arange(cols) + 0.5 - centre[0]) / rx
    return (y[:, None] ** 2 + x[None, :] ** 2) <= 1.0


@dataclass(frozen=True)
class EllipseStats:
    count: int  # pixels inside
    mean: float  # nan when no pixel is inside or there are no values (colour)
    sd: float  # population standard deviation (ddof=0), as numpy.std
    minimum: float
    maximum: float
    area: float  # count × row_mm × col_mm (mm²), or the count (px²) without a calibrated spacing
    area_analytic: float  # π·rx·ry in the same unit
    unit: str  # "mm" or "px": area in unit²


def ellipse_stats(values: np.ndarray | None, centre: Point, radii: Pair, spacing: Pair | None = None,
                  shape: Sequence[int] | None = None) -> EllipseStats:
    """Statistics of `values` (2-D, e.g. HU from `modality_values`) inside the ellipse; `values` None
    (a colour image) gives the area only, from `shape`."""
    shape = values.shape[:2] if values is not None else shape
    mask = ellipse_mask(shape, centre, radii)
    count = int(mask.sum())
    row_mm, col_mm = _scale(spacing)
    rx, ry = abs(float(radii[0])), abs(float(radii[1]))
    area, analytic = count * row_mm * col_mm, math.pi * rx * col_mm * ry * row_mm
    unit = PX if spacing is None else MM
    if values is None or count == 0:
        return EllipseStats(count, math.nan, math.nan, math.nan, math.nan, area, analytic, unit)
    inside = np.asarray(values, dtype=np.float64)[mask]
    return EllipseStats(count, float(inside.mean()), float(inside.std()), float(inside.min()),
                        float(inside.max()), area, analytic, unit)


def modality_values(frame) -> np.ndarray | None:
    """The frame's values after the modality LUT (Rescale Slope/Intercept or Modality LUT Sequence) as
    float64: HU for CT. None for colour frames (no physical value to average)."""
    if getattr(frame, "color", False):
        return None
    from pydicom.pixels import apply_modality_lut

    return np.asarray(apply_modality_lut(frame.pixels, frame.header), dtype=np.float64)


def value_unit(frame) -> str:
    """The unit of `modality_values`: "HU" for CT (unless the file says another Rescale Type)."""
    rescale_type = str(frame.header.get("RescaleType", "") or "").strip()
    if frame.modality == "CT" and rescale_type in ("", "HU"):
        return "HU"
    return "" if rescale_type.upper() in ("US", "") else rescale_type
