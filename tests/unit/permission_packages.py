"""Consultation-package states for the role x action table (tests/unit/permission_table.py).

Packages are signed, so everyone who may export gets a certificate first. A package to import comes from a
second installation: a copy of the template hospital opened next to the one under test (its root trusted
here); the patient it carries matches the one here, so the import merges into them, as a user would confirm.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from cli_helpers import ADMIN_PASSWORD
from meeting_factory import PASSWORD

from app.security.permissions import MATRIX

PASSPHRASE = "usb-stick-2026"
CA_PASSPHRASE = "ca-passphrase-2026"
_STATE: dict[str, object] = {}  # data folder + what -> a package file or a case id prepared there


@contextmanager
def cheap_kdf() -> Iterator[None]:
    """The table is about who may, not scrypt's cost: packages written here use the lightest key derivation
    (readers take it from the file's header)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("app.packages.container.KDF_N", 1024)
        yield


def export_case(ctx, w, a, out):
    with cheap_kdf():
        return ctx.packages.export_case(a, case_no(ctx, w), Path(out) / "case.mdtpkg", PASSPHRASE, _password(a),
                                        deidentify=True)


def _password(actor) -> str:
    return ADMIN_PASSWORD if actor.role == "admin" else PASSWORD


def _key(ctx, what: str) -> str:
    return f"{ctx.data_dir.root}#{what}"


def case_no(ctx, w, case_id: int | None = None) -> str:
    return ctx.case_records.get(w.actors["admin"], case_id or w.submitted_case_id).case_no


@cache
def partner_root_pem() -> str:
    from app.signing import ca

    return ca.create_root("省人民医院", "partner-ca-2026").cert_pem


EXPORTERS = MATRIX["data.export"] & MATRIX["document.sign"]  # a package carries its exporter's signature


def enrol_exporters(ctx, w, admin, _out=None, roles=EXPORTERS) -> None:
    """The hospital CA and a signing certificate for every role that may export (or those named)."""
    if not ctx.credentials.hospital_ca_exists():
        ctx.credentials.create_hospital_ca(admin, CA_PASSPHRASE)
    for role in sorted(roles):
        ctx.credentials.request(w.actors[role], _password(w.actors[role]))
    ctx.credentials.issue_pending(admin, CA_PASSPHRASE)


def own_package(ctx, w, admin, out) -> None:
    """A de-identified package this installation wrote (to inspect)."""
    enrol_exporters(ctx, w, admin, roles={"physician"})
    path = Path(out) / "own.mdtpkg"
    with cheap_kdf():
        ctx.packages.export_case(w.actors["physician"], case_no(ctx, w), path, PASSPHRASE, PASSWORD,
                                 deidentify=True)
    _STATE[_key(ctx, "own")] = path


def inspect(ctx, a):
    return ctx.packages.inspect(a, _STATE[_key(ctx, "own")], PASSPHRASE)


def from_elsewhere(ctx, w, admin, out) -> None:
    """The submitted case, exported (identified, with consent) by a second installation this one trusts."""
    from permission_world import copy_data

    from app.context import open_context

    other = open_context(copy_data(w.files.parent, Path(out) / "elsewhere"), check_integrity=False)
    try:
        enrol_exporters(other, w, admin, roles={"physician"})
        other.packages.record_consent(admin, case_no(other, w))
        path = Path(out) / "elsewhere.mdtpkg"
        with cheap_kdf():
            other.packages.export_case(w.actors["physician"], case_no(other, w), path, PASSPHRASE, PASSWORD)
        root = other.credentials.root_certificate_pem()
    finally:
        other.close()
    ctx.packages.add_partner_root(admin, root, "外院")
    _STATE[_key(ctx, "in")] = path


def import_package(ctx, w, a):
    patient = ctx.case_records.get(w.actors["admin"], w.submitted_case_id).patient.id
    return ctx.packages.import_package(a, _STATE[_key(ctx, "in")], PASSPHRASE, merge_patient_id=patient)


def imported_case(ctx, w, admin, out) -> None:
    """A case that arrived in a package, and certificates for everyone who may answer it."""
    from_elsewhere(ctx, w, admin, out)
    _STATE[_key(ctx, "case")] = import_package(ctx, w, admin).case_id
    enrol_exporters(ctx, w, admin)


def export_opinion(ctx, w, a, out):
    with cheap_kdf():
        return ctx.packages.export_opinion(a, case_no(ctx, w, _STATE[_key(ctx, "case")]), "同意贵院方案。",
                                           Path(out) / "opinion.mdtpkg", PASSPHRASE, _password(a))
