"""Key images: marked with their window/level, listed in marking order, removable, audited, permission-checked."""

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
    p = ctx.patients.create(admin, name="张三", sex="M", hospital_number="ZY001")
    return ctx.case_records.create(admin, p.id, tumour_type="lung")


@pytest.fixture
def slices(ctx, admin, case, tmp_path):
    make_series(tmp_path / "cd", 5)
    ctx.attachment_import.import_paths(admin, case.id, [tmp_path / "cd"])
    [series] = ctx.attachment_browse.series_for_case(admin, case.id)
    return series.attachment_ids


def events(ctx):
    with ctx.db.read() as s:
        return [(e.action, e.entity, e.entity_id, e.new, e.old)
                for e in s.execute(select(AuditEvent).where(AuditEvent.entity == "key_image")).scalars()]


def test_added_key_images_are_listed_in_order_with_their_window(ctx, admin, case, slices):
    first = ctx.key_images.add(admin, case.id, slices[3], 0, -600, 1500, note="  右肺上叶结节 ")
    second = ctx.key_images.add(admin, case.id, slices[1], window_center=40.0, window_width=400.0)
    records = ctx.key_images.list_for_case(admin, case.id)
    assert [r.id for r in records] == [first, second]
    assert [r.position for r in records] == [0, 1]
    assert (records[0].attachment_id, records[0].frame, records[0].window_center, records[0].window_width,
            records[0].note) == (slices[3], 0, -600.0, 1500.0, "右肺上叶结节")
    assert records[0].created_by == admin.user_id
    assert [(e[0], e[2]) for e in events(ctx)] == [("create", first), ("create", second)]
    assert events(ctx)[0][3]["window_width"] == 1500.0


def test_remove_is_audited(ctx, admin, case, slices):
    a = ctx.key_images.add(admin, case.id, slices[0])
    ctx.key_images.remove(admin, a)
    b = ctx.key_images.add(admin, case.id, slices[2], 0, 50, 350)
    [only] = ctx.key_images.list_for_case(admin, case.id)
    assert only.id == b and only.attachment_id == slices[2]
    assert [e[0] for e in events(ctx)] == ["create", "delete", "create"]
    assert events(ctx)[1][4]["attachment_id"] == slices[0]
    with pytest.raises(NotFound):
        ctx.key_images.remove(admin, 9999)
    ctx.close()
    assert check_data_dir(ctx.data_dir).ok


def test_photo_key_image_without_window(ctx, admin, case, slices):
    kid = ctx.key_images.add(admin, case.id, slices[0], window_center=None, window_width=None)
    assert ctx.key_images.list_for_case(admin, case.id)[0].window_width is None
    assert kid


@pytest.mark.parametrize("center,width", [(40, 0), (40, None), (float("nan"), 400), (40, float("inf"))])
def test_bad_windows_are_refused(ctx, admin, case, slices, center, width):
    with pytest.raises(ValidationError):
        ctx.key_images.add(admin, case.id, slices[0], 0, center, width)
    assert ctx.key_images.list_for_case(admin, case.id) == []


def test_attachment_of_another_case_and_unknown_ids_are_refused(ctx, admin, case, slices):
    p = ctx.patients.create(admin, name="李四", sex="F", hospital_number="ZY002")
    other = ctx.case_records.create(admin, p.id, tumour_type="lung")
    with pytest.raises(NotFound):
        ctx.key_images.add(admin, other.id, slices[0])
    with pytest.raises(NotFound):
        ctx.key_images.add(admin, 9999, slices[0])
    with pytest.raises(ValidationError):
        ctx.key_images.add(admin, case.id, slices[0], frame=-1)


def test_a_viewer_reads_but_cannot_mark(ctx, admin, case, slices):
    kid = ctx.key_images.add(admin, case.id, slices[0], 0, 40, 400)
    viewer = Actor(None, "guest", "访客", "viewer")
    assert [r.id for r in ctx.key_images.list_for_case(viewer, case.id)] == [kid]
    with pytest.raises(PermissionDenied):
        ctx.key_images.add(viewer, case.id, slices[0])
    with pytest.raises(PermissionDenied):
        ctx.key_images.remove(viewer, kid)


def test_key_images_survive_a_restart(ctx, admin, case, slices):
    kid = ctx.key_images.add(admin, case.id, slices[4], 0, -600, 1500)
    data_dir = ctx.data_dir
    ctx.close()
    again = open_context(data_dir)
    try:
        [r] = again.key_images.list_for_case(admin, case.id)
        assert (r.id, r.attachment_id, r.window_center, r.window_width) == (kid, slices[4], -600.0, 1500.0)
    finally:
        again.close()
