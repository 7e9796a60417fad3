"""The admin section: user accounts (new, reset password, disable/enable, delete), account rules, audit trail.

A user who appears in any record is never deleted (the service refuses and says to disable instead).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.errors import AppError
from app.records import Actor, UserRow
from app.security.permissions import allowed
from ui import ops
from ui.admin.account_rules_dialog import AccountRulesDialog
from ui.admin.audit_view import AuditView
from ui.admin.user_dialogs import NewUserDialog, ResetPasswordDialog
from ui.errors import show_error
from ui.widgets.forms import InlineError
from ui.widgets.heading import Heading
from ui.widgets.section import SectionView


class UserListView(SectionView):
    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userList")
        self._ctx, self._actor = ctx, actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addWidget(Heading(self.tr("Administration")))
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("userTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Title"),
            self.tr("Department"), self.tr("Account"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.rows: list[UserRow] = []
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("new", self.tr("New user…"), self.new_user),
            ("reset", self.tr("Reset password…"), self.reset_password),
            ("active", self.tr("Disable"), self.toggle_active),
            ("delete", self.tr("Delete…"), self.delete_user),
            (None, None, None),
            ("rules", self.tr("Account rules…"), self.account_rules),
            ("audit", self.tr("Audit trail…"), self.audit_trail),
        ):
            if key is None:
                bar.addStretch(1)
                continue
            button = self.buttons[key] = QPushButton(text)
            button.setObjectName(f"user_{key}")
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout.insertLayout(2, bar)
        self.error = InlineError()
        layout.addWidget(self.error)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.reset_password())
        if allowed(actor, "user.manage"):
            self.note.setText(self.tr("User accounts of this installation. A user who appears in any record "
                                      "cannot be deleted: disable the account instead."))
            self._selection_changed()
            self.refresh()
        else:
            self.note.setText(self.tr("Only an administrator can manage users, backups and settings."))
            self.table.hide()
            for button in self.buttons.values():
                button.hide()
            self.mark_loaded()

    def refresh(self) -> None:
        if not allowed(self._actor, "user.manage"):
            return
        users, actor = self._ctx.users, self._actor
        ops.run(lambda: users.list(actor), self._arrived, owner=self)

    def _arrived(self, rows: list[UserRow]) -> None:
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, u in enumerate(rows):
            state = self.tr("Active") if u.is_active else self.tr("Disabled")
            cells = (u.username, u.display_name, label("role", u.role), label("title", u.title),
                     u.department, state)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.mark_loaded()
        if selected is not None:
            for r, u in enumerate(rows):
                if u.id == selected.id:
                    self.table.selectRow(r)
        self._selection_changed()

    # -- actions ---------------------------------------------------------------------------------

    def selected(self) -> UserRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) and self.table.selectionModel().hasSelection() else None

    def _selection_changed(self) -> None:
        u = self.selected()
        mine = u is not None and u.id == self._actor.user_id
        self.buttons["reset"].setEnabled(u is not None)
        self.buttons["active"].setEnabled(u is not None and not mine)
        self.buttons["delete"].setEnabled(u is not None and not mine)
        self.buttons["active"].setText(self.tr("Enable") if u is not None and not u.is_active else self.tr("Disable"))

    def _changed(self, _result=None) -> None:
        self.error.clear_message()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.error.show_message(exc.localized())
        else:
            show_error(exc, self)

    def new_user(self) -> NewUserDialog:
        dialog = NewUserDialog(self._ctx, self._actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def reset_password(self) -> ResetPasswordDialog | None:
        u = self.selected()
        if u is None:
            return None
        dialog = ResetPasswordDialog(self._ctx, self._actor, u, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        u = self.selected()
        if u is None:
            return
        users, actor = self._ctx.users, self._actor
        ops.run(lambda: users.set_active(actor, u.id, not u.is_active), self._changed, self._failed, owner=self)

    def confirm_delete(self, u: UserRow) -> bool:
        """Asked before deleting (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Delete user"),
            self.tr("Delete the account %1 (%2)? This cannot be undone.")
            .replace("%1", u.display_name).replace("%2", u.username))
        return answer == QMessageBox.StandardButton.Yes

    def delete_user(self) -> None:
        u = self.selected()
        if u is None or not self.confirm_delete(u):
            return
        users, actor = self._ctx.users, self._actor
        ops.run(lambda: users.delete(actor, u.id), self._changed, self._failed, owner=self)

    def account_rules(self) -> None:
        settings = self._ctx.account_settings
        ops.run(settings.policy, self._open_rules, owner=self)

    def _open_rules(self, policy) -> AccountRulesDialog:
        dialog = AccountRulesDialog(self._ctx, self._actor, policy, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.rules_dialog = dialog
        return dialog

    def audit_trail(self) -> AuditView:
        view = AuditView(self._ctx, self._actor, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        self.audit_view = view
        return view
