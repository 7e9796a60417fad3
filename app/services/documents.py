"""Signed treatment-plan documents: build once with every signature field, sign in turn, seal, verify.

A document is one decision version as a PDF. `start_signing` lays it out (app.documents.plan_pdf) with a
stamp box per signer (app.signing.signing_policy) and adds every empty signature field in one update before
anyone signs (DOMAIN.md §8). Each `sign` appends one PAdES signature; the chair's field, signed last,
carries a lock, and the document is then sealed. Every state of the file is a read-only blob named by its
SHA-256, so a signed document can never be overwritten; an amended decision gets a new document version
that supersedes the old one, which stays retrievable. Signing with a wrong password changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.document_records import CodeCheck, DocumentRecord, PlanPdf, SignatureRecord, VerificationReport
from app.errors import ConflictError, NotFound, PermissionDenied
from app.i18n import QT_TRANSLATE_NOOP as N
from app.records import Actor
from app.security.permissions import allowed
from app.security.redaction import masked_in
from app.services import audit_chain
from app.services.base import Service
from app.services.credentials import active_credential, trust_roots, verification_keys
from app.services.meeting_common import audit, get_decision
from app.signing import pades_sign, user_keys, verification_code
from app.signing.rekey import handwriting_purpose
from app.signing.secret_box import open_box
from app.signing.signing_policy import Person, Signer, choose
from db.base import utcnow
from db.models import (
    AgendaItem,
    Case,
    Decision,
    Discussion,
    Document,
    Meeting,
    Patient,
    Signature,
    Team,
    User,
)

ROLE_ZH = {"chair": "主持人", "recorder": "记录人", "expert": "参会专家"}
NOT_YOURS = N("errors", "This document is not waiting for your signature.")


def _record(s: Session, d: Document) -> DocumentRecord:
    c = s.get(Case, d.case_id) if d.case_id else None
    p = s.get(Patient, c.patient_id) if c else None
    sigs = s.execute(select(Signature).where(Signature.document_id == d.id).order_by(Signature.sequence)).scalars()
    dec = s.get(Decision, d.decision_id) if d.decision_id else None
    # An amendment finalised in the decisions service supersedes the decision at once; the row follows when the
    # new version's document is started, but nobody must see the old one as current meanwhile.
    status = "superseded" if dec is not None and dec.status == "superseded" else d.status
    return DocumentRecord(
        d.id, d.doc_no, d.version, status, d.case_id, c.case_no if c else "", p.name if p else "", d.decision_id,
        d.meeting_id, d.sha256, d.record_hash, d.created_at, d.sealed_at, d.supersedes_id,
        tuple(SignatureRecord(g.sequence, g.role, g.signer_user_id, g.signer_name, g.field_name, g.signed_at,
                              g.cert_fingerprint) for g in sigs))


def _document(s: Session, document_id: int) -> Document:
    d = s.get(Document, document_id)
    if d is None:
        raise NotFound(N("errors", "Document {id} does not exist."), id=document_id)
    return d


def _may_sign(s: Session):
    def check(user_id: int) -> bool:
        u = s.get(User, user_id)
        return u is not None and u.is_active and allowed_role(u.role)
    return check


def allowed_role(role: str) -> bool:
    return allowed(Actor(None, "", "", role), "document.sign")


def signers_for(s: Session, content) -> tuple[Signer, ...]:
    """The team's policy over the attendees who signed in; without a meeting, whoever finalised signs."""
    m = content.meeting
    if m is None:
        dec = s.get(Decision, content.decision.id)
        u = s.get(User, dec.finalised_by) if dec.finalised_by else None
        if u is None:
            return ()
        me = Person(u.id, u.display_name, u.title, "")
        return choose("chair_only", chair=me, recorder=None, attendees=[me], may_sign=_may_sign(s))
    team = s.get(Meeting, m.id).team
    people = [Person(a.user_id, a.name, a.title, a.department) for a in m.attendees
              if a.user_id is not None and a.signed_in_at is not None]
    by_id = {p.user_id: p for p in people}
    return choose(team.sign_policy if isinstance(team, Team) else "", chair=by_id.get(m.chair_user_id),
                  recorder=by_id.get(m.recorder_user_id), attendees=people, may_sign=_may_sign(s))


def doc_no_of(case_no: str, discussion_sequence: int) -> str:
    return f"{case_no}-{discussion_sequence:02d}"


