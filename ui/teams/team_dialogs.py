"""The team screen's dialogs: a team's name and scope, a member (with or without an account).

Each has a classmethod `ask()` that the screen calls and tests replace; `values()` is what the service gets.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.reference import DISCIPLINES
from app.domain.vocab import TEAM_ROLES, TITLES, TUMOUR_TYPES, label
from app.meeting_records import TeamDetail, TeamMemberRow
from app.records import UserRow
from ui.meetings.meeting_models import discipline_label
from ui.widgets.forms import InlineError, ok_cancel


def _choose(combo: QComboBox, code) -> None:
    combo.setCurrentIndex(max(combo.findData(code), 0))


class TeamDialog(QDialog):
    """A new team, or renaming one: name, English name, the tumour types it covers, its usual room."""

    def __init__(self, team: TeamDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("New team") if team is None else self.tr("Edit team"))
        self.name = QLineEdit(team.name if team else "")
        self.name.setObjectName("teamName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. 消化道肿瘤MDT"))
        self.name_en = QLineEdit(team.name_en if team else "")
        self.name_en.setMaxLength(100)
        self.place = QLineEdit(team.default_place if team else "")
        self.place.setMaxLength(100)
        types = QWidget()
        grid = QGridLayout(types)
        grid.setContentsMargins(0, 0, 0, 0)
        self.types: dict[str, QCheckBox] = {}
        chosen = set(team.tumour_types) if team else set()
        for i, code in enumerate(TUMOUR_TYPES):
            box = QCheckBox(label("tumour_type", code))
            box.setObjectName(f"tumour_{code}")
            box.setChecked(code in chosen)
            self.types[code] = box
            grid.addWidget(box, i // 2, i % 2)
        self.error = InlineError()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&English name:"), self.name_en)
        form.addRow(self.tr("Tumour types:"), types)
        form.addRow(self.tr("Usual &room:"), self.place)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.show_message(self.tr("Enter the team's name."))
            self.name.setFocus()
            return
        super().accept()

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "name_en": self.name_en.text().strip(),
                "tumour_types": [c for c, box in self.types.items() if box.isChecked()],
                "default_place": self.place.text().strip()}

    @classmethod
    def ask(cls, parent: QWidget | None, team: TeamDetail | None = None) -> dict | None:
        dialog = cls(team, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MemberDialog(QDialog):
    """A member: an account holder (name, department and title come from the account) or a guest without a
    login, e.g. an expert of the upper-level hospital who joins by video."""

    def __init__(self, users: list[UserRow], member: TeamMemberRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Add a team member") if member is None else self.tr("Edit team member"))
        self._users = {u.id: u for u in users}
        self.account = QComboBox()
        self.account.setObjectName("memberAccount")
        self.account.addItem(self.tr("(no account: guest expert)"), None)
        for u in users:
            if u.is_active:
                extra = " · ".join(x for x in (u.department, label("title", u.title)) if x)
                self.account.addItem(f"{u.display_name}（{u.username}）" + (f" · {extra}" if extra else ""), u.id)
        self.name = QLineEdit()
        self.name.setObjectName("memberName")
        self.name.setMaxLength(100)
        self.department = QLineEdit()
        self.department.setObjectName("memberDepartment")
        self.department.setMaxLength(100)
        self.discipline = QComboBox()
        self.discipline.setObjectName("memberDiscipline")
        self.discipline.addItem(self.tr("(none)"), "")
        for code, _zh, _en in DISCIPLINES:
            self.discipline.addItem(discipline_label(code), code)
        self.title = QComboBox()
        self.title.setObjectName("memberTitle")
        self.title.addItem(self.tr("(not given)"), "")
        for code in TITLES:
            self.title.addItem(label("title", code), code)
        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        for code in TEAM_ROLES:
            self.role.addItem(label("team_role", code), code)
        _choose(self.role, "core")
        self.organisation = QLineEdit()
        self.organisation.setObjectName("memberOrganisation")
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText(self.tr("For guests: their hospital, e.g. 省人民医院"))
        self.error = InlineError()
        form = QFormLayout()
        form.addRow(self.tr("&Account:"), self.account)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Department:"), self.department)
        form.addRow(self.tr("D&iscipline:"), self.discipline)
        form.addRow(self.tr("&Title (职称):"), self.title)
        form.addRow(self.tr("&Role in the team:"), self.role)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        hint = QLabel(self.tr("A guest without an account can attend and give opinions; the secretary signs "
                              "them in."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 30)
        if member is not None:
            _choose(self.account, member.user_id)
            self.account.setEnabled(False)  # who the member is does not change; add another member instead
            self.name.setText(member.name)
            self.department.setText(member.department)
            _choose(self.discipline, member.discipline)
            _choose(self.title, member.title)
            _choose(self.role, member.team_role)
            self.organisation.setText(member.organisation)
        else:
            self.account.currentIndexChanged.connect(self._account_chosen)

    def _account_chosen(self) -> None:
        """An account fills in the name, department and title (still editable for this team)."""
        u = self._users.get(self.account.currentData())
        if u is None:
            _choose(self.role, "guest")
            return
        self.name.setText(u.display_name)
        self.department.setText(u.department)
        _choose(self.title, u.title)
        if self.role.currentData() == "guest":
            _choose(self.role, "core")

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.show_message(self.tr("Enter the person's name."))
            self.name.setFocus()
            return
        super().accept()

    def values(self) -> dict:
        out = {"name": self.name.text().strip(), "department": self.department.text().strip(),
               "discipline": self.discipline.currentData() or "", "title": self.title.currentData() or "",
               "team_role": self.role.currentData(), "organisation": self.organisation.text().strip()}
        if self.account.isEnabled():
            out["user_id"] = self.account.currentData()
        return out

    @classmethod
    def ask(cls, parent: QWidget | None, users: list[UserRow], member: TeamMemberRow | None = None) -> dict | None:
        dialog = cls(users, member, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
