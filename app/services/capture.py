"""Live decision capture: the discussion of the current case, each attendee's opinion, the draft decision.

`save_capture` is the autosave: the console calls it every few seconds with what is on screen; it is one
short transaction, idempotent (saving the same payload twice changes nothing and writes no audit event),
so a crash or power cut loses only the seconds since the last call. `resume` brings the meeting back.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.decision_fields import (
    DECISION_FIELDS,
    validate_action,
    validate_conference_type,
    validate_decision_fields,
    validate_opinion_text,
)
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import CaptureState, ResumeState
from app.records import Actor
from app.security.redaction import masked_in
from app.services.base import Service
from app.services.meeting_common import (
    audit,
    discipline_id,
    get_case,
    get_item,
    get_meeting,
    is_first_pre_treatment,
    now,
    quorum_status,
    require_quorum,
    require_running,
    transition,
)
from app.services.meeting_rows import (
    agenda_row,
    decision_row,
    discussion_of_item,
    discussion_row,
    meeting_detail,
)
from db.models import ActionItem, AgendaItem, Attendance, Case, Decision, Discussion, Meeting, Opinion, User

PAYLOAD_KEYS = ("conference_type", "opinions", "decision", "actions")


def draft_of(s: Session, d: Discussion) -> Decision | None:
    return s.execute(select(Decision).where(Decision.discussion_id == d.id, Decision.status == "draft")
                     .order_by(Decision.version.desc()).limit(1)).scalar()


def is_locked(s: Session, d: Discussion) -> bool:
    """Opinions are part of the record once any version of the decision has been finalised."""
    return bool(s.scalar(select(func.count(Decision.id)).where(Decision.discussion_id == d.id,
                                                               Decision.status != "draft")))


def open_discussion_in(ctx, s: Session, actor: Actor, m: Meeting, item: AgendaItem,
                       conference_type: str | None = None) -> Discussion:
    """The discussion of this agenda item (made on first use, with a draft decision version 1)."""
    existing = discussion_of_item(s, item.id)
    if existing is not None:
        return existing
    c = get_case(s, item.case_id)
    at = now()
    earlier = s.scalar(select(func.count(Discussion.id)).where(Discussion.case_id == c.id)) or 0
    d = Discussion(case_id=c.id, sequence=earlier + 1, meeting_id=m.id, agenda_item_id=item.id,
                   conference_type=conference_type or c.conference_type, discussed_at=at)
    s.add(d)
    s.flush()
    listed = item.track == "listed"
    dec = Decision(discussion_id=d.id, version=1, status="draft",
                   chair_summary=item.standard_decision if listed else "",
                   plan_text=item.standard_decision if listed else "")
    s.add(dec)
    s.flush()
    audit(ctx, s, actor, "create", "discussion", d.id, case=c,
          new={"meeting": m.id, "agenda_item": item.id, "sequence": d.sequence,
               "conference_type": d.conference_type, "decision": dec.id, "track": item.track})
    return d


def mark_discussed_in(ctx, s: Session, actor: Actor, item: AgendaItem, timed: bool = True) -> None:
    c = get_case(s, item.case_id)
    item.status = "discussed"
    if timed:
        item.ended_at = now()
    if c.status == "scheduled":
        transition(ctx, s, actor, c, "discussed")
    audit(ctx, s, actor, "discussed", "agenda_item", item.id, case=c, old={"status": "pending"},
          new={"status": "discussed", "ended_at": item.ended_at})


def record_listed_in(ctx, s: Session, actor: Actor, m: Meeting, item: AgendaItem) -> Discussion:
    """A "listed, not discussed" case: its standard decision recorded as a draft, without meeting time."""
    if item.track != "listed" or item.status != "pending":
        raise ConflictError(N("errors", "Only a pending listed case can be recorded with its standard decision."))
    d = open_discussion_in(ctx, s, actor, m, item)
    mark_discussed_in(ctx, s, actor, item, timed=False)
    return d


def drop_discussion_in(ctx, s: Session, actor: Actor, item: AgendaItem) -> None:
    """A case postponed or withdrawn after its discussion was opened was not discussed: the unfinished
    discussion goes, and the audit event keeps every opinion and draft field it held."""
    d = discussion_of_item(s, item.id)
    if d is None:
        return
    decisions = list(s.execute(select(Decision).where(Decision.discussion_id == d.id)).scalars())
    if any(dec.status != "draft" for dec in decisions):
        raise ConflictError(N("errors", "This decision has been finalised and can no longer be edited. "
                                        "Correct it with an amendment."))
    opinions = list(s.execute(select(Opinion).where(Opinion.discussion_id == d.id)).scalars())
    old = {"sequence": d.sequence, "opinions": [{"author": o.author_name, "text": o.text} for o in opinions],
           "decisions": [{k: getattr(dec, k) for k in DECISION_FIELDS} for dec in decisions]}
    for dec in decisions:
        for a in list(dec.actions):
            s.delete(a)
        s.delete(dec)
    for o in opinions:
        s.delete(o)
    s.flush()
    s.delete(d)
    audit(ctx, s, actor, "delete", "discussion", d.id, case=get_case(s, item.case_id), old=old)


def _item_and_meeting(s: Session, item_id: int) -> tuple[AgendaItem, Meeting]:
    item = get_item(s, item_id)
    return item, get_meeting(s, item.meeting_id)


class CaptureService(Service):
    def open_discussion(self, actor: Actor, agenda_item_id: int, conference_type: str | None = None) -> CaptureState:
        """Begin recording the case: checks the quorum for it (a first pre-treatment discussion needs
        pathology and radiology), makes it the current case and opens its discussion."""
        self.require(actor, "meeting.manage")
        if conference_type is not None:
            validate_conference_type(conference_type)
        with self.db.session() as s:
            item, m = _item_and_meeting(s, agenda_item_id)
            require_running(m)
            if item.status not in ("pending", "discussed"):
                raise ConflictError(N("errors", "This case was postponed or withdrawn."))
            if discussion_of_item(s, item.id) is None:
                if item.track == "discuss":
                    require_quorum(s, m, is_first_pre_treatment(s, item, get_case(s, item.case_id)))
                open_discussion_in(self.ctx, s, actor, m, item, conference_type)
            if m.current_agenda_item_id != item.id:
                old = m.current_agenda_item_id
                m.current_agenda_item_id = item.id
                audit(self.ctx, s, actor, "current_item", "meeting", m.id, old={"current_agenda_item_id": old},
                      new={"current_agenda_item_id": item.id})
            item.started_at = item.started_at or now()
            return self._state(s, item, m)

    def save_capture(self, actor: Actor, agenda_item_id: int, payload: dict) -> CaptureState:
        """Autosave. payload keys (all optional):
        - "conference_type": code;
        - "opinions": [{"attendance_id", "text", "discipline" (code; default the attendee's)}] — merged by
          attendee (one opinion per attendee per discussion); an empty text removes that opinion;
        - "decision": any of DECISION_FIELDS (merged into the draft);
        - "actions": [{"description", "responsible_user_id", "responsible_name", "department", "due_on"}]
          — the complete list (replaces the draft's actions).
        """
        unknown = [k for k in payload if k not in PAYLOAD_KEYS]
        if unknown:
            raise ValidationError(N("errors", "Unknown capture field: {name}."), field=unknown[0], name=unknown[0])
        self.require(actor, "opinion.record")
        if any(k in payload for k in ("conference_type", "decision", "actions")):
            self.require(actor, "decision.edit")
        for key, kind in (("opinions", list), ("actions", list), ("decision", dict)):
            if key in payload and not isinstance(payload[key], kind):
                raise ValidationError(N("errors", "The captured data is malformed ({name})."), field=key, name=key)
        if any(not isinstance(e, dict) for e in [*payload.get("opinions", ()), *payload.get("actions", ())]):
            raise ValidationError(N("errors", "The captured data is malformed ({name})."), field="opinions",
                                  name="opinions")
        fields = validate_decision_fields(payload.get("decision") or {})
        actions = [validate_action(a) for a in payload["actions"]] if "actions" in payload else None
        ctype = validate_conference_type(payload["conference_type"]) if payload.get("conference_type") else None
        with self.db.session() as s:
            item, m = _item_and_meeting(s, agenda_item_id)
            if m.status not in ("in_progress", "closed"):
                raise ConflictError(N("errors", "The meeting has not been started (or is already closed)."))
            if item.status not in ("pending", "discussed"):
                raise ConflictError(N("errors", "This case was postponed or withdrawn."))
            d = discussion_of_item(s, item.id)
            if d is None:
                require_running(m)
                if item.track == "discuss":
                    require_quorum(s, m, is_first_pre_treatment(s, item, get_case(s, item.case_id)))
                d = open_discussion_in(self.ctx, s, actor, m, item, ctype)
            c = get_case(s, item.case_id)
            if payload.get("opinions"):
                self._opinions(s, actor, m, d, c, payload["opinions"])
            if ctype and ctype != d.conference_type:
                self._locked_check(s, d)
                audit(self.ctx, s, actor, "update", "discussion", d.id, case=c,
                      old={"conference_type": d.conference_type}, new={"conference_type": ctype})
                d.conference_type = ctype
            if fields or actions is not None:
                dec = draft_of(s, d)
                if dec is None:
                    raise ConflictError(N("errors", "This decision has been finalised and can no longer be "
                                                    "edited. Correct it with an amendment."))
                apply_decision(self.ctx, s, actor, dec, c, fields, actions)
            return self._state(s, item, m)

    def _opinions(self, s: Session, actor: Actor, m: Meeting, d: Discussion, c: Case, opinions: list) -> None:
        self._locked_check(s, d)
        existing = {o.attendance_id: o for o in s.execute(select(Opinion).where(Opinion.discussion_id == d.id))
                    .scalars()}
        for entry in opinions:
            aid = entry.get("attendance_id")
            a = s.get(Attendance, aid) if isinstance(aid, int) and not isinstance(aid, bool) else None
            if a is None or a.meeting_id != m.id:
                raise ValidationError(N("errors", "An opinion must be attributed to an attendee of this meeting."),
                                      field="opinions")
            text = validate_opinion_text(entry.get("text"))
            disc = discipline_id(s, entry["discipline"]) if entry.get("discipline") else a.discipline_id
            o = existing.get(a.id)
            if o is None:
                if not text:
                    continue
                if a.signed_in_at is None:
                    raise ValidationError(N("errors", "{name} has not signed in to this meeting."),
                                          field="opinions", name=a.name)
                o = Opinion(discussion_id=d.id, attendance_id=a.id, discipline_id=disc, author_name=a.name,
                            text=text, recorded_by=actor.user_id)
                s.add(o)
                s.flush()
                existing[a.id] = o
                audit(self.ctx, s, actor, "create", "opinion", o.id, case=c,
                      new={"discussion": d.id, "author": a.name, "attendance_id": a.id, "text": text})
            elif not text:
                audit(self.ctx, s, actor, "delete", "opinion", o.id, case=c,
                      old={"author": o.author_name, "text": o.text})
                s.delete(o)
                del existing[a.id]
            elif o.text != text or o.discipline_id != disc:
                audit(self.ctx, s, actor, "update", "opinion", o.id, case=c,
                      old={"text": o.text, "discipline_id": o.discipline_id},
                      new={"text": text, "discipline_id": disc})
                o.text, o.discipline_id, o.recorded_by, o.updated_at = text, disc, actor.user_id, now()

    @staticmethod
    def _locked_check(s: Session, d: Discussion) -> None:
        if is_locked(s, d):
            raise ConflictError(N("errors", "This decision has been finalised and can no longer be edited. "
                                            "Correct it with an amendment."))

    def mark_discussed(self, actor: Actor, agenda_item_id: int) -> CaptureState:
        """The case has been discussed (case -> discussed); its decision may still be edited until finalised."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            item, m = _item_and_meeting(s, agenda_item_id)
            require_running(m)
            if item.status != "pending":
                raise ConflictError(N("errors", "This case is not waiting to be discussed."))
            if discussion_of_item(s, item.id) is None:
                if item.track == "discuss":
                    require_quorum(s, m, is_first_pre_treatment(s, item, get_case(s, item.case_id)))
                open_discussion_in(self.ctx, s, actor, m, item)
            mark_discussed_in(self.ctx, s, actor, item, timed=item.track == "discuss")
            return self._state(s, item, m)

    def record_listed(self, actor: Actor, agenda_item_id: int) -> CaptureState:
        """Record a listed case's standard decision now (closing the meeting does it for those left)."""
        self.require(actor, "meeting.manage")
        with self.db.session() as s:
            item, m = _item_and_meeting(s, agenda_item_id)
            require_running(m)
            record_listed_in(self.ctx, s, actor, m, item)
            return self._state(s, item, m)

    def capture(self, actor: Actor, agenda_item_id: int) -> CaptureState:
        self.require(actor, "case.view")
        with self.db.read() as s:
            item, m = _item_and_meeting(s, agenda_item_id)
            return masked_in(actor, s, self._state(s, item, m))

    def resume(self, actor: Actor, meeting_id: int) -> ResumeState:
        """After a restart: the meeting, the case it was at, and everything captured for that case."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            m = get_meeting(s, meeting_id)
            item = s.get(AgendaItem, m.current_agenda_item_id) if m.current_agenda_item_id else None
            return masked_in(actor, s, ResumeState(meeting_detail(s, m), agenda_row(s, item) if item else None,
                                                 self._state(s, item, m) if item else None))

    @staticmethod
    def _state(s: Session, item: AgendaItem, m: Meeting) -> CaptureState:
        d = discussion_of_item(s, item.id)
        draft = draft_of(s, d) if d else None
        c = s.get(Case, item.case_id)
        q = quorum_status(s, m, is_first_pre_treatment(s, item, c)) if item.track == "discuss" else None
        return CaptureState(item.id, item.case_id, item.status, discussion_row(s, d) if d else None,
                            decision_row(s, draft, item.case_id) if draft else None, q)


def apply_decision(ctx, s: Session, actor: Actor, dec: Decision, c: Case, fields: dict,
                   actions: list[dict] | None) -> bool:
    """Write validated fields and (if given) the complete action list into a draft; audit what changed."""
    if dec.status != "draft":
        raise ConflictError(N("errors", "This decision has been finalised and can no longer be edited. "
                                        "Correct it with an amendment."))
    before = {k: getattr(dec, k) for k in DECISION_FIELDS}
    for k, v in fields.items():
        setattr(dec, k, v)
    after = {k: getattr(dec, k) for k in DECISION_FIELDS}
    old = {k: before[k] for k in after if before[k] != after[k]}
    new = {k: after[k] for k in old}
    if actions is not None:
        current = list(dec.actions)
        was = [_action_dict(a) for a in current]
        wanted = [_resolve_action(s, a) for a in actions]
        if was != wanted:
            for a, values in zip(current, wanted, strict=False):
                for k, v in values.items():
                    setattr(a, k, v)
            for a in current[len(wanted):]:
                s.delete(a)
            for values in wanted[len(current):]:
                s.add(ActionItem(decision_id=dec.id, **values))
            old["actions"], new["actions"] = was, wanted
    if not new:
        return False
    dec.updated_at = now()
    s.flush()
    s.expire(dec, ["actions"])
    audit(ctx, s, actor, "update", "decision", dec.id, case=c, old=old, new=new)
    return True


def _action_dict(a: ActionItem) -> dict:
    return {"description": a.description, "responsible_user_id": a.responsible_user_id,
            "responsible_name": a.responsible_name, "department": a.department, "due_on": a.due_on}


def _resolve_action(s: Session, values: dict) -> dict:
    """Name and department default from the responsible user's account."""
    out = dict(values)
    if out["responsible_user_id"] is not None:
        u = s.get(User, out["responsible_user_id"])
        if u is None:
            raise NotFound(N("errors", "User {id} does not exist."), id=out["responsible_user_id"])
        out["responsible_name"] = out["responsible_name"] or u.display_name
        if not out["department"] and u.department is not None:
            out["department"] = u.department.name
    return out
