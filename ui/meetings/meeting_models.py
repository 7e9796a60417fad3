"""Table models of the meeting screen: agenda, attendance, waiting cases and the record's cases."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.reference import DISCIPLINES
from app.domain.vocab import label
from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import translate
from app.meeting_records import AgendaItemRow, AttendanceRow, CandidateCase, ItemRecord
from ui.widgets.record_table import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
READY, NOT_READY = "✓", "⚠"
WARN_COLOUR = QColor("#b45309")
OK_COLOUR = QColor("#15803d")
_DISCIPLINES = {code: (zh, en) for code, zh, en in DISCIPLINES}


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingFormat", text)


def local_time(at: datetime | None, fmt: str = "%H:%M") -> str:
    """A stored (naive UTC) time as the local wall clock."""
    return at.replace(tzinfo=UTC).astimezone().strftime(fmt) if at else ""


def discipline_label(code: str) -> str:
    names = _DISCIPLINES.get(code)
    if not names:
        return code
    return names[0] if QLocale().language() == QLocale.Language.Chinese else names[1]


def track_label(track: str) -> str:
    return tr(N("MeetingFormat", "Discuss")) if track == "discuss" else tr(N("MeetingFormat", "Listed only"))


def item_status_label(status: str) -> str:
    return {"pending": tr(N("MeetingFormat", "Waiting")), "discussed": tr(N("MeetingFormat", "Discussed")), "postponed": tr(N("MeetingFormat", "Postponed")),
            "withdrawn": tr(N("MeetingFormat", "Withdrawn"))}.get(status, status)


def duration_text(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


def missing_text(missing: tuple[str, ...]) -> str:
    """The tooltip of a ⚠ flag: each missing checklist item on its own line."""
    if not missing:
        return tr(N("MeetingFormat", "Ready for the meeting"))
    return tr(N("MeetingFormat", "Not ready:")) + "\n" + "\n".join("• " + translate("templates", m) for m in missing)


class _Table(RecordTableModel):
    """Rows of frozen records, one column per title; subclasses give `cell(row, column)`."""

    TITLES: tuple[str, ...] = ()

    def titles(self) -> list[str]:
        return [tr(t) for t in self.TITLES]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(r, index.column())
        return self.extra(r, index.column(), role)

    def extra(self, r, column: int, role: int):
        return None


def _flag(ready: bool, missing: tuple[str, ...], role: int):
    if role == Qt.ItemDataRole.ToolTipRole:
        return missing_text(missing)
    if role == Qt.ItemDataRole.ForegroundRole:
        return OK_COLOUR if ready else WARN_COLOUR
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    return None


class AgendaModel(_Table):
    TITLES = (
        N("MeetingFormat", "No."), N("MeetingFormat", "Case no."), N("MeetingFormat", "Patient"),
        N("MeetingFormat", "Tumour type"), N("MeetingFormat", "Minutes"), N("MeetingFormat", "Track"),
        N("MeetingFormat", "Ready"), N("MeetingFormat", "Status"),
    )
    FLAG = 6

    def cell(self, r: AgendaItemRow, column: int) -> str:
        return (str(r.position + 1), r.case_no, r.patient_name, label("tumour_type", r.tumour_type),
                str(r.minutes) if r.track == "discuss" else "—", track_label(r.track),
                READY if r.ready else NOT_READY, self.status_text(r))[column]

    @staticmethod
    def status_text(r: AgendaItemRow) -> str:
        text = item_status_label(r.status)
        if r.postponed_from is not None:
            # The secretary sees at a glance which cases were put off last time.
            return (tr(N("MeetingFormat", "%1 (postponed from %2)"))
                    .replace("%1", text).replace("%2", r.postponed_from.strftime("%Y-%m-%d")))
        return text

    def extra(self, r: AgendaItemRow, column: int, role: int):
        if column == self.FLAG:
            return _flag(r.ready, r.missing, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and r.status == "postponed" and r.postpone_reason:
            return r.postpone_reason
        return None


class AttendanceModel(_Table):
    TITLES = (
        N("MeetingFormat", "Name"), N("MeetingFormat", "Department"), N("MeetingFormat", "Discipline"),
        N("MeetingFormat", "Title"), N("MeetingFormat", "Role"), N("MeetingFormat", "Signed in"),
        N("MeetingFormat", "Late"), N("MeetingFormat", "Left"),
    )

    def cell(self, r: AttendanceRow, column: int) -> str:
        name = r.name + (f"（{r.organisation}）" if r.is_guest and r.organisation else "")
        return (name, r.department, discipline_label(r.discipline), label("title", r.title),
                label("team_role", r.role), local_time(r.signed_in_at), tr(N("MeetingFormat", "Late")) if r.late else "",
                local_time(r.left_at))[column]

    def extra(self, r: AttendanceRow, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and r.late:
            return WARN_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and r.signed_in_by:
            return tr(N("MeetingFormat", "Signed in by %1")).replace("%1", r.signed_in_by)
        return None


class CandidateModel(_Table):
    TITLES = (
        N("MeetingFormat", "Case no."), N("MeetingFormat", "Patient"), N("MeetingFormat", "Tumour type"),
        N("MeetingFormat", "Diagnosis"), N("MeetingFormat", "Case status"), N("MeetingFormat", "Urgency"),
        N("MeetingFormat", "Ready"),
    )
    FLAG = 6

    def cell(self, r: CandidateCase, column: int) -> str:
        return (r.case_no, r.patient_name, label("tumour_type", r.tumour_type), r.diagnosis,
                label("case_status", r.status), label("urgency", r.urgency),
                READY if r.ready else NOT_READY)[column]

    def extra(self, r: CandidateCase, column: int, role: int):
        return _flag(r.ready, r.missing, role) if column == self.FLAG else None


class RecordItemsModel(_Table):
    TITLES = (
        N("MeetingFormat", "No."), N("MeetingFormat", "Case no."), N("MeetingFormat", "Patient"),
        N("MeetingFormat", "Track"), N("MeetingFormat", "Status"), N("MeetingFormat", "Decision"),
        N("MeetingFormat", "Duration"),
    )

    def cell(self, r: ItemRecord, column: int) -> str:
        i = r.item
        return (str(i.position + 1), i.case_no, i.patient_name, track_label(i.track), item_status_label(i.status),
                decision_label(r), duration_text(i.duration_seconds))[column]


def decision_label(r: ItemRecord) -> str:
    decision = r.discussion.decision if r.discussion else None
    if decision is None:
        return tr(N("MeetingFormat", "No decision"))
    return {"draft": tr(N("MeetingFormat", "Draft")), "finalised": tr(N("MeetingFormat", "Finalised")), "superseded": tr(N("MeetingFormat", "Superseded"))}.get(
        decision.status, decision.status)
