"""SlideSource: one picture as a pyramid of levels read region by region, whatever the file behind it.

Coordinates: `read_region(level, x, y, w, h)` takes pixels of that level; level 0 is full resolution and
each level's `downsample` converts to level-0 pixels (annotations and the `render --region` option use
level-0 pixels). Pixels come back as RGB uint8 arrays, (h, w, 3), upright (EXIF orientation applied).
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N

TILE = 256
MIN_MPP, MAX_MPP = 0.02, 100.0  # a believable microns-per-pixel: oil immersion to a scanned gross specimen


@dataclass(frozen=True)
class Level:
    width: int
    height: int
    downsample: float


def too_large(megapixels: float, limit: float) -> ValidationError:
    return ValidationError(
        N("errors", "This image is too large to open safely ({megapixels} megapixels; the limit is {limit} "
                    "megapixels for an image without a tile pyramid). Save it as a pyramidal TIFF or a "
                    "whole-slide format and import that file."),
        megapixels=f"{megapixels:.0f}", limit=f"{limit:.0f}")


def unreadable(e: BaseException | str) -> ValidationError:
    details = e if isinstance(e, str) else f"{type(e).__name__}: {e}"
    return ValidationError(N("errors", "This image cannot be decoded (damaged or unsupported file)."),
                           details=details)


def plausible_mpp(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) and MIN_MPP <= value <= MAX_MPP else None


class SlideSource(ABC):
    """Base of the readers. Subclasses set `levels`, `mpp`, `format` and implement `_read`."""

    levels: tuple[Level, ...] = ()
    mpp: float | None = None  # microns per level-0 pixel, when the file says so believably
    format: str = ""

    def __init__(self, key: str) -> None:
        self.key = key  # stable for the file's content (its sha256): tile caches use it

    @property
    def width(self) -> int:
        return self.levels[0].width

    @property
    def height(self) -> int:
        return self.levels[0].height

    def best_level(self, downsample: float) -> int:
        """The coarsest level still at least as sharp as `downsample` level-0 pixels per shown pixel."""
        best = 0
        for i, lv in enumerate(self.levels):
            if lv.downsample <= downsample * 1.001:
                best = i
        return best

    def tile_grid(self, level: int, tile: int = TILE) -> tuple[int, int]:
        lv = self.levels[level]
        return -(-lv.width // tile), -(-lv.height // tile)

    def tile(self, level: int, col: int, row: int, tile: int = TILE) -> np.ndarray:
        lv = self.levels[level]
        x, y = col * tile, row * tile
        return self.read_region(level, x, y, min(tile, lv.width - x), min(tile, lv.height - y))

    def read_region(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        """Pixels of `level` in [x, x+w) × [y, y+h); outside the image is white."""
        if not 0 <= level < len(self.levels):
            raise ValidationError(N("errors", "Level {level} does not exist: this image has levels 0 to {last}."),
                                  field="level", level=level, last=len(self.levels) - 1)
        lv = self.levels[level]
        out = np.full((max(h, 0), max(w, 0), 3), 255, np.uint8)
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, lv.width), min(y + h, lv.height)
        if x1 > x0 and y1 > y0:
            out[y0 - y:y1 - y, x0 - x:x1 - x] = self._read(level, x0, y0, x1 - x0, y1 - y0)
        return out

    @abstractmethod
    def _read(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        """Pixels of a region lying wholly inside `level` (read_region has clipped it)."""

    def overview(self, max_side: int) -> tuple[int, np.ndarray]:
        """(level, pixels) of the coarsest level whole, or of the finest one not above `max_side`."""
        level = len(self.levels) - 1
        for i, lv in enumerate(self.levels):
            if max(lv.width, lv.height) <= max_side:
                level = i
                break
        lv = self.levels[level]
        return level, self.read_region(level, 0, 0, lv.width, lv.height)

    def close(self) -> None:  # noqa: B027 - readers without an open file have nothing to release
        return None


class PictureSource(SlideSource):
    """A photo small enough to hold decoded; its levels are made by halving it in memory."""

    format = "photo"

    def __init__(self, key: str, rgb: np.ndarray, mpp: float | None, min_side: int = 512) -> None:
        from app.imaging.slides.pyramid import halve

        super().__init__(key)
        self.mpp = mpp
        self._arrays = [rgb]
        while max(self._arrays[-1].shape[:2]) > min_side:
            self._arrays.append(halve(self._arrays[-1]))
        h, w = rgb.shape[:2]
        self.levels = tuple(Level(a.shape[1], a.shape[0], w / a.shape[1]) for a in self._arrays)

    def _read(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        return self._arrays[level][y:y + h, x:x + w]


class OpenSlideSource(SlideSource):
    """Whole-slide images and pyramidal TIFFs through OpenSlide, which decodes only the tiles asked for."""

    def __init__(self, key: str, path, *, fmt: str | None = None, mpp: float | None = None) -> None:
        import openslide

        super().__init__(key)
        try:
            self._slide = openslide.OpenSlide(str(path))
        except (openslide.OpenSlideError, OSError, ValueError) as e:
            raise unreadable(e) from e
        props = self._slide.properties
        self.format = fmt or props.get(openslide.PROPERTY_NAME_VENDOR, "") or "slide"
        self.levels = tuple(Level(w, h, float(d)) for (w, h), d in
                            zip(self._slide.level_dimensions, self._slide.level_downsamples, strict=True))
        try:
            found = float(props[openslide.PROPERTY_NAME_MPP_X])
        except (KeyError, ValueError):
            found = None
        self.mpp = plausible_mpp(found) or mpp

    def _read(self, level: int, x: int, y: int, w: int, h: int) -> np.ndarray:
        ds = self.levels[level].downsample
        try:
            rgba = np.asarray(self._slide.read_region((round(x * ds), round(y * ds)), level, (w, h)))
        except Exception as e:  # noqa: BLE001 - openslide reports a damaged tile with its own error
            raise unreadable(e) from e
        alpha = rgba[..., 3]
        if alpha.min() == 255:
            return rgba[..., :3]
        # Outside the scanned area OpenSlide gives transparent pixels: shown as the white of the glass.
        a = alpha[..., None].astype(np.float32) / 255.0
        return (rgba[..., :3] * a + 255.0 * (1.0 - a) + 0.5).astype(np.uint8)

    def close(self) -> None:
        self._slide.close()
