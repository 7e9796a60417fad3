"""Frozen records of the signing services: credentials, signed documents, verification and code checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.signing.pades_verify import SignerCheck, VerificationReport

__all__ = ["CodeCheck", "CredentialStatus", "DocumentRecord", "PlanPdf", "SignatureRecord", "SignerCheck",
           "VerificationReport"]


@dataclass(frozen=True)
class CredentialStatus:
    state: str  # none | pending (request waiting for the administrator) | active
    fingerprint: str = ""  # SHA-256 of the certificate, colon hex
    not_after: datetime | None = None  # UTC
    kind: str = ""  # inhouse | pkcs12
    subject: str = ""


@dataclass(frozen=True)
class SignatureRecord:
    sequence: int  # order on the page and of signing (the chair, last, seals)
    role: str  # chair | recorder | expert
    user_id: int | None
    name: str
    field_name: str
    signed_at: datetime | None  # UTC
    fingerprint: str


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    doc_no: str
    version: int
    status: str  # signing | signed | superseded
    case_id: int | None
    case_no: str
    patient_name: str
    decision_id: int | None
    meeting_id: int | None
    sha256: str | None
    record_hash: str
    created_at: datetime
    sealed_at: datetime | None
    supersedes_id: int | None
    signatures: tuple[SignatureRecord, ...]

    @property
    def signed(self) -> bool:
        return self.sealed_at is not None

    @property
    def waiting_for(self) -> tuple[SignatureRecord, ...]:
        return tuple(s for s in self.signatures if s.signed_at is None)


@dataclass(frozen=True)
class PlanPdf:
    document: DocumentRecord | None  # None: a draft built from the record, nothing stored
    pdf: bytes
    signed: bool
    case_no: str = ""
    discussion: int = 0


@dataclass(frozen=True)
class CodeCheck:
    matches: bool  # the sheet is authentic and matches the record version in force
    status: str  # match | superseded | unsigned | changed | unknown | forged | unreadable
    message: str  # English, for the CLI and logs; the GUI translates by status
    doc_no: str = ""
    version: int = 0
    document_id: int | None = None
    case_no: str = ""
    patient_name: str = ""
    document_status: str = ""
