"""MDT teams (专病团队): their members, quorum rule, follow-up schedule and signing policy."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.patient_rules import clean_text
from app.domain.quorum import validate_rule
from app.domain.vocab import TEAM_ROLES, TITLES, TUMOUR_TYPES
from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import QT_TRANSLATE_NOOP as N
from app.meeting_records import TeamDetail, TeamMemberRow
from app.records import Actor, TeamRow
from app.services.audit_chain import diff
from app.services.base import Service
from app.services.meeting_common import OPEN_MEETING, audit, discipline_codes, discipline_id, get_team
from app.services.meeting_rows import member_row, team_detail
from db.models import Department, Meeting, Team, TeamMember, User

SIGN_POLICIES = ("all_experts", "chair_only", "chair_recorder")
TEAM_FIELDS = ("name", "name_en", "tumour_types", "quorum_rule", "followup_months", "sign_policy",
               "default_place", "active")
MEMBER_FIELDS = ("name", "department", "discipline", "title", "team_role", "organisation", "active")


def validate_team_fields(values: dict) -> dict:
    out: dict = {}
    for key, value in values.items():
        if key not in TEAM_FIELDS:
            raise ValidationError(N("errors", "Unknown team field: {name}."), field=key, name=key)
        if key == "name":
            out[key] = clean_text(value, 100, key)
            if not out[key]:
                raise ValidationError(N("errors", "Enter the team's name."), field=key)
        elif key in ("name_en", "default_place"):
            out[key] = clean_text(value, 100, key)
        elif key == "tumour_types":
            types = list(dict.fromkeys(value or ()))
            if any(t not in TUMOUR_TYPES for t in types):
                raise ValidationError(N("errors", "Choose a value from the list."), field=key)
            out[key] = types
        elif key == "quorum_rule":
            if not isinstance(value, dict):
                raise ValidationError(N("errors", "Choose a value from the list."), field=key)
            out[key] = validate_rule(value)
        elif key == "followup_months":
            months = sorted(set(value or ()))
            if any(isinstance(x, bool) or not isinstance(x, int) or not 1 <= x <= 120 for x in months):
                raise ValidationError(N("errors", "Follow-up months are whole numbers from 1 to 120."), field=key)
            out[key] = months
        elif key == "sign_policy":
            if value not in SIGN_POLICIES:
                raise ValidationError(N("errors", "Choose a value from the list."), field=key)
            out[key] = value
        else:
            out[key] = bool(value)
    return out


def validate_member_fields(values: dict) -> dict:
    out: dict = {}
    for key, value in values.items():
        if key not in MEMBER_FIELDS:
            raise ValidationError(N("errors", "Unknown team member field: {name}."), field=key, name=key)
        if key in ("name", "department"):
            out[key] = clean_text(value, 100, key)
        elif key == "organisation":
            out[key] = clean_text(value, 200, key)
        elif key == "title":
            if value and value not in TITLES:
                raise ValidationError(N("errors", "Unknown title: {title}."), field=key, title=value)
            out[key] = value or ""
        elif key == "team_role":
            if value not in TEAM_ROLES:
                raise ValidationError(N("errors", "Choose a value from the list."), field=key)
            out[key] = value
        elif key == "discipline":
            out[key] = value or ""
        else:
            out[key] = bool(value)
    return out


def _snapshot(obj, fields) -> dict:
    return {k: getattr(obj, k) for k in fields if hasattr(obj, k)}


class TeamService(Service):
    def list(self, actor: Actor) -> list[TeamRow]:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return [TeamRow(t.id, t.name, tuple(t.tumour_types or ()))
                    for t in s.execute(select(Team).where(Team.active.is_(True)).order_by(Team.name)).scalars()]

    def list_detailed(self, actor: Actor, include_inactive: bool = False) -> list[TeamDetail]:
        """Teams with their members (inactive members included, flagged), by name."""
        self.require(actor, "case.view")
        with self.db.read() as s:
            q = select(Team).order_by(Team.name)
            if not include_inactive:
                q = q.where(Team.active.is_(True))
            return [team_detail(s, t) for t in s.execute(q).scalars()]

    def get(self, actor: Actor, team_id: int) -> TeamDetail:
        self.require(actor, "case.view")
        with self.db.read() as s:
            return team_detail(s, get_team(s, team_id))

    def create(self, actor: Actor, name: str, tumour_types=(), **fields) -> TeamDetail:
        """A new team; `quorum_rule` defaults to the hospital rule (DOMAIN.md §3)."""
        self.require(actor, "team.manage")
        values = validate_team_fields({"name": name, "tumour_types": list(tumour_types), **fields})
        values.setdefault("quorum_rule", validate_rule({}))
        with self.db.session() as s:
            self._unique_name(s, values["name"])
            t = Team(**values)
            s.add(t)
            s.flush()
            audit(self.ctx, s, actor, "create", "team", t.id, new=values)
            return team_detail(s, t)

    def update(self, actor: Actor, team_id: int, **fields) -> TeamDetail:
        self.require(actor, "team.manage")
        values = validate_team_fields(fields)
        with self.db.session() as s:
            t = get_team(s, team_id)
            if "name" in values and values["name"] != t.name:
                self._unique_name(s, values["name"])
            before = _snapshot(t, TEAM_FIELDS)
            for k, v in values.items():
                setattr(t, k, v)
            old, new = diff(before, _snapshot(t, TEAM_FIELDS))
            if new:
                audit(self.ctx, s, actor, "update", "team", t.id, old=old, new=new)
            return team_detail(s, t)

    def set_active(self, actor: Actor, team_id: int, active: bool) -> TeamDetail:
        """Deactivate (or bring back) a team. Its past meetings stay; open ones must be closed or cancelled
        first, so no running agenda loses its team."""
        self.require(actor, "team.manage")
        with self.db.session() as s:
            t = get_team(s, team_id)
            if not active:
                open_ = s.scalar(select(func.count(Meeting.id)).where(Meeting.team_id == t.id,
                                                                      Meeting.status.in_(OPEN_MEETING)))
                if open_:
                    raise ConflictError(N("errors", "{name} has {n} planned or running meetings: close or cancel "
                                                    "them before deactivating the team."), name=t.name, n=open_)
            if t.active != bool(active):
                audit(self.ctx, s, actor, "update", "team", t.id, old={"active": t.active}, new={"active": bool(active)})
                t.active = bool(active)
            return team_detail(s, t)

    def add_member(self, actor: Actor, team_id: int, *, user_id: int | None = None, name: str = "",
                   department: str = "", discipline: str = "", title: str = "", team_role: str = "core",
                   organisation: str = "") -> TeamMemberRow:
        """A user (name, department, title default from the account) or a guest without one."""
        self.require(actor, "team.manage")
        values = validate_member_fields({"name": name, "department": department, "discipline": discipline,
                                         "title": title, "team_role": team_role, "organisation": organisation})
        with self.db.session() as s:
            t = get_team(s, team_id)
            if user_id is not None:
                u = s.get(User, user_id)
                if u is None:
                    raise NotFound(N("errors", "User {id} does not exist."), id=user_id)
                dup = s.execute(select(TeamMember.id).where(TeamMember.team_id == t.id, TeamMember.user_id == u.id,
                                                            TeamMember.active.is_(True))).first()
                if dup:
                    raise ConflictError(N("errors", "{name} is already a member of this team."), name=u.display_name)
                values["name"] = values["name"] or u.display_name
                values["title"] = values["title"] or u.title
                if not values["department"] and u.department_id:
                    values["department"] = s.get(Department, u.department_id).name
                disc_id = discipline_id(s, values["discipline"]) if values["discipline"] else u.discipline_id
            else:
                disc_id = discipline_id(s, values["discipline"])
            if not values["name"]:
                raise ValidationError(N("errors", "Enter the person's name."), field="name")
            values.pop("discipline")
            m = TeamMember(team_id=t.id, user_id=user_id, discipline_id=disc_id, **values)
            s.add(m)
            s.flush()
            codes = discipline_codes(s)
            audit(self.ctx, s, actor, "create", "team_member", m.id,
                  new={"team": t.name, "user_id": user_id, "discipline": codes.get(disc_id, ""), **values})
            return member_row(m, codes)

    def update_member(self, actor: Actor, member_id: int, **fields) -> TeamMemberRow:
        self.require(actor, "team.manage")
        values = validate_member_fields(fields)
        with self.db.session() as s:
            m = self._member(s, member_id)
            codes = discipline_codes(s)
            before = {**_snapshot(m, MEMBER_FIELDS), "discipline": codes.get(m.discipline_id, "")}
            if "discipline" in values:
                m.discipline_id = discipline_id(s, values.pop("discipline"))
            if "name" in values and not values["name"]:
                raise ValidationError(N("errors", "Enter the person's name."), field="name")
            for k, v in values.items():
                setattr(m, k, v)
            after = {**_snapshot(m, MEMBER_FIELDS), "discipline": codes.get(m.discipline_id, "")}
            old, new = diff(before, after)
            if new:
                audit(self.ctx, s, actor, "update", "team_member", m.id, old=old, new=new)
            return member_row(m, codes)

    def deactivate_member(self, actor: Actor, member_id: int) -> TeamMemberRow:
        """Members leave a team but stay in past meetings' records (attendance is a copy)."""
        return self.update_member(actor, member_id, active=False)

    @staticmethod
    def _member(s: Session, member_id: int) -> TeamMember:
        m = s.get(TeamMember, member_id)
        if m is None:
            raise NotFound(N("errors", "Team member {id} does not exist."), id=member_id)
        return m

    @staticmethod
    def _unique_name(s: Session, name: str) -> None:
        if s.execute(select(Team.id).where(Team.name == name)).first():
            raise ConflictError(N("errors", "There is already a team called {name}."), name=name)