class DocumentService(Service):
    # ---- building and signing -------------------------------------------------------------------------
    def start_signing(self, actor: Actor, decision_id: int) -> DocumentRecord:
        """The document of a finalised decision, ready for its first signature (made once, then reused)."""
        self.require(actor, "document.sign")
        with self.db.read() as s:
            dec = get_decision(s, decision_id)
            existing = s.execute(select(Document).where(Document.decision_id == decision_id,
                                                        Document.status.in_(("signing", "signed")))).scalars().first()
            if existing is not None:
                return _record(s, existing)
            if dec.status != "finalised":
                raise ConflictError(N("errors", "Only a decision the chair has finalised can be signed."))
        content = self.ctx.plan_content.for_decision(actor, decision_id)
        from app.documents.plan_pdf import build_plan_pdf
        from app.documents.signature_blocks import SignerSlot
        from app.services.plan_content import record_hash

        digest = record_hash(content)
        doc_no = doc_no_of(content.case_no, content.discussion_sequence)
        version = content.decision.version
        with self.db.session() as s:  # short: the layout below runs without holding the write lock
            signers = signers_for(s, content)
            if not signers:
                raise ConflictError(N("errors", "Nobody who attended this meeting can sign: the chair (and the "
                                                "experts the team's policy names) must have signed in."))
            private, _public = verification_keys(s, create=True)
        payload, code = verification_code.make(private, doc_no, version, digest)
        slots = [SignerSlot(g.field_name, g.person.user_id, g.person.name, g.role, _title(g.person.title),
                            g.person.department) for g in signers]
        built = build_plan_pdf(content, doc_no=doc_no, version=version, signers=slots, draft=False,
                               verification_payload=payload, verification_code=code)
        boxes = {b.field_name: b for b in built.signature_boxes}
        specs = [pades_sign.FieldSpec(g.field_name, boxes[g.field_name].page_index, boxes[g.field_name].box,
                                      f"{ROLE_ZH.get(g.role, g.role)} {g.person.name}", seals=i == len(signers) - 1)
                 for i, g in enumerate(signers)]
        sha = self.ctx.blobs.put_bytes(pades_sign.add_fields(built.pdf, specs))
        with self.db.session() as s:
            raced = s.execute(select(Document).where(Document.decision_id == decision_id,
                                                     Document.status.in_(("signing", "signed")))).scalars().first()
            if raced is not None:
                return _record(s, raced)
            older = s.execute(select(Document).where(Document.doc_no == doc_no, Document.version < version)
                              .order_by(Document.version.desc())).scalars().all()
            d = Document(doc_no=doc_no, version=version, kind="plan", case_id=content.case_id,
                         decision_id=decision_id, meeting_id=content.meeting.id if content.meeting else None,
                         status="signing", sha256=sha, record_hash=digest, created_by=actor.user_id,
                         supersedes_id=older[0].id if older else None)
            s.add(d)
            s.flush()
            for i, g in enumerate(signers):
                s.add(Signature(document_id=d.id, signer_user_id=g.person.user_id, signer_name=g.person.name,
                                role=g.role, sequence=i + 1, field_name=g.field_name))
            c = s.get(Case, content.case_id)
            for old in older:
                if old.status != "superseded":
                    audit(self.ctx, s, actor, "supersede", "document", old.id, case=c, old={"status": old.status},
                          new={"status": "superseded", "by": d.id})
                    old.status = "superseded"
            audit(self.ctx, s, actor, "create", "document", d.id, case=c,
                  new={"doc_no": doc_no, "version": version, "sha256": sha, "record_hash": digest,
                       "signers": [g.person.name for g in signers]})
            s.flush()
            return _record(s, d)

    def prepare(self, actor: Actor, decision_id: int) -> DocumentRecord | None:
        """Right after the chair finalises: lay the document out at once so that every signer finds it in
        their queue. None when this user does not sign documents (whoever signs first starts it then)."""
        if not allowed(actor, "document.sign"):
            return None
        return self.start_signing(actor, decision_id)

    def sign(self, actor: Actor, document_id: int, password: str) -> DocumentRecord:
        """The actor's PAdES signature with their stamp; a wrong password raises before anything is written."""
        self.require(actor, "document.sign")
        with self.db.read() as s:
            d = _document(s, document_id)
            if d.status != "signing":
                raise ConflictError(N("errors", "This document is already fully signed (or was replaced by a "
                                                "newer version); it can no longer be signed."), status=d.status)
            dec = s.get(Decision, d.decision_id) if d.decision_id else None
            if dec is not None and dec.status != "finalised":
                raise ConflictError(N("errors", "This decision was amended; sign the new version instead."))
            rows = s.execute(select(Signature).where(Signature.document_id == d.id)
                             .order_by(Signature.sequence)).scalars().all()
            mine = next((g for g in rows if g.signer_user_id == actor.user_id and g.signed_at is None), None)
            if mine is None:
                raise PermissionDenied(NOT_YOURS)
            others = [g.signer_name for g in rows if g.signed_at is None and g.id != mine.id]
            if mine.sequence == len(rows) and others:
                raise ConflictError(N("errors", "The chair signs last, which seals the document. Still to sign: "
                                                "{names}."), names="、".join(others))
            cred = active_credential(s, actor.user_id)
            if cred is None:
                raise ConflictError(N("errors", "You have no signing certificate yet. Request one under My "
                                                "signature; the administrator issues it."))
            u = s.get(User, actor.user_id)
            if u.signature_encrypted is None:
                raise ConflictError(N("errors", "Enrol your handwritten signature first (My signature)."))
            base_sha, field, first = d.sha256, mine.field_name, all(g.signed_at is None for g in rows)
            last = not others
            sealed_key, sealed_image, chain, cert_fp, kind = (cred.key_encrypted, u.signature_encrypted,
                                                              cred.cert_pem, cred.fingerprint_sha256, cred.kind)
            name = u.display_name
            sig_id = mine.id
            roots = trust_roots(s)
        key_der = user_keys.open_key_der(actor.user_id, sealed_key, password)
        png = open_box(password, sealed_image, handwriting_purpose(actor.user_id))
        certs = user_keys.split_pem_chain(chain)
        if kind == "inhouse":  # the hospital root travels in the signature, so any reader can build the chain
            certs += [r for r in roots[:1] if r not in certs]
        at = utcnow()
        local = datetime.now()
        pdf = pades_sign.sign(self.ctx.blobs.read_bytes(base_sha), field_name=field,
                              key=pades_sign.SignerKey(key_der, tuple(certs)), name=name, signed_at=local,
                              handwriting_png=png, certify=first, seals=last, reason="MDT意见书签署")
        sha = self.ctx.blobs.put_bytes(pdf)
        with self.db.session() as s:
            d = _document(s, document_id)
            if d.sha256 != base_sha or d.status != "signing":
                raise ConflictError(N("errors", "Someone else signed this document at the same moment. Open it "
                                                "again and sign."))
            g = s.get(Signature, sig_id)
            g.signed_at, g.sha256_after, g.cert_fingerprint, g.signer_name = at, sha, cert_fp, name
            d.sha256 = sha
            s.flush()
            left = s.execute(select(Signature.id).where(Signature.document_id == d.id,
                                                        Signature.signed_at.is_(None))).first()
            if left is None:
                d.status, d.sealed_at = "signed", at
            audit(self.ctx, s, actor, "sign", "document", d.id, case=s.get(Case, d.case_id) if d.case_id else None,
                  new={"doc_no": d.doc_no, "version": d.version, "field": field, "sha256": sha,
                       "certificate": cert_fp, "sealed": left is None})
            return _record(s, d)

    # ---- reading ----------------------------------------------------------------------------------------
    def get(self, actor: Actor, document_id: int) -> DocumentRecord:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return masked_in(actor, s, _record(s, _document(s, document_id)))

    def for_decision(self, actor: Actor, decision_id: int) -> DocumentRecord | None:
        self.require(actor, "case.view")
        with self.db.read() as s:
            d = s.execute(select(Document).where(Document.decision_id == decision_id)
                          .order_by(Document.id.desc())).scalars().first()
            return masked_in(actor, s, _record(s, d)) if d is not None else None

    def pending_for(self, actor: Actor) -> list[DocumentRecord]:
        """Documents still waiting for this user's signature, oldest first."""
        if actor.user_id is None:
            return []
        with self.db.read() as s:
            docs = s.execute(select(Document).join(Signature, Signature.document_id == Document.id)
                             .join(Decision, Decision.id == Document.decision_id).where(
                Document.status == "signing", Signature.signer_user_id == actor.user_id,
                Signature.signed_at.is_(None), Decision.status == "finalised").order_by(Document.id)
            ).scalars().unique().all()
            return [_record(s, d) for d in docs]

    def to_sign(self, actor: Actor, document_id: int) -> bytes:
        """The document as it stands, for a signer who still has to sign it: reading what one is about to
        sign is not an export, so nothing is audited until the signature itself."""
        self.require(actor, "document.sign")
        with self.db.read() as s:
            d = _document(s, document_id)
            waiting = s.execute(select(Signature.id).where(
                Signature.document_id == d.id, Signature.signer_user_id == actor.user_id,
                Signature.signed_at.is_(None))).first()
            if d.status != "signing" or waiting is None:
                raise PermissionDenied(NOT_YOURS)
            sha = d.sha256
        return self.ctx.blobs.read_bytes(sha)

    def pdf_bytes(self, actor: Actor, document_id: int) -> bytes:
        """The stored bytes of a document (its latest signed state); recorded as an export."""
        self.require(actor, "document.print")
        with self.db.session() as s:
            d = _document(s, document_id)
            audit_chain.record(s, actor, "export", "document", d.id, case_id=d.case_id,
                               new={"doc_no": d.doc_no, "version": d.version, "sha256": d.sha256})
            sha = d.sha256
        return self.ctx.blobs.read_bytes(sha)

    def plan_pdf(self, actor: Actor, case_no: str, discussion: int | None = None) -> PlanPdf:
        """The signed document of the decision in force, else a draft marked 草稿/未签署; recorded as an export."""
        self.require(actor, "document.print")
        with self.db.read() as s:
            c = s.execute(select(Case).where(Case.case_no == case_no.strip())).scalar_one_or_none()
            if c is None:
                raise NotFound(N("errors", "No case with number {case_no}."), case_no=case_no)
            q = select(Discussion).where(Discussion.case_id == c.id)
            q = q.where(Discussion.sequence == discussion) if discussion else q.order_by(Discussion.sequence.desc())
            d = s.execute(q).scalars().first()
            if d is None:
                raise NotFound(N("errors", "Case {case_no} has no discussion {n}."), case_no=case_no,
                               n=discussion or 1)
            dec = _decision_in_force(s, d.id)
            if dec is None:
                raise NotFound(N("errors", "Case {case_no} has no decision to print yet."), case_no=case_no)
            doc = s.execute(select(Document).where(Document.decision_id == dec.id, Document.status == "signed")
                            .order_by(Document.id.desc())).scalars().first()
            seq, decision_id = d.sequence, dec.id
        return self._export(actor, case_no, seq, decision_id, doc.id if doc is not None else None)

    def meeting_plan_pdfs(self, actor: Actor, meeting_id: int) -> list[PlanPdf]:
        """One plan per case discussed in the meeting, in agenda order."""
        self.require(actor, "document.print")
        with self.db.read() as s:
            rows = s.execute(select(Discussion, Case.case_no).join(Case, Case.id == Discussion.case_id)
                             .outerjoin(AgendaItem, AgendaItem.id == Discussion.agenda_item_id)
                             .where(Discussion.meeting_id == meeting_id)
                             .order_by(AgendaItem.position, Discussion.id)).all()
            wanted = []
            for d, case_no in rows:
                dec = _decision_in_force(s, d.id)
                if dec is None:
                    continue
                doc = s.execute(select(Document).where(Document.decision_id == dec.id, Document.status == "signed")
                                .order_by(Document.id.desc())).scalars().first()
                wanted.append((case_no, d.sequence, dec.id, doc.id if doc is not None else None))
        return [self._export(actor, *w) for w in wanted]

    def _export(self, actor: Actor, case_no: str, seq: int, decision_id: int, document_id: int | None) -> PlanPdf:
        if document_id is not None:
            with self.db.session() as s:
                d = _document(s, document_id)
                audit_chain.record(s, actor, "export", "document", d.id, case_id=d.case_id,
                                   new={"doc_no": d.doc_no, "version": d.version, "sha256": d.sha256})
                rec = _record(s, d)
            return PlanPdf(rec, self.ctx.blobs.read_bytes(rec.sha256), True, case_no, seq)
        pdf = self.draft_pdf(actor, decision_id)
        with self.db.session() as s:
            dec = s.get(Decision, decision_id)
            c = s.get(Case, s.get(Discussion, dec.discussion_id).case_id)
            audit_chain.record(s, actor, "export", "decision", decision_id, case_id=c.id, patient_id=c.patient_id,
                               new={"draft": True, "version": dec.version})
        return PlanPdf(None, pdf, False, case_no, seq)

    def draft_pdf(self, actor: Actor, decision_id: int) -> bytes:
        """The plan as it would print, marked 草稿/未签署, with the signers' empty boxes; nothing is stored."""
        self.require(actor, "document.print")
        content = self.ctx.plan_content.for_decision(actor, decision_id)
        from app.documents.plan_pdf import build_plan_pdf
        from app.documents.signature_blocks import SignerSlot
        from app.services.plan_content import record_hash

        doc_no = doc_no_of(content.case_no, content.discussion_sequence)
        with self.db.read() as s:
            signers = signers_for(s, content)
            keys = verification_keys(s)
        payload, code = ("", "")
        if keys is not None:
            payload, code = verification_code.make(keys[0], doc_no, content.decision.version, record_hash(content))
        slots = [SignerSlot(g.field_name, g.person.user_id, g.person.name, g.role, _title(g.person.title),
                            g.person.department) for g in signers]
        return build_plan_pdf(content, doc_no=doc_no, version=content.decision.version, signers=slots, draft=True,
                              verification_payload=payload, verification_code=code).pdf

    # ---- checking -----------------------------------------------------------------------------------------
    def verify(self, pdf: bytes, actor: Actor | None = None) -> VerificationReport:
        """Every signature against this data folder's trusted roots (pyHanko's bottom line); failures audited."""
        from app.signing.pades_verify import verify

        with self.db.read() as s:
            roots = trust_roots(s)
        report = verify(pdf, roots)
        if not report.ok:
            import hashlib

            with self.db.session() as s:
                audit_chain.record(s, actor, "verify_failed", "document", None,
                                   new={"sha256": hashlib.sha256(pdf).hexdigest(), "problems": list(report.problems)})
        return report

    def check_code(self, text: str) -> CodeCheck:
        """Does a printed sheet (its scanned QR payload or typed short code) match the record we hold?"""
        with self.db.read() as s:
            keys = verification_keys(s)
            if keys is None:
                return CodeCheck(False, "unknown", "this hospital has issued no verification codes yet")
            payload = verification_code.parse(text)
            if payload is None:
                code = verification_code.normalise_code(text)
                if code is None:
                    return CodeCheck(False, "unreadable", "neither a verification QR code nor a short code")
                return self._by_short_code(s, keys[0], code)
            if not verification_code.authentic(keys[1], payload):
                return CodeCheck(False, "forged", "the code was not issued by this hospital (its signature does "
                                                  "not match)", payload.doc_no, payload.version)
            d = s.execute(select(Document).where(Document.doc_no == payload.doc_no,
                                                 Document.version == payload.version)).scalars().first()
            return _code_result(s, d, payload.doc_no, payload.version, payload.record_hash)

    @staticmethod
    def _by_short_code(s: Session, private: str, code: str) -> CodeCheck:
        # Ed25519 signatures are deterministic, so each document's short code can be derived again.
        for d in s.execute(select(Document).order_by(Document.id.desc())).scalars():
            sig = verification_code.signature_of(private, d.doc_no, d.version, d.record_hash)
            if verification_code.short_code(sig) == code:
                return _code_result(s, d, d.doc_no, d.version, d.record_hash)
        return CodeCheck(False, "unknown", "no document of this hospital has this code")


