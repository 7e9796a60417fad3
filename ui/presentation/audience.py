"""The audience window: the current case in large type, its key images, the full viewer, or a black screen.

Identity is masked by default (`masked`): name 张*三, sex and age only; no ID number, phone, address or
hospital number is ever put into a widget, and free text is scrubbed of them too (ui.presentation.masking).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.domain.vocab import label
from ui.presentation.loading import CaseShow
from ui.presentation.masking import age_on, mask_name, scrub, shorten
from ui.qt_compat import emit

QUESTION_LIMIT = 240
SUMMARY_LIMIT = 160
FINDINGS_LIMIT = 220


def _label(name: str, wrap: bool = True) -> QLabel:
    w = QLabel()
    w.setObjectName(name)
    w.setWordWrap(wrap)
    w.setTextFormat(Qt.TextFormat.PlainText)
    w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return w


def format_elapsed(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60:02d}:{s % 60:02d}"


class AudienceWindow(QWidget):
    """Shown on the projector. Driven by the presenter console; keys typed here go to `key_handler`."""

    screenChanged = Signal(str)  # case | image | viewer | blank

    def __init__(self, session, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.setObjectName("audienceWindow")
        self.setWindowTitle(self.tr("MDT presentation"))
        self.session, self.clock = session, clock
        self.show_data: CaseShow | None = None
        self.masked = True
        self.blank = False
        self.page = 0  # 0: the case; 1..n: key image n
        self.viewer = None
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self._started: datetime | None = None
        self._viewer_wanted = False  # the viewer page is up although the case has no series to show
        self._last_screen: str | None = None
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._apply_sizes()
        self._refresh()

    # ---- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setAutoFillBackground(True)
        self.outer = QStackedWidget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.outer)

        content = QWidget()
        content.setObjectName("audienceContent")
        v = QVBoxLayout(content)
        v.setContentsMargins(32, 20, 32, 20)
        top = QHBoxLayout()
        self.title = _label("audienceTitle")
        self.timer_label = _label("audienceTimer", wrap=False)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.title, 1)
        top.addWidget(self.timer_label)
        v.addLayout(top)
        self.patient = _label("audiencePatient")
        v.addWidget(self.patient)
        self.pages = QStackedWidget()
        v.addWidget(self.pages, 1)

        case_page = QWidget()
        cv = QVBoxLayout(case_page)
        cv.setContentsMargins(0, 0, 0, 0)
        self.heads: dict[str, QLabel] = {}
        self.fields: dict[str, QLabel] = {}
        for name in ("question", "summary", "diagnosis", "findings"):
            head, body = _label("audienceHead"), _label("audienceBody")
            self.heads[name], self.fields[name] = head, body
            cv.addWidget(head)
            cv.addWidget(body)
            cv.addSpacing(8)
        cv.addStretch(1)
        self.pages.addWidget(case_page)

        image_page = QWidget()
        iv = QVBoxLayout(image_page)
        self.picture = QLabel()
        self.picture.setObjectName("audiencePicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(64, 64)
        self.caption = _label("audienceCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        iv.addWidget(self.picture, 1)
        iv.addWidget(self.caption)
        self.pages.addWidget(image_page)

        self.viewer_page = QWidget()
        self.viewer_box = QVBoxLayout(self.viewer_page)
        self.viewer_box.setContentsMargins(0, 0, 0, 0)
        self.no_images = _label("audienceBody")
        self.no_images.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.viewer_box.addWidget(self.no_images)
        self.pages.addWidget(self.viewer_page)

        self.outer.addWidget(content)
        self.blank_page = QWidget()
        self.blank_page.setObjectName("audienceBlank")
        self.outer.addWidget(self.blank_page)

    def _apply_sizes(self) -> None:
        h = max(self.height(), 480)
        body = max(16, h // 25)
        self.setStyleSheet(
            f"#audienceWindow, #audienceContent {{ background: #10151c; }}"
            f"#audienceBlank {{ background: black; }}"
            f"QLabel {{ color: #f2f2f2; font-size: {body}px; }}"
            f"#audienceTitle {{ font-size: {int(body * 1.35)}px; font-weight: bold; color: #ffd75e; }}"
            f"#audienceTimer {{ font-size: {int(body * 1.35)}px; font-weight: bold; color: #9fe29f; }}"
            f"#audiencePatient {{ font-size: {int(body * 1.1)}px; color: #cfd8e3; }}"
            f"#audienceHead {{ font-size: {int(body * 0.8)}px; font-weight: bold; color: #8fc1ff; }}"
            f"#audienceCaption {{ font-size: {body}px; }}")

    # ---- driving ----------------------------------------------------------------------------------
    def show_case(self, show: CaseShow) -> None:
        same = (self.show_data is not None and show.item is not None and self.show_data.item is not None
                and self.show_data.item.id == show.item.id)
        self.show_data = show
        if not same:
            self.page = 0
            self._drop_viewer()
        else:
            self.page = min(self.page, len(show.pictures))
        item = show.item
        self._started = item.started_at if item is not None and item.started_at else self.clock()
        self._refresh()

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self._refresh()

    def set_blank(self, blank: bool) -> None:
        self.blank = blank
        self._refresh()

    def step_image(self, delta: int) -> None:
        if self.viewer is not None:
            self.viewer.step(delta)
            return
        n = len(self.show_data.pictures) if self.show_data else 0
        self.page = min(max(self.page + delta, 0), n)
        self._refresh()

    def toggle_viewer(self) -> None:
        if self.viewer is not None or self._viewer_wanted:
            self._drop_viewer()
        elif self.show_data is not None and self.show_data.case is not None:
            self._open_viewer()
        self._refresh()

    def screen_name(self) -> str:
        if self.blank:
            return "blank"
        if self.viewer is not None or self.pages.currentIndex() == 2:
            return "viewer"
        return "image" if self.page > 0 else "case"

    def tick(self) -> None:
        if self._started is None:
            self.timer_label.setText("")
        else:
            self.timer_label.setText(format_elapsed((self.clock() - self._started).total_seconds()))

    # ---- viewer -------------------------------------------------------------------------------------
    def _open_viewer(self) -> None:
        self.no_images.hide()
        if not self.show_data.series:
            self.no_images.setText(self.tr("No image series for this case."))
            self.no_images.show()
            self.viewer = None
            self.pages.setCurrentIndex(2)
            self._viewer_wanted = True
            return
        from ui.viewer import ImageViewer

        self.viewer = ImageViewer(self.session, self.show_data.case.id, self.viewer_page)
        self.viewer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewer_box.addWidget(self.viewer)
        self.viewer.open_series(list(self.show_data.series))
        pictures = self.show_data.pictures
        if pictures:  # start at the key image on screen (or the first), with its saved window
            pic = pictures[max(self.page - 1, 0)]
            if pic.attachment_id in self.show_data.series:
                self.viewer.go_to(self.show_data.series.index(pic.attachment_id))
                if pic.window is not None:
                    self.viewer.set_window(*pic.window)

    def _drop_viewer(self) -> None:
        self._viewer_wanted = False
        if self.viewer is not None:
            self.viewer.hide()
            self.viewer.setParent(None)
            self.viewer.deleteLater()
            self.viewer = None

    # ---- painting the texts ---------------------------------------------------------------------------
    def _refresh(self) -> None:
        before = self._last_screen
        self.outer.setCurrentIndex(1 if self.blank else 0)
        show = self.show_data
        if show is None or show.item is None or show.case is None:
            self.title.setText(self.tr("No case is being discussed") if show is not None else self.tr("Loading…"))
            self.patient.setText("")
            for w in (*self.heads.values(), *self.fields.values()):
                w.setText("")
            self.pages.setCurrentIndex(0)
        else:
            self._fill(show)
        self.tick()
        now = self.screen_name()
        self._last_screen = now
        if now != before:
            emit(self.screenChanged, now)

    def _fill(self, show: CaseShow) -> None:
        c, p, item = show.case, show.case.patient, show.item
        m = self.masked
        self.title.setText(self.tr("Case %1 of %2 · %3").replace("%1", str(show.number))
                           .replace("%2", str(show.total)).replace("%3", show.meeting.team))
        age = age_on(p.birth_date, date.today())
        parts = [p.name if not m else mask_name(p.name), label("sex", p.sex)]
        if age is not None:
            parts.append(self.tr("%1 years").replace("%1", str(age)))
        parts.append(label("tumour_type", item.tumour_type) if item.tumour_type else "")
        self.patient.setText("　".join(x for x in parts if x))
        f = c.fields
        self.heads["question"].setText(self.tr("Question"))
        self.fields["question"].setText(scrub(shorten(f.get("question") or item.question, QUESTION_LIMIT), p, m))
        self.heads["summary"].setText(self.tr("Summary"))
        summary = "；".join(x for x in (f.get("chief_complaint"), f.get("history")) if x)
        self.fields["summary"].setText(scrub(shorten(summary, SUMMARY_LIMIT), p, m))
        self.heads["diagnosis"].setText(self.tr("Diagnosis / stage"))
        diag = " ".join(x for x in (item.diagnosis, f.get("histology_name"), item.stage) if x)
        self.fields["diagnosis"].setText(scrub(diag, p, m))
        self.heads["findings"].setText(self.tr("Key findings"))
        self.fields["findings"].setText(scrub(shorten(self._findings(show), FINDINGS_LIMIT), p, m))
        if self.viewer is not None or self._viewer_wanted:
            self.pages.setCurrentIndex(2)
        elif self.page > 0:
            self.pages.setCurrentIndex(1)
            pic = show.pictures[self.page - 1]
            self.caption.setText(self.tr("Key image %1 of %2").replace("%1", str(self.page))
                                 .replace("%2", str(len(show.pictures)))
                                 + ("：" + scrub(pic.note, p, m) if pic.note else ""))
            self._show_picture()
        else:
            self.pages.setCurrentIndex(0)

    @staticmethod
    def _findings(show: CaseShow) -> str:
        f = show.case.fields
        bits = []
        markers = f.get("biomarkers") or {}
        if markers:
            bits.append("，".join(f"{k} {v}" for k, v in markers.items() if not isinstance(v, dict)))
        if f.get("ecog") is not None:
            bits.append(f"ECOG {f['ecog']}")
        bits.extend(pic.note for pic in show.pictures if pic.note)
        return "；".join(b for b in bits if b)

    def _show_picture(self) -> None:
        if self.show_data is None or not 0 < self.page <= len(self.show_data.pictures):
            return
        pic = self.show_data.pictures[self.page - 1]
        image = QImage(pic.rgb, pic.width, pic.height, pic.width * 3, QImage.Format.Format_RGB888).copy()
        size = self.picture.size()
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    # ---- events ----------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_sizes()
        if self.page > 0:
            QTimer.singleShot(0, self._show_picture)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)
