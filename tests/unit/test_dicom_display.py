"""The DICOM display pipeline against references computed here from pydicom's own pixel data and LUTs.

The references below never call app.imaging: they decode with pydicom.pixels.pixel_array, apply pydicom's
modality LUT, VOI LUT and windowing functions (or the PS3.3 formula written out), and scale to 0..255.
"""

import io
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixels import (
    apply_color_lut,
    apply_modality_lut,
    apply_voi_lut,
    apply_windowing,
    convert_color_space,
    pixel_array,
)
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from app.imaging import dicom_display as dd
from app.imaging.presets import PRESETS
from app.imaging.thumbnails import make_thumbnail

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
# Files of pydicom's set that carry pixel data no decoder here takes: broken on purpose, or a 12-bit JPEG
# with a misplaced marker.
UNDECODABLE = {"JPEG-lossy.dcm", "JPEG2000-embedded-sequence-delimiter.dcm", "MR_truncated.dcm", "badVR.dcm",
               "meta_missing_tsyntax.dcm", "nested_priv_SQ.dcm"}
# MONOCHROME1 images in pydicom's set (computed radiographs).
MONOCHROME1 = ["dicomdirtests/77654033/CR1/6154", "dicomdirtests/77654033/CR2/6247",
               "dicomdirtests/77654033/CR3/6278"]
PIXEL_TAGS = ("PixelData", "FloatPixelData", "DoubleFloatPixelData")


@lru_cache(maxsize=1)
def _survey() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(decodable, undecodable) files with pixel data, as paths relative to the test-file folder."""
    decodable, undecodable = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(p for p in TEST_FILES.rglob("*") if p.is_file()):
            try:
                ds = pydicom.dcmread(path)
            except Exception:
                continue
            if not any(k in ds for k in PIXEL_TAGS):
                continue
            try:
                pixel_array(ds, index=0)
            except Exception:
                undecodable.append(path.relative_to(TEST_FILES).as_posix())
            else:
                decodable.append(path.relative_to(TEST_FILES).as_posix())
    return tuple(decodable), tuple(undecodable)


def _frames_of(ds) -> int:
    return int(ds.get("NumberOfFrames") or 1)


def _window_0_255(values: np.ndarray, ds) -> np.ndarray:
    """pydicom's apply_windowing with the file's first window, told that its output is 8-bit unsigned."""
    voi = Dataset()
    voi.PhotometricInterpretation = "MONOCHROME2"
    voi.BitsStored, voi.PixelRepresentation = 8, 0  # output range 0..255; the modality LUT is already applied
    voi.WindowCenter, voi.WindowWidth = ds.WindowCenter, ds.WindowWidth
    if "VOILUTFunction" in ds:
        voi.VOILUTFunction = ds.VOILUTFunction
    return apply_windowing(values, voi)


def reference(ds, index: int = 0) -> np.ndarray:
    """The expected 8-bit picture of frame `index`, from pydicom's pixel data and LUT functions."""
    arr = pixel_array(ds, index=index)
    photometric = ds.PhotometricInterpretation
    if photometric == "PALETTE COLOR":
        rgb = apply_color_lut(arr, ds)
        return np.rint(rgb * (255 / (2 ** ds.RedPaletteColorLookupTableDescriptor[2] - 1)))
    if arr.ndim == 3:
        return np.rint(arr * (255 / (2 ** ds.BitsStored - 1)))
    values = apply_modality_lut(arr, ds)
    if "WindowCenter" in ds and "WindowWidth" in ds:  # the first window, else the VOI LUT, else full range
        out = _window_0_255(values, ds)
    elif ds.get("VOILUTSequence"):
        out = apply_voi_lut(values, ds).astype(float) * (255 / (2 ** ds.VOILUTSequence[0].LUTDescriptor[2] - 1))
    else:
        lo, hi = values.min(), values.max()
        out = (values - lo) / (hi - lo) * 255 if hi > lo else np.zeros(values.shape)
    if photometric == "MONOCHROME1":
        out = 255 - out
    return np.rint(out)


