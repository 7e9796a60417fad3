"""What each audit action and record code means, in words, for the audit viewer and its CSV export.

The audit trail stores short codes (`update` on `case`); an administrator reading it needs 修改 and 病例.
Every code the services write has a label here (tests/unit/test_audit_labels.py reads the source to
prove it); an unknown code (from a newer version of the app) is shown as it is.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import translate

CONTEXT = "AuditLabels"

ACTIONS: dict[str, str] = {
    "create": N("AuditLabels", "Created"),
    "update": N("AuditLabels", "Changed"),
    "delete": N("AuditLabels", "Deleted"),
    "status": N("AuditLabels", "Status changed"),
    "import": N("AuditLabels", "Imported"),
    "export": N("AuditLabels", "Exported"),
    "print": N("AuditLabels", "Printed"),
    "unmask": N("AuditLabels", "Identity shown"),
    "consent": N("AuditLabels", "Consent recorded"),
    "inspect": N("AuditLabels", "Package inspected"),
    "backup": N("AuditLabels", "Backup made"),
    # accounts
    "login": N("AuditLabels", "Logged in"),
    "login_failed": N("AuditLabels", "Failed login"),
    "unlock": N("AuditLabels", "Unlocked"),
    "unlock_failed": N("AuditLabels", "Failed unlock"),
    "account_locked": N("AuditLabels", "Account locked"),
    "password_change": N("AuditLabels", "Password changed"),
    "password_reset": N("AuditLabels", "Password reset"),
    "enable": N("AuditLabels", "Account enabled"),
    "disable": N("AuditLabels", "Account disabled"),
    # meetings
    "invite": N("AuditLabels", "Invited"),
    "sign_in": N("AuditLabels", "Signed in to meeting"),
    "undo_sign_in": N("AuditLabels", "Sign-in undone"),
    "leave": N("AuditLabels", "Left meeting"),
    "start": N("AuditLabels", "Meeting started"),
    "close": N("AuditLabels", "Meeting closed"),
    "cancel": N("AuditLabels", "Cancelled"),
    "quorum_override": N("AuditLabels", "Quorum overridden"),
    "reorder": N("AuditLabels", "Agenda reordered"),
    "current_item": N("AuditLabels", "Current case changed"),
    "postpone": N("AuditLabels", "Postponed"),
    "withdraw": N("AuditLabels", "Withdrawn"),
    "discussed": N("AuditLabels", "Discussed"),
    # decisions and documents
    "finalise": N("AuditLabels", "Finalised"),
    "amend": N("AuditLabels", "Amendment started"),
    "supersede": N("AuditLabels", "Superseded"),
    "sign": N("AuditLabels", "Signed"),
    "verify_failed": N("AuditLabels", "Signature check failed"),
    "handwriting_enrol": N("AuditLabels", "Handwritten signature enrolled"),
    "ca_create": N("AuditLabels", "Hospital CA created"),
    "trust_root": N("AuditLabels", "CA root trusted"),
    "trust_partner": N("AuditLabels", "Partner hospital trusted"),
    "credential_request": N("AuditLabels", "Certificate requested"),
    "credential_issue": N("AuditLabels", "Certificate issued"),
    "credential_import": N("AuditLabels", "Certificate imported"),
    # closed loop
    "execution": N("AuditLabels", "Execution recorded"),
    "plan": N("AuditLabels", "Follow-ups planned"),
    "record": N("AuditLabels", "Follow-up recorded"),
    "lost": N("AuditLabels", "Lost to follow-up"),
    "complete": N("AuditLabels", "Completed"),
    "reopen": N("AuditLabels", "Reopened"),
    # the chain itself
    "audit_gap": N("AuditLabels", "Gap in the audit trail"),
}

ENTITIES: dict[str, str] = {
    "patient": N("AuditLabels", "Patient"),
    "case": N("AuditLabels", "Case"),
    "attachment": N("AuditLabels", "Attachment"),
    "key_image": N("AuditLabels", "Key image"),
    "image_annotation": N("AuditLabels", "Image annotation"),
    "team": N("AuditLabels", "Team"),
    "team_member": N("AuditLabels", "Team member"),
    "meeting": N("AuditLabels", "Meeting"),
    "agenda_item": N("AuditLabels", "Agenda item"),
    "attendance": N("AuditLabels", "Attendance"),
    "discussion": N("AuditLabels", "Discussion"),
    "opinion": N("AuditLabels", "Opinion"),
    "external_opinion": N("AuditLabels", "External opinion"),
    "decision": N("AuditLabels", "Decision"),
    "action_item": N("AuditLabels", "Action item"),
    "document": N("AuditLabels", "Document"),
    "follow_up": N("AuditLabels", "Follow-up"),
    "package": N("AuditLabels", "Consultation package"),
    "user": N("AuditLabels", "User"),
    "user_credential": N("AuditLabels", "Certificate"),
    "hospital": N("AuditLabels", "Hospital"),
    "hospital_settings": N("AuditLabels", "Hospital settings"),
    "settings": N("AuditLabels", "Settings"),
    "statistics": N("AuditLabels", "Statistics"),
    "backup": N("AuditLabels", "Backup"),
    "audit": N("AuditLabels", "Audit trail"),
    "demo_history": N("AuditLabels", "Demo history"),
}


def action_label(code: str) -> str:
    return translate(CONTEXT, ACTIONS[code]) if code in ACTIONS else code


def entity_label(code: str) -> str:
    return translate(CONTEXT, ENTITIES[code]) if code in ENTITIES else code
