"""The parts of the patient form: a field with its own error line, birth date, address, ID number status."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.address import Address, split_address
from ui.qt_compat import emit
from ui.resources_path import resource
from ui.widgets.forms import InlineError

NO_DATE = QDate(1889, 12, 31)  # shown as "—": the rules accept birth dates from 1890 on
DEFAULT_BIRTH = QDate(1960, 1, 1)
# The shared style sheet styles #inlineError, QLineEdit and QComboBox; these complete it for this form.
NOTICE_STYLE = """
QLabel#idOk { color: #1d6b35; }
QFrame#duplicateNotice { background: #fff6e0; border: 1px solid #e6c570; border-radius: 4px; }
QFrame#duplicateNotice QLabel { color: #5a4300; }
QDateEdit { background: #ffffff; border: 1px solid #b4c1cd; border-radius: 4px; padding: 4px 6px;
            padding-right: 22px; min-height: 1.4em; }
QDateEdit:focus { border: 1px solid #2f6da3; }
QDateEdit:disabled { background: #eef1f4; color: #7d8a96; }
QDateEdit::drop-down { subcontrol-origin: padding; subcontrol-position: center right; width: 20px;
                       border: none; }
QDateEdit::down-arrow { image: url(@ICONS@/chevron-down.svg); width: 12px; height: 12px; }
""".replace("@ICONS@", resource("icons").as_posix())


def grow_to_fit(window: QWidget) -> None:
    """Make a shown window taller when its content grew (an error appeared): top-level windows do not
    follow the height-for-width of wrapped labels by themselves, and the text would be clipped."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    need = max(need, layout.totalMinimumSize().height())
    if need > window.height():
        window.resize(width, need)


def line_edit(object_name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    return edit


class FieldBox(QWidget):
    """An editor with its error sentence underneath (hidden while there is none)."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = InlineError()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(editor)
        layout.addWidget(self.error)


class BirthDateField(QWidget):
    """A date, or "not known" (the checkbox): a clerk must never have to invent a birth date.

    While "not known" is ticked the date field shows "—" (the day before the earliest allowed date stands
    for it), so no made-up date is on screen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setObjectName("birthDate")
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.edit.setDateRange(NO_DATE, QDate.currentDate())
        self.edit.setSpecialValueText("—")
        self._last = DEFAULT_BIRTH  # what unticking "not known" brings back
        self.unknown = QCheckBox(self.tr("Not known"))
        self.unknown.setObjectName("birthDateUnknown")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.unknown)
        self.unknown.toggled.connect(self._unknown_toggled)
        self.edit.dateChanged.connect(lambda _d: emit(self.changed))
        self.set_value(None)

    def _unknown_toggled(self, unknown: bool) -> None:
        self._apply(unknown)
        if not unknown:
            self.edit.setFocus()  # the clerk unticked "not known" to type the date

    def _apply(self, unknown: bool) -> None:
        if unknown:
            if self.edit.date() != NO_DATE:
                self._last = self.edit.date()
            self.edit.setDate(NO_DATE)
        else:
            self.edit.setDate(self._last)
        self.edit.setEnabled(not unknown)
        emit(self.changed)

    def value(self) -> date | None:
        d = self.edit.date()
        return None if self.unknown.isChecked() or d == NO_DATE else d.toPython()

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self._last = QDate(value.year, value.month, value.day)
        self.unknown.blockSignals(True)
        self.unknown.setChecked(value is None)
        self.unknown.blockSignals(False)
        self._apply(value is None)


class InsuranceCombo(QComboBox):
    """The insurance type: the label follows the UI language, the stored text is always Chinese."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insurance")
        self.addItem(self.tr("(not recorded)"), "")
        for text, stored in ((self.tr("Urban employee medical insurance"), "城镇职工医保"),
                             (self.tr("Urban and rural resident medical insurance"), "城乡居民医保"),
                             (self.tr("New rural cooperative medical scheme"), "新农合"),
                             (self.tr("Commercial insurance"), "商业保险"),
                             (self.tr("Self-paying"), "自费"),
                             (self.tr("Other"), "其他")):
            self.addItem(text, stored)

    def set_value(self, stored: str) -> None:
        if stored and self.findData(stored) < 0:
            self.addItem(stored, stored)  # an older or imported wording is kept as it is
        self.setCurrentIndex(max(0, self.findData(stored)))


class AddressFields(QWidget):
    """Province, city, county, township and the rest, plus one line where a whole address can be pasted."""

    PARTS = ("province", "city", "county", "township", "address_detail")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paste = QLineEdit()
        self.paste.setObjectName("addressPaste")
        self.paste.setClearButtonEnabled(True)
        self.paste.setPlaceholderText(self.tr("Paste or type a full address, e.g. 河南省周口市郸城县汲冢镇王庄村3组"))
        self.paste.setToolTip(self.tr("The address is split into province, city, county, township and the rest "
                                      "below; check and correct the parts."))
        self.edits: dict[str, QLineEdit] = {}
        for key in self.PARTS:
            edit = QLineEdit()
            edit.setObjectName(key)
            self.edits[key] = edit
        self.edits["province"].setPlaceholderText(self.tr("e.g. 河南省"))
        self.edits["city"].setPlaceholderText(self.tr("e.g. 周口市"))
        self.edits["county"].setPlaceholderText(self.tr("e.g. 郸城县"))
        self.edits["township"].setPlaceholderText(self.tr("e.g. 汲冢镇"))
        self.edits["address_detail"].setPlaceholderText(self.tr("Village, street, house number"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.addWidget(QLabel(self.tr("Full address")), 0, 0)
        grid.addWidget(self.paste, 0, 1, 1, 5)
        grid.addWidget(QLabel(self.tr("Province")), 1, 0)
        grid.addWidget(self.edits["province"], 1, 1)
        grid.addWidget(QLabel(self.tr("City")), 1, 2)
        grid.addWidget(self.edits["city"], 1, 3)
        grid.addWidget(QLabel(self.tr("County/district")), 1, 4)
        grid.addWidget(self.edits["county"], 1, 5)
        grid.addWidget(QLabel(self.tr("Township")), 2, 0)
        grid.addWidget(self.edits["township"], 2, 1)
        grid.addWidget(QLabel(self.tr("Village/street")), 2, 2)
        grid.addWidget(self.edits["address_detail"], 2, 3, 1, 3)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        self.paste.textEdited.connect(self.fill_from)

    def fill_from(self, text: str) -> None:
        """Split a whole address into the parts (live: the parts show how the line will be stored)."""
        if text.strip():
            self.set_parts(split_address(text))

    def set_parts(self, address: Address) -> None:
        values = (address.province, address.city, address.county, address.township, address.detail)
        for key, value in zip(self.PARTS, values, strict=True):
            self.edits[key].setText(value)

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}


class IdStatusLine(QWidget):
    """Under the ID number: typing progress, the reason it is invalid, or "valid" with an offer to fill."""

    offerAccepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.ok = QLabel()
        self.ok.setObjectName("idOk")
        self.error = InlineError()
        self.offer = QPushButton()
        self.offer.setObjectName("idOffer")
        self.offer.setCursor(Qt.CursorShape.PointingHandCursor)
        self.offer.clicked.connect(lambda: emit(self.offerAccepted))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.ok)
        row.addWidget(self.offer)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.show_state()

    def show_state(self, hint: str = "", error: str = "", ok: str = "", offer: str = "") -> None:
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.error.show_message(error)
        self.ok.setText(ok)
        self.ok.setVisible(bool(ok))
        self.offer.setText(offer)
        self.offer.setVisible(bool(offer))
        self.setVisible(bool(hint or error or ok or offer))


class DuplicateNotice(QFrame):
    """"Already registered: 张三 (住院号 …)" with a button to take that patient instead."""

    useExisting = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateNotice")
        self.text = QLabel()
        self.text.setObjectName("duplicateText")
        self.text.setWordWrap(True)
        self.use_button = QPushButton(self.tr("Use this patient"))
        self.use_button.setObjectName("useExisting")
        self.use_button.clicked.connect(lambda: emit(self.useExisting))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(10)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.use_button)
        self.hide()

    def show_patient(self, text: str, offer_use: bool) -> None:
        self.text.setText(text)
        self.use_button.setVisible(offer_use)
        self.show()
