"""Pictures of attachments: DICOM through the display pipeline, photos upright; what the viewer shows.

The `render` command and the viewer's "export view" go through here, so a PNG made on the command line is
the picture the meeting saw. Read-only: no audit record (viewing is not a change).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service
from db.models import Attachment, Case

if TYPE_CHECKING:
    from PIL import Image

    from app.imaging.dicom_display import Frame

@dataclass(frozen=True)
class _Stored:
    id: int
    kind: str
    path: Path


def not_an_image(details: str = "") -> ValidationError:
    return ValidationError(N("errors", "This attachment is not an image."), details=details)


def _decode_error(e: Exception) -> ValidationError:
    return ValidationError(N("errors", "This image cannot be decoded (damaged or unsupported file)."),
                           details=f"{type(e).__name__}: {e}")


def _frame_error(frame: int, count: int) -> ValidationError:
    return ValidationError(N("errors", "Frame {frame} does not exist: this image has {count} frame(s)."),
                           field="frame", frame=frame, count=count)


class RenderService(Service):
    def _stored(self, actor: Actor, attachment_id: int) -> _Stored:
        self.require(actor, "case.view")
        with self.db.read() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            kind, sha = a.kind, a.sha256
        path = self.ctx.blobs.path_for(sha)
        if not path.is_file():
            raise NotFound(N("errors", "The stored file of attachment {id} is missing; run the check."),
                           id=attachment_id, details=str(path))
        return _Stored(attachment_id, kind, path)

    def save_png(self, actor: Actor, attachment_id: int, image: Image.Image, out: Path, what: dict) -> None:
        """Write a picture of the attachment (`render_attachment`, a slide region) to `out` as PNG, whole or
        not at all, and record the export: a patient's image that leaves the app is in the audit trail like a
        printed or exported document. `what` says how it was drawn (frame, window, size...)."""
        self.require(actor, "case.view")
        out = Path(out)
        with self.db.read() as s:
            a = s.get(Attachment, attachment_id)
            if a is None:
                raise NotFound(N("errors", "Attachment {id} does not exist."), id=attachment_id)
            case_id = a.case_id
            patient_id = s.get(Case, case_id).patient_id if case_id is not None else None
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            image.save(tmp, "PNG")
            os.replace(tmp, out)  # never a half-written PNG under the requested name
        finally:
            tmp.unlink(missing_ok=True)
        with self.db.session() as s:
            audit_chain.record(s, actor, "export", "attachment", attachment_id, case_id=case_id,
                               patient_id=patient_id,
                               new={"file": out.name, "format": "png", "width": image.width,
                                    "height": image.height, **what})

    def load_frame(self, actor: Actor, attachment_id: int, frame: int = 0) -> Frame:
        """One decoded DICOM frame, for screens that re-window it without decoding again."""
        stored = self._stored(actor, attachment_id)
        if stored.kind == "photo":
            raise ValidationError(N("errors", "This attachment is a photo, not a DICOM image."))
        if stored.kind != "dicom":
            raise not_an_image(f"kind {stored.kind}")
        return self._dicom_frame(stored.path, frame)

    @staticmethod
    def _dicom_frame(path: Path, frame: int) -> Frame:
        from app.imaging.dicom_display import FrameOutOfRange, NoPixelData, load_frame

        try:
            return load_frame(path, frame)
        except FrameOutOfRange as e:
            raise _frame_error(e.index, e.count) from None
        except NoPixelData as e:
            raise not_an_image(str(e)) from None
        except Exception as e:  # pydicom and the codecs raise many kinds for a damaged file
            raise _decode_error(e) from e

    def render_attachment(self, actor: Actor, attachment_id: int, frame: int = 0, preset: str | None = None,
                          window: tuple[float, float] | None = None, size: tuple[int, int] | None = None,
                          overlay: bool = False) -> Image.Image:
        """The picture of an attachment. `window` is (center, width); `size` (w, h) is fitted keeping the
        aspect ratio; `overlay` adds modality, series, frame and W/L (never the patient's identity)."""
        if window is not None and preset is not None:
            raise ValidationError(N("errors", "Give a window or a preset, not both."), field="preset")
        if window is not None and not (math.isfinite(window[0]) and math.isfinite(window[1]) and window[1] > 0):
            raise ValidationError(N("errors", "The window width must be greater than zero."), field="window")
        stored = self._stored(actor, attachment_id)
        if stored.kind == "dicom":
            return self._render_dicom(stored.path, frame, preset, window, size, overlay)
        if stored.kind in ("photo", "slide"):
            if preset is not None or window is not None:
                raise ValidationError(N("errors", "Window and presets apply to DICOM images only."))
            if frame != 0:
                raise _frame_error(frame, 1)
            if stored.kind == "slide":  # a pyramid: read at the level the size needs, never decoded whole
                from app.imaging.overlay import draw_overlay

                im = self.ctx.slides.render_region(actor, attachment_id, size=size)
                return draw_overlay(im, [self.ctx.slides.describe(actor, attachment_id)]) if overlay else im
            return self._render_photo(stored.path, size, overlay)
        raise not_an_image(f"kind {stored.kind}")

    def _render_dicom(self, path, frame, preset, window, size, overlay) -> Image.Image:
        from app.imaging import dicom_display as dd
        from app.imaging.overlay import draw_overlay
        from app.imaging.presets import PRESET_NAMES

        f = self._dicom_frame(path, frame)
        try:
            shown = dd.display(f, window=window, preset=preset)
        except dd.UnknownPreset:
            raise ValidationError(N("errors", "Unknown window preset {name}. Known presets: {names}."),
                                  field="preset", name=preset, names=", ".join(PRESET_NAMES)) from None
        except Exception as e:  # a header the pipeline cannot follow (a LUT of an unusual depth...)
            raise _decode_error(e) from e
        im = dd.to_image(shown.array, size)
        if overlay:
            top = [f"{f.modality} {f.series_description}".strip(), f"Frame {f.index + 1}/{f.count}"]
            im = draw_overlay(im, top, [shown.window.label()])
        return im

    @staticmethod
    def _render_photo(path: Path, size: tuple[int, int] | None, overlay: bool) -> Image.Image:
        from PIL import Image, ImageOps

        from app.imaging.dicom_display import fit
        from app.imaging.overlay import draw_overlay
        from app.imaging.slides.opening import MAX_DECODED_PIXELS, bomb_megapixels
        from app.imaging.slides.source import too_large

        try:
            with Image.open(path) as src:
                full = src.size
                if full[0] * full[1] > MAX_DECODED_PIXELS:  # a decompression bomb: refused before decoding
                    raise too_large(full[0] * full[1] / 1e6, MAX_DECODED_PIXELS / 1e6)
                if size:
                    side = max(size)
                    src.draft("RGB", (side, side))  # JPEG: decode at a reduced scale, never below `size`
                im = ImageOps.exif_transpose(src)
                im.load()
        except Image.DecompressionBombError as e:
            raise too_large(bomb_megapixels(e), MAX_DECODED_PIXELS / 1e6) from None
        except (OSError, ValueError) as e:
            raise _decode_error(e) from e
        im = _eight_bit(im)
        if size:
            im = fit(im, size)
        if overlay:
            im = draw_overlay(im, [f"{full[0]}×{full[1]}"])
        return im


def _eight_bit(im: Image.Image) -> Image.Image:
    if im.mode in ("L", "RGB"):
        return im
    if im.mode in ("I", "I;16", "I;16B", "I;16L", "F"):  # 16-bit grey: stretch, do not clip at 255
        import numpy as np
        from PIL import Image

        a = np.asarray(im, dtype=np.float64)
        lo, hi = float(a.min()), float(a.max())
        scaled = (a - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(a)
        return Image.fromarray(np.rint(scaled).astype(np.uint8), "L")
    return im.convert("RGB")
