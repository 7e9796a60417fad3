"""The treatment-plan PDF from a real finalised decision: fonts embedded, Chinese extractable, every page
carrying page x/y, document number, version and QR code, signature boxes reported where they are drawn.

One decision is built per module (a hospital, a CT import and a meeting take seconds); the tests only read.
"""

import io
from types import SimpleNamespace

import pytest
from cli_helpers import ADMIN_PASSWORD
from pdf_checks import body_text, flat_text, only_embedded_bundled_font, pdffonts, pdftotext, render_page
from plan_factory import DIAGNOSIS, PATIENT, SUMMARY, finalised_plan

from app.config import DataDir
from app.context import open_context
from app.documents.plan_pdf import BuiltPdf, SignerSlot, build_plan_pdf
from app.services.plan_content import canonical_record, record_hash


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        ctx = open_context(DataDir(tmp_path_factory.mktemp("plan") / "data"), create=True)
        try:
            ctx.setup.initialise("测试县人民医院", "admin", ADMIN_PASSWORD, "管理员")
            admin = ctx.auth.login("admin", ADMIN_PASSWORD)
            plan = finalised_plan(ctx, admin, mp, tmp_path_factory.mktemp("ct"))
            yield SimpleNamespace(ctx=ctx, admin=admin, plan=plan,
                                  content=ctx.plan_content.for_decision(admin, plan.decision.id))
        finally:
            ctx.close()


def slots(plan):
    u = plan.h.users
    return [SignerSlot("sig_chair", u["chen"].id, "陈主任", "chair", "主任医师", "肿瘤科"),
            SignerSlot("sig_recorder", u["liu"].id, "刘秘书", "recorder", "主管护师", "肿瘤科"),
            SignerSlot("sig_zhou", u["zhou"].id, "周海涛", "expert", "副主任医师", "胸外科")]


def red_pixels(im) -> int:
    import numpy as np

    a = np.asarray(im, dtype=np.int16)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    return int(((r > 200) & (r - g > 25) & (r - b > 25)).sum())


def build(env, tmp_path, draft=False) -> tuple[BuiltPdf, object]:
    content = env.content
    built = build_plan_pdf(content, doc_no="MDT-2026-0001", version=1, signers=slots(env.plan), draft=draft,
                           verification_payload="MDTV1|MDT-2026-0001|1|" + record_hash(content),
                           verification_code="7KQ2-9XM4")
    path = tmp_path / "plan.pdf"
    path.write_bytes(built.pdf)
    return built, path


def test_plan_embeds_only_the_bundled_font_and_gives_the_chinese_back(env, tmp_path):
    built, path = build(env, tmp_path)
    assert only_embedded_bundled_font(path), pdffonts(path)
    flat = flat_text(path)
    assert PATIENT in flat and DIAGNOSIS in flat
    assert "".join(SUMMARY.split()) in body_text(path)
    assert "多学科诊疗（MDT）意见书" in flat
    for n in range(1, built.page_count + 1):
        assert f"第{n}页/共{built.page_count}页" in flat
    assert flat.count("文档编号：MDT-2026-0001") >= built.page_count
    assert flat.count("验证码：7KQ2-9XM4") == built.page_count


def test_codes_are_printed_as_chinese_labels(env, tmp_path):
    _built, path = build(env, tmp_path)
    flat = flat_text(path)
    for label in ("副主任医师", "主任医师", "靶向治疗", "根治性", "治疗前", "胸外科", "影像科",
                  "cT2aN0M0IB期（AJCC第8版）", "CSCO指南2025", "ECOG1分", "EGFR19del", "申请医生管理员"):
        assert label in flat, label


def test_signature_boxes_are_reported_on_their_page_at_stamp_size(env, tmp_path):
    built, _path = build(env, tmp_path)
    assert [b.field_name for b in built.signature_boxes] == ["sig_chair", "sig_recorder", "sig_zhou"]
    for b in built.signature_boxes:
        x1, y1, x2, y2 = b.box
        assert 0 <= b.page_index < built.page_count
        assert abs((x2 - x1) - 170.08) < 0.1 and abs((y2 - y1) - 70.87) < 0.1  # 60 × 25 mm
        assert 0 < x1 < x2 < 595.3 and 0 < y1 < y2 < 841.9


def test_signature_boxes_are_drawn_exactly_where_reported_and_left_empty(env, tmp_path):
    built, path = build(env, tmp_path)
    for b in built.signature_boxes:
        im = render_page(path, b.page_index, tmp_path)
        x1, y1, x2, y2 = (round(v) for v in b.box)
        top, bottom = im.height - y2, im.height - y1  # PDF origin bottom-left, image origin top-left
        for y in (top, bottom):  # the dashed outline, within a pixel of the reported edge
            edge = [min(sum(im.getpixel((x, yy))) for yy in (y - 1, y, y + 1)) for x in range(x1 + 2, x2 - 2)]
            assert sum(1 for v in edge if v < 600) > len(edge) / 4, "no box outline at the reported place"
        inside = [im.getpixel((x, y)) for x in range(x1 + 4, x2 - 4, 3) for y in range(top + 4, bottom - 4, 3)]
        assert all(sum(px) > 740 for px in inside), "the stamp box must be empty"


