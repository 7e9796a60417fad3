"""Inviting guest experts to a meeting: the team's guest members (e.g. the upper-level hospital's experts who
join by video) and, if needed, someone who is not on the team, without an account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.reference import DISCIPLINES
from app.domain.vocab import TITLES, label
from app.meeting_records import TeamMemberRow
from ui.meetings.meeting_models import discipline_label
from ui.widgets.forms import InlineError


class GuestDialog(QDialog):
    def __init__(self, guests: list[TeamMemberRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestDialog")
        self.setWindowTitle(self.tr("Invite guest experts"))
        self.members: dict[int, QCheckBox] = {}
        box = QGroupBox(self.tr("Guest experts of the team"))
        v = QVBoxLayout(box)
        for g in guests:
            text = " · ".join(x for x in (g.name, g.organisation, g.department, discipline_label(g.discipline),
                                          label("title", g.title)) if x)
            check = QCheckBox(text)
            check.setObjectName(f"guest_{g.id}")
            self.members[g.id] = check
            v.addWidget(check)
        if not guests:
            v.addWidget(QLabel(self.tr("The team has no guest members; add them on the team screen, or enter "
                                       "one below.")))
        self.name = QLineEdit()
        self.name.setObjectName("guestName")
        self.name.setMaxLength(100)
        self.organisation = QLineEdit()
        self.organisation.setObjectName("guestOrganisation")
        self.organisation.setPlaceholderText(self.tr("e.g. 省人民医院"))
        self.department = QLineEdit()
        self.discipline = QComboBox()
        self.discipline.addItem(self.tr("(none)"), "")
        for code, _zh, _en in DISCIPLINES:
            self.discipline.addItem(discipline_label(code), code)
        self.title = QComboBox()
        self.title.addItem(self.tr("(not given)"), "")
        for code in TITLES:
            self.title.addItem(label("title", code), code)
        other = QGroupBox(self.tr("Someone else (not on the team)"))
        form = QFormLayout(other)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&Department:"), self.department)
        form.addRow(self.tr("D&iscipline:"), self.discipline)
        form.addRow(self.tr("&Title (职称):"), self.title)
        self.error = InlineError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(other)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 30)

    def accept(self) -> None:
        values = self.values()
        if not values["member_ids"] and values["guest"] is None:
            self.error.show_message(self.tr("Choose a guest of the team or enter a name."))
            return
        super().accept()

    def values(self) -> dict:
        name = self.name.text().strip()
        guest = ({"name": name, "organisation": self.organisation.text().strip(),
                  "department": self.department.text().strip(), "discipline": self.discipline.currentData() or "",
                  "title": self.title.currentData() or ""} if name else None)
        return {"member_ids": [mid for mid, check in self.members.items() if check.isChecked()], "guest": guest}

    @classmethod
    def ask(cls, parent: QWidget | None, guests: list[TeamMemberRow]) -> dict | None:
        dialog = cls(guests, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
