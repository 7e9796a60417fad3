"""Checking a signed PDF the way a court expert would: pyHanko's overall judgement per signature.

A signature counts only when pyHanko's `bottom_line` holds: the bytes it covers are unchanged (intact), the
cryptography checks out (valid), the certificate chains to a root we trust (trusted), and every update
appended after it is one the document's DocMDP/FieldMDP rules allow (DOMAIN.md §8: poppler's pdfsig calls a
file "valid" after an update that replaced the page text; pyHanko calls that ILLEGAL/OTHER modifications).
An empty signature field is reported too: a file cut back to an earlier revision still verifies for the
signatures it keeps, but the signers it lost must show.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

# pyHanko logs every rejected modification with a traceback at WARNING; the report below says it plainly.
logging.getLogger("pyhanko.sign.diff_analysis").setLevel(logging.ERROR)


@dataclass(frozen=True)
class SignerCheck:
    name: str
    signed_at: datetime | None  # the signer's clock, local time
    valid: bool  # the signature's cryptography
    trusted: bool  # chains to a root this data folder trusts
    intact: bool  # the signed bytes are unchanged and nothing forbidden was appended later
    problem: str = ""  # English, empty when the signature is good
    field_name: str = ""
    fingerprint: str = ""  # SHA-256 of the signer's certificate, hex

    @property
    def ok(self) -> bool:
        return self.valid and self.trusted and self.intact and not self.problem


@dataclass(frozen=True)
class VerificationReport:
    ok: bool
    signers: tuple[SignerCheck, ...]
    problems: tuple[str, ...]  # English, one line each: what a clerk must be told
    unsigned_fields: tuple[str, ...] = ()  # labels of signature fields nobody signed


def _common_name(cert) -> str:
    try:
        return cert.subject.native.get("common_name", "") or cert.subject.human_friendly
    except (AttributeError, ValueError):
        return ""


def _problem(status) -> str:
    from pyhanko.sign.diff_analysis import ModificationLevel

    if not status.intact:
        return "the signed content was changed after signing"
    if not status.valid:
        return "the signature value does not match (damaged or forged)"
    level = status.modification_level
    if level is not None and not status.docmdp_ok:
        if level == ModificationLevel.OTHER:
            return "the file was modified after this signature (page content or other changes not allowed)"
        return f"the file was modified after this signature in a way it does not allow ({level.name})"
    if not status.trusted:
        return "the signer's certificate is not issued by a root this hospital trusts"
    if not status.bottom_line:
        return "the signature does not meet the validation rules"
    return ""


def verify(pdf: bytes, trust_roots_pem: Sequence[str]) -> VerificationReport:
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = [asn1_x509.Certificate.load(asn1_pem.unarmor(p.encode("ascii"))[2]) for p in trust_roots_pem]
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
        empty = []
        for _name, _value, ref in enumerate_sig_fields(reader, filled_status=False):
            field = ref.get_object()
            empty.append(str(field.get("/TU", "") or field.get("/T", "")))
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as e:
        return VerificationReport(False, (), (f"not a readable PDF file ({e})",))
    checks: list[SignerCheck] = []
    problems: list[str] = []
    vc = ValidationContext(trust_roots=roots, allow_fetching=False) if roots else None
    for sig in embedded:
        name = _common_name(sig.signer_cert) if sig.signer_cert is not None else ""
        try:
            status = validate_pdf_signature(sig, vc) if vc else None
        except Exception as e:  # a damaged signature must become a report line, never a crash
            checks.append(SignerCheck(name, None, False, False, False, f"cannot be checked ({e})", sig.field_name))
            continue
        if status is None:
            checks.append(SignerCheck(name, None, False, False, False, "no hospital root is set up to check "
                                      "against", sig.field_name))
            continue
        signed_at = status.signer_reported_dt.astimezone() if status.signer_reported_dt else None
        intact = bool(status.intact and (status.docmdp_ok or status.modification_level is None))
        problem = _problem(status)
        fp = sig.signer_cert.sha256.hex() if sig.signer_cert is not None else ""
        checks.append(SignerCheck(name, signed_at, bool(status.valid), bool(status.trusted), intact, problem,
                                  sig.field_name, fp))
    for c in checks:
        if c.problem:
            problems.append(f"{c.name or c.field_name}: {c.problem}")
    if not embedded:
        problems.append("the file carries no signature")
    for label in empty:
        problems.append(f"{label}: has not signed (the signature field is empty)")
    ok = bool(embedded) and not problems
    return VerificationReport(ok, tuple(checks), tuple(problems), tuple(empty))
