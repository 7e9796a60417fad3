"""Structured export for registries: a case and its decisions as an HL7 FHIR R4 Bundle following mCODE where
it has a field, and the same facts as one CSV row per decision.

Built from a package's records (app.packages.snapshot, optionally de-identified), so the registry sees
exactly what a package would carry. Codes: ICD-10 (diagnosis), ICD-O-3 (morphology), LOINC (ECOG 89247-1,
Karnofsky 89243-0, TNM categories and stage groups, clinical vs pathological), SNOMED CT (treatment intent
curative 373808002 / palliative 363676003, AJCC 8th edition staging system 897275008).
"""

from __future__ import annotations

import csv
import io

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
LOINC, SNOMED = "http://loinc.org", "http://snomed.info/sct"
ICD10, ICDO3 = "http://hl7.org/fhir/sid/icd-10", "http://terminology.hl7.org/CodeSystem/icd-o-3"
INTENT = {"curative": ("373808002", "Curative - procedure intent"),
          "palliative": ("363676003", "Palliative - procedure intent")}
# (clinical, pathological) LOINC codes for T, N, M and the stage group
TNM_LOINC = {"t": ("21905-5", "21899-0"), "n": ("21906-3", "21900-6"), "m": ("21907-1", "21901-4"),
             "group": ("21908-9", "21902-2")}
TNM_PROFILE = {"t": "mcode-tnm-primary-tumor-category", "n": "mcode-tnm-regional-nodes-category",
               "m": "mcode-tnm-distant-metastases-category", "group": "mcode-tnm-stage-group"}
AJCC8 = ("897275008", "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging "
                      "system")
CSV_COLUMNS = ("patient", "sex", "birth_date", "icd10", "diagnosis", "morphology", "ecog", "kps", "stage_type",
               "stage_system", "stage_edition", "t", "n", "m", "stage_group", "discussion", "conference_type",
               "decision_version", "decision_status", "modalities", "intent", "intent_snomed", "treat_where",
               "guideline", "execution_status")


def _coding(system: str, code: str, display: str = "") -> dict:
    return {"coding": [{"system": system, "code": code, **({"display": display} if display else {})}]}


def _obs(rid: str, profile: str, loinc: tuple[str, str], subject: str, focus: str | None = None, **value) -> dict:
    out = {"resourceType": "Observation", "id": rid, "meta": {"profile": [MCODE + profile]}, "status": "final",
           "code": _coding(LOINC, *loinc), "subject": {"reference": subject}, **value}
    if focus:
        out["focus"] = [{"reference": focus}]
    return out


def bundle(records: dict, bundle_id: str) -> dict:
    p, c = records["patient"], records["case"]
    subject, condition = "Patient/p1", "Condition/c1"
    entries = [{"resourceType": "Patient", "id": "p1", "meta": {"profile": [MCODE + "mcode-cancer-patient"]},
                "name": [{"text": p["name"]}], "gender": {"M": "male", "F": "female"}.get(p.get("sex"), "unknown"),
                **({"birthDate": p["birth_date"]} if p.get("birth_date") else {})}]
    cond = {"resourceType": "Condition", "id": "c1", "meta": {"profile": [MCODE + "mcode-primary-cancer-condition"]},
            "subject": {"reference": subject},
            "category": [_coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
            "code": _coding(ICD10, c.get("icd10_code", ""), c.get("icd10_name", "")) if c.get("icd10_code")
            else {"text": c.get("primary_site", "")}}
    if c.get("histology_code"):
        cond["extension"] = [{"url": MCODE + "mcode-histology-morphology-behavior",
                              "valueCodeableConcept": _coding(ICDO3, c["histology_code"], c.get("histology_name", ""))}]
    if c.get("primary_site"):
        cond["bodySite"] = [{"text": c["primary_site"]}]
    entries.append(cond)
    if c.get("ecog") is not None:
        entries.append(_obs("ecog", "mcode-ecog-performance-status", ("89247-1", "ECOG Performance Status score"),
                            subject, valueInteger=c["ecog"]))
    if c.get("kps") is not None:
        entries.append(_obs("kps", "mcode-karnofsky-performance-status", ("89243-0", "Karnofsky Performance Status "
                                                                                     "score"),
                            subject, valueInteger=c["kps"]))
    pathological = c.get("stage_prefix", "") in ("p", "yp")
    method = _coding(SNOMED, *AJCC8) if c.get("stage_system") == "AJCC" and c.get("stage_edition") == "8" \
        else {"text": f"{c.get('stage_system', '')} {c.get('stage_edition', '')}".strip()}
    for part, key in (("t", "stage_t"), ("n", "stage_n"), ("m", "stage_m"), ("group", "stage_group")):
        if c.get(key):
            code = TNM_LOINC[part][1 if pathological else 0]
            entries.append(_obs(f"tnm-{part}", TNM_PROFILE[part], (code, ""), subject, condition, method=method,
                                valueCodeableConcept={"text": f"{c.get('stage_prefix', '')}{c[key]}"}))
    for d in records.get("discussions", []):
        for x in d.get("decisions", []):
            plan = {"resourceType": "CarePlan", "id": f"plan-{d.get('sequence', 1)}-{x.get('version', 1)}",
                    "status": "active" if x.get("status") == "finalised" else "draft", "intent": "plan",
                    "subject": {"reference": subject}, "addresses": [{"reference": condition}],
                    "description": x.get("plan_text", ""),
                    "category": [{"text": m} for m in x.get("modalities", [])]}
            if x.get("intent") in INTENT:
                plan["extension"] = [{"url": MCODE + "mcode-procedure-intent",
                                      "valueCodeableConcept": _coding(SNOMED, *INTENT[x["intent"]])}]
            entries.append(plan)
    return {"resourceType": "Bundle", "id": bundle_id, "type": "collection",
            "entry": [{"fullUrl": f"urn:mdt:{e['resourceType']}/{e['id']}", "resource": e} for e in entries]}


def csv_text(records: dict) -> str:
    p, c = records["patient"], records["case"]
    buf = io.StringIO()
    w = csv.DictWriter(buf, CSV_COLUMNS)
    w.writeheader()
    base = {"patient": p["name"], "sex": p.get("sex", ""), "birth_date": p.get("birth_date") or "",
            "icd10": c.get("icd10_code", ""), "diagnosis": c.get("icd10_name", ""),
            "morphology": c.get("histology_code", ""), "ecog": c.get("ecog", ""), "kps": c.get("kps", ""),
            "stage_type": "pathological" if c.get("stage_prefix") in ("p", "yp") else "clinical",
            "stage_system": c.get("stage_system", ""), "stage_edition": c.get("stage_edition", ""),
            "t": c.get("stage_t", ""), "n": c.get("stage_n", ""), "m": c.get("stage_m", ""),
            "stage_group": c.get("stage_group", "")}
    rows = [{**base, "discussion": d.get("sequence"), "conference_type": d.get("conference_type", ""),
             "decision_version": x.get("version"), "decision_status": x.get("status", ""),
             "modalities": ";".join(x.get("modalities", [])), "intent": x.get("intent", ""),
             "intent_snomed": INTENT.get(x.get("intent", ""), ("",))[0], "treat_where": x.get("treat_where", ""),
             "guideline": f"{x.get('guideline', '')} {x.get('guideline_version', '')}".strip(),
             "execution_status": x.get("execution_status", "")}
            for d in records.get("discussions", []) for x in d.get("decisions", [])]
    for row in rows or [base]:
        w.writerow(row)
    return buf.getvalue()
