"""The meeting screen's dialogs. Each has a classmethod `ask()` (what the screen calls; tests replace it)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.meeting_records import CandidateCase
from app.records import MeetingRow, TeamRow
from ui.cases.case_format import format_datetime
from ui.meetings.meeting_models import CandidateModel
from ui.widgets.forms import InlineError, ok_cancel


class ScheduleDialog(QDialog):
    """Team, date, time, place and planned duration of a new meeting."""

    def __init__(self, teams: list[TeamRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(self.tr("Schedule a meeting"))
        self.team = QComboBox()
        for t in teams:
            self.team.addItem(t.name, t.id)
        soon = datetime.now() + timedelta(days=1)
        self.date = QDateEdit(QDate(soon.year, soon.month, soon.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.time = QTimeEdit(QTime(14, 30))
        self.time.setDisplayFormat("HH:mm")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("The team's usual room"))
        self.duration = QSpinBox()
        self.duration.setRange(10, 600)
        self.duration.setSingleStep(15)
        self.duration.setValue(90)
        self.duration.setSuffix(self.tr(" min"))
        self.error = InlineError()
        form = QFormLayout()
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("T&ime:"), self.time)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("D&uration:"), self.duration)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 24)

    def accept(self) -> None:
        if self.team.currentData() is None:
            self.error.show_message(self.tr("There is no active team yet: an administrator creates the teams."))
            return
        super().accept()

    def values(self) -> dict:
        d, t = self.date.date(), self.time.time()
        return {"team_id": self.team.currentData(),
                "scheduled_at": datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()),
                "place": self.place.text().strip(), "duration_minutes": self.duration.value()}

    @classmethod
    def ask(cls, parent: QWidget | None, teams: list[TeamRow]) -> dict | None:
        dialog = cls(teams, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CandidatePicker(QDialog):
    """The cases of the team waiting for a meeting, with their readiness; several may be chosen."""

    def __init__(self, candidates: list[CandidateCase], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidatePicker")
        self.setWindowTitle(self.tr("Add cases to the agenda"))
        self.resize(820, 420)
        self.model = CandidateModel(self)
        self.model.set_rows(candidates)
        self.table = QTableView()
        self.table.setObjectName("candidateTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(10)
        self.minutes.setSuffix(self.tr(" min"))
        self.track = QComboBox()
        self.track.addItem(self.tr("Discuss in the meeting"), "discuss")
        self.track.addItem(self.tr("Listed only (standard decision, no meeting time)"), "listed")
        self.standard = QLineEdit()
        self.standard.setPlaceholderText(self.tr("The standard decision the listed cases are recorded with"))
        self.track.currentIndexChanged.connect(self._track_changed)
        self.error = InlineError()
        form = QFormLayout()
        form.addRow(self.tr("&Minutes per case:"), self.minutes)
        form.addRow(self.tr("T&rack:"), self.track)
        form.addRow(self.tr("&Standard decision:"), self.standard)
        layout = QVBoxLayout(self)
        hint = self.tr("⚠ marks a case whose material is not complete; hover over it to see what is missing.")
        layout.addWidget(QLabel(hint if candidates else self.tr("No case of this team is waiting for a meeting.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self._track_changed()
        if candidates:
            self.table.selectRow(0)

    def _track_changed(self) -> None:
        listed = self.track.currentData() == "listed"
        self.standard.setEnabled(listed)
        self.minutes.setEnabled(not listed)

    def chosen_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def accept(self) -> None:
        if not self.chosen_ids():
            self.error.show_message(self.tr("Choose at least one case."))
            return
        if self.track.currentData() == "listed" and not self.standard.text().strip():
            self.error.show_message(self.tr("A listed case needs the standard decision it is recorded with."))
            return
        super().accept()

    def values(self) -> dict:
        listed = self.track.currentData() == "listed"
        return {"case_ids": self.chosen_ids(), "minutes": self.minutes.value(), "track": self.track.currentData(),
                "standard_decision": self.standard.text().strip() if listed else ""}

    @classmethod
    def ask(cls, parent: QWidget | None, candidates: list[CandidateCase]) -> dict | None:
        dialog = cls(candidates, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MinutesDialog(QDialog):
    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutesDialog")
        self.setWindowTitle(self.tr("Minutes for this case"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(self.tr(" min"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Minutes:"), self.minutes)
        form.addRow(ok_cancel(self))

    @classmethod
    def ask(cls, parent: QWidget | None, minutes: int) -> int | None:
        dialog = cls(minutes, parent)
        return dialog.minutes.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PostponeDialog(QDialog):
    """Why the case is postponed and to which meeting (or back to the waiting list)."""

    def __init__(self, case_no: str, targets: list[MeetingRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postponeDialog")
        self.setWindowTitle(self.tr("Postpone case %1").replace("%1", case_no))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        self.target = QComboBox()
        self.target.addItem(self.tr("No meeting yet (back to the waiting list)"), None)
        for m in targets:
            self.target.addItem(f"{format_datetime(m.scheduled_at)}  {m.team}  {m.place}", m.id)
        if targets:
            self.target.setCurrentIndex(1)
        self.error = InlineError()
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("&To meeting:"), self.target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.error.show_message(self.tr("Enter the reason."))
            return
        super().accept()

    def values(self) -> tuple[str, int | None]:
        return self.reason.toPlainText().strip(), self.target.currentData()

    @classmethod
    def ask(cls, parent: QWidget | None, case_no: str, targets: list[MeetingRow]) -> tuple[str, int | None] | None:
        dialog = cls(case_no, targets, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class QuorumReasonDialog(QDialog):
    """The quorum is not met: the chair's reason to proceed anyway (printed on the meeting record)."""

    def __init__(self, reasons: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumReasonDialog")
        self.setWindowTitle(self.tr("Proceed without a quorum"))
        intro = QLabel(self.tr("The quorum is not met:") + "\n" + "\n".join("• " + r for r in reasons) + "\n\n"
                       + self.tr("To proceed anyway, record the chair's reason. It is printed on the meeting "
                                 "record."))
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("quorumReason")
        self.reason.setTabChangesFocus(True)
        self.error = InlineError()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.resize(520, 320)

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.error.show_message(self.tr("Enter the chair's reason."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, reasons: list[str]) -> str | None:
        dialog = cls(reasons, parent)
        return dialog.reason.toPlainText().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TrackDialog(QDialog):
    """Discuss a case in the meeting, or list it (a protocol case) with the standard decision it gets."""

    def __init__(self, case_no: str, track: str, standard: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackDialog")
        self.setWindowTitle(self.tr("Track of case %1").replace("%1", case_no))
        self.track = QComboBox()
        self.track.setObjectName("trackChoice")
        self.track.addItem(self.tr("Discuss in the meeting"), "discuss")
        self.track.addItem(self.tr("Listed only (standard decision, no meeting time)"), "listed")
        self.track.setCurrentIndex(max(self.track.findData(track), 0))
        self.standard = QPlainTextEdit(standard)
        self.standard.setObjectName("standardDecision")
        self.standard.setTabChangesFocus(True)
        self.standard.setPlaceholderText(self.tr("The standard decision the listed case is recorded with"))
        self.track.currentIndexChanged.connect(self._changed)
        self.error = InlineError()
        form = QFormLayout()
        form.addRow(self.tr("T&rack:"), self.track)
        form.addRow(self.tr("&Standard decision:"), self.standard)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.resize(520, 260)
        self._changed()

    def _changed(self) -> None:
        self.standard.setEnabled(self.track.currentData() == "listed")

    def accept(self) -> None:
        if self.track.currentData() == "listed" and not self.standard.toPlainText().strip():
            self.error.show_message(self.tr("A listed case needs the standard decision it is recorded with."))
            return
        super().accept()

    def values(self) -> tuple[str, str]:
        listed = self.track.currentData() == "listed"
        return self.track.currentData(), self.standard.toPlainText().strip() if listed else ""

    @classmethod
    def ask(cls, parent: QWidget | None, case_no: str, track: str, standard: str) -> tuple[str, str] | None:
        dialog = cls(case_no, track, standard, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