def rendered(path: Path, index: int = 0, **kw) -> np.ndarray:
    return np.asarray(dd.render(dd.load_frame(path, index), **kw))


def assert_close(got: np.ndarray, want: np.ndarray, tol: int = 1) -> None:
    assert got.shape == want.shape
    diff = np.abs(got.astype(np.int64) - want.astype(np.int64))
    assert diff.max() <= tol, f"max difference {diff.max()} at {np.unravel_index(diff.argmax(), diff.shape)}"


# ------------------------------------------------------------------------- pydicom's bundled test files


def test_most_bundled_files_decode_and_only_the_known_broken_ones_do_not():
    decodable, undecodable = _survey()
    assert len(decodable) > 60
    assert {Path(p).name for p in undecodable} == UNDECODABLE


@pytest.mark.filterwarnings("ignore::UserWarning")  # some files are odd on purpose (padding, wrong VR)
@pytest.mark.parametrize("name", _survey()[0])
def test_render_matches_pydicom_reference(name):
    path = TEST_FILES / name
    ds = pydicom.dcmread(path)
    frames = _frames_of(ds)
    for index in sorted({0, frames - 1}):
        got = rendered(path, index)
        want = reference(ds, index)
        assert_close(got, want)
        colour = ds.SamplesPerPixel == 3 or ds.PhotometricInterpretation == "PALETTE COLOR"
        assert got.ndim == (3 if colour else 2)


@pytest.mark.parametrize("name", MONOCHROME1)
def test_monochrome1_shows_high_values_dark(name):
    ds = pydicom.dcmread(TEST_FILES / name)
    assert ds.PhotometricInterpretation == "MONOCHROME1"
    raw = pixel_array(ds)
    got = rendered(TEST_FILES / name)
    assert got[np.unravel_index(raw.argmax(), raw.shape)] < got[np.unravel_index(raw.argmin(), raw.shape)]
    windowed = np.rint(_window_0_255(apply_modality_lut(raw, ds), ds))
    assert_close(got, 255 - windowed)
    # the viewer's invert shows it the other way round
    assert_close(rendered(TEST_FILES / name, invert=True), windowed)


@pytest.mark.parametrize("name", ["SC_rgb_jpeg_dcmtk.dcm", "SC_ybr_full_422_uncompressed.dcm",
                                  "SC_rgb_dcmtk_+eb+cy+np.dcm", "SC_rgb_jpeg_lossy_gdcm.dcm",
                                  "examples_ybr_color.dcm"])
def test_ybr_becomes_rgb_once(name):
    ds = pydicom.dcmread(TEST_FILES / name)
    assert ds.PhotometricInterpretation.startswith("YBR_FULL")
    stored = pixel_array(ds, index=0, raw=True)  # still YBR
    want = convert_color_space(stored, ds.PhotometricInterpretation, "RGB")
    im = dd.render(dd.load_frame(TEST_FILES / name))
    assert im.mode == "RGB"
    assert_close(np.asarray(im), want)


def test_colour_files_keep_their_colours():
    rgb = np.asarray(dd.render(dd.load_frame(TEST_FILES / "SC_rgb_rle.dcm")))
    assert tuple(rgb[0, 0]) == (255, 0, 0)  # the dcmtk test pattern starts with a red band
    deep = np.asarray(dd.render(dd.load_frame(TEST_FILES / "SC_rgb_rle_16bit.dcm")))
    assert tuple(deep[0, 0]) == (255, 0, 0) and tuple(deep[50, 50]) == (128, 128, 255)
    palette = dd.render(dd.load_frame(TEST_FILES / "examples_palette.dcm"))
    assert palette.mode == "RGB"
    pal = np.asarray(palette)
    assert (pal[..., 0] != pal[..., 2]).any()  # really coloured, not grey


# ------------------------------------------------------------------------------------------- windows


