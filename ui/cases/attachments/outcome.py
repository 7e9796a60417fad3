"""How an import through the panel ended (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class ImportOutcome:
    results: list[Any] = field(default_factory=list)  # app FileResult, in the order the files were read
    total: int = 0  # files found under the chosen paths
    cancelled: bool = False  # the user stopped it: the files already imported stay
    declined: bool = False  # the user chose not to import another patient's images: nothing imported
    error: BaseException | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def duplicate(self) -> int:
        return self.count("duplicate")

    @property
    def rejected(self) -> int:
        return self.count("rejected")

    @property
    def not_reached(self) -> int:
        """Files left untouched because the import was cancelled or failed."""
        return max(0, self.total - len(self.results))

    @property
    def warned(self) -> int:
        return sum(1 for r in self.results if r.warnings)

    def needs_report(self) -> bool:
        return bool(self.rejected or self.warned)


def display_name(path: str) -> str:
    """The file name with its folder ("DICOM/IM0012"): names on a CD repeat across folders."""
    p = Path(path)
    return f"{p.parent.name}/{p.name}" if p.parent.name else p.name
