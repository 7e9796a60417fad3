"""The MDT teams screen: the teams on the left; the chosen team's members and quorum rule on the right.

The MDT secretary and the administrator (permission team.manage) change teams; everyone else reads them.
Keys: Ctrl+N new team, F2 edit the team, Insert add a member, Enter edit the member, Delete remove the
member from the team (with confirmation; past meetings keep their attendance).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.meeting_records import TeamDetail, TeamMemberRow
from app.records import Actor
from app.security.permissions import allowed
from ui import errors, ops
from ui.meetings.meeting_models import discipline_label
from ui.qt_compat import emit
from ui.teams.quorum_dialog import QuorumRuleDialog, rule_summary
from ui.teams.team_dialogs import MemberDialog, TeamDialog
from ui.widgets.heading import Heading
from ui.widgets.section import SectionView

GREY = QColor("#9ca3af")


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.clicked.connect(slot)
    return b


class TeamsView(SectionView):
    changed = Signal()  # a team was created or changed (the meetings screen reads its teams again)

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamsView")
        self.setWindowTitle(self.tr("MDT teams"))
        self._ctx, self._actor = ctx, actor
        self._manage = allowed(actor, "team.manage")
        self.teams: list[TeamDetail] = []
        self.team: TeamDetail | None = None
        self._wanted: int | None = None
        # Asked before a destructive step; tests replace it.
        self.confirm: Callable[[str, str], bool] = self._ask

        self.team_list = QListWidget()
        self.team_list.setObjectName("teamList")
        self.team_list.currentRowChanged.connect(self._team_chosen)
        self.show_inactive = QCheckBox(self.tr("Show &inactive teams"))
        self.show_inactive.setObjectName("showInactiveTeams")
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.new_button = _button(self.tr("&New team…"), "newTeam", self.new_team)
        self.edit_button = _button(self.tr("&Edit team…"), "editTeam", self.edit_team)
        self.active_button = _button(self.tr("&Deactivate"), "toggleTeamActive", self.toggle_active)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(Heading(self.tr("MDT teams")))
        lv.addWidget(self.team_list, 1)
        lv.addWidget(self.show_inactive)
        row = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.active_button):
            row.addWidget(b)
        lv.addLayout(row)
        left.setMinimumWidth(self.fontMetrics().horizontalAdvance("会") * 26)

        self.title = Heading("", 1.1)
        self.info = QLabel()
        self.info.setObjectName("teamInfo")
        self.info.setWordWrap(True)
        self.members = QTableWidget(0, 7)
        self.members.setObjectName("memberTable")
        self.members.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Department"), self.tr("Discipline"), self.tr("Title"),
            self.tr("Role in team"), self.tr("Organisation"), self.tr("Account")])
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setAlternatingRowColors(True)
        self.members.setTabKeyNavigation(False)
        self.members.verticalHeader().setVisible(False)
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.members.installEventFilter(self)
        self.members.doubleClicked.connect(lambda _i: self.edit_member())
        self.show_former = QCheckBox(self.tr("Show &former members"))
        self.show_former.setObjectName("showFormerMembers")
        self.show_former.toggled.connect(lambda _on: self._fill_members())
        self.add_member_button = _button(self.tr("&Add member…"), "addMember", self.add_member)
        self.edit_member_button = _button(self.tr("Edit &member…"), "editMember", self.edit_member)
        self.remove_member_button = _button(self.tr("&Remove from team"), "removeMember", self.remove_member)
        members_box = QGroupBox(self.tr("Members"))
        mv = QVBoxLayout(members_box)
        mv.addWidget(self.members, 1)
        row = QHBoxLayout()
        for b in (self.add_member_button, self.edit_member_button, self.remove_member_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.show_former)
        mv.addLayout(row)
        self.quorum = QLabel()
        self.quorum.setObjectName("quorumRule")
        self.quorum.setWordWrap(True)
        self.quorum_button = _button(self.tr("Edit &quorum rule…"), "editQuorum", self.edit_quorum)
        quorum_box = QGroupBox(self.tr("Quorum rule"))
        qv = QHBoxLayout(quorum_box)
        qv.addWidget(self.quorum, 1)
        qv.addWidget(self.quorum_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.title)
        rv.addWidget(self.info)
        rv.addWidget(members_box, 1)
        rv.addWidget(quorum_box)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([280, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.new_button.isEnabled() and self.new_team())
        QShortcut(QKeySequence("F2"), self, lambda: self.edit_button.isEnabled() and self.edit_team())
        for b, keys in ((self.new_button, "Ctrl+N"), (self.edit_button, "F2"), (self.add_member_button, "Ins"),
                        (self.edit_member_button, "Enter"), (self.remove_member_button, "Del")):
            b.setToolTip(self.tr("Shortcut: %1").replace("%1", keys))
        self._show_team()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        teams, actor, inactive = self._ctx.teams, self._actor, self.show_inactive.isChecked()
        ops.run(lambda: teams.list_detailed(actor, include_inactive=inactive), self._arrived, owner=self)

    def _arrived(self, teams: list[TeamDetail]) -> None:
        keep = self._wanted if self._wanted is not None else (self.team.id if self.team else None)
        self._wanted = None
        self.teams = list(teams)
        self.team_list.blockSignals(True)
        self.team_list.clear()
        for t in self.teams:
            text = t.name if t.active else self.tr("%1 (inactive)").replace("%1", t.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if not t.active:
                item.setForeground(GREY)
            self.team_list.addItem(item)
        self.team_list.blockSignals(False)
        ids = [t.id for t in self.teams]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.team_list.setCurrentRow(row)
        self._team_chosen(row)
        self.mark_loaded()

    def _team_chosen(self, row: int) -> None:
        self.team = self.teams[row] if 0 <= row < len(self.teams) else None
        self._show_team()

    def _show_team(self) -> None:
        t = self.team
        if t is None:
            self.title.setText(self.tr("No team yet") if not self.teams else "")
            self.info.setText(self.tr("Create the first MDT team with New team (Ctrl+N).") if self._manage else "")
            self.quorum.setText("")
        else:
            self.title.setText(t.name + ("" if t.active else "  " + self.tr("(inactive)")))
            types = "、".join(label("tumour_type", c) for c in t.tumour_types) or self.tr("any tumour type")
            self.info.setText(self.tr("Covers: %1 · usual room: %2").replace("%1", types)
                              .replace("%2", t.default_place or "—"))
            self.quorum.setText(rule_summary(t.quorum_rule))
        self._fill_members()

    def shown_members(self) -> list[TeamMemberRow]:
        if self.team is None:
            return []
        return [m for m in self.team.members if m.active or self.show_former.isChecked()]

    def _fill_members(self) -> None:
        keep = self.selected_member()
        rows = self.shown_members()
        self.members.setRowCount(len(rows))
        for r, m in enumerate(rows):
            account = self.tr("Login account") if m.user_id else self.tr("Guest, no login")
            if not m.active:
                account = self.tr("Left the team")
            cells = (m.name, m.department, discipline_label(m.discipline), label("title", m.title),
                     label("team_role", m.team_role), m.organisation, account)
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, m.id)
                if not m.active:
                    cell.setForeground(GREY)
                self.members.setItem(r, c, cell)
        ids = [m.id for m in rows]
        if keep is not None and keep.id in ids:
            self.members.selectRow(ids.index(keep.id))
        elif rows:
            self.members.selectRow(0)
        self._enable()

    def selected_member(self) -> TeamMemberRow | None:
        rows = self.members.selectionModel().selectedRows() if self.members.selectionModel() else []
        shown = self.shown_members()
        if not rows or rows[0].row() >= len(shown):
            return None
        return shown[rows[0].row()]

    def select_member(self, member_id: int) -> None:
        ids = [m.id for m in self.shown_members()]
        if member_id in ids:
            self.members.selectRow(ids.index(member_id))

    def _enable(self) -> None:
        t, m = self.team, self.selected_member()
        editable = self._manage and t is not None
        self.new_button.setEnabled(self._manage)
        self.edit_button.setEnabled(editable)
        self.active_button.setEnabled(editable)
        self.active_button.setText(self.tr("&Deactivate") if t is None or t.active else self.tr("Re&activate"))
        self.add_member_button.setEnabled(bool(editable and t.active))
        self.edit_member_button.setEnabled(bool(editable and m is not None))
        self.remove_member_button.setEnabled(bool(editable and m is not None and m.active))
        self.quorum_button.setEnabled(editable)

    # -- changes ---------------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], object], then: Callable[[object], None] | None = None) -> None:
        def done(result: object) -> None:
            if then is not None:
                then(result)
            emit(self.changed)
            self.refresh()

        ops.run(fn, done, lambda exc: errors.show_error(exc, self), owner=self)

    def new_team(self) -> None:
        values = TeamDialog.ask(self)
        if values is not None:
            teams, actor = self._ctx.teams, self._actor

            def created(t) -> None:
                self._wanted = t.id

            self._run(lambda: teams.create(actor, **values), created)

    def edit_team(self) -> None:
        t = self.team
        values = TeamDialog.ask(self, t) if t is not None else None
        if values is not None:
            teams, actor = self._ctx.teams, self._actor
            self._run(lambda: teams.update(actor, t.id, **values))

    def toggle_active(self) -> None:
        t = self.team
        if t is None:
            return
        if t.active and not self.confirm(
                self.tr("Deactivate team"),
                self.tr("Deactivate %1? It can no longer be chosen for new meetings; its past meetings and "
                        "records stay.").replace("%1", t.name)):
            return
        teams, actor, active = self._ctx.teams, self._actor, not t.active
        if not active:
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)  # the team stays in view, marked inactive
            self.show_inactive.blockSignals(False)
        self._run(lambda: teams.set_active(actor, t.id, active))

    def add_member(self) -> None:
        t = self.team
        if t is None:
            return
        users, actor = self._ctx.users, self._actor
        ops.run(lambda: users.list(actor), lambda rows: self._ask_member(t, rows), owner=self)

    def _ask_member(self, t: TeamDetail, users) -> None:
        values = MemberDialog.ask(self, list(users))
        if values is not None:
            teams, actor = self._ctx.teams, self._actor
            self._run(lambda: teams.add_member(actor, t.id, **values))

    def edit_member(self) -> None:
        m = self.selected_member()
        if m is None or not self.edit_member_button.isEnabled():
            return
        values = MemberDialog.ask(self, [], m)
        if values is not None:
            values.pop("user_id", None)
            teams, actor = self._ctx.teams, self._actor
            self._run(lambda: teams.update_member(actor, m.id, **values))

    def remove_member(self) -> None:
        m = self.selected_member()
        if m is None or not self.remove_member_button.isEnabled():
            return
        if not self.confirm(self.tr("Remove from team"),
                            self.tr("Remove %1 from the team? Past meetings keep their attendance.")
                            .replace("%1", m.name)):
            return
        teams, actor = self._ctx.teams, self._actor
        self._run(lambda: teams.deactivate_member(actor, m.id))

    def edit_quorum(self) -> None:
        t = self.team
        rule = QuorumRuleDialog.ask(self, t.quorum_rule) if t is not None else None
        if rule is not None:
            teams, actor = self._ctx.teams, self._actor
            self._run(lambda: teams.update(actor, t.id, quorum_rule=rule))

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- keyboard --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.members and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            actions = {Qt.Key.Key_Return: self.edit_member, Qt.Key.Key_Enter: self.edit_member,
                       Qt.Key.Key_Insert: self.add_member, Qt.Key.Key_Delete: self.remove_member}
            action = actions.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)
