"""Layout of the plan under load and in its other states: long text flows over pages without clipping and
obeys the kinsoku rule on every line; a draft decision with the hospital logo."""

import io
import subprocess

from pdf_checks import body_text, flat_text, layout_segments, only_embedded_bundled_font
from plan_factory import PATIENT, finalised_plan
from test_plan_pdf import slots

from app.documents.cjk_text import CLOSERS, OPENERS
from app.documents.plan_pdf import MARGIN_BOTTOM, MARGIN_TOP, SignerSlot, build_plan_pdf
from app.services.plan_content import record_hash
from db.models import Attachment, HospitalSettings

GUESTS = [(f"专家{c}", "肿瘤科", d, "chief") for c, d in zip(
    "甲乙丙丁戊己", ["medical_oncology", "surgery", "radiology", "pathology", "radiation_oncology", "nutrition"],
    strict=True)]


def long_summary() -> str:
    parts, i = [], 0
    while sum(map(len, parts)) < 3000:
        i += 1
        parts.append(f"第{i}点：结合影像（CT、MRI）及病理结果，患者分期明确；考虑EGFR 19del突变，"
                     f"推荐“靶向治疗”为主，PD-L1 TPS 30%……需监测不良反应！是否联合放疗？")
    return "".join(parts)[:3000]


def opinion(n: int) -> str:
    return (f"意见{n:02d}：同意上述诊断，建议完善头颅MRI及骨扫描，排除远处转移；如无禁忌，"
            f"优先考虑手术治疗（胸腔镜），术后根据病理分期决定辅助治疗。") * 2


def test_long_content_flows_over_pages_without_clipping(ctx, admin, monkeypatch, tmp_path):
    names = ["陈主任", "刘秘书", "周海涛", "林秀英", "黄振华", "罗建平"] + [g[0] for g in GUESTS]
    plan = finalised_plan(ctx, admin, monkeypatch, tmp_path, guests=GUESTS,
                          opinions={name: opinion(n) for n, name in enumerate(names, 1)},
                          decision={"chair_summary": long_summary()})
    content = ctx.plan_content.for_decision(admin, plan.decision.id)
    assert len(content.opinions) == 12 and len(content.decision.chair_summary) == 3000
    experts = [SignerSlot(f"sig_{o.id}", None, o.author, "expert", "主任医师", o.department)
               for o in content.opinions[2:]]
    signers = slots(plan) + experts
    built = build_plan_pdf(content, doc_no="MDT-2026-0002", version=2, signers=signers, draft=False,
                           verification_payload="x" * 120, verification_code="AAAA-BBBB")
    path = tmp_path / "long.pdf"
    path.write_bytes(built.pdf)
    assert built.page_count >= 4 and only_embedded_bundled_font(path)
    body = body_text(path)
    assert "".join(content.decision.chair_summary.split()) in body  # all 3000 characters, in order
    for o in content.opinions:
        assert "".join(o.text.split()) in body
    flat = flat_text(path)
    assert PATIENT in flat and f"第{built.page_count}页/共{built.page_count}页" in flat
    assert flat.count("专家己") >= 2  # in the attendance list and in the signature blocks
    segments = layout_segments(path)
    assert not [s for s in segments if s[0] in CLOSERS]
    assert not [s for s in segments if s[-1] in OPENERS]
    # every signer has a box, inside the content area of its page (a block is never cut by a page break)
    assert [b.field_name for b in built.signature_boxes] == [s.field_name for s in signers]
    for b in built.signature_boxes:
        _x1, y1, _x2, y2 = b.box
        assert y1 >= MARGIN_BOTTOM and y2 <= 841.89 - MARGIN_TOP
    assert max(b.page_index for b in built.signature_boxes) == built.page_count - 1


def test_a_draft_amendment_prints_with_logo_notice_and_a_missing_picture(ctx, admin, monkeypatch, tmp_path):
    from PIL import Image, ImageDraw

    plan = finalised_plan(ctx, admin, monkeypatch, tmp_path, key_images=2)
    v1_hash = record_hash(ctx.plan_content.for_decision(admin, plan.decision.id))
    amendment = ctx.decisions.amend(plan.h.chair, plan.decision.id, "补充术后病理结果",
                                    plan_text="胸腔镜右肺上叶切除，术后奥希替尼辅助治疗三年。")
    im = Image.new("RGB", (240, 240), "white")
    ImageDraw.Draw(im).ellipse((10, 10, 230, 230), outline="darkgreen", width=16)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    sha = ctx.blobs.put_bytes(buf.getvalue())
    with ctx.db.session() as s:
        s.get(HospitalSettings, 1).logo_sha256 = sha
        second = s.get(Attachment, ctx.key_images.list_for_case(admin, plan.case.id)[1].attachment_id).sha256
    ctx.blobs.path_for(second).unlink()  # the file of the second key image is lost
    content = ctx.plan_content.for_decision(admin, amendment.id)
    assert (content.decision.status, content.decision.version, content.decision.amends_version) == ("draft", 2, 1)
    assert content.logo == buf.getvalue()
    assert [bool(k.jpeg) for k in content.key_images] == [True, False]
    built = build_plan_pdf(content, doc_no="D-1", version=2, signers=[], draft=True, verification_payload="p",
                           verification_code="c")
    path = tmp_path / "draft.pdf"
    path.write_bytes(built.pdf)
    assert built.signature_boxes == () and only_embedded_bundled_font(path)
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    page_one = [line.split() for line in listing if line.split()[0] == "1"]
    assert any(row[3:5] == ["240", "240"] for row in page_one), listing  # the logo, on page 1
    flat = flat_text(path)
    assert "草稿·未签署" in flat and "本版为对第1版的修订，修订原因：补充术后病理结果" in flat
    assert "术后奥希替尼辅助治疗三年" in flat and "图像无法显示" in flat
    # a damaged logo file must not keep the record from being printed either
    again = build_plan_pdf(content, doc_no="D-1", version=2, signers=[], draft=True, verification_payload="p",
                           verification_code="c", hospital_logo=b"not an image")
    assert again.page_count == built.page_count
    # the record behind a printed v1 does not move when v1 is superseded or the case gains a key image
    ctx.decisions.finalise(plan.h.chair, amendment.id)
    ctx.key_images.add(admin, plan.case.id, ctx.key_images.list_for_case(admin, plan.case.id)[0].attachment_id)
    v1 = ctx.plan_content.for_decision(admin, plan.decision.id)
    assert v1.decision.status == "superseded" and len(v1.key_images) == 2
    assert record_hash(v1) == v1_hash
    assert record_hash(ctx.plan_content.for_decision(admin, amendment.id)) != v1_hash
