"""Reading DICOM for display: one decoded frame and the attributes in force for it; pixel spacing.

Decoding is what `pydicom.pixels.pixel_array(ds, index=frame)` does, calling the decoder directly so its
report of the output photometric interpretation is kept: pydicom's decoders already turn YBR_FULL,
YBR_FULL_422 (and the JPEG 2000 YBR_RCT/ICT) into RGB, so nothing is converted twice. PALETTE COLOR goes
through the palette here. Enhanced multi-frame files keep rescale, window and spacing in functional
groups: those of the frame are folded into a per-frame header before any LUT sees it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

PIXEL_KEYWORDS = ("PixelData", "FloatPixelData", "DoubleFloatPixelData")
_PIXEL_TAGS = {0x7FE00010, 0x7FE00008, 0x7FE00009}
VOI_FUNCTIONS = ("LINEAR", "LINEAR_EXACT", "SIGMOID")
# Functional-group macros whose attributes apply to one frame (PS3.3 C.7.6.16).
_FRAME_MACROS = (
    ("PixelValueTransformationSequence", ("RescaleSlope", "RescaleIntercept", "RescaleType")),
    ("FrameVOILUTSequence", ("WindowCenter", "WindowWidth", "VOILUTFunction", "WindowCenterWidthExplanation")),
    ("PixelMeasuresSequence", ("PixelSpacing",)),
)


class NoPixelData(ValueError):
    """The DICOM file holds no image (structured report, RT plan, DICOMDIR...)."""


class FrameOutOfRange(IndexError):
    def __init__(self, index: int, count: int) -> None:
        self.index, self.count = index, count
        super().__init__(f"frame {index} does not exist: the image has {count} frame(s)")


@dataclass(frozen=True)
class FileWindow:
    center: float
    width: float
    explanation: str = ""


class Spacing(NamedTuple):
    row_mm: float | None  # distance between rows (vertical), as PixelSpacing[0]
    col_mm: float | None  # distance between columns (horizontal), as PixelSpacing[1]
    calibrated: bool  # True only for Pixel Spacing (in the patient); measurements say "uncalibrated" otherwise
    source: str  # "pixel_spacing" | "detector" (Imager Pixel Spacing) | "scanned" (film digitiser) | "none"


@dataclass(eq=False)
class Frame:
    """One decoded frame and the display attributes in force for it."""

    pixels: np.ndarray  # mono: stored values (2-D); colour: RGB (H×W×3), palette already applied
    header: Dataset  # the file's attributes with this frame's functional groups folded in; no pixel data
    photometric: str  # as written in the file
    index: int
    count: int
    color: bool
    color_max: int  # colour: the value meaning full intensity
    inverse: bool  # MONOCHROME1 / Presentation LUT Shape INVERSE
    windows: tuple[FileWindow, ...]
    voi_function: str
    voi_lut_max: int | None  # the VOI LUT Sequence's top output value, None without one

    @property
    def rows(self) -> int:
        return int(self.pixels.shape[0])

    @property
    def columns(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def modality(self) -> str:
        return str(self.header.get("Modality", "") or "")

    @property
    def series_description(self) -> str:
        return str(self.header.get("SeriesDescription", "") or "")

    @cached_property
    def raw_range(self) -> tuple[float, float]:
        lo, hi = self.pixels.min(), self.pixels.max()
        return (int(lo), int(hi)) if self.pixels.dtype.kind in "iu" else (float(lo), float(hi))

    @cached_property
    def value_range(self) -> tuple[float, float]:
        """Minimum and maximum of this frame after the modality LUT (the "full" window)."""
        from pydicom.pixels import apply_modality_lut

        if self.header.get("ModalityLUTSequence"):
            values = apply_modality_lut(self.pixels, self.header)
            return float(values.min()), float(values.max())
        ends = apply_modality_lut(np.array(self.raw_range), self.header)
        return float(min(ends)), float(max(ends))


def read_dataset(path: Path | str) -> Dataset:
    """The whole file; files without the preamble and meta header (old CDs) are read as they come."""
    import pydicom
    from pydicom.errors import InvalidDicomError

    try:
        ds = pydicom.dcmread(path)
    except InvalidDicomError:
        ds = pydicom.dcmread(path, force=True)
    meta = ds.file_meta if hasattr(ds, "file_meta") else None
    if meta is None or "TransferSyntaxUID" not in meta:
        from pydicom.dataset import FileMetaDataset
        from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

        implicit, little = ds.original_encoding
        if little is not None:
            ds.file_meta = meta or FileMetaDataset()
            ds.file_meta.TransferSyntaxUID = (ImplicitVRLittleEndian if implicit else
                                              ExplicitVRLittleEndian if little else ExplicitVRBigEndian)
    return ds


def load_frame(path: Path | str, frame: int = 0) -> Frame:
    """Decode frame `frame` (0-based) of the file at `path`."""
    return frame_from_dataset(read_dataset(path), frame)


def _number_of_frames(ds: Dataset) -> int:
    try:
        return max(1, int(ds.get("NumberOfFrames") or 1))
    except (TypeError, ValueError):
        return 1


def _frame_header(ds: Dataset, index: int) -> Dataset:
    from pydicom.dataset import Dataset

    header = Dataset({tag: ds.get_item(tag) for tag in ds.keys() if tag not in _PIXEL_TAGS})
    if hasattr(ds, "file_meta"):
        header.file_meta = ds.file_meta
    header.set_original_encoding(*ds.original_encoding)
    groups = []
    shared = ds.get("SharedFunctionalGroupsSequence")
    if shared:
        groups.append(shared[0])
    per_frame = ds.get("PerFrameFunctionalGroupsSequence")
    if per_frame and index < len(per_frame):
        groups.append(per_frame[index])  # a macro is either shared or per frame; per frame wins
    for group in groups:
        for macro, keywords in _FRAME_MACROS:
            items = group.get(macro)
            if not items:
                continue
            for keyword in keywords:
                if keyword in items[0]:
                    header[keyword] = items[0][keyword]
    for keyword in ("RescaleSlope", "RescaleIntercept"):  # an empty or garbled value must not stop the image
        if keyword in header:
            try:
                values = _numbers(header.get(keyword))
            except Exception:
                values = []
            if len(values) != 1 or not math.isfinite(values[0]):
                del header[keyword]
    return header


def _numbers(value) -> list[float]:
    if value is None or value == "":
        return []
    values = [value] if isinstance(value, str | bytes) or not hasattr(value, "__iter__") else list(value)
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            out.append(math.nan)
    return out


def _file_windows(header: Dataset) -> tuple[FileWindow, ...]:
    centers, widths = _numbers(header.get("WindowCenter")), _numbers(header.get("WindowWidth"))
    explanations = header.get("WindowCenterWidthExplanation") or []
    if isinstance(explanations, str):
        explanations = [explanations]
    out = []
    for i, (c, w) in enumerate(zip(centers, widths, strict=False)):
        if math.isfinite(c) and math.isfinite(w) and w > 0:
            out.append(FileWindow(c, w, str(explanations[i]) if i < len(explanations) else ""))
    return tuple(out)


def _lut_top(descriptor, data: np.ndarray) -> int:
    """Top output value of a LUT; a table declared 16-bit but holding 8-bit entries is taken as 8-bit."""
    bits = int(descriptor[2])
    if bits == 16 and data.size and int(data.max()) <= 255:
        bits = 8
    return (1 << bits) - 1


def _voi_lut_max(header: Dataset) -> int | None:
    from pydicom.pixels import apply_voi

    seq = header.get("VOILUTSequence")
    if not seq or seq[0].get("LUTDescriptor") is None or seq[0].get("LUTData") is None:
        return None
    descriptor = seq[0].LUTDescriptor
    entries = int(descriptor[0]) or 1 << 16
    first = int(descriptor[1])
    table = apply_voi(np.arange(first, first + entries, dtype=np.int64), header)
    return _lut_top(descriptor, table)


def _palette_top(header: Dataset) -> int:
    from pydicom.pixels import apply_color_lut

    descriptor = header.get("RedPaletteColorLookupTableDescriptor") or [0, 0, 8]
    entries = int(descriptor[0]) or 1 << 16
    first = int(descriptor[1])
    table = apply_color_lut(np.arange(first, first + entries, dtype=np.uint16 if first >= 0 else np.int32), header)
    return _lut_top(descriptor, table)


def frame_from_dataset(ds: Dataset, frame: int = 0) -> Frame:
    """Decode one frame of a dataset read with its pixel data (the dataset is not changed)."""
    from pydicom.pixels import apply_color_lut, as_pixel_options, convert_color_space, get_decoder

    if not any(k in ds for k in PIXEL_KEYWORDS):
        raise NoPixelData("the DICOM file holds no image")
    count = _number_of_frames(ds)
    if not 0 <= frame < count:
        raise FrameOutOfRange(frame, count)
    # What pydicom.pixels.pixel_array(ds, index=frame) does, keeping the decoder's description of its output
    # (it reports RGB when it has converted YBR_FULL / YBR_FULL_422 / YBR_RCT / YBR_ICT).
    file_meta = getattr(ds, "file_meta", None)
    syntax = file_meta.get("TransferSyntaxUID") if file_meta is not None else None
    if not syntax:
        raise AttributeError("the file has no Transfer Syntax UID")
    # view_only: an uncompressed frame is a read-only view of the bytes just read, not a copy of them
    arr, meta = get_decoder(syntax).as_array(ds, index=frame, validate=True, view_only=True,
                                             **as_pixel_options(ds))
    header = _frame_header(ds, frame)
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip().upper()
    shown = str(meta.get("photometric_interpretation", photometric)).strip().upper()
    samples = int(meta.get("samples_per_pixel", ds.get("SamplesPerPixel", 1)) or 1)
    color_max, color = 255, False
    if samples >= 3 and arr.ndim == 3:
        if shown in ("YBR_FULL", "YBR_FULL_422"):  # only if the decoder left it as YBR
            arr = convert_color_space(arr, shown, "RGB")
        arr, color = arr[..., :3], True
        color_max = (1 << int(meta.get("bits_stored", ds.get("BitsStored", 8)))) - 1
    elif shown == "PALETTE COLOR":
        arr, color = apply_color_lut(arr, header), True
        color_max = _palette_top(header)
    inverse = photometric == "MONOCHROME1" or str(header.get("PresentationLUTShape", "")).upper() == "INVERSE"
    function = str(header.get("VOILUTFunction", "") or "LINEAR").strip().upper()
    return Frame(
        pixels=arr, header=header, photometric=photometric, index=frame, count=count, color=color,
        color_max=color_max, inverse=inverse and not color, windows=() if color else _file_windows(header),
        voi_function=function if function in VOI_FUNCTIONS else "LINEAR",
        voi_lut_max=None if color else _voi_lut_max(header),
    )


# ---------------------------------------------------------------------------------------------- spacing


def _pair(value) -> tuple[float, float] | None:
    numbers = _numbers(value)
    if len(numbers) >= 2 and all(math.isfinite(n) and n > 0 for n in numbers[:2]):
        return numbers[0], numbers[1]
    return None


def spacing(ds: Dataset, frame: int = 0) -> Spacing:
    """Pixel size for measurements. Only Pixel Spacing (top level or the frame's Pixel Measures) counts as
    calibrated; Imager Pixel Spacing is at the detector, not in the patient, and is never passed off as it."""
    header = ds if "PerFrameFunctionalGroupsSequence" not in ds and "SharedFunctionalGroupsSequence" not in ds \
        else _frame_header(ds, frame)
    for keyword, calibrated, source in (("PixelSpacing", True, "pixel_spacing"),
                                        ("ImagerPixelSpacing", False, "detector"),
                                        ("NominalScannedPixelSpacing", False, "scanned")):
        pair = _pair(header.get(keyword))
        if pair:
            return Spacing(pair[0], pair[1], calibrated, source)
    return Spacing(None, None, False, "none")
