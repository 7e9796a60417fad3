"""Slide sources: a real pyramidal TIFF read through OpenSlide, photos upright by EXIF, large photos given a
pyramid in the data folder's cache, decompression bombs refused with a message."""

import numpy as np
import pytest
from slide_samples import known_pixels, make_png_bomb, make_pyramid_tiff, make_sideways_photo

from app.errors import ValidationError
from app.imaging.slides import open_slide, opening
from app.imaging.slides.pyramid import halve


def test_a_pyramidal_tiff_opens_through_openslide_with_its_levels_and_scale(tmp_path):
    rgb = make_pyramid_tiff(tmp_path / "scan.tif", 1500, 1100, mpp=0.25)
    assert opening.slide_format(tmp_path / "scan.tif") == "generic-tiff"
    src = open_slide(tmp_path / "scan.tif", "k", tmp_path / "cache")
    try:
        assert (src.width, src.height) == (1500, 1100)
        assert [(lv.width, lv.height) for lv in src.levels] == [(1500, 1100), (750, 550), (375, 275)]
        assert src.mpp == pytest.approx(0.25)
        region = src.read_region(0, 180, 80, 400, 300).astype(int)
        assert np.abs(region - rgb[80:380, 180:580]).mean() < 2.5
        level1 = src.read_region(1, 0, 0, 750, 550).astype(int)
        assert np.abs(level1 - halve(rgb)).mean() < 2.5
        outside = src.read_region(0, 1400, 1000, 200, 200)  # past the corner: white glass
        assert (outside[150:, 150:] == 255).all()
        tile = src.tile(0, 5, 4)  # the last, partial tile
        assert tile.shape == (1100 - 4 * 256, 1500 - 5 * 256, 3)
    finally:
        src.close()


def test_a_photo_with_exif_orientation_6_is_upright(tmp_path):
    src = open_slide(make_sideways_photo(tmp_path / "HE.jpg"), "k", tmp_path / "cache")
    assert (src.width, src.height) == (48, 64)
    pixels = src.read_region(0, 0, 0, 48, 64).astype(int)
    assert pixels[4, 44, 2] > 150 and pixels[4, 44, 0] < 80  # the blue corner is now top right
    assert pixels[60, 4, 0] > 150  # pink elsewhere
    assert src.mpp is None  # a camera JPEG says nothing believable about the specimen's scale


def test_a_large_photo_gets_a_pyramid_once_in_the_data_cache(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(opening, "IN_MEMORY_PIXELS", 100_000)
    rgb = known_pixels(900, 700)
    Image.fromarray(rgb).save(tmp_path / "big.png")
    cache = tmp_path / "data" / "tmp" / "cache" / "slides"
    src = open_slide(tmp_path / "big.png", "abc123", cache)
    try:
        assert src.format == "large-image"
        assert (cache / "abc123.tif").is_file()
        assert np.abs(src.read_region(0, 0, 0, 900, 700).astype(int) - rgb).mean() < 2.5
    finally:
        src.close()
    stamp = (cache / "abc123.tif").stat().st_mtime_ns
    open_slide(tmp_path / "big.png", "abc123", cache).close()  # the second time it is simply opened
    assert (cache / "abc123.tif").stat().st_mtime_ns == stamp
    assert not list(cache.glob(".*part"))


@pytest.mark.parametrize("size", [(13000, 13500), (20000, 9500)])  # our limit; Pillow's own bomb limit
def test_a_decompression_bomb_is_refused_with_a_message(tmp_path, size):
    bomb = make_png_bomb(tmp_path / "bomb.png", *size)
    assert bomb.stat().st_size < 10_000
    with pytest.raises(ValidationError, match="too large to open safely") as caught:
        open_slide(bomb, "k", tmp_path / "cache")
    assert "170" in str(caught.value)  # the limit is named
    assert not (tmp_path / "cache").exists()


def test_a_damaged_file_is_refused_with_a_message(tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(ValidationError, match="cannot be decoded"):
        open_slide(bad, "k", tmp_path / "cache")


def test_best_level_never_shows_coarser_than_asked(tmp_path):
    make_pyramid_tiff(tmp_path / "s.tif", 3000, 1000)
    src = open_slide(tmp_path / "s.tif", "k", tmp_path / "c")
    try:
        assert [lv.downsample for lv in src.levels] == [1.0, 2.0, 4.0, 8.0]
        assert src.best_level(1.0) == 0 and src.best_level(1.9) == 0 and src.best_level(2.0) == 1
        assert src.best_level(100) == 3
    finally:
        src.close()


def test_a_tiff_photo_gives_its_scale_from_the_resolution_tags_a_jpeg_does_not(tmp_path):
    from PIL import Image

    im = Image.fromarray(known_pixels(300, 200))
    im.save(tmp_path / "scope.tif", "TIFF", dpi=(50800, 50800))  # 2 pixels per micron: 0.5 µm per pixel
    im.save(tmp_path / "camera.jpg", "JPEG", dpi=(300, 300))  # a camera's default, not the specimen's scale
    assert open_slide(tmp_path / "scope.tif", "a", tmp_path / "c").mpp == pytest.approx(0.5)
    assert open_slide(tmp_path / "camera.jpg", "b", tmp_path / "c").mpp is None
