"""One opinion box per signed-in attendee, each attributed to that attendee (name, discipline, title)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.vocab import label
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import AttendanceRow, OpinionRow
from ui.meetings.capture.common import discipline_label, fill, local_time, tr
from ui.qt_compat import emit


class OpinionsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(4)
        self.boxes: dict[int, QPlainTextEdit] = {}
        self.stamps: dict[int, QLabel] = {}
        self._loading = False
        self._empty = QLabel(
            tr(
                N(
                    "MeetingCapture",
                    "Nobody has signed in yet: sign in the attendees to record their opinions.",
                )
            )
        )
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)

    def set_attendees(
        self, attendance: tuple[AttendanceRow, ...], opinions: tuple[OpinionRow, ...] = ()
    ) -> None:
        """A box for each attendee who signed in (or already gave an opinion); unchanged boxes are kept."""
        speaking = {o.attendance_id for o in opinions}
        wanted = [a for a in attendance if a.signed_in_at is not None or a.id in speaking]
        if [a.id for a in wanted] != list(self.boxes):
            self._rebuild(wanted)
        self._empty.setVisible(not wanted)

    def _rebuild(self, attendees: list[AttendanceRow]) -> None:
        while self._layout.count() > 2:
            item = self._layout.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.boxes.clear()
        self.stamps.clear()
        for a in attendees:
            who = " · ".join(
                x
                for x in (a.name, discipline_label(a.discipline), label("title", a.title), a.organisation)
                if x
            )
            head = QLabel(who)
            head.setObjectName(f"opinionHead_{a.id}")
            head.setStyleSheet("font-weight: 600;")
            box = QPlainTextEdit()
            box.setObjectName(f"opinion_{a.id}")
            box.setAccessibleName(fill(tr(N("MeetingCapture", "Opinion of %1")), a.name))
            box.setTabChangesFocus(True)
            box.setPlaceholderText(fill(tr(N("MeetingCapture", "Opinion of %1")), a.name))
            box.setMinimumHeight(54)
            box.setMaximumHeight(110)
            box.textChanged.connect(self._changed)
            stamp = QLabel("")
            stamp.setObjectName(f"opinionStamp_{a.id}")
            stamp.setStyleSheet("color: #6b7280;")
            at = self._layout.count() - 1
            for i, w in enumerate((head, box, stamp)):
                self._layout.insertWidget(at + i, w)
                w.show()  # now, not on the layout's queued show: Tab skips a box that is not visible yet
            self.boxes[a.id], self.stamps[a.id] = box, stamp

    def _changed(self) -> None:
        if not self._loading:
            emit(self.changed)

    def load(self, opinions: tuple[OpinionRow, ...], keep_typed: bool = False) -> None:
        """Show the stored opinions; with keep_typed, text being typed is not overwritten (autosave answers)."""
        by_attendee = {o.attendance_id: o for o in opinions}
        self._loading = True
        try:
            for aid, box in self.boxes.items():
                o = by_attendee.get(aid)
                if not keep_typed and box.toPlainText() != (o.text if o else ""):
                    box.setPlainText(o.text if o else "")
                self.stamps[aid].setText(
                    fill(
                        tr(N("MeetingCapture", "Recorded %1 by %2")), local_time(o.updated_at), o.recorded_by
                    )
                    if o
                    else ""
                )
        finally:
            self._loading = False

    def values(self) -> list[dict]:
        return [{"attendance_id": aid, "text": box.toPlainText()} for aid, box in self.boxes.items()]

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setReadOnly(read_only)
