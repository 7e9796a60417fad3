"""What the attachment panel lists: one entry per DICOM series, one per other file (no Qt here).

Built from the two answers of the browse service (`series_for_case`, `list_for_case`) on the worker, so
the GUI thread only paints. A series carries the ids of its slices in anatomical order; its label is the
label most of its slices have, it is a key item when any slice is, and it shows every distinct warning.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from app.records import AttachmentRow, SeriesRow

# The codes the browse service accepts (app.services.attachment_browse.LABELS; a test keeps them equal).
LABELS = ("imaging", "pathology", "report", "other")
KIND_ORDER = {"photo": 0, "slide": 0, "pdf": 1, "dicom": 2, "other": 3}


@dataclass(frozen=True)
class Entry:
    key: str  # "series:<uid>" or "file:<id>": stable across refreshes
    kind: str  # series | photo | slide | pdf | dicom | other
    attachment_ids: tuple[int, ...]  # a series: slices in anatomical order
    key_ids: tuple[int, ...]  # the attachments currently marked as key items
    label: str
    name: str  # a file: its title or original name; a series: its description
    modality: str
    taken_on: date | None
    size: int
    warnings: tuple[str, ...]

    @property
    def is_series(self) -> bool:
        return self.kind == "series"

    @property
    def is_key(self) -> bool:
        return bool(self.key_ids)

    @property
    def count(self) -> int:
        return len(self.attachment_ids)

    @property
    def thumbnail_id(self) -> int | None:
        """The attachment whose preview stands for the entry: a series shows its middle slice."""
        if self.kind in ("series", "dicom", "photo", "slide"):
            return self.attachment_ids[len(self.attachment_ids) // 2]
        return None


def _distinct(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def build_entries(series: list[SeriesRow], rows: list[AttachmentRow]) -> tuple[list[Entry], list[Entry]]:
    """(series entries, file entries), in the order the panel shows them."""
    by_id = {r.id: r for r in rows}
    in_series: set[int] = set()
    series_entries = []
    for s in series:
        members = [by_id[i] for i in s.attachment_ids if i in by_id]
        if not members:
            continue
        in_series.update(r.id for r in members)
        label = Counter(r.label for r in members).most_common(1)[0][0]
        series_entries.append(Entry(
            key=f"series:{s.series_uid}", kind="series", attachment_ids=tuple(r.id for r in members),
            key_ids=tuple(r.id for r in members if r.is_key), label=label, name=s.description,
            modality=s.modality, taken_on=s.taken_on, size=sum(r.size for r in members),
            warnings=_distinct(w for r in members for w in r.warnings)))
    files = []
    for r in rows:
        if r.id in in_series:
            continue
        kind = r.kind if r.kind in KIND_ORDER else "other"
        files.append(Entry(
            key=f"file:{r.id}", kind=kind, attachment_ids=(r.id,), key_ids=(r.id,) if r.is_key else (),
            label=r.label, name=r.title or r.name, modality=r.modality, taken_on=r.taken_on, size=r.size,
            warnings=_distinct(r.warnings)))
    files.sort(key=lambda e: (KIND_ORDER[e.kind], e.taken_on is None, e.taken_on or date.min, e.name.lower(),
                              e.attachment_ids))
    return series_entries, files


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
