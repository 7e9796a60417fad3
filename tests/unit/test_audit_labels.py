"""Every audit action and record code the services write has words for the administrator (app.audit_labels)."""

from audit_codes import audit_codes

from app.audit_labels import ACTIONS, ENTITIES, action_label, entity_label
from app.services.audit_head import GAP_ACTION


def test_every_action_code_written_anywhere_has_a_label():
    actions, entities, unresolved = audit_codes()
    assert not unresolved, f"audit calls whose action code cannot be read from the source: {unresolved}"
    assert len(actions) >= 45  # the scan found the services' codes, not next to nothing
    assert (actions | {GAP_ACTION}) - set(ACTIONS) == set(), sorted(actions - set(ACTIONS))
    assert entities - set(ENTITIES) == set(), sorted(entities - set(ENTITIES))


def test_the_codes_of_a_working_hospital_all_have_labels(ctx, admin, tmp_path):
    """What a real run writes (logins, a patient, a case, a backup), read back from the trail."""
    from sqlalchemy import select

    from db.models import AuditEvent

    p = ctx.patients.create(admin, name="张三丰", sex="M", hospital_number="ZY1")
    ctx.case_records.create(admin, p.id, tumour_type="lung")
    ctx.backups.backup(admin, tmp_path / "b.mdtbak", "passphrase-2026")
    with ctx.db.read() as s:
        written = {(e.action, e.entity) for e in s.scalars(select(AuditEvent))}
    assert {a for a, _ in written} <= set(ACTIONS) and {e for _, e in written if e} <= set(ENTITIES)


def test_labels_are_words_and_unknown_codes_stay_readable():
    assert action_label("update") == "Changed" and entity_label("case") == "Case"
    assert action_label("from_a_newer_version") == "from_a_newer_version"
    assert len(set(ACTIONS.values())) == len(ACTIONS)  # two codes never read the same