def test_ct_presets_give_their_windows():
    frame = dd.load_frame(TEST_FILES / "CT_small.dcm")
    hu = apply_modality_lut(pixel_array(TEST_FILES / "CT_small.dcm"), pydicom.dcmread(TEST_FILES / "CT_small.dcm"))
    for name, (width, level) in PRESETS.items():
        shown = dd.display(frame, preset=name)
        assert (shown.window.center, shown.window.width) == (level, width)
        lower, upper = level - 0.5 - (width - 1) / 2, level - 0.5 + (width - 1) / 2
        assert (shown.array[hu <= lower] == 0).all()
        assert (shown.array[hu > upper] == 255).all()
        inside = (hu > lower) & (hu <= upper)
        want = np.rint(((hu[inside] - (level - 0.5)) / (width - 1) + 0.5) * 255)
        assert_close(shown.array[inside], want)
    assert dd.display(frame, preset="lung").window == dd.display(frame, window=(-600, 1500)).window.__class__(
        "window", -600.0, 1500.0, "LINEAR", "lung")
    assert_close(np.asarray(dd.render(frame, preset="lung")), np.asarray(dd.render(frame, window=(-600, 1500))), 0)
    # CT_small has no window in its header: "file" and the default are the full range
    lo, hi = hu.min(), hu.max()
    assert dd.display(frame).window.source == "full" and dd.display(frame, preset="file").window.source == "full"
    assert (dd.display(frame, preset="full").window.center, dd.display(frame).window.width) == ((lo + hi) / 2,
                                                                                               hi - lo)
    with pytest.raises(dd.UnknownPreset):
        dd.display(frame, preset="kidney")
    with pytest.raises(ValueError):
        dd.display(frame, window=(40, 0))


def test_file_window_is_the_default_and_the_file_preset():
    frame = dd.load_frame(TEST_FILES / "MR_small.dcm")
    ds = pydicom.dcmread(TEST_FILES / "MR_small.dcm")
    first = (float(ds.WindowCenter[0] if ds["WindowCenter"].VM > 1 else ds.WindowCenter),
             float(ds.WindowWidth[0] if ds["WindowWidth"].VM > 1 else ds.WindowWidth))
    for shown in (dd.display(frame), dd.display(frame, preset="file")):
        assert (shown.window.center, shown.window.width, shown.window.source) == (*first, "file")


