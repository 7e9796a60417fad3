"""Every mutating service call and every export, with who may make it: one line per call.

`Op.allowed` defaults to the roles of its permission in app.security.permissions.MATRIX; calls whose rule
is more than the matrix (only a meeting's own team signs itself in) name their roles. `prepare` runs as
the administrator before the call (putting the world in the state the call needs), `writes=False` marks a
call that may legitimately leave the database as it was (discarding a draft that is not there).

A new service method must be added here (or to READS): tests/unit/test_permissions_matrix.py fails
otherwise. New services of work in progress are listed in PENDING until their calls are added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import permission_packages as pk
import permission_signing as sg
from cli_helpers import ADMIN_PASSWORD
from meeting_factory import PASSWORD

from app.security.permissions import ALL, MATRIX
from app.services.audit_query import AuditFilter

Call = Callable[..., object]  # (ctx, world, actor, out_dir) -> anything


@dataclass(frozen=True)
class Op:
    name: str  # "<ctx attribute>.<method>" (a variant may follow after "#")
    action: str | None  # the MATRIX action, or None when `allowed` says it all
    call: Call
    allowed: frozenset[str] | None = None
    prepare: Call | None = None
    writes: bool = True
    note: str = field(default="", compare=False)

    @property
    def roles(self) -> frozenset[str]:
        return self.allowed if self.allowed is not None else MATRIX[self.action]

    @property
    def method(self) -> str:
        return self.name.split("#")[0]


TEAM_MEMBERS = frozenset({"chair", "physician", "secretary"})  # chen, zhou, liu are on the lung team


def _password(actor) -> str:
    return ADMIN_PASSWORD if actor.role == "admin" else PASSWORD


def _picture():
    from PIL import Image

    return Image.new("L", (8, 8), 128)


def _tomorrow(days: int = 2) -> datetime:
    return (datetime.now() + timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)


def _ready_to_close(ctx, w, admin, _out) -> None:
    ctx.capture.mark_discussed(admin, w.captured_item_id)
    ctx.agenda.withdraw(admin, w.pending_item_id, "患者转院")


def _year():
    from app.closed_loop_records import StatsFilter

    return StatsFilter(datetime.now().date() - timedelta(days=365), datetime.now().date())


def _annotated(ctx, w, admin, _out) -> None:
    ctx.annotations.add(admin, w.attachment_id, 0, "text", {"at": [3, 4]}, text="结节")


def _first_annotation(ctx, w) -> int:
    return ctx.annotations.for_image(w.actors["admin"], w.attachment_id)[0].id


def _draft(ctx, w, actor, _out) -> None:
    ctx.drafts.save(actor, "case", w.draft_case_id, {"fields": {"question": "草稿"}})



# closed loop: execution, action items, follow-ups (all on the finalised decision `final_decision_id`)
def _final_case(ctx, w) -> int:
    return ctx.decisions.get(w.actors["admin"], w.final_decision_id).case_id


def _with_action(ctx, w, admin, _out) -> None:
    from db.models import ActionItem

    with ctx.db.session() as s:  # a finalised decision's items are fixed: the world gets one by hand
        s.add(ActionItem(decision_id=w.final_decision_id, description="安排手术", responsible_user_id=admin.user_id))


def _action_id(ctx, w) -> int:
    from sqlalchemy import select

    from db.models import ActionItem

    with ctx.db.read() as s:
        return s.scalar(select(ActionItem.id).where(ActionItem.decision_id == w.final_decision_id))


def _planned(ctx, w, admin, _out) -> None:
    ctx.followups.plan(admin, w.final_decision_id)


def _first_followup(ctx, w) -> int:
    return ctx.followups.for_case(w.actors["admin"], _final_case(ctx, w))[0].id


def _signed(ctx, w, admin, _out) -> None:
    from app.services.meeting_common import transition
    from db.models import Case

    with ctx.db.session() as s:  # signing has its own table entries; here the plan only has to be signed
        transition(ctx, s, w.actors["chair"], s.get(Case, _final_case(ctx, w)), "signed")


OPS: tuple[Op, ...] = (
    # patients
    Op("patients.create", "patient.create",
       lambda ctx, w, a, o: ctx.patients.create(a, name="钱八", sex="M", hospital_number="ZY8888")),
    Op("patients.update", "patient.update",
       lambda ctx, w, a, o: ctx.patients.update(a, w.patient_id, name="吴草稿", sex="F")),
    Op("patient_import.import_file", "patient.create",
       lambda ctx, w, a, o: ctx.patient_import.import_file(a, w.files / "patients.csv")),
    # cases
    Op("case_records.create", "case.create",
       lambda ctx, w, a, o: ctx.case_records.create(a, w.patient_id, tumour_type="lung")),
    Op("case_records.update", "case.update",
       lambda ctx, w, a, o: ctx.case_records.update(a, w.draft_case_id, question="是否需要新辅助治疗？")),
    Op("case_records.submit", "case.submit",
       lambda ctx, w, a, o: ctx.case_records.submit(a, w.draft_case_id, override_reason="病理会前补充")),
    Op("cases.transition", "case.approve",
       lambda ctx, w, a, o: ctx.cases.transition(a, w.submitted_case_id, "approved")),
    Op("cases.transition#return", "case.return",
       lambda ctx, w, a, o: ctx.cases.transition(a, w.submitted_case_id, "returned", "请补充病理")),
    Op("cases.transition#schedule", "case.schedule",
       lambda ctx, w, a, o: ctx.cases.transition(a, w.submitted_case_id, "scheduled")),
    Op("cases.transition#cancel", "case.cancel",
       lambda ctx, w, a, o: ctx.cases.transition(a, w.draft_case_id, "cancelled", "患者放弃")),
    # attachments and key images
    Op("rendering.save_png", "case.view",
       lambda ctx, w, a, o: ctx.rendering.save_png(a, w.attachment_id, _picture(), o / "image.png", {"frame": 0})),
    Op("attachments.add_file", "attachment.add",
       lambda ctx, w, a, o: ctx.attachments.add_file(a, w.submitted_case_id, w.files / "second.png")),
    Op("attachment_import.import_paths", "attachment.add",
       lambda ctx, w, a, o: ctx.attachment_import.import_paths(a, w.submitted_case_id, [w.files / "second.png"])),
    Op("attachment_browse.update", "attachment.add",
       lambda ctx, w, a, o: ctx.attachment_browse.update(a, w.attachment_id, title="CT 截图")),
    Op("attachment_browse.update_many", "attachment.add",
       lambda ctx, w, a, o: ctx.attachment_browse.update_many(a, [w.attachment_id], label="pathology")),
    Op("key_images.add", "attachment.add",
       lambda ctx, w, a, o: ctx.key_images.add(a, w.attachment_case_id, w.attachment_id, note="病灶")),
    Op("key_images.remove", "attachment.add",
       lambda ctx, w, a, o: ctx.key_images.remove(a, w.key_image_id)),
    Op("annotations.add", "attachment.add",
       lambda ctx, w, a, o: ctx.annotations.add(a, w.attachment_id, 0, "arrow", {"points": [[1, 2], [8, 9]]})),
    Op("annotations.delete", "attachment.add",
       lambda ctx, w, a, o: ctx.annotations.delete(a, _first_annotation(ctx, w)), prepare=_annotated),
    # teams
    Op("teams.create", "team.manage", lambda ctx, w, a, o: ctx.teams.create(a, "乳腺肿瘤MDT", ["breast"])),
    Op("teams.update", "team.manage", lambda ctx, w, a, o: ctx.teams.update(a, w.team_id, default_place="五楼")),
    Op("teams.set_active", "team.manage", lambda ctx, w, a, o: ctx.teams.set_active(a, w.spare_team_id, False)),
    Op("teams.add_member", "team.manage",
       lambda ctx, w, a, o: ctx.teams.add_member(a, w.team_id, name="外院专家", discipline="surgery",
                                                  team_role="guest")),
    Op("teams.update_member", "team.manage",
       lambda ctx, w, a, o: ctx.teams.update_member(a, w.member_id, title="chief")),
    Op("teams.deactivate_member", "team.manage",
       lambda ctx, w, a, o: ctx.teams.deactivate_member(a, w.member_id)),
    # meetings
    Op("meetings.schedule", "meeting.manage",
       lambda ctx, w, a, o: ctx.meetings.schedule(a, w.team_id, _tomorrow(5), "示教室")),
    Op("meetings.update", "meeting.manage", lambda ctx, w, a, o: ctx.meetings.update(a, w.planned_id, place="新会议室")),
    Op("meetings.cancel", "meeting.manage", lambda ctx, w, a, o: ctx.meetings.cancel(a, w.planned_id, "停电")),
    Op("meetings.override_quorum", "meeting.manage",
       lambda ctx, w, a, o: ctx.meetings.override_quorum(a, w.planned_id, "主任外出会诊")),
    Op("meetings.start", "meeting.manage",
       lambda ctx, w, a, o: ctx.meetings.start(a, w.planned_id, override_reason="专家在路上")),
    Op("meetings.set_current", "meeting.manage",
       lambda ctx, w, a, o: ctx.meetings.set_current(a, w.running_id, w.pending_item_id)),
    Op("meetings.step", "meeting.manage", lambda ctx, w, a, o: ctx.meetings.step(a, w.running_id, 1)),
    Op("meetings.close", "meeting.manage", lambda ctx, w, a, o: ctx.meetings.close(a, w.running_id),
       prepare=_ready_to_close),
    # agenda
    Op("agenda.add", "meeting.manage", lambda ctx, w, a, o: ctx.agenda.add(a, w.planned_id, w.submitted_case_id)),
    Op("agenda.set_minutes", "meeting.manage", lambda ctx, w, a, o: ctx.agenda.set_minutes(a, w.planned_items[0], 25)),
    Op("agenda.set_track", "meeting.manage",
       lambda ctx, w, a, o: ctx.agenda.set_track(a, w.planned_items[0], "listed", "按指南随访")),
    Op("agenda.reorder", "meeting.manage",
       lambda ctx, w, a, o: ctx.agenda.reorder(a, w.planned_id, list(reversed(w.planned_items)))),
    Op("agenda.postpone", "meeting.manage",
       lambda ctx, w, a, o: ctx.agenda.postpone(a, w.planned_items[0], "资料不全")),
    Op("agenda.withdraw", "meeting.manage", lambda ctx, w, a, o: ctx.agenda.withdraw(a, w.planned_items[1], "转院")),
    # attendance
    Op("attendance.invite", "meeting.manage", lambda ctx, w, a, o: ctx.attendance.invite(a, w.bare_meeting_id)),
    Op("attendance.invite_user", "meeting.manage",
       lambda ctx, w, a, o: ctx.attendance.invite_user(a, w.bare_meeting_id, w.idle_user_id)),
    Op("attendance.add_guest", "meeting.manage",
       lambda ctx, w, a, o: ctx.attendance.add_guest(a, w.planned_id, "省院专家", organisation="省人民医院")),
    Op("attendance.remove", "meeting.manage", lambda ctx, w, a, o: ctx.attendance.remove(a, w.guest_attendance_id)),
    Op("attendance.sign_in", "attendance.record",
       lambda ctx, w, a, o: ctx.attendance.sign_in(a, w.guest_attendance_id)),
    Op("attendance.sign_in_self", None, lambda ctx, w, a, o: ctx.attendance.sign_in_self(a, w.planned_id),
       allowed=TEAM_MEMBERS, note="only members of the meeting's team sign themselves in"),
    Op("attendance.undo_sign_in", "attendance.record",
       lambda ctx, w, a, o: ctx.attendance.undo_sign_in(a, w.signed_in_id)),
    Op("attendance.leave", "attendance.record", lambda ctx, w, a, o: ctx.attendance.leave(a, w.signed_in_id)),
    # live capture and decisions
    Op("capture.open_discussion", "meeting.manage",
       lambda ctx, w, a, o: ctx.capture.open_discussion(a, w.pending_item_id)),
    Op("capture.save_capture#opinion", "opinion.record",
       lambda ctx, w, a, o: ctx.capture.save_capture(a, w.captured_item_id, {
           "opinions": [{"attendance_id": w.signed_in_id, "text": "同意手术"}]})),
    Op("capture.save_capture#decision", "decision.edit",
       lambda ctx, w, a, o: ctx.capture.save_capture(a, w.captured_item_id, {"decision": {"plan_text": "先化疗"}})),
    Op("capture.mark_discussed", "meeting.manage",
       lambda ctx, w, a, o: ctx.capture.mark_discussed(a, w.captured_item_id)),
    Op("capture.record_listed", "meeting.manage",
       lambda ctx, w, a, o: ctx.capture.record_listed(a, w.listed_item_id)),
    Op("decisions.update", "decision.edit",
       lambda ctx, w, a, o: ctx.decisions.update(a, w.draft_decision_id, plan_text="改为同步放化疗")),
    Op("decisions.finalise", "decision.finalise",
       lambda ctx, w, a, o: ctx.decisions.finalise(a, w.draft_decision_id)),
    Op("decisions.amend", "decision.edit", lambda ctx, w, a, o: ctx.decisions.amend(a, w.final_decision_id, "笔误")),
    Op("decisions.discard_amendment", "decision.edit",
       lambda ctx, w, a, o: ctx.decisions.discard_amendment(a, w.amendment_id)),
    Op("privacy.record_unmask", "identity.unmask",
       lambda ctx, w, a, o: ctx.privacy.record_unmask(a, w.submitted_case_id)),
    # accounts and settings
    Op("users.create", "user.manage",
       lambda ctx, w, a, o: ctx.users.create(a, "newdoc", "新医生", "physician", "Start2026x")),
    Op("users.set_active", "user.manage", lambda ctx, w, a, o: ctx.users.set_active(a, w.idle_user_id, False)),
    Op("users.reset_password", "user.manage",
       lambda ctx, w, a, o: ctx.users.reset_password(a, w.idle_user_id, "Reset2026x")),
    Op("users.delete", "user.manage", lambda ctx, w, a, o: ctx.users.delete(a, w.spare_user_id)),
    Op("account_settings.update", "settings.manage",
       lambda ctx, w, a, o: ctx.account_settings.update(a, idle_lock_minutes=5)),
    Op("auth.change_password", None,
       lambda ctx, w, a, o: ctx.auth.change_password(a, _password(a), "Changed2026x"), allowed=ALL,
       note="everyone changes their own password"),
    Op("auth.unlock", None, lambda ctx, w, a, o: ctx.auth.unlock(a, _password(a)), allowed=ALL),
    Op("drafts.save", None, _draft, allowed=ALL, note="a user's own drafts"),
    Op("drafts.discard", None, lambda ctx, w, a, o: ctx.drafts.discard(a, "case", w.draft_case_id), allowed=ALL,
       writes=False),
    # exports and backups
    Op("audit_query.export_csv", "audit.view",
       lambda ctx, w, a, o: ctx.audit_query.export_csv(a, AuditFilter(), Path(o) / "audit.csv")),
    Op("statistics.export", "stats.view",
       lambda ctx, w, a, o: ctx.statistics.export(a, _year(), Path(o) / "stats.csv")),
    Op("backups.backup", "backup.run",
       lambda ctx, w, a, o: ctx.backups.backup(a, Path(o) / "backup.mdtbak", "passphrase-2026")),
    Op("credentials.create_hospital_ca", "credentials.manage",
       lambda ctx, w, a, o: ctx.credentials.create_hospital_ca(a, "ca-passphrase-2026")),
    # signing: credentials, handwriting, documents (permission_signing.py prepares the states)
    Op("credentials.trust_root", "credentials.manage",
       lambda ctx, w, a, o: ctx.credentials.trust_root(a, sg.licensed_root_pem()), prepare=sg.with_ca),
    Op("credentials.request", "document.sign", lambda ctx, w, a, o: ctx.credentials.request(a, _password(a))),
    Op("credentials.issue_pending", "credentials.manage",
       lambda ctx, w, a, o: ctx.credentials.issue_pending(a, sg.CA_PASSPHRASE), prepare=sg.with_request),
    Op("credentials.import_pkcs12", "document.sign",
       lambda ctx, w, a, o: ctx.credentials.import_pkcs12(a, sg.pkcs12_file("p12-2026"), "p12-2026", _password(a))),
    Op("handwriting.enrol", "document.sign",
       lambda ctx, w, a, o: ctx.handwriting.enrol(a, _password(a), sg.scribble()),
       note="only people who sign keep a handwritten signature"),
    Op("documents.start_signing", "document.sign",
       lambda ctx, w, a, o: ctx.documents.start_signing(a, w.final_decision_id)),
    Op("documents.prepare", None, lambda ctx, w, a, o: ctx.documents.prepare(a, w.final_decision_id),
       allowed=ALL, writes=False,
       note="called for whoever finalises: lays the document out for signers, does nothing (None) for others; "
            "test_prepare_lays_out_only_for_signers checks which"),
    Op("documents.sign", None, lambda ctx, w, a, o: ctx.documents.sign(a, sg.document_id(ctx, w), _password(a)),
       allowed=frozenset({"chair"}), prepare=sg.only_the_chair_left,
       note="only a signer whose field is still empty; here only the chair's, which seals"),
    Op("documents.to_sign", None, lambda ctx, w, a, o: ctx.documents.to_sign(a, sg.document_id(ctx, w)),
       allowed=frozenset({"chair"}), prepare=sg.only_the_chair_left, writes=False,
       note="the identified PDF, unaudited: only to the signer it still waits for"),
    # printing and exporting plans
    Op("documents.pdf_bytes", "document.print",
       lambda ctx, w, a, o: ctx.documents.pdf_bytes(a, sg.document_id(ctx, w)), prepare=sg.started),
    Op("documents.plan_pdf", "document.print",
       lambda ctx, w, a, o: ctx.documents.plan_pdf(a, sg.case_no_of_final(ctx, w))),
    Op("documents.meeting_plan_pdfs", "document.print",
       lambda ctx, w, a, o: ctx.documents.meeting_plan_pdfs(a, w.running_id)),
    Op("documents.draft_pdf", "document.print", lambda ctx, w, a, o: ctx.documents.draft_pdf(a, w.draft_decision_id),
       writes=False, note="an on-screen preview: nothing stored, the print or export of it is audited"),
    Op("printing.case_items", "document.print",
       lambda ctx, w, a, o: ctx.printing.case_items(a, sg.case_no_of_final(ctx, w))),
    Op("printing.meeting_items", "document.print",
       lambda ctx, w, a, o: ctx.printing.meeting_items(a, w.running_id)),
    Op("printing.agenda_item", "document.print", lambda ctx, w, a, o: ctx.printing.agenda_item(a, w.planned_id),
       writes=False, note="the agenda with patient names: built for printing, the print itself is audited"),
    Op("printing.record", "document.print",
       lambda ctx, w, a, o: ctx.printing.record(a, ctx.printing.agenda_item(w.actors["admin"], w.planned_id),
                                                printer="示教室打印机", copies=2)),
    Op("printing.record#export", "data.export",
       lambda ctx, w, a, o: ctx.printing.record(a, ctx.printing.agenda_item(w.actors["admin"], w.planned_id),
                                                file=str(Path(o) / "agenda.pdf"))),
    Op("printing.print_with_cups", "document.print", sg.print_on_cups),
    # closed loop: execution (执行情况), action items, follow-up (随访), re-discussion
    Op("execution.record", "execution.record",
       lambda ctx, w, a, o: ctx.execution.record(a, w.final_decision_id, "not", deviation_reason="patient_wish",
                                                 mdt_effect={"diagnosis_changed": False, "treatment_changed": True})),
    Op("execution.complete_action", "execution.record",
       lambda ctx, w, a, o: ctx.execution.complete_action(a, _action_id(ctx, w)), prepare=_with_action),
    Op("followups.plan", "followup.record", lambda ctx, w, a, o: ctx.followups.plan(a, w.final_decision_id)),
    Op("followups.record", "followup.record",
       lambda ctx, w, a, o: ctx.followups.record(a, _first_followup(ctx, w), contact="phone", vital_status="alive"),
       prepare=_planned),
    Op("followups.mark_lost", "followup.record",
       lambda ctx, w, a, o: ctx.followups.mark_lost(a, _first_followup(ctx, w), "电话停机"), prepare=_planned),
    Op("followups.rediscuss", "case.submit",
       lambda ctx, w, a, o: ctx.followups.rediscuss(a, _final_case(ctx, w), "术后病理升期"), prepare=_signed,
       note="sending a case back to the agenda is a clinician's re-submission"),
    # consultation packages for another hospital (permission_packages.py prepares the states)
    Op("packages.add_partner_root", "credentials.manage",
       lambda ctx, w, a, o: ctx.packages.add_partner_root(a, pk.partner_root_pem(), "省人民医院")),
    Op("packages.record_consent", "data.export",
       lambda ctx, w, a, o: ctx.packages.record_consent(a, pk.case_no(ctx, w))),
    Op("packages.export_case", "data.export", lambda ctx, w, a, o: pk.export_case(ctx, w, a, o),
       allowed=pk.EXPORTERS, prepare=pk.enrol_exporters, note="signed by the exporter: needs document.sign too"),
    Op("packages.inspect", "case.view", lambda ctx, w, a, o: pk.inspect(ctx, a), prepare=pk.own_package,
       note="reads the package, and records who inspected which package"),
    Op("packages.import_package", "data.export", lambda ctx, w, a, o: pk.import_package(ctx, w, a),
       prepare=pk.from_elsewhere),
    Op("packages.export_opinion", "data.export", lambda ctx, w, a, o: pk.export_opinion(ctx, w, a, o),
       allowed=pk.EXPORTERS, prepare=pk.imported_case),
    Op("packages.structured_export", "data.export",
       lambda ctx, w, a, o: ctx.packages.structured_export(a, pk.case_no(ctx, w))),
)

# Calls that only read (they still check `case.view` or a stronger permission; see test_reads_*).
READS = {
    "agenda.waiting", "agenda.waiting_by_team", "agenda.candidates", "agenda.case_history",
    "attachment_browse.list_for_case", "attachment_browse.series_for_case", "attachment_browse.thumbnail",
    "attachment_browse.dicom_patients", "attendance.list", "attendance.quorum", "audit_query.ids",
    "audit_query.rows", "audit_query.choices", "capture.capture", "capture.resume", "case_records.get",
    "case_records.readiness", "cases.search_ids", "cases.rows", "cases.count_by_status", "decisions.get",
    "decisions.discussions", "drafts.load", "drafts.pending", "key_images.list_for_case", "meetings.list",
    "meetings.today", "meetings.upcoming", "meetings.get", "meetings.record", "patients.search", "patients.get",
    "rendering.load_frame", "rendering.render_attachment", "teams.list", "teams.list_detailed", "teams.get",
    "users.list", "users.can_delete", "annotations.for_image", "annotations.for_images",
    "statistics.report", "statistics.indicator", "statistics.case_ids", "statistics.count_case_ids",
    "statistics.team_name",
    # signing and printing: reading the record (plan_content masks identity for the viewer), own materials
    "documents.get", "documents.for_decision", "documents.pending_for", "plan_content.for_decision",
    "plan_content.agenda", "image_sources.sources", "slides.open", "slides.describe", "slides.render_region",
    "handwriting.image",
    # closed loop: lists and records (names masked for the viewer by the services)
    "execution.get", "followups.get", "followups.for_case", "followups.due", "my_work.for_user",
    "my_work.recent_executions",
    # packages: what an export would hold (before writing), advice received for a case
    "packages.preview_export", "packages.external_opinions",
}

# Services other helpers are writing this session: their mutating calls join OPS when they land.
PENDING: set[str] = set()
# Matrix actions that only guard reads, or only calls of the services in PENDING.
NOT_TESTED_ACTIONS = {"case.view", "audit.view", "stats.view", "case.close"}
