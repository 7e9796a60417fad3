"""Signed PDFs made by the real signing code: a throw-away hospital CA, signers with keys issued by it, and
PDF surgery helpers (truncate to a revision, append an update that replaces the page text)."""

from __future__ import annotations

import io
from functools import cache

import pytest

PASSWORD = "Signer2026!"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    """These tests are about signatures, not about argon2's cost: the lightest profile."""
    monkeypatch.setattr("app.signing.secret_box.TIME_COST", 1)
    monkeypatch.setattr("app.signing.secret_box.MEMORY_KIB", 64)


def handwriting_png(colour=(20, 20, 160, 255)) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (360, 140), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(15, 110), (90, 25), (160, 120), (230, 35), (345, 95)], fill=colour, width=12)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@cache
def hospital_root():
    from app.signing import ca

    return ca.create_root("测试县人民医院", "ca-passphrase-1")


@cache
def signer_key(user_id: int, name: str):
    """(SignerKey, sealed key) for a user, issued by the cached root."""
    from app.signing import ca, pades_sign, user_keys

    root = hospital_root()
    req = user_keys.make_request(user_id, name, PASSWORD)
    cert = ca.issue(root.cert_pem, ca.open_root_key(root.key_sealed, "ca-passphrase-1"), req.request_pem,
                    common_name=name, organisation="测试县人民医院", user_id=user_id)
    key_der = user_keys.open_key_der(user_id, req.key_sealed, PASSWORD)
    return pades_sign.SignerKey(key_der, (cert, root.cert_pem))


def base_pdf(pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from app.documents.fonts import register_font

    font = register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, initialFontName=font)
    for n in range(pages):
        c.setFont(font, 14)
        c.drawString(60, 760, f"多学科诊疗（MDT）意见书 第{n + 1}页")
        c.drawString(60, 730, "治疗方案：胸腔镜右肺上叶切除")
        c.showPage()
    c.save()
    return buf.getvalue()


NAMES = ("周海涛", "刘晓燕", "陈志远", "林秀英", "黄振华")


def fields_pdf(signers: int) -> bytes:
    from app.signing import pades_sign

    specs = [pades_sign.FieldSpec(f"sig{i + 1}", 0, (60 + (i % 3) * 170, 100 + (i // 3) * 90,
                                                     220 + (i % 3) * 170, 170 + (i // 3) * 90),
                                  f"参会专家 {NAMES[i]}", seals=i == signers - 1) for i in range(signers)]
    return pades_sign.add_fields(base_pdf(), specs)


def signed(signers: int = 3) -> list[bytes]:
    """Every revision: [fields only, after signer 1, ..., after signer n]."""
    from datetime import datetime

    from app.signing import pades_sign

    revisions = [fields_pdf(signers)]
    for i in range(signers):
        revisions.append(pades_sign.sign(revisions[-1], field_name=f"sig{i + 1}", key=signer_key(i + 1, NAMES[i]),
                                         name=NAMES[i], signed_at=datetime.now(), handwriting_png=handwriting_png(),
                                         certify=i == 0))
    return revisions


def replace_page_text(pdf: bytes, text: bytes = b"(FORGED PLAN) Tj") -> bytes:
    """An incremental update that swaps the first page's content stream: what a forger would append."""
    from pyhanko.pdf_utils.generic import StreamObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = w.add_object(StreamObject(stream_data=b"BT /F1 24 Tf 100 500 Td " + text + b" ET"))
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


CA_PASSPHRASE = "ca-passphrase-1"
SIGNING_ORDER = ["zhou", "lin", "huang", "luo", "liu", "chen"]  # experts, recorder, chair (plan_factory's team)


def signing_hospital(ctx, admin, monkeypatch, tmp_path, key_images: int = 0):
    """plan_factory's finalised decision; the hospital CA; every attendee enrolled with a certificate."""
    from meeting_factory import PASSWORD as USER_PASSWORD
    from plan_factory import finalised_plan

    w = finalised_plan(ctx, admin, monkeypatch, tmp_path, key_images=key_images)
    ctx.credentials.create_hospital_ca(admin, CA_PASSPHRASE)
    for username in SIGNING_ORDER:
        actor = w.h.actors[username]
        ctx.handwriting.enrol(actor, USER_PASSWORD, handwriting_png())
        ctx.credentials.request(actor, USER_PASSWORD)
    assert ctx.credentials.issue_pending(admin, CA_PASSPHRASE) == len(SIGNING_ORDER)
    return w


def sign_all(ctx, w, doc, order=SIGNING_ORDER):
    from meeting_factory import PASSWORD as USER_PASSWORD

    for username in order:
        doc = ctx.documents.sign(w.h.actors[username], doc.id, USER_PASSWORD)
    return doc
