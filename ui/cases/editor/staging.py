"""Staging: prefix, T, N, M (and the extra factors a table needs); the AJCC 8 stage group computed live.

For the six sites of app.domain.staging (system AJCC, edition 8) the categories are picked from lists
and the group is computed as they change; it can still be entered by hand, and a hand-entered group that
contradicts T, N and M is shown at once. Other sites and systems (FIGO, CNLC…) are typed by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.domain.staging import (
    SITES,
    StageResult,
    StagingInput,
    compute_stage,
    extra_factors,
    validate,
)
from app.domain.staging.common import FACTORS
from app.domain.staging.engine import normalise_group
from ui.cases.editor.staging_labels import StageLabels, pick_list
from ui.cases.editor.widgets import combo_data, hint_label, set_combo_data
from ui.qt_compat import emit
from ui.widgets.forms import InlineError

SYSTEMS = ("AJCC", "FIGO", "CNLC", "Ann Arbor")
PREFIXES = ("c", "p", "yc", "yp")
STAGE_FIELDS = ("stage_system", "stage_edition", "stage_prefix", "stage_t", "stage_n", "stage_m",
                "stage_group", "stage_extra")


class StagingBox(QObject):
    """Adds its rows to `form` (the diagnosis tab's form, so the labels line up) and runs them."""

    changed = Signal()

    def __init__(self, form: QFormLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stagingBox")
        self._site = ""
        self._other_extra: dict = {}  # stage_extra keys this box does not edit (kept as they are)
        self.factor_inputs: dict[str, QComboBox | QLineEdit] = {}
        self.result: StageResult | None = None
        self.errors: dict[str, InlineError] = {}
        self.inputs: dict[str, QWidget] = {}
        self.words = StageLabels(self)

        self.system = QComboBox()
        self.system.setObjectName("stageSystem")
        self.system.setEditable(True)
        self.system.addItems(SYSTEMS)
        self.edition = QLineEdit()
        self.edition.setObjectName("stageEdition")
        self.edition.setFixedWidth(self.edition.fontMetrics().horizontalAdvance("0000") + 24)
        self.prefix = QComboBox()
        self.prefix.setObjectName("stagePrefix")
        self.prefix.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.prefix.addItem("—", "")
        for code, text in self.words.prefix_labels().items():
            self.prefix.addItem(text, code)
        self.t, self.n, self.m = QComboBox(), QComboBox(), QComboBox()
        for name, combo in (("stageT", self.t), ("stageN", self.n), ("stageM", self.m)):
            combo.setObjectName(name)
            combo.setMinimumContentsLength(5)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.factors_box = QWidget()
        self.factors_grid = QGridLayout(self.factors_box)
        self.factors_grid.setContentsMargins(0, 0, 0, 0)
        self.factors_grid.setHorizontalSpacing(10)
        self.fill_button = QPushButton(self.tr("Take over from grade and biomarkers"))
        self.fill_button.setObjectName("fillFactors")
        self.fill_button.clicked.connect(self.fill_factors)
        # grade / er / pr / her2 / histology as the diagnosis tab has them (set by the tab)
        self.sources: Callable[[], dict[str, object]] = dict

        self.computed = QLabel()
        self.computed.setObjectName("computedStage")
        self.computed.setTextFormat(Qt.TextFormat.RichText)
        self.message = hint_label()
        self.message.setObjectName("stageMessage")
        self.by_hand = QCheckBox(self.tr("Enter the stage group by hand"))
        self.by_hand.setObjectName("stageByHand")
        self.group = QLineEdit()
        self.group.setObjectName("stageGroup")
        self.group.setFixedWidth(self.group.fontMetrics().horizontalAdvance("IIIC1r") + 40)

        heading = QLabel(self.tr("Staging"))
        heading.setObjectName("sectionTitle")
        form.addRow(heading)
        system_row = self._row(self.system, QLabel(self.tr("Edition")), self.edition)
        form.addRow(self.tr("Staging system"), self._with_error("stage_system", system_row, self.system))
        tnm_row = self._row(self.prefix, QLabel("T"), self.t, QLabel("N"), self.n, QLabel("M"), self.m)
        form.addRow(self.tr("Prefix, T, N, M"), self._with_error("stage_t", tnm_row, self.t))
        for f, w in (("stage_prefix", self.prefix), ("stage_n", self.n), ("stage_m", self.m),
                     ("stage_edition", self.edition)):
            self.errors[f] = self.errors["stage_t"] if f != "stage_edition" else self.errors["stage_system"]
            self.inputs[f] = w
        self.factors_label = QLabel(self.tr("Extra factors"))
        self._form = form
        self.other_factors = hint_label()  # stage_extra entries without an input here (CNLC Child-Pugh…)
        self.factors_grid.addWidget(self.other_factors, 99, 0, 1, 9)
        self._factors_row = self._with_error("stage_extra", self.factors_box, self.factors_box)
        form.addRow(self.factors_label, self._factors_row)
        form.addRow(self.tr("Computed stage"), self.computed)
        form.addRow("", self.message)
        group_row = self._row(self.group, self.by_hand)
        form.addRow(self.tr("Stage group"), self._with_error("stage_group", group_row, self.group))

        for w in (self.system, self.prefix, self.t, self.n, self.m):
            w.currentIndexChanged.connect(self._edited)
            if w is not self.prefix:
                w.editTextChanged.connect(self._edited)
        for signal in (self.edition.textChanged, self.group.textChanged, self.by_hand.toggled):
            signal.connect(self._edited)
        self.set_site("")

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for w in widgets:
            row.addWidget(w)
        row.addStretch(1)
        return box

    def _with_error(self, field: str, widget: QWidget, focus: QWidget) -> QWidget:
        box = QWidget()
        column = QGridLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setVerticalSpacing(4)
        column.addWidget(widget, 0, 0)
        error = InlineError()
        error.setObjectName(f"error_{field}")
        column.addWidget(error, 1, 0)
        self.errors[field] = error
        self.inputs[field] = focus
        return box

    # -- site and categories ---------------------------------------------------------------------

    def computable(self) -> bool:
        system = self.system.currentText().strip().upper()
        return self._site in SITES and system in ("", "AJCC") and self.edition.text().strip() in ("", "8")

    def set_site(self, site: str) -> None:
        self._site = site or ""
        self._refill_categories()
        self._update()

    def _refill_categories(self) -> None:
        computable = self.computable()
        for combo, letter in ((self.t, "T"), (self.n, "N"), (self.m, "M")):
            current = combo.currentText().strip()
            combo.blockSignals(True)
            combo.clear()
            combo.setEditable(not computable)
            combo.addItem("", "")
            if computable:
                for c in pick_list(self._site, letter):
                    combo.addItem(c, c)
            if current and combo.findText(current) < 0:
                combo.addItem(current, current)
            combo.setCurrentIndex(max(combo.findText(current), 0))
            if combo.isEditable():
                combo.setEditText(current)
            combo.blockSignals(False)
        self._refill_factors()

    def _refill_factors(self) -> None:
        kept = self.factor_values()
        prefix = combo_data(self.prefix) or "c"
        names = extra_factors(self._site, prefix) if self.computable() else ()
        others = {k: v for k, v in self._other_extra.items() if k not in names}
        self.other_factors.setText("　·　".join(f"{k}: {v}" for k, v in others.items()))
        self.other_factors.setVisible(bool(others))
        self._form.setRowVisible(self._factors_row, bool(names or others))
        if tuple(self.factor_inputs) == tuple(names):
            return
        for w in self.factor_inputs.values():
            w.deleteLater()
        while self.factors_grid.count():
            item = self.factors_grid.takeAt(0)
            if item.widget() is not None and item.widget() not in (self.fill_button, self.other_factors):
                item.widget().deleteLater()
        self.factor_inputs = {}
        for i, name in enumerate(names):
            if name == "oncotype":
                w = QLineEdit()
                w.setPlaceholderText("0–100")
                w.textChanged.connect(self._edited)
            else:
                w = QComboBox()
                w.addItem("—", "")
                for code, text in self.words.factor_choices(name):
                    w.addItem(text, code)
                w.currentIndexChanged.connect(self._edited)
            w.setObjectName(f"factor_{name}")
            w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            w.setMinimumWidth(w.fontMetrics().horizontalAdvance("病") * 6)
            self.factors_grid.addWidget(QLabel(self.words.factor_label(name)), i // 4, (i % 4) * 2)
            self.factors_grid.addWidget(w, i // 4, (i % 4) * 2 + 1)
            self.factor_inputs[name] = w
        self.factors_grid.setColumnStretch(8, 1)
        self.factors_grid.addWidget(self.other_factors, 99, 0, 1, 9)
        if names:
            self.factors_grid.addWidget(self.fill_button, (len(names) - 1) // 4 + 1, 0, 1, 8,
                                        Qt.AlignmentFlag.AlignLeft)
        self.set_factor_values(kept)

    def factor_values(self) -> dict[str, str]:
        out = {}
        for name, w in self.factor_inputs.items():
            value = w.text().strip() if isinstance(w, QLineEdit) else (combo_data(w) or "")
            if value:
                out[name] = value
        return out

    def set_factor_values(self, values: dict) -> None:
        for name, w in self.factor_inputs.items():
            raw = values.get(name, "")
            w.blockSignals(True)
            if isinstance(w, QLineEdit):
                w.setText("" if raw is None else str(raw))
            else:
                try:
                    value = FACTORS[name].parse(raw) if str(raw).strip() else ""
                except (KeyError, ValueError):
                    value = str(raw)
                set_combo_data(w, value)
            w.blockSignals(False)

    def fill_factors(self) -> int:
        """Copy grade, ER, PR, HER2 and histological type from the diagnosis fields into empty factors."""
        filled = 0
        sources = self.sources()
        for name, w in self.factor_inputs.items():
            if not isinstance(w, QComboBox) or combo_data(w) or not sources.get(name):
                continue
            try:
                value = FACTORS[name].parse(sources[name])
            except (KeyError, ValueError):
                continue
            set_combo_data(w, value)
            filled += 1
        if not filled:
            self.message.setText(self.tr("Nothing to take over: grade and biomarkers are empty or not "
                                         "clearly positive or negative."))
        return filled

    # -- live result -----------------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        sender = self.sender()
        if sender in (self.system, self.edition) and self.computable() == self.t.isEditable():
            self._refill_categories()  # AJCC 8 for a known site now (lists) or no longer (free text)
        elif sender is self.prefix:
            self._refill_factors()
        self._update()
        emit(self.changed)

    def tnm(self) -> tuple[str, str, str]:
        return tuple(c.currentText().strip() for c in (self.t, self.n, self.m))  # type: ignore[return-value]

    def _update(self) -> None:
        computable = self.computable()
        self.by_hand.setVisible(computable)
        self.errors["stage_group"].clear_message()
        if not computable:
            self.result = None
            self.computed.setText(self.tr("Not computed"))
            if self._site in SITES:
                self.message.setText(self.tr("Stage groups are computed for AJCC 8 only; enter the %1 stage "
                                             "group by hand.").replace("%1", self.system.currentText().strip()))
            else:
                self.message.setText(self.tr("AJCC 8 stage groups are computed for lung, breast, colorectal, "
                                             "gastric, oesophageal and liver cancer; enter this one by hand."))
            self.group.setReadOnly(self._read_only())
            return
        t, n, m = self.tnm()
        prefix = combo_data(self.prefix) or "c"
        self.result = result = compute_stage(StagingInput(self._site, prefix, t, n, m, self.factor_values()))
        self.message.setToolTip("")
        if result.group:
            self.computed.setText(self.tr("<b>%1</b> (%2)").replace("%1", result.group)
                                  .replace("%2", self.words.table_label(result.table)))
            if result.missing:
                self.message.setText(self.tr("Anatomic stage group: the prognostic stage group also needs %1.")
                                     .replace("%1", self._factor_list(result.missing)))
            else:
                self.message.setText(self.words.note_label(result.message) if result.message else "")
        else:
            self.computed.setText(self.tr("Not computed"))
            self.message.setToolTip(result.message)
            if not (t and n and m):
                self.message.setText(self.tr("Choose T, N and M to compute the stage group."))
            elif result.missing:
                self.message.setText(self.tr("The stage group also needs %1.")
                                     .replace("%1", self._factor_list(result.missing)))
            elif any(c.upper().endswith("X") for c in (t, n, m)):
                self.message.setText(self.tr("TX or NX: the category is unknown, so several stage groups are "
                                             "possible. Enter the group by hand if the team agrees on one."))
            else:
                self.message.setText(self.tr("No stage group for these categories (point at this line for "
                                             "the details)."))
        by_hand = self.by_hand.isChecked()
        self.group.setReadOnly(not by_hand or self._read_only())
        if not by_hand:
            self.group.blockSignals(True)
            self.group.setText(result.group or "")
            self.group.blockSignals(False)
        elif self.group.text().strip() and result.group:
            inp = StagingInput(self._site, prefix, t, n, m, self.factor_values())
            if validate(inp, self.group.text()) is not None:
                self.errors["stage_group"].show_message(
                    self.tr("The stage group %1 does not match T, N and M: AJCC 8 gives %2.")
                    .replace("%1", self.group.text().strip()).replace("%2", result.group))

    def _factor_list(self, names) -> str:
        return self.tr(", ").join(self.words.factor_label(n) for n in names)

    def _read_only(self) -> bool:
        return bool(self.property("readOnlyForm"))

    def inconsistent(self) -> bool:
        return bool(self.errors["stage_group"].text())

    # -- values ----------------------------------------------------------------------------------

    def values(self) -> dict:
        t, n, m = self.tnm()
        system = self.system.currentText().strip()
        edition = self.edition.text().strip()
        computable = self.computable()
        if computable and (t or n or m):
            system, edition = "AJCC", edition or "8"
        group = self.group.text().strip()
        if computable and not self.by_hand.isChecked():
            group = self.result.group if self.result and self.result.group else ""
        extra = {k: v for k, v in self._other_extra.items() if k not in self.factor_inputs}
        extra.update(self.factor_values())
        return {"stage_system": system, "stage_edition": edition, "stage_prefix": combo_data(self.prefix) or "",
                "stage_t": t, "stage_n": n, "stage_m": m, "stage_group": group, "stage_extra": extra}

    def set_values(self, fields: dict) -> None:
        widgets = (self.system, self.edition, self.prefix, self.t, self.n, self.m, self.group, self.by_hand)
        for w in widgets:
            w.blockSignals(True)
        self.system.setEditText(fields.get("stage_system") or "")
        self.edition.setText(fields.get("stage_edition") or "")
        set_combo_data(self.prefix, fields.get("stage_prefix") or "")
        for combo, key in ((self.t, "stage_t"), (self.n, "stage_n"), (self.m, "stage_m")):
            value = fields.get(key) or ""
            if combo.findText(value) < 0:
                combo.addItem(value, value)
            combo.setCurrentIndex(combo.findText(value))
            if combo.isEditable():
                combo.setEditText(value)
        extra = dict(fields.get("stage_extra") or {})
        self._other_extra = extra
        self._refill_categories()
        self.set_factor_values(extra)
        stored = (fields.get("stage_group") or "").strip()
        self.group.setText(stored)
        self.by_hand.setChecked(False)
        self._update()
        computed = self.result.group if self.result else None
        if stored and self.computable() and (not computed or normalise_group(stored) != computed):
            self.by_hand.setChecked(True)  # a group that is not simply the computed one was entered by hand
            self.group.setText(stored)
        for w in widgets:
            w.blockSignals(False)
        self._update()

    def set_read_only(self, read_only: bool) -> None:
        self.setProperty("readOnlyForm", read_only)
        for w in (self.system, self.prefix, self.t, self.n, self.m, self.by_hand, self.fill_button,
                  *self.factor_inputs.values()):
            w.setEnabled(not read_only)
        self.edition.setReadOnly(read_only)
        self._update()
