"""What the package service hands out: plain frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExportResult:
    path: str
    package_uuid: str
    files: int
    size: int  # bytes of the package file
    deidentified: bool
    pseudonym: str = ""
    report: dict = field(default_factory=dict)  # de-identification: removed, warnings, excluded


@dataclass(frozen=True)
class PatientMatch:
    patient_id: int
    name: str  # masked as on the projector
    by: str  # id_number | hospital_number


@dataclass(frozen=True)
class PackageContent:
    package_uuid: str
    created_at: str
    hospital: str
    sender_user: str
    sender_name: str  # the certificate's common name
    sender_organisation: str
    sender_fingerprint: str
    trusted: bool
    deidentified: bool
    patient: str  # the name or pseudonym in the package
    case_no: str  # the sender's case number (the pseudonym when de-identified)
    diagnosis: str
    discussions: int
    files: int
    total_size: int
    report: dict = field(default_factory=dict)
    matches: tuple[PatientMatch, ...] = ()
    already_imported_case: str = ""  # the local case number when this package was imported before
    kind: str = "case"  # case | opinion
    opinion: str = ""  # an opinion package's advice


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported | already
    case_id: int
    case_no: str
    patient_id: int
    merged: bool
    files_new: int
    files_existing: int
    content: PackageContent | None = None


@dataclass(frozen=True)
class ExternalOpinionRecord:
    """Advice from another hospital (远程会诊): advisory only, the county team keeps the decision."""

    id: int
    case_id: int
    hospital: str
    author: str
    text: str
    signed: bool  # it arrived in a package whose signature chains to a trusted hospital root
    received_at: object
    package_uuid: str
    advisory: bool = True
    written_at: str = ""  # ISO UTC, when the sender signed it


@dataclass(frozen=True)
class ExportChoice:
    """One thing the exporter may include: a DICOM series (all its files) or a single photo or document."""

    key: str  # series UID, or "file-<attachment id>"
    attachment_ids: tuple[int, ...]
    kind: str  # dicom | photo | pdf | slide | other
    label: str  # imaging | pathology | report | other
    title: str
    modality: str
    size: int
    key_image: bool  # holds a key image (preselected)
    burned_in: str = ""  # why its pixels may carry a name: "BurnedInAnnotation" | "US" | "photo" ... ("" = none)


@dataclass(frozen=True)
class ExportPreview:
    """What an export of a case would hold, before anything is written."""

    case_no: str
    patient: str  # masked, as on the projector
    consent_recorded_at: object  # datetime (UTC) or None: no consent to an identified export
    can_sign: bool  # the user has an active signing certificate
    signed_documents: int
    choices: tuple[ExportChoice, ...]