def _image(pixels: np.ndarray, **attrs) -> Dataset:
    """A minimal uncompressed image dataset around `pixels` (int16 unless unsigned is asked for)."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = pydicom.uid.SecondaryCaptureImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    frames = pixels.shape[0] if pixels.ndim == 3 else 1
    ds.Rows, ds.Columns = pixels.shape[-2:]
    if frames > 1:
        ds.NumberOfFrames = frames
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated = ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1 if pixels.dtype.kind == "i" else 0
    ds.Modality = "CT"
    for k, v in attrs.items():
        setattr(ds, k, v)
    ds.PixelData = pixels.astype("<i2" if ds.PixelRepresentation else "<u2").tobytes()
    return ds


RAMP = np.arange(-1024, 1024, dtype=np.int16).reshape(32, 64)


@pytest.mark.filterwarnings("ignore:overflow encountered in exp:RuntimeWarning")  # SIGMOID of width 1
@pytest.mark.parametrize("width", [400, 20, 1])
@pytest.mark.parametrize("function", ["LINEAR", "LINEAR_EXACT", "SIGMOID"])
def test_voi_lut_functions_follow_ps3_3(function, width):
    ds = _image(RAMP, WindowCenter=40, WindowWidth=width, VOILUTFunction=function,
                RescaleSlope=1, RescaleIntercept=-24)
    got = dd.display(dd.frame_from_dataset(ds)).array
    x = RAMP.astype(float) - 24
    c, w = 40.0, float(width)
    if function == "LINEAR":
        with np.errstate(divide="ignore", invalid="ignore"):  # width 1: a threshold, the middle is empty
            want = np.where(x <= c - 0.5 - (w - 1) / 2, 0, np.where(x > c - 0.5 + (w - 1) / 2, 255,
                                                                      ((x - (c - 0.5)) / (w - 1) + 0.5) * 255))
    elif function == "LINEAR_EXACT":
        want = np.where(x <= c - w / 2, 0, np.where(x > c + w / 2, 255, ((x - c) / w + 0.5) * 255))
    else:
        want = 255 / (1 + np.exp(-4 * (x - c) / w))
    assert_close(got, np.rint(want), tol=0)
    if function != "LINEAR" or width > 1:  # pydicom refuses a LINEAR width of 1 (PS3.3 allows it)
        assert_close(got, np.rint(_window_0_255(apply_modality_lut(RAMP, ds), ds)), tol=0)
    # an explicit window (the viewer's drag, a preset) keeps the file's function
    assert dd.display(dd.frame_from_dataset(ds), window=(0, 100)).window.function == function


def _lut_item(first: int, data: list[int], bits: int) -> Dataset:
    item = Dataset()
    item.LUTDescriptor = [len(data), first, bits]
    item.LUTData = data
    item["LUTData"].VR = "US"
    return item


def test_voi_lut_sequence_scaled_to_8_bit_and_windows_take_precedence():
    table = [min(4095, max(0, (i - 256) * 8)) for i in range(1024)]  # 12-bit output, first mapped value -512
    ds = _image(RAMP, RescaleSlope=1, RescaleIntercept=0, VOILUTSequence=Sequence([_lut_item(-512, table, 12)]))
    frame = dd.frame_from_dataset(ds)
    shown = dd.display(frame)
    assert shown.window.kind == "voi_lut" and dd.display(frame, preset="file").window.kind == "voi_lut"
    want = np.rint(apply_voi_lut(apply_modality_lut(RAMP, ds).astype(np.int64), ds).astype(float) * 255 / 4095)
    assert_close(shown.array, want, tol=0)
    assert shown.array.max() == 255 and shown.array.min() == 0  # scaled, not left in the 12-bit range
    assert dd.display(frame, window=(0, 100)).window.kind == "window"  # the viewer's drag, a preset
    ds.WindowCenter, ds.WindowWidth = 0, 100  # a header window as well: the first window is the default
    both = dd.frame_from_dataset(ds)
    assert dd.display(both).window == dd.Window("window", 0.0, 100.0, "LINEAR", "file")


def test_modality_lut_sequence_then_full_range():
    pixels = np.arange(256, dtype=np.uint16).reshape(16, 16)
    ds = _image(pixels, ModalityLUTSequence=Sequence([_lut_item(0, [1000 - 3 * i for i in range(256)], 16)]))
    ds.ModalityLUTSequence[0].ModalityLUTType = "HU"
    shown = dd.display(dd.frame_from_dataset(ds))
    values = apply_modality_lut(pixels, ds).astype(float)
    assert shown.window.source == "full"
    assert_close(shown.array, np.rint((values - values.min()) / (values.max() - values.min()) * 255))
    assert shown.array[0, 0] == 255 and shown.array[-1, -1] == 0  # the LUT runs downhill


def test_an_empty_rescale_or_window_does_not_stop_the_image():
    ds = _image(RAMP, RescaleSlope="", RescaleIntercept="", WindowCenter="", WindowWidth="0")
    shown = dd.display(dd.frame_from_dataset(ds))
    assert shown.window.source == "full"
    assert shown.array[0, 0] == 0 and shown.array[-1, -1] == 255


def test_synthetic_monochrome1_and_invert():
    ds = _image(RAMP, PhotometricInterpretation="MONOCHROME1", WindowCenter=0, WindowWidth=2048)
    frame = dd.frame_from_dataset(ds)
    assert dd.display(frame).array[0, 0] == 255 and dd.display(frame).array[-1, -1] == 0
    assert dd.display(frame, invert=True).array[0, 0] == 0


def test_multi_frame_index_and_out_of_range():
    path = TEST_FILES / "examples_ybr_color.dcm"
    ds = pydicom.dcmread(path)
    first, tenth = rendered(path, 0), rendered(path, 10)
    assert (first != tenth).any()
    assert_close(tenth, pixel_array(ds, index=10))
    frame = dd.load_frame(path, 29)
    assert (frame.index, frame.count) == (29, 30)
    with pytest.raises(dd.FrameOutOfRange) as e:
        dd.load_frame(path, 30)
    assert e.value.count == 30
    dose = TEST_FILES / "rtdose.dcm"
    assert_close(rendered(dose, 7), reference(pydicom.dcmread(dose), 7))


def test_enhanced_frames_use_their_own_rescale_and_window():
    pixels = np.stack([RAMP, RAMP])
    ds = _image(pixels)
    shared = Dataset()
    measures = Dataset()
    measures.PixelSpacing = [0.7, 0.8]
    shared.PixelMeasuresSequence = Sequence([measures])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    items = []
    for intercept, center in ((0, 0), (1000, 1000)):
        item, transform, voi = Dataset(), Dataset(), Dataset()
        transform.RescaleSlope, transform.RescaleIntercept, transform.RescaleType = 1, intercept, "HU"
        voi.WindowCenter, voi.WindowWidth = center, 500
        item.PixelValueTransformationSequence = Sequence([transform])
        item.FrameVOILUTSequence = Sequence([voi])
        items.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(items)
    a, b = dd.display(dd.frame_from_dataset(ds, 0)), dd.display(dd.frame_from_dataset(ds, 1))
    assert (a.window.center, b.window.center) == (0, 1000)
    assert_close(a.array, b.array, 0)  # each frame's window sits on its own rescaled values
    assert dd.spacing(ds, 1) == (0.7, 0.8, True, "pixel_spacing")


# ------------------------------------------------------------------------------------ spacing, sizes


def test_spacing_calibrated_only_from_pixel_spacing():
    ds = Dataset()
    assert dd.spacing(ds) == (None, None, False, "none")
    ds.ImagerPixelSpacing = [0.143, 0.143]
    assert dd.spacing(ds) == (0.143, 0.143, False, "detector")  # at the detector: never passed off as calibrated
    ds.PixelSpacing = [0.125, 0.126]
    assert dd.spacing(ds) == (0.125, 0.126, True, "pixel_spacing")
    bad = Dataset()
    bad.PixelSpacing = [0, 0.5]
    assert dd.spacing(bad).calibrated is False and dd.spacing(bad).row_mm is None
    scanned = Dataset()
    scanned.NominalScannedPixelSpacing = [0.2, 0.2]
    assert dd.spacing(scanned) == (0.2, 0.2, False, "scanned")
    cr = pydicom.dcmread(TEST_FILES / MONOCHROME1[0])
    assert dd.spacing(cr).calibrated is False and dd.spacing(cr).source == "detector"
    ct = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    assert dd.spacing(ct) == (*(float(v) for v in ct.PixelSpacing), True, "pixel_spacing")
    seg = pydicom.dcmread(TEST_FILES / "liver_1frame.dcm")  # spacing only in the functional groups
    assert dd.spacing(seg).calibrated and dd.spacing(seg).row_mm == pytest.approx(0.810547)


def test_size_fits_keeping_aspect():
    frame = dd.load_frame(TEST_FILES / "JPEG2000.dcm")  # 1024 rows x 256 columns
    assert dd.render(frame, size=(200, 200)).size == (50, 200)
    assert dd.render(frame, size=(1000, 2048)).size == (512, 2048)
    assert dd.render(dd.load_frame(TEST_FILES / "CT_small.dcm"), size=(64, 32)).size == (32, 32)


def test_thumbnails_use_the_pipeline():
    path = TEST_FILES / "MR_small.dcm"
    with Image.open(io.BytesIO(make_thumbnail(path, "dicom"))) as thumb:
        assert thumb.size == (64, 64)  # small images are not enlarged
        assert_close(np.asarray(thumb), np.asarray(dd.render(dd.load_frame(path))), 0)
    with Image.open(io.BytesIO(make_thumbnail(TEST_FILES / "JPEG2000.dcm", "dicom"))) as thumb:
        assert thumb.size == (40, 160)


def test_files_without_pixels_are_not_images():
    with pytest.raises(dd.NoPixelData):
        dd.load_frame(TEST_FILES / "test-SR.dcm")
