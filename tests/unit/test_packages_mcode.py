"""The structured export for registries: mCODE codes where mCODE has a field, the same facts as CSV."""

import csv
import io
import json

import pytest
from plan_factory import PATIENT, finalised_plan
from sqlalchemy import select

from app.errors import ConflictError
from db.models import AuditEvent


def _by_id(bundle: dict) -> dict:
    return {e["resource"]["id"]: e["resource"] for e in bundle["entry"]}


def test_mcode_bundle_and_csv(ctx, admin, monkeypatch, tmp_path):
    w = finalised_plan(ctx, admin, monkeypatch, tmp_path, key_images=0)
    bundle, text = ctx.packages.structured_export(admin, w.case.case_no)
    assert PATIENT not in json.dumps(bundle, ensure_ascii=False) and PATIENT not in text
    r = _by_id(bundle)
    assert r["c1"]["code"]["coding"][0] == {"system": "http://hl7.org/fhir/sid/icd-10", "code": "C34.1",
                                            "display": "右肺上叶腺癌"}
    assert r["c1"]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "8140/3"
    assert r["ecog"]["code"]["coding"][0]["code"] == "89247-1" and r["ecog"]["valueInteger"] == 1
    group = r["tnm-group"]
    assert group["code"]["coding"][0]["code"] == "21908-9"  # clinical stage group (cTNM)
    assert group["valueCodeableConcept"]["text"] == "cIB" and group["method"]["coding"][0]["code"] == "897275008"
    [plan] = [x for x in r.values() if x["resourceType"] == "CarePlan"]
    assert plan["status"] == "active" and plan["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] \
        == "373808002"  # curative
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert (row["icd10"], row["stage_group"], row["stage_type"], row["intent_snomed"], row["modalities"]) == \
        ("C34.1", "IB", "clinical", "373808002", "surgery;targeted")
    with pytest.raises(ConflictError, match="consent"):
        ctx.packages.structured_export(admin, w.case.case_no, deidentify=False)
    with ctx.db.read() as s:
        assert s.scalar(select(AuditEvent.new).where(AuditEvent.action == "export", AuditEvent.entity == "case"))
