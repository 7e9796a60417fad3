"""Signed PDFs for the printing tests, made here with reportlab + pyHanko (no app services involved).

`signed_pdf(signers=2)` gives a one-page A4 document with one visible signature stamp per signer (a red
handwriting-like image and the signer's name), signed in sequence by incremental updates, the way the
decision documents are signed. `SignedPdf.boxes` holds every stamp's page and rectangle in PDF points, so a
test can look for the stamp's pixels in a rendering of the printed page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

FIRST_BOX = (60, 120, 260, 200)  # x1, y1, x2, y2 in points from the bottom left of an A4 page
BOX_STEP = 250  # the next signer's box sits this far to the right


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    boxes: tuple[tuple[int, tuple[int, int, int, int]], ...]  # (page index, box) per signer


def _name(common_name: str):
    from cryptography.x509 import Name, NameAttribute
    from cryptography.x509.oid import NameOID

    return Name([NameAttribute(NameOID.COMMON_NAME, common_name)])


@cache
def _keys():
    """A throw-away root and one signer certificate issued by it (cached: key generation is slow)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    now = datetime.now(UTC) - timedelta(days=1)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = (x509.CertificateBuilder().subject_name(_name("Test Hospital Root")).issuer_name(
        _name("Test Hospital Root")).public_key(root_key.public_key()).serial_number(1).not_valid_before(now)
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(root_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("测试医生")).issuer_name(root.subject)
            .public_key(key.public_key()).serial_number(2).not_valid_before(now)
            .not_valid_after(now + timedelta(days=30))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(root_key, hashes.SHA256()))
    return root, key, cert


def _signer():
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    root, key, cert = _keys()
    der = serialization.Encoding.DER
    key_der = key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    root_asn1 = asn1_x509.Certificate.load(root.public_bytes(der))
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([root_asn1]))


def _handwriting_png() -> bytes:
    """A red scribble on a transparent background, like an enrolled handwritten signature."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (400, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.line([(20, 120), (80, 30), (140, 130), (200, 40), (260, 120), (380, 50)], fill=(200, 0, 0, 255),
              width=14)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _unsigned(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(pages):
        c.setFont("Helvetica", 14)
        c.drawString(60, 760, f"MDT opinion - test page {n + 1}/{pages}")
        c.setFont("Helvetica", 10)
        for line in range(30):
            c.drawString(60, 720 - line * 16, f"Line {line + 1}: the plan text of this test document.")
        c.showPage()
    c.save()
    return buf.getvalue()


def signed_pdf(signers: int = 2, pages: int = 1) -> SignedPdf:
    """All signature fields are created first (on the last page), then each is signed with a visible stamp."""
    from PIL import Image
    from pyhanko import stamp
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields
    from pyhanko.sign import signers as pyhanko_signers

    data = _unsigned(pages)
    boxes = []
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    for i in range(signers):
        x1, y1, x2, y2 = FIRST_BOX
        box = (x1 + i * BOX_STEP, y1, x2 + i * BOX_STEP, y2)
        boxes.append((pages - 1, box))
        fields.append_signature_field(writer, fields.SigFieldSpec(f"Signer{i + 1}", on_page=pages - 1, box=box))
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    signer = _signer()
    image = Image.open(io.BytesIO(_handwriting_png()))
    for i in range(signers):
        style = stamp.TextStampStyle(stamp_text=f"Signer {i + 1}\n%(ts)s", border_width=2,
                                     background=PdfImage(image), background_opacity=1.0)
        meta = pyhanko_signers.PdfSignatureMetadata(field_name=f"Signer{i + 1}")
        out = io.BytesIO()
        pyhanko_signers.PdfSigner(meta, signer, stamp_style=style).sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(data)), output=out)
        data = out.getvalue()
    return SignedPdf(data, tuple(boxes))
