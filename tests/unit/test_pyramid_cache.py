"""The pyramid cache of large photos stays under its cap, dropping the least recently used first."""

import os

from app.imaging.slides import pyramid_cache


def _pyramid(folder, name, size, age_s):
    path = folder / f"{name}.tif"
    path.write_bytes(b"\0" * size)
    stamp = 1_700_000_000 - age_s
    os.utime(path, (stamp, stamp))
    return path


def test_the_oldest_pyramids_go_first_and_the_new_one_stays(tmp_path):
    old = _pyramid(tmp_path, "old", 400, 300)
    used = _pyramid(tmp_path, "used", 400, 200)
    new = _pyramid(tmp_path, "new", 400, 500)  # just built, older mtime on purpose: `keep` protects it
    pyramid_cache.touch(used)  # opened again: now the most recent
    removed = pyramid_cache.prune(tmp_path, keep=new, cap_bytes=800)
    assert removed == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.tif", "used.tif"]


def test_under_the_cap_nothing_goes_and_a_missing_folder_is_fine(tmp_path):
    _pyramid(tmp_path, "a", 100, 10)
    assert pyramid_cache.prune(tmp_path, cap_bytes=1000) == []
    assert pyramid_cache.prune(tmp_path / "absent") == []
