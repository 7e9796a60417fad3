"""The follow-up section of the main window: the logged-in user's work of the closed loop — action items,
decisions awaiting their execution status, follow-ups due — each list sorted by due date with the overdue
rows tinted, and the secretary's list of every follow-up due in a period. Every row opens its case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.closed_loop_records import MyWork, WorkItem
from app.records import Actor
from ui import ops
from ui.followup.due_panel import DuePanel
from ui.followup.row_actions import RowActions
from ui.followup.table_view import WorkTable
from ui.followup.tables import ActionModel, ExecutionModel, FollowUpModel
from ui.followup.tiles import WorkTile
from ui.qt_compat import emit
from ui.widgets.heading import Heading
from ui.widgets.section import SectionView

ACTIONS, EXECUTIONS, FOLLOWUPS, PERIOD = range(4)


class FollowUpSection(SectionView):
    caseActivated = Signal(int)
    workShown = Signal()  # each time "my work" is on screen (first load and every refresh)

    def __init__(self, ctx, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpSection")
        self._ctx, self._actor = ctx, actor
        self.work: MyWork | None = None
        self.actions = RowActions(ctx, actor, self)
        self.actions.changed.connect(self.refresh)

        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("subtitle")
        self.summary.setWordWrap(True)
        self.tiles = [WorkTile(self.tr("Action items")), WorkTile(self.tr("Awaiting execution status")),
                      WorkTile(self.tr("Follow-ups due"))]
        self.action_model, self.execution_model = ActionModel(self), ExecutionModel(self)
        self.followup_model = FollowUpModel(self)
        self.tables = [WorkTable(self.action_model, "actionTable"),
                       WorkTable(self.execution_model, "executionTable"),
                       WorkTable(self.followup_model, "followUpTable")]
        self.due = DuePanel(ctx, actor)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("followUpTabs")
        self.show_recorded = QCheckBox(self.tr("Also show decisions recorded in the last 90 days (to &correct them)"))
        self.show_recorded.setObjectName("showRecorded")
        self.show_recorded.toggled.connect(lambda _on: self.refresh())
        for i, table in enumerate(self.tables):
            self.tabs.addTab(self._with_option(table, self.show_recorded) if i == EXECUTIONS else table, "")
            table.rowActivated.connect(self._primary)
            table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.tabs.addTab(self.due, self.tr("All follow-ups due (period)"))
        self.due.table.rowActivated.connect(self._primary)
        self.due.loaded.connect(self._update_buttons)
        for i, tile in enumerate(self.tiles):
            tile.clicked.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())

        self.execute_button = self._button("recordExecution", self.tr("Record &execution…"), self.record_execution)
        self.done_button = self._button("completeAction", self.tr("Mar&k done"), self.complete_action)
        self.reopen_button = self._button("reopenAction", self.tr("&Undo done"), self.reopen_action)
        self.followup_button = self._button("recordFollowUp", self.tr("Record fo&llow-up…"), self.record_followup)
        self.rediscuss_button = self._button("rediscuss", self.tr("&Re-discuss…"), self.rediscuss)
        self.open_button = self._button("openCase", self.tr("&Open case"), self.open_current_case)
        self.open_button.setToolTip(self.tr("Open the case of the chosen row (Ctrl+O)"))
        self.notice = QLabel(self.tr("Enter records the chosen row; Ctrl+O opens its case."))
        self.notice.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addWidget(Heading(self.tr("My work")))
        layout.addWidget(self.summary)
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in self.tiles:
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        for b in (self.execute_button, self.done_button, self.reopen_button, self.followup_button,
                  self.rediscuss_button):
            buttons.addWidget(b)
        buttons.addWidget(self.notice, 1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self._update_buttons()
        self.refresh()

    @staticmethod
    def _with_option(table: QWidget, option: QWidget) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(option)
        column.addWidget(table, 1)
        return page

    def _button(self, name: str, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # -- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        my_work, actor, recorded = self._ctx.my_work, self._actor, self.show_recorded.isChecked()
        ops.run(lambda: (my_work.for_user(actor), my_work.recent_executions(actor) if recorded else ()),
                lambda answer: self._arrived(*answer), owner=self)
        if self.due.model.rowCount() or self.tabs.currentIndex() == PERIOD:
            self.due.refresh()

    def _arrived(self, work: MyWork, recorded: tuple[WorkItem, ...] = ()) -> None:
        self.work = work
        lists = (work.actions, work.executions, work.followups)
        shown = (work.actions, work.executions + recorded, work.followups)
        titles = (self.tr("Action items (%1)"), self.tr("Awaiting execution status (%1)"),
                  self.tr("Follow-ups due (%1)"))
        models = (self.action_model, self.execution_model, self.followup_model)
        for i, (model, rows) in enumerate(zip(models, lists, strict=True)):
            keep = self.tables[i].current_row()
            model.set_rows(shown[i])
            self.tabs.setTabText(i, titles[i].replace("%1", str(len(rows))))
            self.tiles[i].show_counts(len(rows), sum(1 for r in rows if r.overdue))
            if shown[i]:
                self.tables[i].selectRow(min(max(keep, 0), len(shown[i]) - 1))
        overdue = sum(1 for rows in lists for r in rows if r.overdue)
        if work.count:
            self.summary.setText(self.tr("%1: %2 open item(s), %3 overdue. Due within a week or overdue, "
                                         "soonest first.").replace("%1", self._actor.display_name)
                                 .replace("%2", str(work.count)).replace("%3", str(overdue)))
        else:
            self.summary.setText(self.tr("%1: nothing due. Items appear here a week before they fall due.")
                                 .replace("%1", self._actor.display_name))
        if not work.count and not self.is_loaded:
            self.tabs.setCurrentIndex(PERIOD)  # nothing of one's own (a secretary): the hospital's list
        self._update_buttons()
        self.mark_loaded()
        emit(self.workShown)

    # -- the current row -------------------------------------------------------------------------

    def current_item(self) -> WorkItem | None:
        tab = self.tabs.currentIndex()
        if tab == PERIOD:
            return None
        row = self.tables[tab].current_row()
        model = self.tables[tab].model()
        return model.row_at(row) if 0 <= row < model.rowCount() else None

    def _current_case(self) -> tuple[int, str] | None:
        if self.tabs.currentIndex() == PERIOD:
            r = self.due.current()
            return (r.case_id, f"{r.case_no}  {r.patient_name}") if r else None
        item = self.current_item()
        return (item.case_id, f"{item.case_no}  {item.patient_name}") if item else None

    def _update_buttons(self) -> None:
        tab = self.tabs.currentIndex()
        has_row = self._current_case() is not None
        self.execute_button.setVisible(tab == EXECUTIONS)
        self.execute_button.setEnabled(has_row and self.actions.may_record_execution)
        self.done_button.setVisible(tab == ACTIONS)
        self.done_button.setEnabled(has_row and self.actions.may_record_execution)
        self.reopen_button.setVisible(tab == ACTIONS)
        self.reopen_button.setEnabled(self.actions.last_completed is not None)
        self.followup_button.setVisible(tab in (FOLLOWUPS, PERIOD))
        self.followup_button.setEnabled(has_row and self.actions.may_record_followup)
        self.rediscuss_button.setVisible(tab != ACTIONS)
        self.rediscuss_button.setEnabled(has_row and self.actions.may_rediscuss)
        self.open_button.setEnabled(has_row)

    def _primary(self, _row: int) -> None:
        """Enter on a row: the tab's main action (if the role may), else open the case."""
        tab = self.tabs.currentIndex()
        if tab == ACTIONS and self.done_button.isEnabled():
            self.complete_action()
        elif tab == EXECUTIONS and self.execute_button.isEnabled():
            self.record_execution()
        elif tab in (FOLLOWUPS, PERIOD) and self.followup_button.isEnabled():
            self.record_followup()
        else:
            self.open_current_case()

    # -- actions ---------------------------------------------------------------------------------

    def record_execution(self) -> None:
        item = self.current_item()
        if item is not None and item.kind == "execution":
            self.actions.record_execution(item.id, f"{item.case_no}  {item.patient_name}", item.text)

    def complete_action(self) -> None:
        item = self.current_item()
        if item is not None and item.kind == "action":
            self.actions.complete_action(item.id, lambda _row, t=item.text: self.notice.setText(
                self.tr("Marked done: %1").replace("%1", t)))

    def reopen_action(self) -> None:
        self.actions.reopen_last(lambda _row: self.notice.setText(self.tr("Reopened.")))

    def record_followup(self) -> None:
        if self.tabs.currentIndex() == PERIOD:
            r = self.due.current()
            if r is not None:
                self.actions.record_followup(r.id, f"{r.case_no}  {r.patient_name}")
            return
        item = self.current_item()
        if item is not None and item.kind == "followup":
            self.actions.record_followup(item.id, f"{item.case_no}  {item.patient_name}")

    def rediscuss(self):
        current = self._current_case()
        if current is not None:
            return self.actions.rediscuss(*current)
        return None

    def open_current_case(self) -> None:
        current = self._current_case()
        if current is None:
            return
        emit(self.caseActivated, current[0])
        window = self.window()
        if window is not self and hasattr(window, "open_case"):
            window.open_case(current[0])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_O and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.open_current_case()
            return
        super().keyPressEvent(event)