def test_pyhanko_places_signature_fields_at_the_reported_boxes(env, tmp_path):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field, enumerate_sig_fields

    built, _path = build(env, tmp_path)
    w = IncrementalPdfFileWriter(io.BytesIO(built.pdf))
    for b in built.signature_boxes:
        append_signature_field(w, SigFieldSpec(b.field_name, on_page=b.page_index, box=b.box))
    out = io.BytesIO()
    w.write(out)
    found = {name: field for name, _value, field in enumerate_sig_fields(PdfFileReader(io.BytesIO(out.getvalue())))}
    assert set(found) == {b.field_name for b in built.signature_boxes}
    for b in built.signature_boxes:
        rect = [float(v) for v in found[b.field_name].get_object()["/Rect"]]
        assert rect == pytest.approx(list(b.box), abs=0.01)


def test_a_draft_is_marked_on_every_page(env, tmp_path):
    built, path = build(env, tmp_path, draft=True)
    assert only_embedded_bundled_font(path)
    pages = pdftotext(path).split("\f")[:built.page_count]
    assert len(pages) == built.page_count
    for text in pages:
        assert "草稿·未签署" in "".join(text.split())  # in the footer; the diagonal mark is checked in pixels
    for page in range(built.page_count):
        assert red_pixels(render_page(path, page, tmp_path, dpi=36)) > 800, f"no draft mark on page {page + 1}"
    final = tmp_path / "final"
    final.mkdir()
    assert red_pixels(render_page(build(env, final)[1], 0, final, dpi=36)) < 50  # a final copy is unmarked


def test_record_hash_is_stable_and_follows_the_record(env):
    a = env.content
    b = env.ctx.plan_content.for_decision(env.admin, env.plan.decision.id)
    assert canonical_record(a) == canonical_record(b) and len(record_hash(a)) == 64
    record = canonical_record(a).decode()
    assert PATIENT in record and SUMMARY in record and "jpeg" not in record
    assert len(a.key_images) == 4 and a.key_images[0].window_width == 1500
    changed = type(a)(**{**a.__dict__, "decision": type(a.decision)(**{**a.decision.__dict__,
                                                                        "plan_text": "改"})})
    assert record_hash(changed) != record_hash(a)


def test_signers_follow_the_sign_policy(env, tmp_path):
    from app.documents.plan_pdf import signers_for

    u = env.plan.h.users
    assert [(s.name, s.role, s.user_id) for s in signers_for(env.content, "chair_only")] == [
        ("陈主任", "chair", u["chen"].id)]
    assert [s.role for s in signers_for(env.content, "chair_recorder")] == ["chair", "recorder"]
    every = signers_for(env.content, "all_experts")
    assert [s.name for s in every] == ["陈主任", "刘秘书", "周海涛", "林秀英", "黄振华", "罗建平"]
    assert (every[0].title, every[0].department) == ("主任医师", "肿瘤科")
    assert len({s.field_name for s in every}) == len(every)
    built = build_plan_pdf(env.content, doc_no="D", version=1, signers=every, draft=False,
                           verification_payload="p", verification_code="c")
    path = tmp_path / "all.pdf"
    path.write_bytes(built.pdf)
    assert [b.field_name for b in built.signature_boxes] == [s.field_name for s in every]
    flat = flat_text(path)
    assert flat.count("参会专家") >= 4 and "签署时间" in flat


def test_every_page_carries_the_qr_code_of_the_payload(env, tmp_path):
    """Sample the printed modules and compare them with the QR symbol of the payload."""
    from reportlab.graphics.barcode import qrencoder

    from app.documents.page_furniture import QR_SIZE
    from app.documents.plan_pdf import MARGIN_X

    built, path = build(env, tmp_path)
    payload = "MDTV1|MDT-2026-0001|1|" + record_hash(env.content)
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 2)
    n = qr.getModuleCount()
    dpi = 288
    scale = dpi / 72
    for page in range(built.page_count):
        im = render_page(path, page, tmp_path, dpi=dpi).convert("L")
        module = QR_SIZE / n * scale
        left, top = MARGIN_X * scale, im.height - (10 * 72 / 25.4 + QR_SIZE) * scale
        printed = [[im.getpixel((int(left + (c + 0.5) * module), int(top + (r + 0.5) * module))) < 128
                    for c in range(n)] for r in range(n)]
        expected = [[qr.isDark(r, c) for c in range(n)] for r in range(n)]
        assert printed == expected, f"page {page + 1}"
