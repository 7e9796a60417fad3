"""Who is logged in, where, and in which hospital: handed to the windows that need it (no global)."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import DataDir
from app.context import AppContext
from app.records import Actor, HospitalInfo


@dataclass(frozen=True)
class Session:
    ctx: AppContext
    actor: Actor
    hospital: HospitalInfo

    @property
    def data_dir(self) -> DataDir:
        return self.ctx.data_dir
