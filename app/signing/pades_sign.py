"""PAdES B-B signatures with pyHanko, offline: empty fields first, then one incremental update per signer.

DOMAIN.md §8: every signature field exists before the first signature (the first one certifies the
document with DocMDP "fill forms", which lets the later signers fill their own fields), and the field
signed last carries a lock (FieldMDP all + DocMDP no changes), so after it nothing at all may be added.

The visible stamp is a one-page PDF made with reportlab (handwritten image, printed name, time) in the
bundled font, imported as the field's appearance: reportlab embeds a subset of the already registered font
in milliseconds, where pyHanko's own OpenType engine would parse the 5 MB font (and need HarfBuzz) per stamp.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FieldSpec:
    name: str
    page_index: int
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points from the bottom left
    label: str  # who signs here: shown by viewers as the field's tooltip, reported when it stays empty
    seals: bool = False  # the field signed last: nothing may change after it


@dataclass(frozen=True)
class SignerKey:
    key_der: bytes  # PKCS#8
    chain_pem: tuple[str, ...]  # the signer's certificate first, then its CA certificates


def add_fields(pdf: bytes, specs: Sequence[FieldSpec]) -> bytes:
    """One incremental update holding every (empty) signature field, with its tooltip."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import (
        FieldMDPAction,
        FieldMDPSpec,
        MDPPerm,
        SigFieldSpec,
        append_signature_field,
        enumerate_sig_fields,
    )

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for spec in specs:
        lock = ({"field_mdp_spec": FieldMDPSpec(FieldMDPAction.ALL), "doc_mdp_update_value": MDPPerm.NO_CHANGES}
                if spec.seals else {})
        box = tuple(int(round(v)) for v in spec.box)
        append_signature_field(w, SigFieldSpec(spec.name, on_page=spec.page_index, box=box, **lock))
        for _name, _value, ref in enumerate_sig_fields(w, with_name=spec.name):
            field = ref.get_object()
            field["/TU"] = generic.TextStringObject(spec.label)
            w.update_container(field)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def stamp_pdf(width: float, height: float, name: str, when: str, handwriting_png: bytes | None) -> bytes:
    """The stamp as a one-page PDF of the field's size: handwriting above, printed name and time below."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from app.documents.fonts import register_font

    font = register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), initialFontName=font, initialFontSize=8,
                      pageCompression=1)
    size = max(6.0, min(9.0, height / 5))
    text_h = size * 1.3
    if handwriting_png:
        c.drawImage(ImageReader(io.BytesIO(handwriting_png)), 2, text_h + 1, width=width - 4,
                    height=max(4.0, height - text_h - 3), mask="auto", preserveAspectRatio=True, anchor="c")
    c.setFont(font, size)
    c.setFillColorRGB(0, 0, 0)
    line = f"{name}  {when}"
    while c.stringWidth(line, font, size) > width - 4 and size > 5:
        size -= 0.5
        c.setFont(font, size)
    c.drawCentredString(width / 2, 2, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def _imported_page_class():
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.generic import pdf_name
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class PdfBytesPage(PdfContent):
        """pyHanko's ImportedPdfPage reads a file; this imports the first page of PDF bytes."""

        def __init__(self, data: bytes) -> None:
            self.data = data
            super().__init__()

        def render(self) -> bytes:
            xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
            self.resources.xobject[pdf_name("/Stamp")] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return b"/Stamp Do"

    return PdfBytesPage


def field_box(pdf: bytes, field_name: str) -> tuple[float, float]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    r = PdfFileReader(io.BytesIO(pdf))
    for _name, _value, ref in enumerate_sig_fields(r, with_name=field_name):
        x1, y1, x2, y2 = (float(v) for v in ref.get_object()["/Rect"])
        return abs(x2 - x1), abs(y2 - y1)
    raise KeyError(field_name)


def sign(pdf: bytes, *, field_name: str, key: SignerKey, name: str, signed_at: datetime,
         handwriting_png: bytes | None, certify: bool, seals: bool = False, reason: str = "",
         location: str = "") -> bytes:
    """`pdf` with one more signature (an incremental update) in the existing empty field `field_name`.

    `seals`: this is the last signature; a certification then allows no changes at all (its field's lock
    demands that anyway)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certs = [asn1_x509.Certificate.load(asn1_pem.unarmor(p.encode("ascii"))[2]) for p in key.chain_pem]
    signer = signers.SimpleSigner(signing_cert=certs[0], signing_key=asn1_keys.PrivateKeyInfo.load(key.key_der),
                                  cert_registry=SimpleCertificateStore.from_certs(certs[1:]))
    width, height = field_box(pdf, field_name)
    stamp = _imported_page_class()(stamp_pdf(width, height, name, f"{signed_at:%Y-%m-%d %H:%M}", handwriting_png))
    style = StaticStampStyle(background=stamp, border_width=0, background_opacity=1.0)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES, name=name,
        reason=reason or None, location=location or None, certify=certify,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES if seals else fields.MDPPerm.FILL_FORMS)
    out = io.BytesIO()
    # Reserving the room for the CMS blob ourselves spares pyHanko a dummy signature made only to measure it
    # (half of the signing time): the certificates plus a generous margin for the signed attributes.
    reserved = 2 * (1536 + sum(len(c.dump()) for c in certs))  # hex digits: two per byte
    signers.PdfSigner(meta, signer, stamp_style=style).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)),
                                                                output=out, bytes_reserved=reserved)
    return out.getvalue()
