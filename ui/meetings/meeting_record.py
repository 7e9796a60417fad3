"""The meeting record after it closes: times, the chair's quorum reason, attendance, each case's outcome."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.meeting_records import ItemRecord, MeetingRecord
from ui.meetings.capture.common import version_text
from ui.meetings.meeting_models import (
    AttendanceModel,
    RecordItemsModel,
    discipline_label,
    duration_text,
    local_time,
)


def read_only_table(model, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves a read-only table (arrows move inside it)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return table


class MeetingRecordView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingRecord")
        self.times = QLabel()
        self.times.setObjectName("recordTimes")
        self.times.setWordWrap(True)
        self.override = QLabel()
        self.override.setObjectName("recordOverride")
        self.override.setWordWrap(True)
        self.attendance_model = AttendanceModel(self)
        self.items_model = RecordItemsModel(self)
        self.attendance_table = read_only_table(self.attendance_model, "recordAttendance")
        self.items_table = read_only_table(self.items_model, "recordItems")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.times)
        layout.addWidget(self.override)
        layout.addWidget(QLabel(self.tr("Cases")))
        layout.addWidget(self.items_table, 3)
        self.advice: dict = {}
        self.case_text = QPlainTextEdit()
        self.case_text.setObjectName("recordCaseText")
        self.case_text.setReadOnly(True)
        self.case_text.setPlaceholderText(self.tr("Choose a case above to read its opinions and decision."))
        layout.addWidget(self.case_text, 3)
        self.items_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_case(current.row()))
        layout.addWidget(QLabel(self.tr("Attendance")))
        layout.addWidget(self.attendance_table, 2)

    def show_record(self, record: MeetingRecord, advice: dict | None = None) -> None:
        """`advice`: case id -> the upper-level hospital's opinions (ctx.packages.external_opinions)."""
        self.advice = advice or {}
        m = record.meeting
        seconds = int((m.ended_at - m.started_at).total_seconds()) if m.started_at and m.ended_at else None
        self.times.setText(self.tr("Started %1, ended %2 (duration %3).")
                           .replace("%1", local_time(m.started_at)).replace("%2", local_time(m.ended_at))
                           .replace("%3", duration_text(seconds)))
        reason = m.quorum_override_reason
        self.override.setText(self.tr("Proceeded without a quorum; the chair's reason: %1").replace("%1", reason)
                              if reason else "")
        self.override.setVisible(bool(reason))
        self.items_model.set_rows(record.items)
        self.attendance_model.set_rows(record.attendance)
        if record.items:
            self.items_table.selectRow(0)
        self._show_case(0 if record.items else -1)

    def _show_case(self, row: int) -> None:
        rows = self.items_model.rows()
        self.case_text.setPlainText(self.case_text_of(rows[row]) if 0 <= row < len(rows) else "")

    def case_text_of(self, r: ItemRecord) -> str:
        """Each opinion with who gave it and when it was recorded, then every decision version."""
        i, d = r.item, r.discussion
        lines = [f"{i.case_no}  {i.patient_name}  {i.diagnosis}".strip()]
        if i.track == "listed":
            lines.append(self.tr("Listed with the standard decision: %1").replace("%1", i.standard_decision))
        if i.status == "postponed":
            lines.append(self.tr("Postponed: %1").replace("%1", i.postpone_reason))
        if d is None:
            return "\n".join(lines)
        lines.append("")
        lines.append(self.tr("Opinions"))
        for o in d.opinions:
            who = " · ".join(x for x in (o.author_name, discipline_label(o.discipline)) if x)
            stamp = self.tr("recorded %1 by %2").replace("%1", local_time(o.updated_at, "%H:%M:%S")) \
                .replace("%2", o.recorded_by)
            lines.append(f"【{who}】{o.text}（{stamp}）")
        for n, o in enumerate(self.advice.get(i.case_id, ())):
            if n == 0:
                lines += ["", self.tr("Opinion of the upper-level hospital (advisory)")]
            when = (o.written_at or "")[:10]
            lines.append(f"【{o.hospital} · {o.author} · {when}】{o.text}")
        for dec in d.decisions:
            lines.append("")
            lines.append(self.tr("Decision, version %1").replace("%1", str(dec.version)))
            lines.append(version_text(dec))
        return "\n".join(lines)
