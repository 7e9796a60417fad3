"""What one case looks like on the projector, gathered on the worker thread (never on the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.meeting_records import AgendaItemRow, MeetingDetail
from app.records import CaseDetail

IMAGE_SIZE = (1400, 1400)  # rendered once per key image, scaled down on screen


@dataclass(frozen=True)
class KeyPicture:
    width: int
    height: int
    rgb: bytes  # 8-bit RGB rows, no padding
    note: str
    attachment_id: int = 0
    window: tuple[float, float] | None = None  # (center, width) saved with the key image


@dataclass(frozen=True)
class CaseShow:
    meeting: MeetingDetail
    item: AgendaItemRow | None
    number: int  # 1-based place among the cases to discuss (0: none shown)
    total: int
    case: CaseDetail | None
    pictures: tuple[KeyPicture, ...] = ()
    series: tuple[int, ...] = field(default=())  # the full viewer's series: the key images' (else the first)


def discussed_items(meeting: MeetingDetail) -> list[AgendaItemRow]:
    return [i for i in meeting.agenda if i.track == "discuss"]


def load_show(ctx, actor, meeting_id: int, meeting: MeetingDetail | None = None) -> CaseShow:
    """Worker side: the meeting, its current case, the key images rendered with their saved window."""
    meeting = meeting or ctx.meetings.get(actor, meeting_id)
    items = discussed_items(meeting)
    item = meeting.current
    number = next((n for n, i in enumerate(items, 1) if item is not None and i.id == item.id), 0)
    if item is None:
        return CaseShow(meeting, None, 0, len(items), None)
    case = ctx.case_records.get(actor, item.case_id)
    pictures = []
    for k in ctx.key_images.list_for_case(actor, case.id):
        window = ((k.window_center, k.window_width)
                  if k.window_center is not None and k.window_width else None)
        try:
            im = ctx.rendering.render_attachment(actor, k.attachment_id, k.frame, window=window, size=IMAGE_SIZE)
        except Exception:  # noqa: BLE001 - a photo refuses a window: render it as it is
            im = ctx.rendering.render_attachment(actor, k.attachment_id, k.frame, size=IMAGE_SIZE)
        im = im.convert("RGB")
        pictures.append(KeyPicture(im.width, im.height, im.tobytes(), k.note, k.attachment_id, window))
    series = ctx.attachment_browse.series_for_case(actor, case.id)
    keyed = {p.attachment_id for p in pictures}
    chosen = next((x for x in series if keyed & set(x.attachment_ids)), series[0] if series else None)
    first = tuple(chosen.attachment_ids) if chosen is not None else ()
    return CaseShow(meeting, item, number, len(items), case, tuple(pictures), first)
