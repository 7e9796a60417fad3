"""Printing and exporting documents: what to print for a case or a meeting, and the audit of every copy.

Every print and every export is an audit event ("print" / "export") naming the document, the printer or
file, and the number of copies, so the record shows who put which version on paper. The GUI prints
through QPrinter and then calls `record`; the command line prints through CUPS with `print_with_cups`.
"""

from __future__ import annotations

from dataclasses import replace

from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import translate
from app.printing import cups
from app.printing.items import PrintItem
from app.printing.raster import flatten_for_print, page_sizes
from app.records import Actor
from app.services import audit_chain
from app.services.base import Service

CONTEXT = "PrintItems"


def plan_title(doc_no: str, version: int | None, patient: str = "") -> str:
    """"MDT opinion ZL-01 version 2 张三", or for a draft (no version yet) "MDT opinion ZL-01 (draft)"."""
    if version is None:
        title = translate(CONTEXT, N("PrintItems", "MDT opinion {doc_no} (draft)")).format(doc_no=doc_no)
    else:
        title = translate(CONTEXT, N("PrintItems", "MDT opinion {doc_no} version {version}")).format(
            doc_no=doc_no, version=version)
    return f"{title} {patient}".strip()


def _plan_item(plan, case_id: int | None = None) -> PrintItem:
    d = plan.document
    if d is None:  # a draft built from the record: nothing stored, no document row
        from app.services.documents import doc_no_of

        return PrintItem(plan_title(doc_no_of(plan.case_no, plan.discussion), None), plan.pdf, "plan",
                         case_id=case_id, case_no=plan.case_no)
    return PrintItem(plan_title(d.doc_no, d.version, d.patient_name), plan.pdf, "plan", document_id=d.id,
                     case_id=d.case_id, meeting_id=d.meeting_id, signed=bool(plan.signed), case_no=d.case_no)


class PrintingService(Service):
    def case_items(self, actor: Actor, case_no: str, discussion: int | None = None) -> list[PrintItem]:
        """The case's decision: the latest signed version, or the draft (marked as such)."""
        self.require(actor, "document.print")
        plan = self.ctx.documents.plan_pdf(actor, case_no, discussion)
        return [_plan_item(plan, self.ctx.case_records.id_of(case_no) if plan.document is None else None)]

    def meeting_items(self, actor: Actor, meeting_id: int, agenda: bool = True) -> list[PrintItem]:
        """The meeting's agenda first (when asked for), then the decision of every case it discussed."""
        self.require(actor, "document.print")
        items = []
        if agenda:
            items.append(self.agenda_item(actor, meeting_id))
        for plan in self.ctx.documents.meeting_plan_pdfs(actor, meeting_id):
            item = _plan_item(plan, self.ctx.case_records.id_of(plan.case_no) if plan.document is None else None)
            items.append(item if item.meeting_id else replace(item, meeting_id=meeting_id))
        if not items:
            raise NotFound(N("errors", "Meeting {id} has nothing to print."), id=meeting_id)
        return items

    def agenda_item(self, actor: Actor, meeting_id: int) -> PrintItem:
        from app.documents.agenda_pdf import build_agenda_pdf

        self.require(actor, "document.print")  # names and hospital numbers on paper: not for the viewer
        content = self.ctx.plan_content.agenda(actor, meeting_id)
        title = translate(CONTEXT, N("PrintItems", "Agenda of meeting {id}")).format(id=meeting_id)
        return PrintItem(title, build_agenda_pdf(content), "agenda", meeting_id=meeting_id)

    def record(self, actor: Actor, item: PrintItem, *, printer: str = "", copies: int = 1, duplex: bool = False,
               file: str = "") -> None:
        """Write one audit event: a print (`printer`, `copies`) or, with `file`, an export to that file."""
        self.require(actor, "data.export" if file else "document.print")
        what = {"what": item.title, "kind": item.kind, "pages": len(page_sizes(item.pdf)), "signed": item.signed}
        if file:
            what["file"] = file
        else:
            what.update(printer=printer, copies=copies, duplex=duplex)
        if item.document_id:
            entity, entity_id = "document", item.document_id
        elif item.kind == "plan" and item.case_id:
            entity, entity_id = "case", item.case_id  # a draft: no stored document yet
        else:
            entity, entity_id = "meeting", item.meeting_id
        with self.db.session() as s:
            audit_chain.record(s, actor, "export" if file else "print", entity, entity_id, new=what,
                               case_id=item.case_id)

    def print_with_cups(self, actor: Actor, items: list[PrintItem], printer: str | None = None, copies: int = 1,
                        duplex: bool = False) -> list[cups.PrintJob]:
        """Queue each item with `lp` (stamps flattened into the page); the default queue when none is named."""
        self.require(actor, "document.print")
        printer = printer or cups.default_printer()
        if not printer:
            raise cups.PrintError(N("errors", "No printer was named and there is no default printer."))
        jobs = []
        for item in items:
            job = cups.submit(flatten_for_print(item.pdf), printer, copies, duplex, title=item.title)
            self.record(actor, item, printer=printer, copies=copies, duplex=duplex)
            jobs.append(job)
        return jobs
