"""Case packages for another hospital: export (consent, signing, optional de-identification), inspect, import.

Import verifies the sender's signature and every file's SHA-256 into a staging folder inside the data folder
BEFORE the database is touched; the case then arrives in one transaction under a new local case number, its
files in the content-addressed store (bytes already stored are not written again). A package imported once
is recognised by its UUID: importing it again changes nothing. Every export, inspection and import is audited.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.packages import building, reading
from app.packages.container import Entry
from app.packages.deidentify import Deidentifier
from app.packages.errors import PackageCancelled
from app.packages.records import (
    ExportChoice,
    ExportPreview,
    ExportResult,
    ExternalOpinionRecord,
    ImportResult,
    PackageContent,
)
from app.packages.snapshot import case_snapshot, from_dict, key_image_rows, restore_case, row_dict
from app.records import Actor
from app.security.masking import mask_name
from app.services import audit_chain
from app.services.base import Service
from app.services.case_records import next_case_no
from app.services.credentials import active_credential, settings_row
from app.services.packages_support import (  # noqa: F401 - MIN_PASSPHRASE: the dialogs' rule
    CANCELLED,
    MIN_PASSPHRASE,
    PARTNER_ROOTS,
    Progress,
    burned_in,
    case_or_fail,
    check_passphrase,
    package_content,
    package_trust_roots,
    patient_matches,
    reporter,
    signing_material,
    write_signed,
)
from app.signing import ca, user_keys
from db.base import utcnow
from db.models import (
    Attachment,
    Case,
    Document,
    ExternalOpinion,
    KeyImage,
    Package,
    Patient,
)


class PackageService(Service):
    # ---- trust ------------------------------------------------------------------------------------------
    def add_partner_root(self, actor: Actor, cert_pem: str, name: str = "") -> str:
        """Trust packages from a partner hospital whose root certificate this is; returns its fingerprint."""
        self.require(actor, "credentials.manage")
        try:
            cert = ca.certificate(cert_pem.strip() + "\n")
        except ValueError:
            raise ValidationError(N("errors", "This is not a PEM certificate."), field="certificate") from None
        from cryptography.hazmat.primitives.serialization import Encoding

        pem = cert.public_bytes(Encoding.PEM).decode("ascii")
        fp = ca.fingerprint(pem)
        with self.db.session() as s:
            h = settings_row(s)
            opts = dict(h.options or {})
            roots = list(opts.get(PARTNER_ROOTS, []))
            if all(r["fingerprint"] != fp for r in roots):
                roots.append({"pem": pem, "fingerprint": fp, "name": name or cert.subject.rfc4514_string(),
                              "added_at": utcnow().isoformat(timespec="seconds")})
                opts[PARTNER_ROOTS] = roots
                h.options = opts  # a new dict: the JSON column notices the change
                audit_chain.record(s, actor, "trust_partner", "hospital_settings", h.id,
                                   new={"fingerprint": fp, "name": roots[-1]["name"]})
        return fp

    def record_consent(self, actor: Actor, case_no: str, note: str = "") -> None:
        """The patient agreed to their identified record being sent to another hospital (PIPL §28/§29)."""
        self.require(actor, "data.export")
        with self.db.session() as s:
            c = s.execute(select(Case).where(Case.case_no == case_no.strip().upper())).scalars().first()
            if c is None:
                raise NotFound(N("errors", "There is no case {case_no}."), case_no=case_no)
            c.consent_external, c.consent_recorded_at = True, utcnow()
            audit_chain.record(s, actor, "consent", "case", c.id, case_id=c.id, patient_id=c.patient_id,
                               new={"consent_external": True, "recorded_at": c.consent_recorded_at}, note=note)

    # ---- export -----------------------------------------------------------------------------------------
    def preview_export(self, actor: Actor, case_no: str) -> ExportPreview:
        """What an export of the case would hold (DICOM grouped by series), read only: the export dialog shows
        it, with the key images preselected and the files whose pixels may carry a name flagged."""
        self.require(actor, "data.export")
        with self.db.read() as s:
            c = case_or_fail(s, case_no)
            keyed = {a_id for (a_id,) in s.execute(select(KeyImage.attachment_id).where(KeyImage.case_id == c.id))}
            groups: dict[str, list[Attachment]] = {}
            for a in s.execute(select(Attachment).where(Attachment.case_id == c.id)
                               .order_by(Attachment.id)).scalars():
                groups.setdefault(a.series_uid if a.kind == "dicom" and a.series_uid else f"file-{a.id}", []).append(a)
            choices = []
            for key, atts in groups.items():
                first = atts[0]
                flags = {burned_in(a, self.ctx.blobs.path_for(a.sha256)) for a in atts} - {""}
                title = (first.series_description or first.study_description or first.title if first.kind == "dicom"
                         else first.title or first.original_name)
                choices.append(ExportChoice(key, tuple(a.id for a in atts), first.kind, first.label, title or "",
                                            first.modality, sum(a.size for a in atts),
                                            any(a.id in keyed or a.is_key for a in atts), ", ".join(sorted(flags))))
            signed = s.scalar(select(func.count()).select_from(Document).where(
                Document.case_id == c.id, Document.status == "signed", Document.sha256.is_not(None)))
            p = s.get(Patient, c.patient_id)
            return ExportPreview(c.case_no, mask_name(p.name), c.consent_recorded_at if c.consent_external else None,
                                 active_credential(s, actor.user_id) is not None, signed or 0, tuple(choices))

    def export_case(self, actor: Actor, case_no: str, out: Path, passphrase: str, password: str, *,
                    deidentify: bool = False, attachment_ids: list[int] | None = None,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ExportResult:
        """`attachment_ids`: the attachments to include (None: all of them); signed PDFs always travel."""
        self.require(actor, "data.export")
        self.require(actor, "document.sign")  # the package carries the exporter's signature
        check_passphrase(passphrase)
        package_uuid = str(uuid.uuid4())
        with self.db.read() as s:
            c = s.execute(select(Case).where(Case.case_no == case_no.strip().upper())).scalars().first()
            if c is None:
                raise NotFound(N("errors", "There is no case {case_no}."), case_no=case_no)
            if not deidentify and not c.consent_external:
                raise ConflictError(N("errors", "The patient's consent to send identified data to another hospital "
                                                "is not recorded for case {case_no}. Record it on the case "
                                                "(referral), or export the package de-identified."),
                                    case_no=c.case_no)
            sealed_key, chain, hospital = signing_material(s, actor, password)
            records = case_snapshot(s, c)
            case_id, patient_id = c.id, c.patient_id
            consent = c.consent_recorded_at.isoformat() if c.consent_recorded_at else None
            chosen = None if attachment_ids is None else set(attachment_ids)
            sources = [building.Source(a.sha256, a.size, self.ctx.blobs.path_for(a.sha256), "attachment",
                                       {**row_dict(a), "sha256": a.sha256})
                       for a in s.execute(select(Attachment).where(Attachment.case_id == c.id)
                                          .order_by(Attachment.id)).scalars() if chosen is None or a.id in chosen]
            included = {src.sha256 for src in sources}
            key_images = [{**row_dict(k), "attachment_sha256": sha} for k, sha in key_image_rows(s, c.id)
                          if sha in included]
            for d in s.execute(select(Document).where(Document.case_id == c.id, Document.status == "signed",
                                                      Document.sha256.is_not(None)).order_by(Document.id)).scalars():
                sources.append(building.Source(d.sha256, self.ctx.blobs.path_for(d.sha256).stat().st_size,
                                               self.ctx.blobs.path_for(d.sha256), "signed_pdf",
                                               {"doc_no": d.doc_no, "version": d.version, "kind": d.kind,
                                                "record_hash": d.record_hash,
                                                "sealed_at": d.sealed_at.isoformat() if d.sealed_at else None}))
        key_der = user_keys.open_key_der(actor.user_id, sealed_key, password)
        staging = self.ctx.data_dir.tmp / f"package-{package_uuid}"
        staging.mkdir(parents=True, exist_ok=True)
        try:
            deid = None
            if deidentify:
                deid = Deidentifier(package_uuid, records["patient"], records["case"]["case_no"])
                sources, renamed = building.deidentify_sources(deid, sources, staging,
                                                               reporter(progress, cancelled, "deidentify"))
                records = building.deidentify_records(deid, records, deid.pseudonym)
                key_images = building.shift_key_images(deid, key_images, renamed)
            unique = list({src.sha256: src for src in sources}.values())
            manifest = {
                "format": "mdtpkg", "version": reading.MANIFEST_FORMAT, "kind": "case", "package_uuid": package_uuid,
                "created_at": utcnow().isoformat(timespec="seconds"),
                "sender": {"hospital": hospital, "user": actor.username, "display_name": actor.display_name,
                           "certificate_chain": chain},
                "deidentified": deidentify, "pseudonym": deid.pseudonym if deid else "",
                "consent": None if deidentify else {"recorded_at": consent},
                "records": records, "key_images": key_images,
                "files": [{"sha256": src.sha256, "size": src.size, "role": src.role,
                           ("attachment" if src.role == "attachment" else "document"): src.meta} for src in sources],
                "deidentification": deid.report.as_dict() if deid else None,
            }
            write_signed(out, passphrase, manifest, key_der, chain,
                         [Entry(f"files/{src.sha256}", src.size, path=src.path) for src in unique],
                         reporter(progress, cancelled, "write"))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        size = out.stat().st_size
        with self.db.session() as s:
            row = Package(package_uuid=package_uuid, direction="out", kind="case", case_id=case_id,
                          deidentified=deidentify, sender=hospital, manifest={
                              "files": len(sources), "size": size, "deidentification": manifest["deidentification"]},
                          by_user_id=actor.user_id)
            s.add(row)
            s.flush()
            audit_chain.record(s, actor, "export", "package", row.id, case_id=case_id, patient_id=patient_id,
                               new={"package_uuid": package_uuid, "deidentified": deidentify, "files": len(sources),
                                    "file": out.name, "size": size})
        return ExportResult(str(out), package_uuid, len(sources), size, deidentify, deid.pseudonym if deid else "",
                            manifest["deidentification"] or {})

    # ---- inspect and import -----------------------------------------------------------------------------
    def inspect(self, actor: Actor, path: Path, passphrase: str, *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> PackageContent:
        """Decrypt and verify everything (signature, every file's hash) without writing any file; who looked
        at which package (and its sender and patient) goes to the audit trail."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            roots = package_trust_roots(s)
        opened = reading.open_package(path, passphrase, roots, require_trust=False,
                                      progress=reporter(progress, cancelled, "verify"))
        with self.db.session() as s:
            content = package_content(s, opened)
            local = s.execute(select(Package).where(Package.package_uuid == content.package_uuid)).scalars().first()
            audit_chain.record(s, actor, "inspect", "package", local.id if local else None,
                               case_id=local.case_id if local else None,
                               new={"package_uuid": content.package_uuid, "file": path.name,
                                    "sha256": opened.file_sha256, "sender": f"{content.hospital} / "
                                    f"{content.sender_name}", "trusted": content.trusted,
                                    "kind": opened.manifest.get("kind", "case"),
                                    "deidentified": content.deidentified})
            return content

    def import_package(self, actor: Actor, path: Path, passphrase: str, *, merge_patient_id: int | None = None,
                       progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Import as a new case. A patient matching by ID or hospital number is merged into only when
        `merge_patient_id` names them (the caller asked the user); otherwise ConflictError says who matched."""
        self.require(actor, "data.export")
        with self.db.read() as s:
            roots = package_trust_roots(s)
        staging = self.ctx.data_dir.tmp / f"package-in-{uuid.uuid4()}"
        staging.mkdir(parents=True, exist_ok=True)
        try:
            opened = reading.open_package(path, passphrase, roots, staging,
                                          progress=reporter(progress, cancelled, "verify"))
            with self.db.read() as s:
                content = package_content(s, opened)
                done = self._already(s, opened.manifest["package_uuid"], content)
            if done is not None:
                return done
            if opened.manifest.get("kind") == "opinion":
                return self._commit_opinion(actor, opened, content)
            if merge_patient_id is not None and merge_patient_id not in {m.patient_id for m in content.matches}:
                raise ConflictError(N("errors", "Patient {id} is not the patient this package matched; nothing was "
                                                "imported."), id=merge_patient_id)
            if content.matches and merge_patient_id is None:
                m = content.matches[0]
                raise ConflictError(N("errors", "The patient in this package matches patient {id} ({name}) here by "
                                                "{by}. Confirm to add the case to that patient (--merge-patient "
                                                "{id}). Nothing was imported."), id=m.patient_id, name=m.name, by=m.by)
            stored = {}
            if cancelled is not None and cancelled():  # the last moment: from here on the import completes
                raise PackageCancelled(CANCELLED)
            store = reporter(progress, None, "store")
            for n, f in enumerate(opened.manifest["files"]):
                store(n, len(opened.manifest["files"]))
                stored[f["sha256"]] = self.ctx.blobs.has(f["sha256"])
                self.ctx.blobs.put_file(staging / f["sha256"])
            return self._commit(actor, opened, content, merge_patient_id, stored)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def _already(s, package_uuid: str, content: PackageContent) -> ImportResult | None:
        row = s.execute(select(Package).where(Package.package_uuid == package_uuid)).scalars().first()
        if row is None:
            return None
        if row.direction == "out":
            raise ConflictError(N("errors", "This package was made by this installation; it is not imported "
                                            "back into it."))
        c = s.get(Case, row.case_id)
        return ImportResult("already", c.id, c.case_no, c.patient_id, False, 0, 0, content)

    def _commit(self, actor: Actor, opened: reading.Opened, content: PackageContent, merge_patient_id: int | None,
                stored: dict[str, bool]) -> ImportResult:
        m = opened.manifest
        rec = m["records"]
        with self.db.session() as s:
            done = self._already(s, m["package_uuid"], content)  # a second import racing this one
            if done is not None:
                return done
            if opened.manifest.get("kind") == "opinion":
                return self._commit_opinion(actor, opened, content)
            if merge_patient_id is not None:
                patient = s.get(Patient, merge_patient_id)
                merged = True
            else:
                patient = from_dict(Patient, rec["patient"])
                patient.created_by = actor.user_id
                s.add(patient)
                s.flush()
                merged = False
            case = restore_case(s, rec, patient.id, next_case_no(s, date.today().year), actor.user_id)
            by_sha: dict[str, int] = {}
            for f in m["files"]:
                if f["sha256"] in by_sha:
                    continue
                if f["role"] == "attachment":
                    a = from_dict(Attachment, f["attachment"])
                else:
                    d = f.get("document", {})
                    a = Attachment(kind="pdf", label="report", media_type="application/pdf",
                                   original_name=f"{d.get('doc_no', 'document')}-v{d.get('version', 1)}.pdf",
                                   title=f"外院签署意见书 {d.get('doc_no', '')} 第{d.get('version', 1)}版",
                                   meta={"signed_document": d})
                a.case_id, a.sha256, a.size, a.imported_by = case.id, f["sha256"], int(f["size"]), actor.user_id
                s.add(a)
                s.flush()
                by_sha[f["sha256"]] = a.id
            for k in m.get("key_images", []):
                if k.get("attachment_sha256") in by_sha:
                    row = from_dict(KeyImage, k)
                    row.case_id, row.attachment_id = case.id, by_sha[k["attachment_sha256"]]
                    row.created_by = actor.user_id
                    s.add(row)
            pkg = Package(package_uuid=m["package_uuid"], direction="in", kind=m.get("kind", "case"), case_id=case.id,
                          deidentified=bool(m.get("deidentified")),
                          sender=f"{content.hospital} / {content.sender_name}"[:200], sha256=opened.file_sha256,
                          manifest={k: v for k, v in m.items() if k != "records"}, by_user_id=actor.user_id)
            s.add(pkg)
            s.flush()
            self.ctx.setup.mark_real_data(s)
            audit_chain.record(s, actor, "import", "package", pkg.id, case_id=case.id, patient_id=patient.id,
                               new={"package_uuid": m["package_uuid"], "sender": pkg.sender,
                                    "sender_case_no": content.case_no, "case_no": case.case_no,
                                    "files": len(by_sha), "merged_patient": merged,
                                    "deidentified": pkg.deidentified})
            new = sum(1 for v in stored.values() if not v)
            return ImportResult("imported", case.id, case.case_no, patient.id, merged, new, len(stored) - new,
                                content)

    # ---- opinions back ----------------------------------------------------------------------------------
    def export_opinion(self, actor: Actor, case_no: str, text: str, out: Path, passphrase: str,
                       password: str) -> ExportResult:
        """The receiving hospital's advice on a case that arrived in a package, bound to that package's id
        and signed with the author's key."""
        self.require(actor, "data.export")
        self.require(actor, "document.sign")
        check_passphrase(passphrase)
        if not text.strip():
            raise ValidationError(N("errors", "Write the opinion first."), field="text")
        package_uuid = str(uuid.uuid4())
        with self.db.read() as s:
            c = s.execute(select(Case).where(Case.case_no == case_no.strip().upper())).scalars().first()
            origin = None if c is None else s.execute(select(Package).where(
                Package.case_id == c.id, Package.direction == "in", Package.kind == "case")).scalars().first()
            if origin is None:
                raise ConflictError(N("errors", "Case {case_no} did not arrive in a package: an opinion package "
                                                "answers a package."), case_no=case_no)
            sealed_key, chain, hospital = signing_material(s, actor, password)
            case_id, reply_to = c.id, origin.package_uuid
        key_der = user_keys.open_key_der(actor.user_id, sealed_key, password)
        manifest = {"format": "mdtpkg", "version": reading.MANIFEST_FORMAT, "kind": "opinion",
                    "package_uuid": package_uuid, "in_reply_to": reply_to,
                    "created_at": utcnow().isoformat(timespec="seconds"),
                    "sender": {"hospital": hospital, "user": actor.username, "display_name": actor.display_name,
                               "certificate_chain": chain},
                    "deidentified": False, "records": {}, "files": [], "deidentification": None,
                    "opinion": {"hospital": hospital, "author": actor.display_name, "text": text.strip()}}
        write_signed(out, passphrase, manifest, key_der, chain, [])
        size = out.stat().st_size
        with self.db.session() as s:
            row = Package(package_uuid=package_uuid, direction="out", kind="opinion", case_id=case_id,
                          sender=hospital, manifest={"in_reply_to": reply_to, "size": size},
                          by_user_id=actor.user_id)
            s.add(row)
            s.flush()
            audit_chain.record(s, actor, "export", "package", row.id, case_id=case_id,
                               new={"package_uuid": package_uuid, "kind": "opinion", "in_reply_to": reply_to})
        return ExportResult(str(out), package_uuid, 0, size, False)

    def _commit_opinion(self, actor: Actor, opened: reading.Opened, content: PackageContent) -> ImportResult:
        m = opened.manifest
        opinion = m.get("opinion") or {}
        with self.db.session() as s:
            origin = s.execute(select(Package).where(Package.package_uuid == m.get("in_reply_to"),
                                                     Package.direction == "out")).scalars().first()
            if origin is None or origin.case_id is None:
                raise NotFound(N("errors", "This opinion answers package {uuid}, which was not sent from this "
                                           "installation. Nothing was imported."), uuid=m.get("in_reply_to"))
            c = s.get(Case, origin.case_id)
            pkg = Package(package_uuid=m["package_uuid"], direction="in", kind="opinion", case_id=c.id,
                          sender=f"{content.hospital} / {content.sender_name}"[:200], sha256=opened.file_sha256,
                          manifest={k: v for k, v in m.items() if k != "records"}, by_user_id=actor.user_id)
            s.add(pkg)
            s.flush()
            ext = ExternalOpinion(case_id=c.id, package_id=pkg.id, hospital=str(opinion.get("hospital", ""))[:200],
                                  author=str(opinion.get("author", ""))[:100], text=str(opinion.get("text", "")),
                                  signed=True)
            s.add(ext)
            s.flush()
            audit_chain.record(s, actor, "import", "external_opinion", ext.id, case_id=c.id, patient_id=c.patient_id,
                               new={"package_uuid": m["package_uuid"], "in_reply_to": origin.package_uuid,
                                    "hospital": ext.hospital, "author": ext.author, "advisory": True})
            return ImportResult("imported", c.id, c.case_no, c.patient_id, False, 0, 0, content)

    def external_opinions(self, actor: Actor, case_id: int) -> list[ExternalOpinionRecord]:
        """Advice received from other hospitals for a case, oldest first (advisory: 1999 notice)."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            rows = s.execute(select(ExternalOpinion, Package.package_uuid, Package.manifest)
                             .outerjoin(Package, Package.id == ExternalOpinion.package_id)
                             .where(ExternalOpinion.case_id == case_id).order_by(ExternalOpinion.id)).all()
            return [ExternalOpinionRecord(e.id, e.case_id, e.hospital, e.author, e.text, e.signed, e.received_at,
                                          uuid_ or "", written_at=str((manifest or {}).get("created_at", "")))
                    for e, uuid_, manifest in rows]

    # ---- registries ---------------------------------------------------------------------------------------
    def structured_export(self, actor: Actor, case_no: str, *, deidentify: bool = True) -> tuple[dict, str]:
        """(mCODE FHIR Bundle, CSV text) of a case and its decisions; identified only with recorded consent."""
        from app.packages import mcode

        self.require(actor, "data.export")
        with self.db.session() as s:
            c = s.execute(select(Case).where(Case.case_no == case_no.strip().upper())).scalars().first()
            if c is None:
                raise NotFound(N("errors", "There is no case {case_no}."), case_no=case_no)
            if not deidentify and not c.consent_external:
                raise ConflictError(N("errors", "The patient's consent to send identified data to another hospital "
                                                "is not recorded for case {case_no}. Record it on the case "
                                                "(referral), or export the package de-identified."),
                                    case_no=c.case_no)
            records = case_snapshot(s, c)
            export_id = str(uuid.uuid4())
            if deidentify:
                deid = Deidentifier(export_id, records["patient"], records["case"]["case_no"])
                records = building.deidentify_records(deid, records, deid.pseudonym)
            audit_chain.record(s, actor, "export", "case", c.id, case_id=c.id, patient_id=c.patient_id,
                               new={"format": "mCODE FHIR R4 + CSV", "deidentified": deidentify, "id": export_id})
        return mcode.bundle(records, export_id), mcode.csv_text(records)
