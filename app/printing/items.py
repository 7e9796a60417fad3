"""What goes to the printer: one PDF each, with what the audit trail needs to say what was printed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrintItem:
    title: str  # the list entry in the preview and the job name CUPS shows
    pdf: bytes
    kind: str  # "plan" | "agenda"
    document_id: int | None = None  # the stored document (None: the agenda, built on the fly)
    case_id: int | None = None
    meeting_id: int | None = None
    signed: bool = False
    case_no: str = ""
