"""All tables of schema v1. Import from here so every mapper is registered before use."""

from db.models.audit import AuditEvent, BackupRecord, Draft
from db.models.cases import Attachment, Case, CaseStatusEvent, ImageAnnotation, KeyImage
from db.models.decisions import ActionItem, Decision, Discussion, FollowUp, Opinion
from db.models.documents import Document, ExternalOpinion, Package, Signature
from db.models.meetings import AgendaItem, Attendance, Meeting, Team, TeamMember
from db.models.org import Department, Discipline, HospitalSettings, User, UserCredential
from db.models.patients import Patient

__all__ = [
    "ActionItem", "AgendaItem", "Attachment", "Attendance", "AuditEvent", "BackupRecord", "Case",
    "CaseStatusEvent", "Decision", "Department", "Discipline", "Discussion", "Document", "Draft",
    "ExternalOpinion", "FollowUp", "HospitalSettings", "ImageAnnotation", "KeyImage", "Meeting", "Opinion",
    "Package", "Patient", "Signature", "Team", "TeamMember", "User", "UserCredential",
]
