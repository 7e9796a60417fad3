"""Code lists of the closed loop (执行情况, 随访): what the execution and follow-up records may hold."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP as N

EXECUTION_STATUSES = {
    "pending": N("vocab", "Awaiting status"),
    "executed": N("vocab", "Executed"),
    "partly": N("vocab", "Partly executed"),
    "not": N("vocab", "Not executed"),
}
# Where the treatment happens: the "treated locally" indicator counts "this".
TREATMENT_PLACES = {
    "this": N("vocab", "This hospital"),
    "upper": N("vocab", "Upper-level hospital"),
    "elsewhere": N("vocab", "Elsewhere"),
}
# oBDS names the patient's wish as its own deviation reason; the others are what boards report.
DEVIATION_REASONS = {
    "patient_wish": N("vocab", "Patient or family wish"),
    "contraindication": N("vocab", "Contraindication"),
    "disease_change": N("vocab", "Disease changed"),
    "other": N("vocab", "Other"),
}
CONTACTS = {"visit": N("vocab", "Clinic visit"), "phone": N("vocab", "Telephone")}
VITAL_STATUSES = {"alive": N("vocab", "Alive"), "dead": N("vocab", "Deceased"), "unknown": N("vocab", "Unknown")}
DISEASE_STATUSES = {
    "ned": N("vocab", "No evidence of disease"),
    "stable": N("vocab", "Stable disease"),
    "response": N("vocab", "Responding"),
    "progression": N("vocab", "Progression"),
    "recurrence": N("vocab", "Recurrence"),
    "unknown": N("vocab", "Unknown"),
}
DEFAULT_FOLLOWUP_MONTHS = (1, 3, 6, 12)
# A decision still "awaiting execution status" this many days after it was finalised is shown as overdue.
EXECUTION_GRACE_DAYS = 14
# Follow-ups and action items show up in "my work" this many days before they fall due.
DUE_SOON_DAYS = 7
