"""Benchmark: PAdES signing with a visible stamp (target ≤ 0.3 s each) and verifying a 5-signature file
(target ≤ 0.2 s).

    .venv/bin/python tests/bench/sign_verify.py [--runs 5] [--keep DIR]

Makes the plan-PDF test factory's finalised decision (a lung case, 4 key images, six attendees) with the
hospital CA and every attendee enrolled, at the real argon2 cost, then times:
- `start_signing`: layout + every empty signature field in one update (+ blob store);
- each `DocumentService.sign` call (unseal key and handwriting: two argon2id derivations; stamp; pyHanko;
  store; database) and, separately, the bare `pades_sign.sign` on the same file (stamp + pyHanko only);
- `pades_verify.verify` of the file after five signatures and after all six (median of --runs).
Wall and CPU time of this process are both printed: on a shared machine CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "unit")]


class _Patch:
    """Just enough of pytest's monkeypatch for the factory (cheap password hashing for its accounts)."""

    def setattr(self, target: str, value) -> None:
        import importlib

        module, name = target.rsplit(".", 1)
        setattr(importlib.import_module(module), name, value)


def _median(xs: list[float]) -> str:
    return f"median {statistics.median(xs):.3f} s (min {min(xs):.3f}, max {max(xs):.3f})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="write the signed PDF here")
    args = ap.parse_args()

    from cli_helpers import ADMIN_PASSWORD
    from meeting_factory import PASSWORD
    from signing_world import SIGNING_ORDER, signing_hospital

    from app.config import DataDir
    from app.context import open_context
    from app.signing import pades_sign, user_keys
    from app.signing.pades_verify import verify
    from app.signing.rekey import handwriting_purpose
    from app.signing.secret_box import open_box
    from db.models import Signature, User

    with tempfile.TemporaryDirectory(prefix="mdt-sign-bench-") as tmp:
        tmp = Path(tmp)
        ctx = open_context(DataDir(tmp / "data"), create=True)
        try:
            ctx.setup.initialise("演示县人民医院", "admin", ADMIN_PASSWORD, "管理员")
            admin = ctx.auth.login("admin", ADMIN_PASSWORD)
            t = time.perf_counter()
            w = signing_hospital(ctx, admin, _Patch(), tmp, key_images=4)
            print(f"test data (hospital, CT, decision, CA, 6 enrolled signers): {time.perf_counter() - t:.2f} s")
            t = time.perf_counter()
            doc = ctx.documents.start_signing(w.h.chair, w.decision.id)
            print(f"start_signing (layout + 6 empty fields + store): {time.perf_counter() - t:.3f} s")
            service, bare, service_cpu, bare_cpu = [], [], [], []
            for username in SIGNING_ORDER:
                actor = w.h.actors[username]
                with ctx.db.read() as s:
                    from app.services.credentials import active_credential

                    cred = active_credential(s, actor.user_id)
                    sealed_key, chain = cred.key_encrypted, cred.cert_pem
                    sealed_png = s.get(User, actor.user_id).signature_encrypted
                    field = next(g.field_name for g in s.query(Signature).filter_by(document_id=doc.id,
                                                                                    signer_user_id=actor.user_id))
                before = ctx.blobs.read_bytes(doc.sha256)
                key = pades_sign.SignerKey(user_keys.open_key_der(actor.user_id, sealed_key, PASSWORD),
                                           (*user_keys.split_pem_chain(chain), ctx.credentials.root_certificate_pem()))
                png = open_box(PASSWORD, sealed_png, handwriting_purpose(actor.user_id))
                t, c = time.perf_counter(), time.process_time()
                pades_sign.sign(before, field_name=field, key=key, name=actor.display_name,
                                signed_at=datetime.now(), handwriting_png=png, certify=not service,
                                seals=username == SIGNING_ORDER[-1])
                bare.append(time.perf_counter() - t)
                bare_cpu.append(time.process_time() - c)
                t, c = time.perf_counter(), time.process_time()
                doc = ctx.documents.sign(actor, doc.id, PASSWORD)
                service.append(time.perf_counter() - t)
                service_cpu.append(time.process_time() - c)
            print(f"pades_sign.sign, stamp + pyHanko (target ≤ 0.3 s): wall {_median(bare)}; "
                  f"CPU {_median(bare_cpu)}")
            print(f"DocumentService.sign, + 2 argon2id unseals, store, DB: wall {_median(service)}; "
                  f"CPU {_median(service_cpu)}")
            print(f"signed file: {len(ctx.blobs.read_bytes(doc.sha256)) / 1e6:.2f} MB, {len(service)} signatures")
            with ctx.db.read() as s:
                five = s.query(Signature).filter_by(document_id=doc.id, sequence=5).one().sha256_after
            roots = [ctx.credentials.root_certificate_pem()]
            for label, sha in (("5 signatures", five), ("6 signatures", doc.sha256)):
                data = ctx.blobs.read_bytes(sha)
                verify(data, roots)  # warm-up: imports
                times, cpu = [], []
                for _ in range(args.runs):
                    t, c = time.perf_counter(), time.process_time()
                    verify(data, roots)
                    times.append(time.perf_counter() - t)
                    cpu.append(time.process_time() - c)
                print(f"verify, {label} (target ≤ 0.2 s for 5): wall {_median(times)}; CPU {_median(cpu)}")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / "signed-plan.pdf").write_bytes(ctx.blobs.read_bytes(doc.sha256))
                print(f"kept {args.keep / 'signed-plan.pdf'}")
        finally:
            ctx.close()


if __name__ == "__main__":
    main()
