"""The bricks of the case editor's forms: a tab of labelled fields, each with its own inline error line."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.qt_compat import emit
from ui.widgets.forms import InlineError

FORM_MAX_WIDTH_CHARS = 62  # a readable line length, in CJK characters


class TextArea(QPlainTextEdit):
    """A few lines of wrapped text for one paragraph.

    The case service refuses control characters, line breaks included, so Enter does not start a new
    line and pasted line breaks become spaces: what is on screen is what gets saved.
    """

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._lines = lines
        self._fit()

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        margins = self.contentsMargins()
        self.setFixedHeight(int(line * self._lines + 2 * self.document().documentMargin()
                                + margins.top() + margins.bottom() + 6))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # no line breaks (see the class note); the window may use Enter
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = " ".join(source.text().split()) if source.hasText() else ""
        if text:
            self.insertPlainText(text)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLineEdit spelling, so forms treat both alike
        if text != self.toPlainText():
            self.setPlainText(text)


def required_text(text: str) -> str:
    """Rich text: a field label with the red star of a required field."""
    return f'{text} <span style="color:#b00020">*</span>'


def required_label(text: str) -> QLabel:
    label = QLabel(required_text(text))
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def combo_data(combo: QComboBox):
    return combo.currentData() if combo.currentIndex() >= 0 else None


def set_combo_data(combo: QComboBox, value) -> None:
    """Select the item carrying `value`; an unknown non-empty value is added so nothing is lost."""
    i = combo.findData(value)
    if i < 0 and value not in (None, ""):
        combo.addItem(str(value), value)
        i = combo.count() - 1
    combo.setCurrentIndex(max(i, 0))


class FormTab(QWidget):
    """One tab of the editor: labelled fields in a scrolling form, errors shown under their field.

    Subclasses add rows with `add_row(field, label, widget)` and implement `values()` / `set_values()`.
    `changed` fires on any edit by the user (and on `set_values`, which callers account for).
    """

    changed = Signal()
    FIELDS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, InlineError] = {}
        self._widgets: dict[str, QWidget] = {}
        body = QWidget()
        body.setObjectName("editorForm")
        body.setMaximumWidth(self.fontMetrics().horizontalAdvance("病") * FORM_MAX_WIDTH_CHARS)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(20, 16, 20, 16)
        self.body.setSpacing(12)
        self.form = self.new_form()
        self.body.addLayout(self.form)
        scroll = QScrollArea()
        scroll.setObjectName("editorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def new_form() -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        return form

    def add_row(self, field: str, label: str | QLabel, widget: QWidget, form: QFormLayout | None = None,
                focus: QWidget | None = None) -> QWidget:
        """A form row: the widget with its (hidden until needed) error line below it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(widget)
        error = InlineError()
        error.setObjectName(f"error_{field}")
        column.addWidget(error)
        self.register(field, focus or widget, error)
        (form or self.form).addRow(label, box)
        return box

    def register(self, field: str, widget: QWidget, error: InlineError) -> None:
        self._widgets[field] = widget
        self._errors[field] = error

    def fields(self) -> tuple[str, ...]:
        return tuple(self._errors)

    def has_field(self, field: str) -> bool:
        return field in self._errors

    def show_error(self, field: str, message: str) -> bool:
        error = self._errors.get(field)
        if error is None:
            return False
        error.show_message(message)
        return True

    def clear_error(self, field: str) -> None:
        if field in self._errors:
            self._errors[field].clear_message()

    def clear_errors(self) -> None:
        for error in self._errors.values():
            error.clear_message()

    def focus_field(self, field: str) -> None:
        widget = self._widgets.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            scroll = self.findChild(QScrollArea, "editorScroll")
            if scroll is not None:
                scroll.ensureWidgetVisible(widget)

    def set_read_only(self, read_only: bool) -> None:
        for w in self.findChildren(QWidget):
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(read_only)
            elif isinstance(w, QComboBox | QAbstractButton):
                w.setEnabled(not read_only)

    def watch(self, *widgets: QWidget) -> None:
        """Fire `changed` when any of these inputs is edited."""
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self._changed)
                if w.isEditable():
                    w.editTextChanged.connect(self._changed)
            elif isinstance(w, QAbstractButton):
                w.toggled.connect(self._changed)

    def _changed(self, *_args) -> None:
        emit(self.changed)


def hint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label
