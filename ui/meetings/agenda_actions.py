"""What the secretary does to a meeting's agenda: add cases, order them (buttons, Ctrl+Up/Down, drag and
drop), minutes per case, the listed (standard decision) track, postponing. Mixed into MeetingDetailPanel,
which provides `_ctx`, `_actor`, `detail`, `meetings`, `agenda_model`, `_current_item()` and `_run()`."""

from __future__ import annotations

from ui import ops
from ui.meetings.meeting_dialogs import CandidatePicker, MinutesDialog, PostponeDialog, TrackDialog


class AgendaActions:
    def add_cases(self) -> None:
        if self.detail is None:
            return
        agenda, actor, mid = self._ctx.agenda, self._actor, self.detail.id
        ops.run(lambda: agenda.candidates(actor, mid), self._pick, owner=self)

    def _pick(self, candidates) -> None:
        choice = CandidatePicker.ask(self, list(candidates))
        if not choice or self.detail is None:
            return
        agenda, actor, mid = self._ctx.agenda, self._actor, self.detail.id

        def add() -> None:
            for case_id in choice["case_ids"]:
                agenda.add(actor, mid, case_id, choice["minutes"], track=choice["track"],
                           standard_decision=choice["standard_decision"])

        self._run(add)

    def move(self, delta: int) -> None:
        item = self._current_item()
        if self.detail is None or item is None or not self.up_button.isEnabled():
            return
        ids = [i.id for i in self.agenda_model.rows()]
        at = ids.index(item.id)
        there = at + delta
        if not 0 <= there < len(ids):
            return
        ids[at], ids[there] = ids[there], ids[at]
        self.reorder(ids)

    def reorder(self, ids: list[int]) -> None:
        """The complete new order (a drop or a move); the agenda is read back from the service."""
        if self.detail is None:
            return
        agenda, actor, mid = self._ctx.agenda, self._actor, self.detail.id
        self._run(lambda: agenda.reorder(actor, mid, list(ids)))

    def set_minutes(self) -> None:
        item = self._current_item()
        if item is None:
            return
        minutes = MinutesDialog.ask(self, item.minutes)
        if minutes is not None:
            agenda, actor = self._ctx.agenda, self._actor
            self._run(lambda: agenda.set_minutes(actor, item.id, minutes))

    def set_track(self) -> None:
        """Discuss the case, or list it with the standard decision (no meeting time)."""
        item = self._current_item()
        if item is None:
            return
        answer = TrackDialog.ask(self, item.case_no, item.track, item.standard_decision)
        if answer is not None:
            track, standard = answer
            agenda, actor = self._ctx.agenda, self._actor
            self._run(lambda: agenda.set_track(actor, item.id, track, standard))

    def postpone(self) -> None:
        item, d = self._current_item(), self.detail
        if item is None or d is None:
            return
        targets = [m for m in self.meetings if m.team == d.team and m.status == "planned" and m.id != d.id]
        answer = PostponeDialog.ask(self, item.case_no, targets)
        if answer is not None:
            reason, target = answer
            agenda, actor = self._ctx.agenda, self._actor
            self._run(lambda: agenda.postpone(actor, item.id, reason, target))
