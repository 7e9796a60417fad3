"""What a meeting produced: discussions, opinions, decisions, actions; and what happened afterwards."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, FetchedValue, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamps, utcnow


class Discussion(Base, Timestamps):
    """One discussion of a case (a case may be discussed several times, each with its own decision)."""

    __tablename__ = "discussions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer, default=1)  # N in `plan --discussion N`
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id"))
    conference_type: Mapped[str] = mapped_column(String(20), default="pre_treatment")
    discussed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The day people mean by "discussed on" (the meeting's local date, else the day it was recorded), as
    # "YYYY-MM-DD". Kept by database triggers (migration 0002), so every insert path and a rescheduled
    # meeting keep it right (a day given on insert, as by a package import, is kept); the statistics select
    # a period's discussions by it.
    day: Mapped[str | None] = mapped_column(String(10), index=True, server_default=FetchedValue(),
                                            server_onupdate=FetchedValue())

    opinions: Mapped[list[Opinion]] = relationship(back_populates="discussion", order_by="Opinion.id")
    decisions: Mapped[list[Decision]] = relationship(back_populates="discussion", order_by="Decision.version")


class Opinion(Base, Timestamps):
    __tablename__ = "opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    discussion_id: Mapped[int] = mapped_column(ForeignKey("discussions.id"), index=True)
    discipline_id: Mapped[int | None] = mapped_column(ForeignKey("disciplines.id"))
    attendance_id: Mapped[int | None] = mapped_column(ForeignKey("attendance.id"))
    author_name: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    discussion: Mapped[Discussion] = relationship(back_populates="opinions")


class Decision(Base, Timestamps):
    """The team's decision. Finalised versions are read-only; a correction is a new amending version."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    discussion_id: Mapped[int] = mapped_column(ForeignKey("discussions.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | finalised | superseded
    chair_summary: Mapped[str] = mapped_column(Text, default="")
    modalities: Mapped[list] = mapped_column(JSON, default=list)  # codes, see app.domain.vocab
    plan_text: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[str] = mapped_column(Text, default="")
    intent: Mapped[str] = mapped_column(String(20), default="")  # curative | palliative | ""
    guideline: Mapped[str] = mapped_column(String(20), default="")  # CACA | CSCO | NCCN
    guideline_version: Mapped[str] = mapped_column(String(40), default="")
    treat_where: Mapped[str] = mapped_column(String(20), default="local")  # local | refer_upward
    referral_target: Mapped[str] = mapped_column(String(200), default="")
    patient_preference: Mapped[str] = mapped_column(Text, default="")
    dissent: Mapped[str] = mapped_column(Text, default="")
    further_workup: Mapped[str] = mapped_column(Text, default="")
    rediscussion_on: Mapped[date | None] = mapped_column(Date)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime)
    finalised_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    amends_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    amendment_reason: Mapped[str] = mapped_column(Text, default="")
    # closed loop (执行情况), recorded by the responsible doctor
    execution_status: Mapped[str] = mapped_column(String(20), default="pending")  # executed|partly|not|pending
    treatment_started_on: Mapped[date | None] = mapped_column(Date)
    treatment_place: Mapped[str] = mapped_column(String(20), default="")  # this | upper | elsewhere
    deviation: Mapped[str] = mapped_column(Text, default="")
    deviation_reason: Mapped[str] = mapped_column(String(20), default="")  # patient_wish|contraindication|...
    execution_recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    execution_recorded_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Whether the MDT changed the diagnosis / the treatment (the before-after figures hospitals report):
    # {"diagnosis_changed": bool | None, "treatment_changed": bool | None, "note": str}; None = not recorded.
    mdt_effect: Mapped[dict | None] = mapped_column(JSON)

    discussion: Mapped[Discussion] = relationship(back_populates="decisions")
    actions: Mapped[list[ActionItem]] = relationship(back_populates="decision", order_by="ActionItem.id")


class ActionItem(Base):
    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    responsible_name: Mapped[str] = mapped_column(String(100), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    decision: Mapped[Decision] = relationship(back_populates="actions")


class FollowUp(Base):
    __tablename__ = "follow_ups"
    # Covers the statistics' completion figures (interval, due date, done, lost, case for the filters), so
    # a year of follow-ups is counted from the index alone.
    __table_args__ = (Index("ix_follow_ups_completion", "months_after", "due_on", "done_at", "lost_reason",
                            "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    months_after: Mapped[int | None] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    contact: Mapped[str] = mapped_column(String(10), default="")  # visit | phone
    vital_status: Mapped[str] = mapped_column(String(10), default="")  # alive | dead | unknown
    disease_status: Mapped[str] = mapped_column(String(30), default="")
    treatment_change: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")  # 转归
    lost_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
