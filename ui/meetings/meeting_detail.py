"""The right-hand side of the meetings screen: one meeting's agenda, attendance, quorum and record.

Every service call goes through `ops.run`; after each change the meeting is read again and shown whole.
`shown` fires each time a meeting (or nothing) has been put on screen; `meetingChanged` when the list on
the left should be read again (status, counts).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.errors import ValidationError
from app.meeting_records import MeetingDetail, MeetingRecord
from app.records import Actor, MeetingRow
from app.security.permissions import allowed
from ui import errors, ops
from ui.cases.case_format import format_datetime
from ui.meetings.agenda_actions import AgendaActions
from ui.meetings.agenda_table import AgendaTable, DraggableAgendaModel
from ui.meetings.meeting_dialogs import QuorumReasonDialog
from ui.meetings.meeting_models import AttendanceModel
from ui.meetings.meeting_record import MeetingRecordView, read_only_table
from ui.qt_compat import emit
from ui.widgets.heading import Heading

OPEN = ("planned", "in_progress")


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.clicked.connect(slot)
    return b


class MeetingDetailPanel(AgendaActions, QWidget):
    shown = Signal()
    meetingChanged = Signal()
    caseActivated = Signal(int)

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDetail")
        self._ctx, self._actor = ctx, actor
        self._manage = allowed(actor, "meeting.manage")
        self.meeting_id: int | None = None
        self.detail: MeetingDetail | None = None
        self.record: MeetingRecord | None = None
        self.meetings: list[MeetingRow] = []  # every meeting (the postpone targets come from them)
        self._seq = 0

        self.title = Heading("", 1.15)
        self.info = QLabel(self.tr("Choose a meeting on the left, or schedule one."))
        self.info.setObjectName("meetingInfo")
        self.info.setWordWrap(True)
        self.start_button = _button(self.tr("&Start meeting"), "startMeeting", self.start_meeting)
        self.close_button = _button(self.tr("&Close meeting"), "closeMeeting", self.close_meeting)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.start_button)
        top.addWidget(self.close_button)

        self.agenda_model = DraggableAgendaModel(self)
        self.agenda_table = AgendaTable(self.agenda_model)
        self.agenda_table.installEventFilter(self)
        self.agenda_table.reorderRequested.connect(self.reorder)
        self.agenda_table.moveRequested.connect(self.move)
        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        self.add_button = _button(self.tr("&Add cases…"), "addCases", self.add_cases)
        self.up_button = _button(self.tr("Move &up"), "moveUp", lambda: self.move(-1))
        self.down_button = _button(self.tr("Move dow&n"), "moveDown", lambda: self.move(1))
        self.minutes_button = _button(self.tr("&Minutes…"), "setMinutes", self.set_minutes)
        self.postpone_button = _button(self.tr("P&ostpone…"), "postpone", self.postpone)
        self.track_button = _button(self.tr("Trac&k…"), "setTrack", self.set_track)
        self.track_button.setToolTip(self.tr("Record a protocol case with the standard decision, without "
                                             "meeting time"))
        self.up_button.setToolTip(self.tr("Shortcut: %1").replace("%1", "Ctrl+↑"))
        self.down_button.setToolTip(self.tr("Shortcut: %1").replace("%1", "Ctrl+↓"))
        self.next_button = _button(self.tr("Ne&xt case"), "nextCase", self.next_case)
        self.discussed_button = _button(self.tr("Mark discussed"), "markDiscussed", self.mark_discussed)
        agenda_buttons, running_buttons = QHBoxLayout(), QHBoxLayout()
        for b in (self.add_button, self.up_button, self.down_button, self.minutes_button, self.track_button,
                  self.postpone_button):
            agenda_buttons.addWidget(b)
        agenda_buttons.addStretch(1)
        running_buttons.addWidget(self.total, 1)
        running_buttons.addWidget(self.next_button)
        running_buttons.addWidget(self.discussed_button)
        agenda_box = QGroupBox(self.tr("Agenda"))
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda_table, 1)
        agenda_layout.addLayout(agenda_buttons)
        agenda_layout.addLayout(running_buttons)

        self.attendance_model = AttendanceModel(self)
        self.attendance_table = read_only_table(self.attendance_model, "attendanceTable")
        self.attendance_table.installEventFilter(self)
        self.invite_button = _button(self.tr("&Invite team"), "inviteTeam", self.invite_team)
        self.guest_button = _button(self.tr("Invite guests…"), "inviteGuests", self.invite_guests)
        self.guest_button.setToolTip(self.tr("Guest experts, e.g. from the upper-level hospital (no login needed)"))
        self.sign_in_button = _button(self.tr("Si&gn in"), "signIn", self.sign_in)
        self.leave_button = _button(self.tr("&Left"), "leave", self.leave)
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("quorumStatus")
        self.quorum_label.setWordWrap(True)
        attendance_buttons = QHBoxLayout()
        for b in (self.invite_button, self.guest_button, self.sign_in_button, self.leave_button):
            attendance_buttons.addWidget(b)
        attendance_buttons.addStretch(1)
        attendance_box = QGroupBox(self.tr("Attendance"))
        attendance_layout = QVBoxLayout(attendance_box)
        attendance_layout.addWidget(self.attendance_table, 1)
        attendance_layout.addLayout(attendance_buttons)
        attendance_layout.addWidget(self.quorum_label)

        live = QSplitter(Qt.Orientation.Vertical)
        live.setChildrenCollapsible(False)
        live.addWidget(agenda_box)
        live.addWidget(attendance_box)
        self.record_view = MeetingRecordView()
        self.pages = QStackedWidget()
        self.pages.addWidget(live)
        self.pages.addWidget(self.record_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._show(None, None)

    # -- loading -----------------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        self._seq += 1
        seq, mid, meetings, actor = self._seq, self.meeting_id, self._ctx.meetings, self._actor
        if mid is None:
            self._show(None, None)
            return

        packages = self._ctx.packages

        def load() -> tuple[MeetingDetail, MeetingRecord | None, dict]:
            d = meetings.get(actor, mid)
            if d.status != "closed":
                return d, None, {}
            record = meetings.record(actor, mid)
            # The upper-level hospital's advice, shown on the record as advisory, case by case.
            advice = {c: packages.external_opinions(actor, c) for c in {i.case_id for i in d.agenda}}
            return d, record, {c: a for c, a in advice.items() if a}

        ops.run(load, lambda r: self._show(*r) if seq == self._seq else None, owner=self)

    def _show(self, detail: MeetingDetail | None, record: MeetingRecord | None, advice: dict | None = None) -> None:
        self.detail, self.record = detail, record
        keep_item, keep_people = self.selected_item_id(), self._selected_attendance_ids()
        self.agenda_model.set_rows(detail.agenda if detail else ())
        self.attendance_model.set_rows(detail.attendance if detail else ())
        if detail is None:
            self.title.setText(self.tr("No meeting chosen"))
            self.info.setText(self.tr("Choose a meeting on the left, or schedule one."))
        else:
            self.title.setText(f"{detail.team}  {format_datetime(detail.scheduled_at)}")
            self.info.setText(self.tr("%1 · %2 min · chair: %3 · %4")
                              .replace("%1", detail.place or "—").replace("%2", str(detail.duration_minutes))
                              .replace("%3", detail.chair or "—").replace("%4", self._status_text(detail)))
            minutes = detail.total_minutes
            self.total.setText(self.tr("Total: %1 min (planned %2 min)").replace("%1", str(minutes))
                               .replace("%2", str(detail.duration_minutes)))
            self.total.setProperty("over", minutes > detail.duration_minutes)
            self._show_quorum(detail)
        self.pages.setCurrentIndex(1 if record is not None else 0)
        if record is not None:
            self.record_view.show_record(record, advice)
        self._select(keep_item, keep_people)
        self._enable()
        emit(self.shown)

    def _status_text(self, d: MeetingDetail) -> str:
        text = label("meeting_status", d.status)
        current = d.current
        if d.status == "in_progress" and current is not None:
            text += " · " + self.tr("now: %1").replace("%1", current.case_no)
        return text

    def _show_quorum(self, d: MeetingDetail) -> None:
        q = d.quorum
        if q.result.met:
            text = "✓ " + self.tr("Quorum met.")
        else:
            text = "⚠ " + self.tr("Quorum not met:") + "\n" + "\n".join("• " + m for m in q.result.messages())
            if q.override_reason:
                text += "\n" + self.tr("The chair's reason to proceed: %1").replace("%1", q.override_reason)
        self.quorum_label.setText(text)
        self.quorum_label.setProperty("met", q.result.met)
        self.quorum_label.setStyleSheet("color: #15803d;" if q.result.met else "color: #b45309;")

    @property
    def quorum_met(self) -> bool | None:
        return self.detail.quorum.result.met if self.detail else None

    # -- selection ---------------------------------------------------------------------------------

    def selected_item_id(self) -> int | None:
        rows = self.agenda_table.selectionModel().selectedRows()
        return self.agenda_model.row_at(rows[0].row()).id if rows else None

    def _selected_attendance_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.attendance_table.selectionModel().selectedRows()})
        current = self.attendance_table.currentIndex()
        if not rows and current.isValid() and self.attendance_table.hasFocus():
            rows = [current.row()]  # reached with Tab: the row under the keyboard cursor counts as chosen
        return [self.attendance_model.row_at(r).id for r in rows]

    def select_item(self, item_id: int) -> None:
        for r, row in enumerate(self.agenda_model.rows()):
            if row.id == item_id:
                self.agenda_table.selectRow(r)

    def select_attendees(self, ids: list[int]) -> None:
        self.attendance_table.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r, row in enumerate(self.attendance_model.rows()):
            if row.id in ids:
                self.attendance_table.selectionModel().select(self.attendance_model.index(r, 0), flags)

    def _select(self, item_id: int | None, attendee_ids: list[int]) -> None:
        if item_id is not None:
            self.select_item(item_id)
        if attendee_ids:
            self.select_attendees(attendee_ids)

    def _enable(self) -> None:
        d = self.detail
        open_ = self._manage and d is not None and d.status in OPEN
        running = open_ and d is not None and d.status == "in_progress"
        for b in (self.add_button, self.up_button, self.down_button, self.minutes_button, self.postpone_button,
                  self.track_button, self.invite_button, self.guest_button, self.sign_in_button, self.leave_button):
            b.setEnabled(open_)
        self.agenda_table.set_reorderable(bool(open_))
        self.start_button.setEnabled(bool(open_ and d and d.status == "planned"))
        self.close_button.setEnabled(bool(running))
        self.next_button.setEnabled(bool(running))
        self.discussed_button.setEnabled(bool(running))

    # -- actions -----------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], object], then: Callable[[object], None] | None = None,
             retry_with_reason: Callable[[str], Callable[[], object]] | None = None) -> None:
        """Run a change, then read the meeting again (and the list on the left)."""

        def done(result: object) -> None:
            if then is not None:
                then(result)
            emit(self.meetingChanged)
            self.reload()

        def failed(exc: BaseException) -> None:
            if (retry_with_reason is not None and isinstance(exc, ValidationError)
                    and exc.field == "quorum_override_reason" and self.detail is not None):
                reason = QuorumReasonDialog.ask(self, self.detail.quorum.result.messages())
                if reason:
                    self._run(retry_with_reason(reason), then)
                return
            errors.show_error(exc, self)
            self.reload()

        ops.run(fn, done, failed, owner=self)

    def _current_item(self):
        rows = [i.row() for i in self.agenda_table.selectionModel().selectedRows()]
        current = self.agenda_table.currentIndex()
        if not rows and current.isValid() and self.agenda_table.hasFocus():
            rows = [current.row()]  # reached with Tab: the row under the keyboard cursor
        return self.agenda_model.row_at(rows[0]) if rows else None

    def invite_team(self) -> None:
        if self.detail is not None:
            attendance, actor, mid = self._ctx.attendance, self._actor, self.detail.id
            self._run(lambda: attendance.invite(actor, mid))

    def invite_guests(self) -> None:
        if self.detail is not None:
            teams, actor, team_id = self._ctx.teams, self._actor, self.detail.team_id
            ops.run(lambda: teams.get(actor, team_id), self._ask_guests, owner=self)

    def _ask_guests(self, team) -> None:
        from ui.meetings.guest_dialog import GuestDialog

        answer = GuestDialog.ask(self, [m for m in team.members if m.active and m.team_role == "guest"])
        if answer is None or self.detail is None:
            return
        attendance, actor, mid = self._ctx.attendance, self._actor, self.detail.id

        def invite() -> None:
            if answer["member_ids"]:
                attendance.invite(actor, mid, answer["member_ids"])
            if answer["guest"] is not None:
                attendance.add_guest(actor, mid, **answer["guest"])

        self._run(invite)

    def sign_in(self) -> None:
        ids = self._selected_attendance_ids()
        attendance, actor = self._ctx.attendance, self._actor
        if ids:
            self._run(lambda: [attendance.sign_in(actor, i) for i in ids], lambda _: self._advance(ids))

    def _advance(self, ids: list[int]) -> None:
        """After signing in, the next person down the list is selected (sign in one by one with Enter)."""
        rows = [r.id for r in self.attendance_model.rows()]
        last = rows.index(ids[-1]) if ids[-1] in rows else -1
        if 0 <= last < len(rows) - 1:
            self.select_attendees([rows[last + 1]])

    def leave(self) -> None:
        ids = self._selected_attendance_ids()
        attendance, actor = self._ctx.attendance, self._actor
        if ids:
            self._run(lambda: [attendance.leave(actor, i) for i in ids])

    def start_meeting(self) -> None:
        if self.detail is None:
            return
        meetings, actor, mid = self._ctx.meetings, self._actor, self.detail.id
        self._run(lambda: meetings.start(actor, mid),
                  retry_with_reason=lambda why: lambda: meetings.start(actor, mid, override_reason=why))

    def next_case(self) -> None:
        if self.detail is not None:
            meetings, actor, mid = self._ctx.meetings, self._actor, self.detail.id
            self._run(lambda: meetings.step(actor, mid, 1))

    def mark_discussed(self) -> None:
        item = self._current_item()
        if item is None or self.detail is None:
            return
        capture, meetings, actor, mid = self._ctx.capture, self._ctx.meetings, self._actor, self.detail.id

        def with_reason(why: str) -> Callable[[], object]:
            return lambda: (meetings.override_quorum(actor, mid, why), capture.mark_discussed(actor, item.id))

        self._run(lambda: capture.mark_discussed(actor, item.id), retry_with_reason=with_reason)

    def close_meeting(self) -> None:
        if self.detail is not None:
            meetings, actor, mid = self._ctx.meetings, self._actor, self.detail.id
            self._run(lambda: meetings.close(actor, mid))

    # -- keyboard ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on an agenda row opens its case; Enter on an attendee signs them in (then the next one)."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if watched is self.agenda_table:
                item = self._current_item()
                if item is not None:
                    emit(self.caseActivated, item.case_id)
                    return True
            elif watched is self.attendance_table and self.sign_in_button.isEnabled():
                self.sign_in()
                return True
        return super().eventFilter(watched, event)
