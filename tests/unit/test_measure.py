"""Measurement math on known geometry: lengths, angles, ellipse statistics, HU from a CT frame."""

import math

import numpy as np
import pydicom
import pytest
from pydicom.dataset import FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

from app.imaging import measure as m
from app.imaging.dicom_frame import Spacing, frame_from_dataset, spacing


def test_a_100_pixel_horizontal_line_at_0_7_mm_is_70_mm():
    assert m.length((10, 20), (110, 20), (0.7, 0.7)) == pytest.approx(70.0, abs=0.1)


def test_length_uses_row_spacing_for_y_and_column_spacing_for_x():
    sp = (2.0, 0.5)  # rows 2 mm apart, columns 0.5 mm apart
    assert m.length((0, 0), (100, 0), sp) == pytest.approx(50.0)  # along a row: columns
    assert m.length((0, 0), (0, 100), sp) == pytest.approx(200.0)  # down a column: rows
    assert m.length((0, 0), (30, 40), sp) == pytest.approx(math.hypot(15, 80))


def test_without_spacing_the_length_is_in_pixels():
    assert m.length((0, 0), (3, 4), None) == pytest.approx(5.0)


def test_only_pixel_spacing_is_calibrated():
    assert m.calibrated_spacing(Spacing(0.5, 0.6, True, "pixel_spacing")) == (0.5, 0.6)
    assert m.calibrated_spacing(Spacing(0.143, 0.143, False, "detector")) is None
    assert m.calibrated_spacing(Spacing(0.1, 0.1, False, "scanned")) is None
    assert m.calibrated_spacing(Spacing(None, None, False, "none")) is None
    assert m.calibrated_spacing(None) is None
    assert m.calibrated_spacing((0.7, 0.7)) == (0.7, 0.7)


def test_a_right_angle_is_90_degrees_and_others_are_right():
    assert m.angle((10, 0), (0, 0), (0, 10)) == pytest.approx(90.0)
    assert m.angle((10, 0), (0, 0), (10, 10)) == pytest.approx(45.0)
    assert m.angle((10, 0), (0, 0), (-10, 0)) == pytest.approx(180.0)
    assert m.angle((5, 5), (5, 5), (0, 10)) != m.angle((5, 5), (5, 5), (0, 10))  # nan: no arm


def test_the_angle_follows_anisotropic_spacing():
    # 45° in pixels, but rows are twice as far apart as columns: atan(2) in the patient
    assert m.angle((10, 0), (0, 0), (10, 10), (2.0, 1.0)) == pytest.approx(math.degrees(math.atan(2)))
    assert m.angle((10, 0), (0, 0), (0, 10), (2.0, 1.0)) == pytest.approx(90.0)


def test_ellipse_mask_takes_pixel_centres():
    mask = m.ellipse_mask((10, 10), (5, 5), (1, 1))  # a unit circle on the corner of four pixels
    assert mask.sum() == 4 and mask[4:6, 4:6].all()


def test_ellipse_stats_on_a_synthetic_array_with_known_mean_and_sd():
    values = np.zeros((100, 100))
    values[:, ::2] = 10.0  # alternating columns 10 / 0: mean 5, SD 5 over any region with balanced columns
    stats = m.ellipse_stats(values, (50, 50), (20, 20), (1.0, 1.0))
    mask = m.ellipse_mask(values.shape, (50, 50), (20, 20))
    assert stats.count == int(mask.sum())
    assert stats.mean == pytest.approx(values[mask].mean()) and stats.mean == pytest.approx(5.0, abs=0.1)
    assert stats.sd == pytest.approx(values[mask].std()) and stats.sd == pytest.approx(5.0, abs=0.1)
    assert (stats.minimum, stats.maximum) == (0.0, 10.0)


def test_constant_region_has_zero_sd():
    stats = m.ellipse_stats(np.full((40, 40), 42.0), (20, 20), (8, 5))
    assert (stats.mean, stats.sd, stats.minimum, stats.maximum) == (42.0, 0.0, 42.0, 42.0)


def test_area_by_pixel_count_agrees_with_the_analytic_ellipse():
    sp = (0.8, 0.5)
    stats = m.ellipse_stats(np.zeros((300, 300)), (150, 150), (100, 60), sp)
    assert stats.unit == "mm"
    assert stats.area == pytest.approx(stats.count * 0.8 * 0.5)
    assert stats.area_analytic == pytest.approx(math.pi * 100 * 0.5 * 60 * 0.8)
    assert stats.area == pytest.approx(stats.area_analytic, rel=0.01)
    px = m.ellipse_stats(np.zeros((300, 300)), (150, 150), (100, 60), None)
    assert px.unit == "px" and px.area == px.count


def _ct(values_hu: np.ndarray, slope: float = 1.0, intercept: float = -1024.0):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID = CTImageStorage, generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = pydicom.Dataset()
    ds.file_meta = meta
    ds.set_original_encoding(False, True)
    ds.Modality, ds.SOPClassUID, ds.SOPInstanceUID = "CT", CTImageStorage, meta.MediaStorageSOPInstanceUID
    ds.Rows, ds.Columns = values_hu.shape
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.RescaleSlope, ds.RescaleIntercept = slope, intercept
    ds.PixelSpacing = [0.7, 0.7]
    ds.WindowCenter, ds.WindowWidth = 40, 400
    ds.PixelData = np.round((values_hu - intercept) / slope).astype(np.uint16).tobytes()
    return ds


def test_hu_values_come_from_the_modality_lut_not_the_display():
    rng = np.random.default_rng(3)
    hu = rng.integers(-500, 1000, size=(64, 64)).astype(float) * 2  # even: exact with slope 2, stored ≥ 0
    frame = frame_from_dataset(_ct(hu, slope=2.0, intercept=-1024.0))
    values = m.modality_values(frame)
    assert np.array_equal(values, hu)
    assert m.value_unit(frame) == "HU"
    stats = m.ellipse_stats(values, (32, 32), (15, 10), m.calibrated_spacing(spacing(frame.header)))
    mask = m.ellipse_mask(hu.shape, (32, 32), (15, 10))
    assert stats.mean == pytest.approx(hu[mask].mean())
    assert stats.minimum < -100 and stats.maximum > 255  # values beyond an 8-bit picture: HU, not grey
    assert stats.unit == "mm"


def test_colour_frames_have_no_values_but_an_area():
    class Colour:
        color = True

    assert m.modality_values(Colour()) is None
    stats = m.ellipse_stats(None, (10, 10), (5, 5), None, shape=(20, 20))
    assert math.isnan(stats.mean) and stats.count > 0 and stats.unit == "px"
