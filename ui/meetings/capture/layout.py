"""The widgets of the capture console, laid out for a 1280x800 screen: opinions left, decision right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import CONFERENCE_TYPES, label
from app.i18n import QT_TRANSLATE_NOOP as N
from ui.meetings.capture.advisory import AdvisoryPanel
from ui.meetings.capture.common import tr
from ui.meetings.capture.form import DecisionForm
from ui.meetings.capture.opinions import OpinionsPanel


def scrolled(widget: QWidget, title: str) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: 600; font-size: 13pt;")
    layout.addWidget(heading)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(widget)
    layout.addWidget(area, 1)
    return box


def build_console(console) -> None:
    """Create the console's widgets as attributes of `console` and lay them out."""
    outer = QVBoxLayout(console)
    outer.setContentsMargins(10, 8, 10, 8)
    outer.setSpacing(6)
    top = QHBoxLayout()
    console.header = QLabel("")
    console.header.setObjectName("captureHeader")
    console.header.setStyleSheet("font-weight: 600; font-size: 13pt;")
    console.header.setWordWrap(True)
    top.addWidget(console.header, 1)
    top.addWidget(QLabel(tr(N("MeetingCapture", "Conference type"))))
    console.conference_type = conference_combo()
    top.addWidget(console.conference_type)
    outer.addLayout(top)
    status = QHBoxLayout()
    console.final_label = QLabel("")
    console.final_label.setObjectName("finalLabel")
    console.final_label.setStyleSheet("font-weight: 600;")
    console.final_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
    console.message = QLabel("")
    console.message.setObjectName("captureMessage")
    console.message.setStyleSheet("color: #b45309;")
    console.message.setWordWrap(True)
    status.addWidget(console.final_label)
    status.addWidget(console.message, 1)
    outer.addLayout(status)
    console.advisory = AdvisoryPanel()
    outer.addWidget(console.advisory)
    console.opinions = OpinionsPanel()
    console.form = DecisionForm()
    split = QSplitter(Qt.Orientation.Horizontal)
    split.setChildrenCollapsible(False)
    split.addWidget(scrolled(console.opinions, tr(N("MeetingCapture", "Opinions of the attendees"))))
    split.addWidget(scrolled(console.form, tr(N("MeetingCapture", "Decision"))))
    split.setStretchFactor(0, 2)
    split.setStretchFactor(1, 3)
    split.setSizes([480, 720])
    outer.addWidget(split, 1)
    row = buttons_row(console)
    row.insertWidget(4, console.saved_label)
    outer.addLayout(row)


def conference_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("conferenceType")
    for code in CONFERENCE_TYPES:
        combo.addItem(label("conference_type", code), code)
    return combo


def buttons_row(console) -> QHBoxLayout:
    row = QHBoxLayout()
    specs = (
        ("previous_button", "previousItem", tr(N("MeetingCapture", "◀ Previous case"))),
        ("discussed_button", "markDiscussed", tr(N("MeetingCapture", "Mark discussed"))),
        ("next_button", "nextItem", tr(N("MeetingCapture", "Next case ▶"))),
        (None, None, None),
        ("versions_button", "showVersions", tr(N("MeetingCapture", "Versions…"))),
        ("amend_button", "amendDecision", tr(N("MeetingCapture", "Amend…"))),
        ("finalise_button", "finaliseDecision", tr(N("MeetingCapture", "Finalise…"))),
    )
    for attr, name, text in specs:
        if attr is None:
            row.addStretch(1)
            continue
        button = QPushButton(text)
        button.setObjectName(name)
        setattr(console, attr, button)
        row.addWidget(button)
    console.saved_label = QLabel("")
    console.saved_label.setObjectName("savedLabel")
    return row
