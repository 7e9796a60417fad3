"""What the package service's calls share: trust roots, the signer's material, writing a signed package,
progress and cancel, and the content a package shows before it is imported."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.packages import building, reading, sender
from app.packages.container import Entry, write_package
from app.packages.errors import PackageCancelled
from app.packages.records import (
    PackageContent,
    PatientMatch,
)
from app.records import Actor
from app.security.masking import mask_name
from app.services.credentials import active_credential, settings_row, trust_roots
from app.services.handwriting import check_password, user_or_fail
from app.signing import user_keys
from db.models import (
    Attachment,
    Case,
    HospitalSettings,
    Package,
    Patient,
)

MIN_PASSPHRASE = 8
PARTNER_ROOTS = "package_partner_roots"
CANCELLED = N("errors", "Cancelled: nothing was written or imported.")
# progress(stage, done, total): stage is deidentify | write | verify | store; it may raise to stop the work.
Progress = Callable[[str, int, int], None]


def reporter(progress: Progress | None, cancelled: Callable[[], bool] | None, stage: str):
    def report(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise PackageCancelled(CANCELLED)
        if progress is not None:
            progress(stage, done, total)
    return report


def burned_in(a: Attachment, path: Path) -> str:
    """Why this file's pixels may show a name or number that de-identification cannot remove ("" if none)."""
    from app.packages.deid_profile import BURNED_IN_MODALITIES

    if a.kind == "photo":
        return "photo"
    if a.kind != "dicom":
        return ""
    if a.modality in BURNED_IN_MODALITIES:
        return a.modality
    try:
        import pydicom

        ds = pydicom.dcmread(path, stop_before_pixels=True, specific_tags=["BurnedInAnnotation"])
        return "BurnedInAnnotation" if str(ds.get("BurnedInAnnotation", "")).upper() == "YES" else ""
    except Exception:  # noqa: BLE001 - an unreadable header is flagged rather than trusted
        return "unreadable"


def package_trust_roots(s) -> list[str]:
    """This hospital's root, the licensed CAs it trusts for its own signers, and imported partner roots."""
    h = s.get(HospitalSettings, 1)
    partners = [p["pem"] for p in ((h.options or {}).get(PARTNER_ROOTS, []) if h else [])]
    return trust_roots(s) + partners


def signing_material(s, actor: Actor, password: str) -> tuple[bytes, list[str], str]:
    """(sealed key, certificate chain up to the hospital root, hospital name) of the exporting user."""
    check_password(user_or_fail(s, actor.user_id), password)
    cred = active_credential(s, actor.user_id)
    if cred is None:
        raise ConflictError(N("errors", "You have no signing certificate yet. Request one under My "
                                        "signature; the administrator issues it."))
    chain = user_keys.split_pem_chain(cred.cert_pem)
    if cred.kind == "inhouse":  # the root travels too, so the receiver can build the chain
        chain += [r for r in trust_roots(s)[:1] if r not in chain]
    return cred.key_encrypted, chain, settings_row(s).name


def write_signed(out: Path, passphrase: str, manifest: dict, key_der: bytes, chain: list[str],
                 files: list[Entry], progress: Callable[[int, int], None] | None = None) -> None:
    """Sign the manifest and write the package next to `out`, then move it into place (never half a file)."""
    raw = building.manifest_bytes(manifest)
    signature = building.manifest_bytes(sender.sign(raw, key_der, chain))
    entries = [Entry(reading.MANIFEST, len(raw), raw), Entry(reading.SIGNATURE, len(signature), signature), *files]
    part = out.with_name(f".{out.name}.part")
    try:
        with open(part, "wb") as f:
            write_package(f, passphrase, entries, progress=progress)
            f.flush()
            os.fsync(f.fileno())
        part.replace(out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(N("errors", "The package passphrase must have at least {n} characters."),
                              field="passphrase", n=MIN_PASSPHRASE)


def case_or_fail(s, case_no: str) -> Case:
    c = s.execute(select(Case).where(Case.case_no == case_no.strip().upper())).scalars().first()
    if c is None:
        raise NotFound(N("errors", "There is no case {case_no}."), case_no=case_no)
    return c


def patient_matches(s, patient: dict) -> list[PatientMatch]:
    out = []
    for key, col in (("id_number", Patient.id_number), ("hospital_number", Patient.hospital_number)):
        if patient.get(key):
            p = s.execute(select(Patient).where(col == patient[key])).scalars().first()
            if p is not None and all(m.patient_id != p.id for m in out):
                out.append(PatientMatch(p.id, mask_name(p.name), key))
    return out


def package_content(s, opened: reading.Opened) -> PackageContent:
    m, chk = opened.manifest, opened.sender
    rec = m.get("records", {})
    case, patient = rec.get("case", {}), rec.get("patient", {})
    before = s.execute(select(Package).where(Package.package_uuid == m.get("package_uuid"))).scalars().first()
    local = s.get(Case, before.case_id).case_no if before is not None and before.case_id else ""
    return PackageContent(
        m.get("package_uuid", ""), m.get("created_at", ""), m.get("sender", {}).get("hospital", ""),
        m.get("sender", {}).get("user", ""), chk.name, chk.organisation, chk.fingerprint, chk.trusted,
        bool(m.get("deidentified")), patient.get("name", ""), case.get("case_no", ""),
        " ".join(x for x in (case.get("icd10_code", ""), case.get("icd10_name", "")) if x),
        len(rec.get("discussions", [])), len(m["files"]), sum(int(f["size"]) for f in m["files"]),
        m.get("deidentification") or {}, tuple(patient_matches(s, patient)) if not m.get("deidentified") else (), local,
        m.get("kind", "case"), str((m.get("opinion") or {}).get("text", "")))
