"""The admin section: the user accounts, read-only (creating and disabling users comes later)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import label
from app.records import Actor, UserRow
from app.security.permissions import allowed
from ui import ops
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
        if allowed(actor, "user.manage"):
            self.note.setText(self.tr("User accounts of this installation. Creating, disabling and "
                                      "resetting accounts, backups and the hospital certificate will be "
                                      "managed here."))
            self.refresh()
        else:
            self.note.setText(self.tr("Only an administrator can manage users, backups and settings."))
            self.table.hide()
            self.mark_loaded()

    def refresh(self) -> None:
        if not allowed(self._actor, "user.manage"):
            return
        users, actor = self._ctx.users, self._actor
        ops.run(lambda: users.list(actor), self._arrived, owner=self)

    def _arrived(self, rows: list[UserRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, u in enumerate(rows):
            state = self.tr("Active") if u.is_active else self.tr("Disabled")
            cells = (u.username, u.display_name, label("role", u.role), label("title", u.title),
                     u.department, state)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.mark_loaded()
