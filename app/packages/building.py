"""Putting a package together: the manifest, the files (de-identified when asked), the signature, the file.

Manifest (JSON, signed as bytes)::

    {"format": "mdtpkg", "version": 1, "kind": "case", "package_uuid", "created_at" (UTC),
     "sender": {"hospital", "user", "display_name", "certificate_chain": [PEM...]},
     "deidentified": bool, "pseudonym", "consent": {"recorded_at"} | null,
     "records": {"patient", "case", "status_events", "discussions": [{..., "opinions", "decisions"}]},
     "key_images": [{..., "attachment_sha256"}],
     "files": [{"sha256", "size", "role": "attachment" | "signed_pdf", "attachment" | "document": {...}}],
     "deidentification": {"removed": {what: count}, "warnings": [...], "excluded": [...]} | null}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.packages.deidentify import Deidentifier
from db.blobs import sha256_file
from db.models import Attachment

DEID_EXCLUDED = ("{name}: {kind} not included: its identity cannot be removed reliably "
                 "(PDF text, slide labels and unknown files may show the patient's name or numbers)")
SIGNED_EXCLUDED = ("signed PDF {doc_no} version {version}: not included: it shows the patient's identity, and "
                   "regenerating it without identity would void its signatures; the decision travels in the records")


@dataclass
class Source:
    sha256: str
    size: int
    path: Path
    role: str  # attachment | signed_pdf
    meta: dict = field(default_factory=dict)


def _scrub_attachment(deid: Deidentifier, meta: dict, n: int, ext: str) -> dict:
    out = deid.row(meta, Attachment, "attachment")
    out["original_name"] = f"{meta.get('kind', 'file')}-{n:05d}{ext}"
    out["patient_name_dicom"] = out["patient_id_dicom"] = ""
    return out


def deidentify_sources(deid: Deidentifier, sources: list[Source], staging: Path,
                       step: Callable[[int, int], None] | None = None) -> tuple[list[Source], dict]:
    """De-identified copies in `staging`; returns them and the map old SHA-256 -> new (for key images).
    `step(done, total)` after each file (it may raise to stop)."""
    from app.services.attachments import dicom_fields

    out, renamed = [], {}
    for n, src in enumerate(sources, start=1):
        if step is not None:
            step(n - 1, len(sources))
        kind = src.meta.get("kind", "")
        if src.role != "attachment":
            deid.report.excluded.append(SIGNED_EXCLUDED.format(doc_no=deid.text(src.meta.get("doc_no", "?")),
                                                               version=src.meta.get("version", "?")))
            continue
        dst = staging / f"deid-{n:05d}"
        if kind == "dicom":
            deid.dicom(src.path, dst)
            meta = _scrub_attachment(deid, src.meta, n, ".dcm")
            fields = dicom_fields(dst) or {}
            fields.pop("meta", None)
            meta.update(fields)
        elif kind == "photo":
            ext = deid.photo(src.path, dst)
            meta = _scrub_attachment(deid, src.meta, n, ext)
            meta["media_type"] = "image/jpeg" if ext == ".jpg" else "image/png"
            meta["meta"] = {"format": "JPEG" if ext == ".jpg" else "PNG", "orientation": 1}
        else:
            deid.report.excluded.append(DEID_EXCLUDED.format(name=f"{kind or 'file'}-{n:05d}", kind=kind or "file"))
            continue
        sha = sha256_file(dst)
        meta["sha256"], meta["size"] = sha, dst.stat().st_size
        renamed[src.sha256] = sha
        out.append(Source(sha, meta["size"], dst, "attachment", meta))
    return out, renamed


def deidentify_records(deid: Deidentifier, records: dict, pseudonym: str) -> dict:
    from db.models import ActionItem, Case, CaseStatusEvent, Decision, Discussion, Opinion

    def rows(items, model, what):
        return [deid.row(x, model, what) for x in items]

    case = deid.row(records["case"], Case, "case")
    case["case_no"] = pseudonym
    discussions = []
    for d in records["discussions"]:
        disc = deid.row({k: v for k, v in d.items() if k not in ("opinions", "decisions")}, Discussion, "discussion")
        disc["opinions"] = rows(d["opinions"], Opinion, "opinion")
        disc["decisions"] = []
        for x in d["decisions"]:
            dec = deid.row({k: v for k, v in x.items() if k != "actions"}, Decision, "decision")
            dec["actions"] = rows(x["actions"], ActionItem, "action")
            disc["decisions"].append(dec)
        discussions.append(disc)
    return {"patient": deid.patient(records["patient"]), "case": case,
            "status_events": rows(records["status_events"], CaseStatusEvent, "status history"),
            "discussions": discussions}


def shift_key_images(deid: Deidentifier, key_images: list[dict], renamed: dict) -> list[dict]:
    from db.models import KeyImage

    out = []
    for k in key_images:
        if k["attachment_sha256"] not in renamed:
            continue
        row = deid.row({x: v for x, v in k.items() if x != "attachment_sha256"}, KeyImage, "key image")
        row["attachment_sha256"] = renamed[k["attachment_sha256"]]
        out.append(row)
    return out


def manifest_bytes(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
