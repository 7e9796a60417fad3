"""The slide service and its neighbours: whole-slide files are recognised on import, previewed and rendered
from their pyramid, and other attachments are refused with a message."""

import io

import pytest
from PIL import Image
from slide_samples import make_pyramid_tiff

from app.errors import ValidationError


@pytest.fixture
def case_id(ctx, admin):
    patient = ctx.patients.create(admin, name="李四", sex="F", hospital_number="ZY002")
    return ctx.case_records.create(admin, patient.id, tumour_type="breast").id


def test_a_pyramidal_tiff_is_imported_as_a_slide_previewed_and_rendered(ctx, admin, case_id, tmp_path):
    make_pyramid_tiff(tmp_path / "in" / "scan.tif", 1500, 1100, mpp=0.25)
    [result] = ctx.attachment_import.import_paths(admin, case_id, [tmp_path / "in"])
    assert (result.status, result.kind) == ("imported", "slide")
    [row] = ctx.attachment_browse.list_for_case(admin, case_id)
    assert row.kind == "slide"
    with Image.open(io.BytesIO(ctx.attachment_browse.thumbnail(admin, row.id))) as thumb:
        assert max(thumb.size) == 160
    im = ctx.rendering.render_attachment(admin, row.id, size=(300, 300), overlay=True)
    assert im.size == (300, 220) and im.mode == "RGB"
    assert ctx.slides.describe(admin, row.id) == "1500×1100  0.25 µm/px"
    with pytest.raises(ValidationError, match="DICOM images only"):
        ctx.rendering.render_attachment(admin, row.id, preset="lung")


def test_a_file_named_like_a_slide_but_not_one_is_not_imported(ctx, admin, case_id, tmp_path):
    fake = tmp_path / "in" / "scan.svs"
    fake.parent.mkdir()
    fake.write_bytes(b"not a slide at all" * 100)
    [result] = ctx.attachment_import.import_paths(admin, case_id, [fake.parent])
    assert result.status == "rejected"


def test_only_photos_and_slides_open_as_slides(ctx, admin, case_id, tmp_path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    aid = ctx.attachments.add_file(admin, case_id, pdf)
    with pytest.raises(ValidationError, match="not an image"):
        ctx.slides.open(admin, aid)
