"""Pathology pictures (photos, large images, whole-slide images) as tile pyramids, for the slide viewer
and the `render --region` command. Read-only: viewing is not a change, so nothing is audited.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services.base import Service
from db.models import Attachment

if TYPE_CHECKING:
    from PIL import Image

    from app.imaging.slides import SlideSource

SLIDE_KINDS = ("photo", "slide")
MAX_OUTPUT_PIXELS = 64_000_000  # one rendered region (≈190 MB of RGB); larger asks for a coarser level


class SlideService(Service):
    @property
    def cache_dir(self) -> Path:
        # Pyramids built from large photos: inside the data folder, never the system temp (patient data).
        return self.ctx.data_dir.tmp / "cache" / "slides"

    def open(self, actor: Actor, attachment_id: int) -> SlideSource:
        """A reader for a photo or slide attachment; the caller closes it. May take seconds the first time a
        large photo without a pyramid is opened (its pyramid is built and kept)."""
        from app.imaging.slides import open_slide

        self.require(actor, "case.view")
        with self.db.read() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            kind, sha = a.kind, a.sha256
        if kind not in SLIDE_KINDS:
            raise ValidationError(N("errors", "This attachment is not an image."), details=f"kind {kind}")
        path = self.ctx.blobs.path_for(sha)
        if not path.is_file():
            raise NotFound(N("errors", "The stored file of attachment {id} is missing; run the check."),
                           id=attachment_id, details=str(path))
        return open_slide(path, sha, self.cache_dir)

    def describe(self, actor: Actor, attachment_id: int) -> str:
        """"width×height" of full resolution, with the microns per pixel when known (for overlays)."""
        source = self.open(actor, attachment_id)
        try:
            text = f"{source.width}×{source.height}"
            return f"{text}  {source.mpp:.3g} µm/px" if source.mpp else text
        finally:
            source.close()

    def render_region(self, actor: Actor, attachment_id: int, region: tuple[int, int, int, int] | None = None,
                      level: int | None = None, size: tuple[int, int] | None = None) -> Image.Image:
        """Level-0 rectangle (x, y, w, h) of the picture (None: all of it) at the resolution of `level`,
        fitted inside `size` if given. Without a level: the coarsest one still sharp enough for `size`."""
        from PIL import Image

        from app.imaging.dicom_display import fit

        source = self.open(actor, attachment_id)
        try:
            x, y, w, h = region if region is not None else (0, 0, source.width, source.height)
            if level is None:
                level = _level_for(source, w, h, size)
            if not 0 <= level < len(source.levels):
                raise ValidationError(N("errors", "Level {level} does not exist: this image has levels 0 to "
                                                  "{last}."), field="level", level=level,
                                      last=len(source.levels) - 1)
            if w <= 0 or h <= 0 or x >= source.width or y >= source.height or x + w <= 0 or y + h <= 0:
                raise ValidationError(N("errors", "The region {region} lies outside the image ({width}×{height} "
                                                  "pixels)."), field="region", region=f"{x},{y},{w},{h}",
                                      width=source.width, height=source.height)
            ds = source.levels[level].downsample
            lx, ly = round(x / ds), round(y / ds)
            lw, lh = max(1, round(w / ds)), max(1, round(h / ds))
            if lw * lh > MAX_OUTPUT_PIXELS:
                raise ValidationError(N("errors", "The region is too large at level {level} ({width}×{height} "
                                                  "pixels); choose a coarser level or a smaller region."),
                                      field="region", level=level, width=lw, height=lh)
            im = Image.fromarray(source.read_region(level, lx, ly, lw, lh), "RGB")
        finally:
            source.close()
        return fit(im, size) if size else im


def _level_for(source: SlideSource, w: int, h: int, size: tuple[int, int] | None) -> int:
    if size:
        return source.best_level(min(w / size[0], h / size[1]))
    return next((i for i, lv in enumerate(source.levels) if w * h / lv.downsample**2 <= MAX_OUTPUT_PIXELS),
                len(source.levels) - 1)
