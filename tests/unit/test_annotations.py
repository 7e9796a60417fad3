"""Annotations saved with the case: added per image and frame, listed, deleted, audited, permission-checked."""

import pytest
from sqlalchemy import select
from test_attachments import make_series

from app.context import open_context
from app.errors import NotFound, PermissionDenied, ValidationError
from app.records import Actor
from app.services.integrity import check_data_dir
from db.models import AuditEvent


@pytest.fixture
def case(ctx, admin):
    p = ctx.patients.create(admin, name="王五", sex="M", hospital_number="ZY003")
    return ctx.case_records.create(admin, p.id, tumour_type="lung")


@pytest.fixture
def slices(ctx, admin, case, tmp_path):
    make_series(tmp_path / "cd", 3)
    ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "cd"])
    [series] = ctx.attachment_browse.series_for_case(admin, case.id)
    return series.attachment_ids


def events(ctx):
    with ctx.db.read() as s:
        q = select(AuditEvent).where(AuditEvent.entity == "image_annotation").order_by(AuditEvent.id)
        return [(e.action, e.entity_id, e.case_id, e.new, e.old) for e in s.execute(q).scalars()]


def test_annotations_are_saved_per_image_and_frame_and_survive_a_restart(ctx, admin, case, slices):
    length = ctx.annotations.add(admin, slices[1], 0, "length", {"points": [(10.5, 20), (30, 40.25)]})
    ellipse = ctx.annotations.add(admin, slices[1], 0, "ellipse", {"centre": [32, 32], "radii": [5, 3]})
    ctx.annotations.add(admin, slices[2], 0, "text", {"at": [3, 4]}, text="  结节 ")
    assert length.geometry == {"points": [[10.5, 20], [30, 40.25]]}
    assert [r.id for r in ctx.annotations.for_image(admin, slices[1])] == [length.id, ellipse.id]
    assert [r.kind for r in ctx.annotations.for_image(admin, slices[1], frame=0)] == ["length", "ellipse"]
    assert ctx.annotations.for_image(admin, slices[0]) == []
    assert [r.text for r in ctx.annotations.for_images(admin, list(slices))] == ["", "", "结节"]
    data_dir = ctx.data_dir
    ctx.close()
    again = open_context(data_dir)
    try:
        [r, _] = again.annotations.for_image(admin, slices[1])
        assert (r.kind, r.frame, r.geometry, r.created_by) == ("length", 0, length.geometry, admin.user_id)
    finally:
        again.close()


def test_delete_returns_what_was_deleted_and_both_are_audited(ctx, admin, case, slices):
    rec = ctx.annotations.add(admin, slices[0], 0, "angle", {"points": [[0, 0], [5, 5], [10, 0]]})
    gone = ctx.annotations.delete(admin, rec.id)
    assert gone.geometry == rec.geometry and ctx.annotations.for_image(admin, slices[0]) == []
    log = events(ctx)
    assert [(e[0], e[1], e[2]) for e in log] == [("create", rec.id, case.id), ("delete", rec.id, case.id)]
    assert log[0][3]["kind"] == "angle" and log[1][4]["geometry"] == rec.geometry
    with pytest.raises(NotFound):
        ctx.annotations.delete(admin, rec.id)
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok


@pytest.mark.parametrize("kind,geometry,frame", [
    ("circle", {"points": [[0, 0]]}, 0),
    ("length", {}, 0),
    ("length", {"points": [[0, float("nan")], [1, 1]]}, 0),
    ("length", {"points": [[0, 0], [1, 1]]}, -1),
    ("length", {"points": [[0, 0], [1, 1]]}, 1),  # a single-frame file has no frame 1
])
def test_bad_annotations_are_refused(ctx, admin, case, slices, kind, geometry, frame):
    with pytest.raises(ValidationError):
        ctx.annotations.add(admin, slices[0], frame, kind, geometry)
    assert ctx.annotations.for_image(admin, slices[0]) == []


def test_unknown_attachment_and_a_read_only_role(ctx, admin, case, slices):
    with pytest.raises(NotFound):
        ctx.annotations.add(admin, 9999, 0, "length", {"points": [[0, 0], [1, 1]]})
    rec = ctx.annotations.add(admin, slices[0], 0, "arrow", {"points": [[0, 0], [9, 9]]})
    guest = Actor(None, "guest", "访客", "viewer")
    assert [r.id for r in ctx.annotations.for_image(guest, slices[0])] == [rec.id]
    with pytest.raises(PermissionDenied):
        ctx.annotations.add(guest, slices[0], 0, "length", {"points": [[0, 0], [1, 1]]})
    with pytest.raises(PermissionDenied):
        ctx.annotations.delete(guest, rec.id)
