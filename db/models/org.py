"""The hospital, its departments and disciplines, and the people who log in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamps, utcnow


class HospitalSettings(Base, Timestamps):
    """One row (id 1): who this installation belongs to and its hospital-wide rules."""

    __tablename__ = "hospital_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    document_prefix: Mapped[str] = mapped_column(String(20), default="MDT")
    logo_sha256: Mapped[str | None] = mapped_column(String(64))
    # True only while every row was made by `python -m app demo`; the first real record clears it.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    options: Mapped[dict] = mapped_column(JSON, default=dict)
    # The hospital CA (issue: signed PDFs): certificate PEM and the key encrypted with the admin passphrase.
    ca_cert_pem: Mapped[str | None] = mapped_column(Text)
    ca_key_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Discipline(Base):
    """A specialty that gives an opinion in a meeting (surgery, pathology, radiology...)."""

    __tablename__ = "disciplines"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class User(Base, Timestamps):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))  # admin | chair | physician | secretary | viewer
    title: Mapped[str] = mapped_column(String(30), default="")  # 职称 code, see app.domain.vocab
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    discipline_id: Mapped[int | None] = mapped_column(ForeignKey("disciplines.id"))
    phone: Mapped[str] = mapped_column(String(30), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Handwritten signature image, encrypted with a key derived from the user's password.
    signature_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)

    department: Mapped[Department | None] = relationship()
    discipline: Mapped[Discipline | None] = relationship()


class UserCredential(Base):
    """A signing key and certificate: in-house (issued by the hospital CA) or a CA's PKCS#12."""

    __tablename__ = "user_credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # inhouse | pkcs12
    cert_pem: Mapped[str] = mapped_column(Text)
    key_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