def _decision_in_force(s: Session, discussion_id: int) -> Decision | None:
    decs = s.execute(select(Decision).where(Decision.discussion_id == discussion_id)
                     .order_by(Decision.version.desc())).scalars().all()
    return next((x for x in decs if x.status == "finalised"), decs[0] if decs else None)


def _code_result(s: Session, d: Document | None, doc_no: str, version: int, digest: str) -> CodeCheck:
    if d is None:
        return CodeCheck(False, "unknown", "no document with this number and version is on record", doc_no, version)
    rec = _record(s, d)
    base = dict(doc_no=doc_no, version=version, document_id=d.id, case_no=rec.case_no,
                patient_name=rec.patient_name, document_status=d.status)
    if d.record_hash != digest:
        return CodeCheck(False, "changed", "the sheet does not match the record on file", **base)
    dec = s.get(Decision, d.decision_id) if d.decision_id else None
    if d.status == "superseded" or (dec is not None and dec.status == "superseded"):
        return CodeCheck(False, "superseded", "this version was replaced by an amendment; ask for the current "
                                              "version", **base)
    if d.status != "signed":
        return CodeCheck(False, "unsigned", "the record matches, but not everyone has signed it yet", **base)
    return CodeCheck(True, "match", "the sheet matches the signed record on file", **base)


def _title(code: str) -> str:
    from app.documents.labels import zh

    return zh("title", code) if code else ""


__all__: Sequence[str] = ("DocumentService",)
