"""The meeting record after it closes: times, the chair's quorum reason, attendance, each case's outcome."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.meeting_records import MeetingRecord
from ui.meetings.meeting_models import AttendanceModel, RecordItemsModel, duration_text, local_time


def read_only_table(model, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
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
        layout.addWidget(QLabel(self.tr("Attendance")))
        layout.addWidget(self.attendance_table, 2)

    def show_record(self, record: MeetingRecord) -> None:
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
