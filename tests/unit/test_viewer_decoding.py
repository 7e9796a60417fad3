"""What the viewer stands on without Qt: gaps and nearest positions, the byte-capped cache and its cap from
the settings, the decoding pool (thread and worker processes, damaged files) and the image sources."""

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from app.config import DataDir, load_settings, save_settings
from app.imaging.byte_cache import MB, MIN_CAP, ByteCache, cap_from_setting, default_cap, physical_memory
from app.imaging.decode_pool import DecodePool, is_compressed
from app.imaging.dicom_frame import Frame
from app.imaging.series_geometry import gaps, nearest_index


def test_gaps_are_steps_over_one_and_a_half_times_the_median():
    assert gaps([0.0, 2.5, 5.0, 7.5, 10.0]) == []
    [gap] = gaps([0.0, 2.5, 5.0, 12.5, 15.0, 17.5])
    assert (gap.index, gap.step_mm, gap.median_mm, gap.missing) == (3, 7.5, 2.5, 2)
    assert [g.index for g in gaps([30.0, 25.0, 20.0, 10.0, 5.0, 0.0])] == [3]  # head first: descending
    assert gaps([0.0, 2.5, 5.0, 8.7]) == []  # 3.7 mm < 1.5 × 2.5 mm
    assert gaps([0.0, None, 5.0, 20.0]) == [] and gaps([0.0, 9.0]) == []  # unknown geometry, too short


def test_nearest_position_not_index():
    prior = [0.0, 5.0, 10.0, 15.0, 20.0]
    assert nearest_index(prior, 11.0) == 2 and nearest_index(prior, 13.0) == 3
    assert nearest_index(prior, 12.5) == 2  # a tie: the lower index
    assert nearest_index(prior, -40.0) == 0 and nearest_index(prior, 99.0) == 4
    assert nearest_index(list(reversed(prior)), 14.0) == 1  # descending positions
    assert nearest_index([0.0, 10.0, 5.0], 6.0) == 2  # not monotonic: scanned
    assert nearest_index([0.0, None], 1.0) is None and nearest_index(prior, float("nan")) is None


def test_the_cache_keeps_the_newest_within_its_cap():
    cache = ByteCache(cap=300)
    for i in range(3):
        cache.put(("a", i), np.zeros(100, np.uint8))
    cache.get(("a", 0))
    cache.put(("a", 3), np.zeros(100, np.uint8))
    assert ("a", 1) not in cache and ("a", 0) in cache and cache.bytes == 300
    cache.set_cap(100)
    assert len(cache) == 1 and ("a", 3) in cache
    cache.discard(("a", 3))
    assert cache.bytes == 0 and len(cache) == 0


def test_the_default_cap_is_a_quarter_of_ram_at_most_1_gb_and_the_setting_overrides(tmp_path):
    ram = physical_memory()
    assert ram and default_cap() == max(MIN_CAP, min(1024 * MB, ram // 4))
    assert cap_from_setting(0) == default_cap() == cap_from_setting("nonsense") == cap_from_setting(None)
    assert cap_from_setting(512) == 512 * MB and cap_from_setting(1) == MIN_CAP
    data = DataDir(tmp_path / "d")
    assert load_settings(data)["image_cache_mb"] == 0
    save_settings(data, {**load_settings(data), "image_cache_mb": 300})
    assert cap_from_setting(load_settings(data)["image_cache_mb"]) == 300 * MB


@pytest.fixture(scope="module")
def pool():
    p = DecodePool(processes=1)
    yield p
    p.shutdown()


def test_uncompressed_on_the_thread_jpeg2000_in_a_worker_process(pool):
    plain, j2k = get_testdata_file("CT_small.dcm"), get_testdata_file("MR_small_jp2klossless.dcm")
    assert not is_compressed(plain) and is_compressed(j2k)
    frame = pool.submit(plain, 0).result(timeout=60)
    assert isinstance(frame, Frame) and frame.raw_range == (int(frame.pixels.min()), int(frame.pixels.max()))
    assert np.array_equal(frame.pixels, pydicom.dcmread(plain).pixel_array)
    decoded = pool.submit(j2k, 0, in_process=True).result(timeout=120)
    assert np.array_equal(decoded.pixels, pydicom.dcmread(j2k).pixel_array)
    assert decoded.header.get("Modality") == "MR"


def test_a_damaged_file_fails_its_future_and_the_pool_goes_on(pool, tmp_path):
    j2k = get_testdata_file("MR_small_jp2klossless.dcm")
    cut = tmp_path / "cut.dcm"
    data = open(j2k, "rb").read()
    cut.write_bytes(data[: len(data) - 2000])
    with pytest.raises(Exception):  # noqa: B017 - whatever pydicom or the codec raises, it arrives here
        pool.submit(cut, 0, in_process=True).result(timeout=120)
    with pytest.raises(Exception):  # noqa: B017
        pool.submit(tmp_path / "missing.dcm", 0).result(timeout=60)
    assert pool.submit(j2k, 0, in_process=True).result(timeout=120).rows == 64


def test_image_sources_in_order_with_positions_and_compression(ctx, admin, tmp_path):
    from test_attachments import make_series

    p = ctx.patients.create(admin, name="赵六", sex="F", hospital_number="ZY004")
    case = ctx.case_records.create(admin, p.id, tumour_type="lung")
    make_series(tmp_path / "cd", 3)
    ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "cd"])
    [series] = ctx.attachment_browse.series_for_case(admin, case.id)
    ids = list(series.attachment_ids)
    sources = ctx.image_sources.sources(admin, [ids[2], 999_999, ids[0]])
    assert [s.attachment_id for s in sources] == [ids[2], ids[0]]  # unknown ids left out
    assert all(s.kind == "dicom" and s.path.is_file() and not s.compressed and s.frames == 1 for s in sources)
    assert sources[0].slice_position > sources[1].slice_position
