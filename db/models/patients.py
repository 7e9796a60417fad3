"""Patients and the columns that make search fast (pinyin, initials, numbers)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamps


class Patient(Base, Timestamps):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Derived from `name` by the service on every write; indexed so "zs"/"zhangsan" are prefix lookups.
    name_pinyin: Mapped[str] = mapped_column(String(300), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(1))  # M | F | U
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)  # 身份证号, GB 11643
    hospital_number: Mapped[str | None] = mapped_column(String(40), unique=True)  # 住院号
    outpatient_number: Mapped[str | None] = mapped_column(String(40))  # 门诊号
    phone: Mapped[str] = mapped_column(String(30), default="")
    province: Mapped[str] = mapped_column(String(50), default="")
    city: Mapped[str] = mapped_column(String(50), default="")
    county: Mapped[str] = mapped_column(String(50), default="")
    township: Mapped[str] = mapped_column(String(50), default="")
    address_detail: Mapped[str] = mapped_column(String(200), default="")
    insurance: Mapped[str] = mapped_column(String(30), default="")  # 城镇职工 | 城乡居民 | 新农合 | 自费 | other
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        Index("ix_patients_name", "name"),
        Index("ix_patients_name_pinyin", "name_pinyin"),
        Index("ix_patients_name_initials", "name_initials"),
        Index("ix_patients_outpatient_number", "outpatient_number"),
    )
