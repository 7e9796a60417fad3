"""MDT teams, their members, meetings, agenda items and attendance."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamps


class Team(Base, Timestamps):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    tumour_types: Mapped[list] = mapped_column(JSON, default=list)
    # e.g. {"min_disciplines": 3, "require_pathology_radiology_first": true, "min_attending": 2, ...}
    quorum_rule: Mapped[dict] = mapped_column(JSON, default=dict)
    followup_months: Mapped[list] = mapped_column(JSON, default=lambda: [1, 3, 6, 12])
    sign_policy: Mapped[str] = mapped_column(String(20), default="all_experts")
    default_place: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    members: Mapped[list[TeamMember]] = relationship(back_populates="team", order_by="TeamMember.id")


class TeamMember(Base):
    """A person on a team; `user_id` is empty for guests without an account (e.g. upper-level experts)."""

    __tablename__ = "team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(100), default="")
    discipline_id: Mapped[int | None] = mapped_column(ForeignKey("disciplines.id"))
    title: Mapped[str] = mapped_column(String(30), default="")
    team_role: Mapped[str] = mapped_column(String(20), default="core")  # chair | secretary | core | guest
    organisation: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    team: Mapped[Team] = relationship(back_populates="members")


class Meeting(Base, Timestamps):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    scheduled_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # local wall-clock time
    duration_minutes: Mapped[int] = mapped_column(Integer, default=90)
    place: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned|in_progress|closed|cancelled
    chair_member_id: Mapped[int | None] = mapped_column(ForeignKey("team_members.id"))
    secretary_member_id: Mapped[int | None] = mapped_column(ForeignKey("team_members.id"))
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    quorum_override_reason: Mapped[str] = mapped_column(Text, default="")
    current_agenda_item_id: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")

    team: Mapped[Team] = relationship()
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", foreign_keys="AgendaItem.meeting_id"
    )
    attendance: Mapped[list[Attendance]] = relationship(back_populates="meeting", order_by="Attendance.id")


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    minutes: Mapped[int] = mapped_column(Integer, default=10)
    track: Mapped[str] = mapped_column(String(20), default="discuss")  # discuss | listed (not discussed)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|discussed|postponed|withdrawn
    standard_decision: Mapped[str] = mapped_column(Text, default="")
    postponed_to_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    postpone_reason: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda", foreign_keys=[meeting_id])


class Attendance(Base):
    """An invited or present attendee, copied from the member so the record survives team changes."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("team_members.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(100), default="")
    discipline_id: Mapped[int | None] = mapped_column(ForeignKey("disciplines.id"))
    title: Mapped[str] = mapped_column(String(30), default="")
    role: Mapped[str] = mapped_column(String(20), default="core")
    is_guest: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_in_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    left_at: Mapped[datetime | None] = mapped_column(DateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
